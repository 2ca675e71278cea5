import { describe, expect, it } from "vitest";
import { readBank } from "../../src/bank/files.ts";
import { uzbekOrthographyProblems } from "../../src/bank/orthography.ts";
import { similarQuestions } from "../../src/bank/similarity.ts";
import { bankStats } from "../../src/bank/stats.ts";
import { REQUIRED_TOPICS } from "../../src/bank/topics.ts";
import { LANGUAGES, STACKS } from "../../src/domain/vocabulary.ts";

// readBank validates every file against the zod schema and rejects duplicate ids.
const bank = readBank();

describe("question bank content", () => {
  it("holds at least 300 questions, 20 per stage, 12 coding, 12 system design and 12 per stack", () => {
    const stats = bankStats(bank);
    expect(stats.total).toBeGreaterThanOrEqual(300);
    for (const [stage, count] of Object.entries(stats.byStage)) expect(count, stage).toBeGreaterThanOrEqual(20);
    for (const stack of STACKS) expect(stats.byStack[stack], stack).toBeGreaterThanOrEqual(12);
    expect(stats.languages).toEqual(["en", "ru", "uz"]);
  });

  it("is complete in all three languages with the same key point ids", () => {
    for (const question of bank) {
      const ids = question.keyPoints.map((point) => point.id).sort();
      for (const language of LANGUAGES) {
        const content = question.i18n[language];
        expect(Object.keys(content.keyPoints).sort(), `${question.id}/${language}`).toEqual(ids);
        expect(content.followUps.length, `${question.id}/${language} follow-ups`).toBeGreaterThanOrEqual(2);
        expect(content.pitfalls.length, `${question.id}/${language} pitfalls`).toBeGreaterThanOrEqual(2);
      }
      // The same number of pitfalls and follow-ups in every language: translations, not rewrites.
      expect(new Set(LANGUAGES.map((l) => question.i18n[l].followUps.length)).size, question.id).toBe(1);
    }
  });

  it("is really translated: Russian in Cyrillic, Uzbek in Latin with ʻ, nothing left in English", () => {
    for (const question of bank) {
      const { en, ru, uz } = question.i18n;
      expect(ru.question, question.id).toMatch(/[а-яё]{3}/i);
      expect(uz.question, question.id).not.toMatch(/[а-яё]/i);
      expect(uz.question, question.id).not.toBe(en.question);
      expect(uz.modelAnswer, question.id).not.toBe(en.modelAnswer);
      const uzTexts = [uz.question, uz.tests, uz.modelAnswer, ...Object.values(uz.keyPoints), ...uz.pitfalls, ...uz.followUps];
      expect(uzTexts.flatMap(uzbekOrthographyProblems), question.id).toEqual([]);
    }
  });

  it("tags every required topic on at least one question", () => {
    const tagged = new Set(bank.flatMap((question) => question.topics));
    const missing = Object.keys(REQUIRED_TOPICS).filter((topic) => !tagged.has(topic));
    expect(missing).toEqual([]);
  });

  it("has no near-duplicate questions", () => {
    expect(similarQuestions(bank, 0.45, "question")).toEqual([]);
    // Calibrated on this bank: the one reworded duplicate found (a column rename asked twice) stood at 0.34.
    expect(similarQuestions(bank, 0.3, "modelAnswer")).toEqual([]);
  });

  it("gives each level enough questions in every stage to plan an interview", () => {
    for (const level of ["junior", "mid", "senior"] as const) {
      for (const stage of ["screen", "technical", "coding", "system_design", "behavioral"] as const) {
        const count = bank.filter((question) => question.stage === stage && question.levels.includes(level)).length;
        expect(count, `${stage}/${level}`).toBeGreaterThanOrEqual(5);
      }
    }
  });
});
