import { DIMENSIONS, type Dimension } from "./grading.ts";
import type { Stage } from "./vocabulary.ts";

export interface GradedAnswerSummary {
  dimensions: Record<Dimension, number | null>;
  overall: number;
  strengths: readonly string[];
  improvements: readonly string[];
}

export interface QuestionOutcome {
  questionId: string;
  stage: Stage;
  skipped: boolean;
  /** Null while the answer waits for grading (service down) — it is left out, not counted as 0. */
  main: GradedAnswerSummary | null;
  followUp: GradedAnswerSummary | null;
}

export interface ScorecardRow {
  questionId: string;
  stage: Stage;
  status: "graded" | "pending" | "skipped";
  main: number | null;
  recovery: number | null;
  score: number | null;
}

export interface Scorecard {
  dimensions: Record<Dimension, number | null>;
  overall: number | null;
  rows: ScorecardRow[];
  strengths: string[];
  improvements: string[];
  pending: number;
  /** Set only when the dimensions differ enough (a point or more) to be worth naming. */
  strongest: Dimension | null;
  weakest: Dimension | null;
  /** The best and the worst graded question, when they differ by two points or more. */
  best: ScorecardRow | null;
  worst: ScorecardRow | null;
}

const WORTH_NAMING_DIMENSIONS = 1;
const WORTH_NAMING_QUESTIONS = 2;

/** A follow-up shows how the candidate recovers; it counts, but less than the main answer. */
const MAIN_WEIGHT = 0.75;
const RECOVERY_WEIGHT = 0.25;

export function buildScorecard(outcomes: readonly QuestionOutcome[]): Scorecard {
  const rows = outcomes.map(toRow);
  const counted = rows.filter((row) => row.status !== "pending");
  const overall = counted.length === 0 ? null : round1(counted.reduce((sum, row) => sum + (row.score ?? 0), 0) / counted.length);

  const dimensions = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      let total = 0;
      let weight = 0;
      for (const outcome of outcomes) {
        if (outcome.skipped && dimension !== "culturalFit") {
          weight += 1; // a skipped question earns nothing in every dimension it would have shown
          continue;
        }
        for (const [graded, w] of [
          [outcome.main, MAIN_WEIGHT],
          [outcome.followUp, RECOVERY_WEIGHT],
        ] as const) {
          const value = graded?.dimensions[dimension];
          if (value === null || value === undefined) continue;
          total += value * w;
          weight += w;
        }
      }
      return [dimension, weight === 0 ? null : round1(total / weight)];
    }),
  ) as Record<Dimension, number | null>;

  const ranked = DIMENSIONS.filter((dimension) => dimensions[dimension] !== null).sort(
    (a, b) => dimensions[b]! - dimensions[a]!,
  );
  const graded = outcomes.flatMap((outcome) => [outcome.main, outcome.followUp]).filter((x): x is GradedAnswerSummary => x !== null);
  const spread = ranked.length > 1 ? dimensions[ranked[0]!]! - dimensions[ranked.at(-1)!]! : 0;
  const answered = rows.filter((row) => row.status === "graded").sort((a, b) => b.score! - a.score!);
  const [best, worst] = [answered[0], answered.at(-1)];
  const questionsDiffer = best !== undefined && worst !== undefined && best.score! - worst.score! >= WORTH_NAMING_QUESTIONS;
  return {
    dimensions,
    overall,
    rows,
    strengths: topDistinct([...graded].sort((a, b) => b.overall - a.overall).flatMap((answer) => answer.strengths)),
    improvements: topDistinct([...graded].sort((a, b) => a.overall - b.overall).flatMap((answer) => answer.improvements)),
    pending: rows.filter((row) => row.status === "pending").length,
    strongest: spread >= WORTH_NAMING_DIMENSIONS ? ranked[0]! : null,
    weakest: spread >= WORTH_NAMING_DIMENSIONS ? ranked.at(-1)! : null,
    best: questionsDiffer ? best : null,
    worst: questionsDiffer ? worst : null,
  };
}

function toRow(outcome: QuestionOutcome): ScorecardRow {
  const base = { questionId: outcome.questionId, stage: outcome.stage };
  if (outcome.skipped) return { ...base, status: "skipped", main: null, recovery: null, score: 0 };
  if (!outcome.main) return { ...base, status: "pending", main: null, recovery: outcome.followUp?.overall ?? null, score: null };
  const recovery = outcome.followUp?.overall ?? null;
  const score = recovery === null ? outcome.main.overall : MAIN_WEIGHT * outcome.main.overall + RECOVERY_WEIGHT * recovery;
  return { ...base, status: "graded", main: outcome.main.overall, recovery, score: round1(score) };
}

/** The first three texts that say something new (case and spacing ignored). */
function topDistinct(texts: readonly string[], limit = 3): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const text of texts) {
    const key = text.trim().toLowerCase().replace(/\s+/g, " ");
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    result.push(text.trim());
    if (result.length === limit) break;
  }
  return result;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
