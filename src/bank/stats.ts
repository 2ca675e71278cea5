// `npm run bank:stats`: what the question bank holds, ending with one JSON line.
import { LANGUAGES, LEVELS, STACKS, STAGES } from "../domain/vocabulary.ts";
import { readBank } from "./files.ts";
import type { BankQuestion } from "./schema.ts";

export interface BankStats {
  total: number;
  byStage: Record<string, number>;
  /** Stack-specific questions per stack, and "all" for the ones every stack gets. */
  byStack: Record<string, number>;
  byLevel: Record<string, number>;
  byArea: Record<string, number>;
  languages: string[];
}

export function bankStats(questions: readonly BankQuestion[]): BankStats {
  const count = (keys: readonly string[], has: (question: BankQuestion, key: string) => boolean) =>
    Object.fromEntries(keys.map((key) => [key, questions.filter((question) => has(question, key)).length]));
  const areas = [...new Set(questions.map((question) => question.area))].sort();
  return {
    total: questions.length,
    byStage: count(STAGES, (question, stage) => question.stage === stage),
    byStack: count([...STACKS, "all"], (question, stack) =>
      stack === "all" ? question.stacks === "all" : question.stacks !== "all" && question.stacks.includes(stack as never),
    ),
    byLevel: count(LEVELS, (question, level) => question.levels.includes(level as never)),
    byArea: count(areas, (question, area) => question.area === area),
    languages: LANGUAGES.filter((language) => questions.every((question) => question.i18n[language].question.length > 0)),
  };
}

function table(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).map(([key, value]) => `  ${key.padEnd(16)} ${String(value).padStart(4)}`);
  return [title, ...rows].join("\n");
}

if (import.meta.main) {
  const stats = bankStats(readBank());
  console.log(`Question bank: ${stats.total} questions, complete in ${stats.languages.join(", ")}\n`);
  console.log(table("By stage", stats.byStage));
  console.log(table("By stack (stack-specific; all = every stack)", stats.byStack));
  console.log(table("By level (a question may fit several)", stats.byLevel));
  console.log(table("By area", stats.byArea));
  const { byArea: _byArea, ...summary } = stats;
  console.log(JSON.stringify(summary));
}
