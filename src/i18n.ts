import { readFileSync } from "node:fs";
import { createInstance, type TFunction } from "i18next";
import { LANGUAGES, type Language } from "./domain/vocabulary.ts";

export type Translate = TFunction;

const LOCALES_DIR = new URL("../locales/", import.meta.url);

export interface I18n {
  t(language: Language): Translate;
}

/** Loads every locale once, synchronously, so the first update is never answered untranslated. */
export async function createI18n(): Promise<I18n> {
  const resources = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      { translation: JSON.parse(readFileSync(new URL(`${language}.json`, LOCALES_DIR), "utf8")) },
    ]),
  );
  const instance = createInstance();
  await instance.init({
    resources,
    lng: "en",
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    // Telegram text is plain or HTML we escape ourselves; i18next's HTML escaping would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const fixed = new Map(LANGUAGES.map((language) => [language, instance.getFixedT(language)]));
  return { t: (language) => fixed.get(language)! };
}

/** Telegram's language_code → our language, until the user chooses one. */
export function languageFromTelegram(code: string | undefined): Language {
  const prefix = code?.toLowerCase().slice(0, 2);
  if (prefix === "uz") return "uz";
  if (prefix === "ru") return "ru";
  return "en";
}
