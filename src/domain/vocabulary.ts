// The fixed vocabularies every layer shares: the bank, the interview planner and the bot's keyboards.

export const LANGUAGES = ["en", "ru", "uz"] as const;
export type Language = (typeof LANGUAGES)[number];

export const STAGES = ["screen", "technical", "coding", "system_design", "behavioral"] as const;
export type Stage = (typeof STAGES)[number];

export const STACKS = ["go", "python", "node", "java", "dotnet", "php"] as const;
export type Stack = (typeof STACKS)[number];

export const LEVELS = ["junior", "mid", "senior"] as const;
export type Level = (typeof LEVELS)[number];

/** Broad subject areas: what the /practice keyboard offers after the stage. */
export const AREAS = [
  "experience",
  "fundamentals",
  "http_apis",
  "databases",
  "caching",
  "security",
  "concurrency",
  "messaging",
  "architecture",
  "stack",
  "coding",
  "system_design",
  "behavioral",
] as const;
export type Area = (typeof AREAS)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A stored language code as a Language, or the fallback when it is missing or unknown. */
export function asLanguage(value: unknown, fallback: Language = "en"): Language {
  return isLanguage(value) ? value : fallback;
}
