import { normalizeForMatching, words } from "./text-normalization.ts";
import type { Language } from "./vocabulary.ts";

/** Sounds and phrases people fill silence with, per language; matched as whole words. */
export const FILLERS: Record<Language, readonly string[]> = {
  en: ["um", "uh", "erm", "er", "hmm", "like", "you know", "i mean", "basically", "sort of", "kind of"],
  ru: ["ну", "типа", "короче", "как бы", "это самое", "вот", "значит", "в общем", "э", "эм", "ээ", "ммм"],
  uz: ["anaqa", "xullas", "haligi", "mana", "endi", "yani", "eee", "ee", "hmm", "aa"],
};

export interface SpeechMetrics {
  words: number;
  /** Null for typed answers: there is no duration to divide by. */
  wordsPerMinute: number | null;
  fillers: number;
  fillersPerMinute: number | null;
  topFillers: Array<{ filler: string; count: number }>;
  /** Spoken length against the question's target time; null for typed answers. */
  lengthRatio: number | null;
  pace: "slow" | "ok" | "fast" | null;
  length: "short" | "ok" | "long" | null;
}

const SLOW_WPM = 90;
const FAST_WPM = 180;
const SHORT_RATIO = 0.35;
const LONG_RATIO = 2;

export function speechMetrics(
  transcript: string,
  durationSeconds: number | null,
  language: Language,
  targetSeconds: number,
): SpeechMetrics {
  const tokens = words(transcript);
  const counts = countFillers(tokens, language);
  const fillers = counts.reduce((sum, entry) => sum + entry.count, 0);
  const minutes = durationSeconds && durationSeconds > 0 ? durationSeconds / 60 : null;
  const wordsPerMinute = minutes ? round1(tokens.length / minutes) : null;
  const lengthRatio = durationSeconds ? round1(durationSeconds / targetSeconds) : null;
  return {
    words: tokens.length,
    wordsPerMinute,
    fillers,
    fillersPerMinute: minutes ? round1(fillers / minutes) : null,
    topFillers: counts.slice(0, 3),
    lengthRatio,
    pace: wordsPerMinute === null ? null : wordsPerMinute < SLOW_WPM ? "slow" : wordsPerMinute > FAST_WPM ? "fast" : "ok",
    length: lengthRatio === null ? null : lengthRatio < SHORT_RATIO ? "short" : lengthRatio > LONG_RATIO ? "long" : "ok",
  };
}

/**
 * How delivery alone would score out of 10: pace, fillers and length. One input to
 * communication, next to the grader's judgment of structure and clarity.
 */
export function deliveryScore(metrics: SpeechMetrics): number | null {
  if (metrics.wordsPerMinute === null) return null;
  let score = 10;
  if (metrics.pace !== "ok") score -= 2;
  const fillerRate = metrics.fillersPerMinute ?? 0;
  if (fillerRate > 12) score -= 4;
  else if (fillerRate > 6) score -= 2;
  if (metrics.length === "short") score -= 3;
  if (metrics.length === "long") score -= 1;
  return Math.max(0, score);
}

function countFillers(tokens: string[], language: Language): Array<{ filler: string; count: number }> {
  const text = ` ${tokens.join(" ")} `;
  return FILLERS[language]
    .map((filler) => {
      const needle = ` ${normalizeForMatching(filler)} `;
      let count = 0;
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length - 1)) count++;
      return { filler, count };
    })
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
