import type { Conversation } from "@grammyjs/conversations";
import type { Context } from "grammy";
import { interfaceLanguageOf } from "../../db/users.ts";
import type { Language, Level, Stack } from "../../domain/vocabulary.ts";
import { languageFromTelegram } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { languageKeyboard, levelKeyboard, stackKeyboard } from "../keyboards.ts";
import type { Services } from "../services.ts";

export const ONBOARDING = "onboarding";

/**
 * /start: language → stack → level. Each choice is saved as soon as it is made, so a user who
 * walks away halfway keeps what they chose; the conversation itself survives restarts.
 */
export function createOnboarding(services: Services) {
  return async function onboarding(conversation: Conversation<BotContext, Context>, ctx: Context): Promise<void> {
    const from = ctx.from!;
    // Only plain fields cross conversation.external: its results are stored and replayed as JSON.
    const greeting = await conversation.external(async () => {
      const user = await services.users.get(from.id);
      return user ? interfaceLanguageOf(user) : languageFromTelegram(from.language_code);
    });
    let t = services.i18n.t(greeting);
    const pressButton = (other: Context) => other.reply(t("start.press_button"));

    await ctx.reply(t("start.welcome", { name: from.first_name }), { reply_markup: languageKeyboard(t, "onb-lang") });
    const languageChoice = await conversation.waitForCallbackQuery(/^onb-lang:(en|ru|uz)$/, { otherwise: pressButton });
    const language = languageChoice.match[1] as Language;
    await conversation.external(() => services.users.update(from.id, { uiLanguage: language, interviewLanguage: language }).then(() => null));
    t = services.i18n.t(language);
    await languageChoice.answerCallbackQuery();
    await languageChoice.editMessageText(`🌐 ${t(`languages.${language}`)}`);

    await ctx.reply(t("start.choose_stack"), { reply_markup: stackKeyboard(t, "onb-stack") });
    const stackChoice = await conversation.waitForCallbackQuery(/^onb-stack:(\w+)$/, { otherwise: pressButton });
    const stack = stackChoice.match[1] as Stack;
    await conversation.external(() => services.users.update(from.id, { stack }).then(() => null));
    await stackChoice.answerCallbackQuery();
    await stackChoice.editMessageText(`🧰 ${t(`stacks.${stack}`)}`);

    await ctx.reply(t("start.choose_level"), { reply_markup: levelKeyboard(t, "onb-level") });
    const levelChoice = await conversation.waitForCallbackQuery(/^onb-level:(\w+)$/, { otherwise: pressButton });
    const level = levelChoice.match[1] as Level;
    const count = await conversation.external(async () => {
      await services.users.update(from.id, { level });
      return services.bank.countFor(stack, level);
    });
    await levelChoice.answerCallbackQuery();
    await levelChoice.editMessageText(`📈 ${t(`levels.${level}`)}`);

    await ctx.reply(
      t("start.done", {
        stack: t(`stacks.${stack}`),
        level: t(`levels.${level}`),
        language: t(`languages.${language}`),
        count: t("bank.questions", { count }),
      }),
    );
  };
}
