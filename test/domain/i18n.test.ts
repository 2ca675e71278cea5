import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { uzbekOrthographyProblems } from "../../src/bank/orthography.ts";
import { LANGUAGES } from "../../src/domain/vocabulary.ts";
import { createI18n, languageFromTelegram } from "../../src/i18n.ts";

type Tree = { [key: string]: string | Tree };
const locale = (language: string) => JSON.parse(readFileSync(`locales/${language}.json`, "utf8")) as Tree;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [(prefix + key).replace(PLURAL_SUFFIX, "")] : keys(value, `${prefix}${key}.`),
  );
}

function strings(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : strings(value)));
}

describe("locales", () => {
  it("carry the same keys in en, ru and uz", () => {
    const english = new Set(keys(locale("en")));
    for (const language of LANGUAGES) expect(new Set(keys(locale(language)))).toEqual(english);
  });

  it("write Uzbek with ʻ in oʻ and gʻ, never an ASCII apostrophe", () => {
    const problems = strings(locale("uz")).flatMap((text) => uzbekOrthographyProblems(text).map((p) => `${p}: ${text}`));
    expect(problems).toEqual([]);
  });

  it("pluralise Russian with one / few / many", async () => {
    const t = (await createI18n()).t("ru");
    expect([1, 3, 5, 11, 21, 22, 25].map((count) => t("bank.questions", { count }))).toEqual([
      "1 вопрос",
      "3 вопроса",
      "5 вопросов",
      "11 вопросов",
      "21 вопрос",
      "22 вопроса",
      "25 вопросов",
    ]);
  });

  it("pluralise English and Uzbek", async () => {
    const i18n = await createI18n();
    expect([1, 2].map((count) => i18n.t("en")("bank.questions", { count }))).toEqual(["1 question", "2 questions"]);
    expect(i18n.t("uz")("bank.questions", { count: 2 })).toBe("2 ta savol");
  });
});

describe("languageFromTelegram", () => {
  it.each([
    ["uz", "uz"],
    ["uz-UZ", "uz"],
    ["ru", "ru"],
    ["ru-RU", "ru"],
    ["en-US", "en"],
    ["kk", "en"],
    [undefined, "en"],
  ])("%s → %s", (code, expected) => {
    expect(languageFromTelegram(code)).toBe(expected);
  });
});
