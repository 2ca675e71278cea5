import { InlineKeyboard } from "grammy";
import { LANGUAGES, LEVELS, STACKS } from "../domain/vocabulary.ts";
import type { Translate } from "../i18n.ts";

/** Callback data is "<prefix>:<value>"; each flow owns its prefix so stale buttons are told apart. */
export function languageKeyboard(t: Translate, prefix: string): InlineKeyboard {
  return InlineKeyboard.from([LANGUAGES.map((language) => InlineKeyboard.text(t(`languages.${language}`), `${prefix}:${language}`))]);
}

export function stackKeyboard(t: Translate, prefix: string): InlineKeyboard {
  const buttons = STACKS.map((stack) => InlineKeyboard.text(t(`stacks.${stack}`), `${prefix}:${stack}`));
  return InlineKeyboard.from([buttons.slice(0, 3), buttons.slice(3)]);
}

export function levelKeyboard(t: Translate, prefix: string): InlineKeyboard {
  return InlineKeyboard.from([LEVELS.map((level) => InlineKeyboard.text(t(`levels.${level}`), `${prefix}:${level}`))]);
}
