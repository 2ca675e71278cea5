import { Composer, InlineKeyboard } from "grammy";
import { interfaceLanguageOf, type UserRow, type UserSettings } from "../../db/users.ts";
import { isLanguage, LEVELS, STACKS } from "../../domain/vocabulary.ts";
import type { Translate } from "../../i18n.ts";
import type { BotContext } from "../context.ts";
import { languageKeyboard, levelKeyboard, stackKeyboard } from "../keyboards.ts";

// Settings are plain callbacks, not a conversation: any old settings message keeps working.
export const settingsFeature = new Composer<BotContext>();
const privateChats = settingsFeature.chatType("private");

function summary(t: Translate, user: UserRow): string {
  const notSet = t("settings.not_set");
  return t("settings.summary", {
    uiLanguage: user.uiLanguage ? t(`languages.${user.uiLanguage}`) : notSet,
    interviewLanguage: user.interviewLanguage ? t(`languages.${user.interviewLanguage}`) : notSet,
    stack: user.stack ? t(`stacks.${user.stack}`) : notSet,
    level: user.level ? t(`levels.${user.level}`) : notSet,
    timezone: user.timezone,
  });
}

function menu(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("settings.button_language"), "set-menu:lang")
    .text(t("settings.button_interview_language"), "set-menu:ilang")
    .row()
    .text(t("settings.button_stack"), "set-menu:stack")
    .text(t("settings.button_level"), "set-menu:level");
}

privateChats.command("settings", async (ctx) => {
  await ctx.reply(summary(ctx.t, ctx.user!), { reply_markup: menu(ctx.t) });
});

privateChats.command("language", async (ctx) => {
  await ctx.reply(ctx.t("settings.choose_language"), { reply_markup: languageKeyboard(ctx.t, "set-lang") });
});

const submenus = {
  lang: (t: Translate) => ({ text: t("settings.choose_language"), keyboard: languageKeyboard(t, "set-lang") }),
  ilang: (t: Translate) => ({ text: t("settings.choose_interview_language"), keyboard: languageKeyboard(t, "set-ilang") }),
  stack: (t: Translate) => ({ text: t("start.choose_stack"), keyboard: stackKeyboard(t, "set-stack") }),
  level: (t: Translate) => ({ text: t("start.choose_level"), keyboard: levelKeyboard(t, "set-level") }),
};

privateChats.callbackQuery(/^set-menu:(lang|ilang|stack|level)$/, async (ctx) => {
  const { text, keyboard } = submenus[ctx.match[1] as keyof typeof submenus](ctx.t);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(text, { reply_markup: keyboard });
});

/** Which field a callback prefix sets, and which values it accepts. */
const setters: Record<string, (value: string) => UserSettings | undefined> = {
  "set-lang": (value) => (isLanguage(value) ? { uiLanguage: value } : undefined),
  "set-ilang": (value) => (isLanguage(value) ? { interviewLanguage: value } : undefined),
  "set-stack": (value) => ((STACKS as readonly string[]).includes(value) ? { stack: value } : undefined),
  "set-level": (value) => ((LEVELS as readonly string[]).includes(value) ? { level: value } : undefined),
};

privateChats.callbackQuery(/^(set-lang|set-ilang|set-stack|set-level):(\w+)$/, async (ctx) => {
  const change = setters[ctx.match[1]!]?.(ctx.match[2]!);
  if (!change) return ctx.answerCallbackQuery();
  const user = await ctx.services.users.update(ctx.user!.id, change);
  // A new interface language applies to this very answer.
  const t = ctx.services.i18n.t(interfaceLanguageOf(user));
  await ctx.answerCallbackQuery({ text: t("settings.saved") });
  await ctx.editMessageText(summary(t, user), { reply_markup: menu(t) });
});
