import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

export const cancelFeature = new Composer<BotContext>();

cancelFeature.command("cancel", async (ctx) => {
  const active = Object.keys(await ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active ? "cancel.done" : "cancel.nothing"));
});
