import { Composer } from "grammy";
import type { BotContext } from "../context.ts";

export const helpFeature = new Composer<BotContext>();

helpFeature.command("help", async (ctx) => {
  const { stack, level } = ctx.user ?? {};
  const count = await ctx.services.bank.countFor(stack ?? undefined, level ?? undefined);
  const questions = ctx.t("bank.questions", { count });
  const bankLine =
    stack && level
      ? ctx.t("help.bank_for_profile", { count: questions, stack: ctx.t(`stacks.${stack}`), level: ctx.t(`levels.${level}`) })
      : ctx.t("help.bank_total", { count: questions });
  await ctx.reply(`${ctx.t("help.text")}\n\n${bankLine}`);
});
