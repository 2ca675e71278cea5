import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bankFileSchema, type BankQuestion } from "./schema.ts";

export const QUESTIONS_DIR = new URL("./questions/", import.meta.url).pathname;

export function listBankFiles(dir = QUESTIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dir, name));
}

/** Parses and validates one bank file; throws with every problem named. */
export function readBankFile(path: string): BankQuestion[] {
  const parsed = bankFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${path}:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/** The whole bank from the data files, ids checked for uniqueness across files. */
export function readBank(dir = QUESTIONS_DIR): BankQuestion[] {
  const questions = listBankFiles(dir).flatMap((path) => readBankFile(path));
  const seen = new Set<string>();
  for (const question of questions) {
    if (seen.has(question.id)) throw new Error(`duplicate question id ${question.id}`);
    seen.add(question.id);
  }
  return questions;
}
