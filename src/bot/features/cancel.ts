import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

export const cancelFeature = new Composer<BotContext>();

cancelFeature.command("cancel", async (ctx) => {
  const flows = Object.keys(await ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  const session = ctx.user ? await ctx.services.interviews.unfinished(ctx.user.id) : undefined;
  if (session) {
    await ctx.services.director.cancel(session);
    return ctx.reply(ctx.t(session.kind === "interview" ? "interview.cancelled" : "cancel.done"));
  }
  await ctx.reply(ctx.t(flows ? "cancel.done" : "cancel.nothing"));
});
