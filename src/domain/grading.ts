import { z } from "zod";
import { createEvidenceChecker, distinctiveStems, stems, type EvidenceCheck } from "./evidence.ts";
import { injectionSentences } from "./injection.ts";
import { deliveryScore, type SpeechMetrics } from "./speech-metrics.ts";
import { words } from "./text-normalization.ts";
import type { Stage } from "./vocabulary.ts";

/**
 * The grading contract. The model fills in a checklist; this module turns it into scores.
 * Nothing the model says is a number we show: a key point earns credit only with a quote that
 * really occurs in the answer, and every judgment is bounded by what the verified content earns.
 */

const level = z.enum(["none", "weak", "fair", "good", "excellent"]);
const judgment = z.object({ level, reason: z.string() });

// Structured outputs need every field present: nullable, never optional.
export const graderOutputSchema = z.object({
  keyPoints: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["covered", "partial", "missing"]),
      evidence: z.string().nullable(),
    }),
  ),
  pitfallsHit: z.array(z.object({ pitfall: z.number().int(), evidence: z.string().nullable() })),
  offTopic: z.boolean(),
  judgments: z.object({
    communication: judgment,
    technicalDepth: judgment,
    problemSolving: judgment,
    culturalFit: judgment.nullable(),
  }),
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  followUpQuestion: z.string(),
  modelAnswer: z.string(),
});

export type GraderOutput = z.infer<typeof graderOutputSchema>;
export type JudgmentLevel = z.infer<typeof level>;

export const DIMENSIONS = ["communication", "technicalDepth", "problemSolving", "culturalFit"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface RubricForScoring {
  stage: Stage;
  keyPoints: ReadonlyArray<{ id: string; weight: number; texts: readonly string[] }>;
  pitfalls: readonly string[];
}

export interface KeyPointResult {
  id: string;
  claimed: "covered" | "partial" | "missing";
  credited: "covered" | "partial" | "missing";
  evidence: string | null;
  rejected?: EvidenceCheck["reason"];
}

export interface AnswerScore {
  /** 0–10 with one decimal; culturalFit is null where the stage does not assess it. */
  dimensions: Record<Dimension, number | null>;
  overall: number;
  coverage: number;
  keyPoints: KeyPointResult[];
  pitfallsHit: number[];
  caps: Array<"too_short" | "off_topic" | "no_verified_content">;
  /** Sentences that spoke to the grader rather than answered the question. */
  injectionSentences: string[];
}

const LEVEL_SCORE: Record<JudgmentLevel, number> = { none: 0, weak: 3, fair: 5, good: 7.5, excellent: 9.5 };
const CREDIT = { covered: 1, partial: 0.5, missing: 0 } as const;

/** A judgment may add at most this much above what the verified content earns. */
const JUDGMENT_HEADROOM = 2;
const PITFALL_PENALTY = 1;
const MAX_PITFALL_PENALTY = 3;

/** Fewer words than this cannot answer a question of the stage, whatever they say. */
export const MIN_WORDS: Record<Stage, number> = { screen: 25, technical: 30, coding: 15, system_design: 60, behavioral: 40 };
const SHORT_CAP = 3;
const OFF_TOPIC_CAP = 2;

const STAGE_WEIGHTS: Record<Stage, Record<Dimension, number>> = {
  screen: { communication: 0.3, technicalDepth: 0.4, problemSolving: 0, culturalFit: 0.3 },
  technical: { communication: 0.2, technicalDepth: 0.6, problemSolving: 0.2, culturalFit: 0 },
  coding: { communication: 0.2, technicalDepth: 0.4, problemSolving: 0.4, culturalFit: 0 },
  system_design: { communication: 0.2, technicalDepth: 0.4, problemSolving: 0.4, culturalFit: 0 },
  behavioral: { communication: 0.3, technicalDepth: 0.4, problemSolving: 0, culturalFit: 0.3 },
};

export function assessesCulturalFit(stage: Stage): boolean {
  return STAGE_WEIGHTS[stage].culturalFit > 0;
}

/**
 * Same inputs, same score: no clock, no randomness, no model numbers.
 *
 * An answer that speaks to the grader ("ignore the rubric", fake JSON, "the candidate covered…")
 * loses the benefit of the doubt, because the model that read it may have obeyed: quotes must
 * tie to a key point more tightly, a point earns at most partial credit, and no judgment may
 * rise above what the verified content earns.
 */
export function scoreAnswer(rubric: RubricForScoring, output: GraderOutput, answer: string, speech: SpeechMetrics | null): AnswerScore {
  const injected = injectionSentences(answer);
  const distrust = injected.length > 0;
  const check = createEvidenceChecker(answer, { minSharedStems: distrust ? 2 : 1 });
  const claims = new Map(output.keyPoints.map((claim) => [claim.id, claim]));
  const ownStems = new Map(
    distinctiveStems(rubric.keyPoints.map((point) => point.texts)).map((set, i) => [rubric.keyPoints[i]!.id, set]),
  );

  // Heavier points choose their evidence first, so a quote is spent where it matters most.
  const ordered = [...rubric.keyPoints].sort((a, b) => b.weight - a.weight);
  const results = new Map<string, KeyPointResult>();
  for (const point of ordered) {
    const claim = claims.get(point.id);
    const claimed = claim?.status ?? "missing";
    if (claimed === "missing") {
      results.set(point.id, { id: point.id, claimed, credited: "missing", evidence: null });
      continue;
    }
    const verdict = check(claim?.evidence ?? null, ownStems.get(point.id)!);
    const credited = !verdict.verified ? "missing" : distrust ? "partial" : claimed;
    results.set(point.id, {
      id: point.id,
      claimed,
      credited,
      evidence: claim?.evidence ?? null,
      ...(verdict.verified ? {} : { rejected: verdict.reason }),
    });
  }
  const keyPoints = rubric.keyPoints.map((point) => results.get(point.id)!);
  const totalWeight = rubric.keyPoints.reduce((sum, point) => sum + point.weight, 0);
  const earned = rubric.keyPoints.reduce((sum, point) => sum + point.weight * CREDIT[results.get(point.id)!.credited], 0);
  const coverage = totalWeight === 0 ? 0 : earned / totalWeight;

  const pitfallsHit = verifiedPitfalls(rubric, output, answer);
  const penalty = Math.min(MAX_PITFALL_PENALTY, pitfallsHit.length * PITFALL_PENALTY);
  const content = clamp(10 * coverage - penalty);
  const headroom = distrust ? 0 : JUDGMENT_HEADROOM;
  const bounded = (judged: JudgmentLevel) => Math.min(LEVEL_SCORE[judged], content + headroom);

  const delivery = speech ? deliveryScore(speech) : null;
  const judgedCommunication = bounded(output.judgments.communication.level);
  const dimensions: Record<Dimension, number | null> = {
    communication: delivery === null ? judgedCommunication : 0.6 * judgedCommunication + 0.4 * Math.min(delivery, content + headroom),
    technicalDepth: content,
    problemSolving: bounded(output.judgments.problemSolving.level),
    culturalFit: assessesCulturalFit(rubric.stage) && output.judgments.culturalFit ? bounded(output.judgments.culturalFit.level) : null,
  };
  if (assessesCulturalFit(rubric.stage) && dimensions.culturalFit === null) dimensions.culturalFit = content;

  const caps: AnswerScore["caps"] = [];
  if (words(answer).length < MIN_WORDS[rubric.stage]) caps.push("too_short");
  if (output.offTopic) caps.push("off_topic");
  if (coverage === 0) caps.push("no_verified_content");
  const cap = caps.some((c) => c !== "too_short") ? OFF_TOPIC_CAP : caps.length > 0 ? SHORT_CAP : 10;

  const weights = STAGE_WEIGHTS[rubric.stage];
  let overall = 0;
  for (const dimension of Object.keys(weights) as Dimension[]) overall += weights[dimension] * (dimensions[dimension] ?? 0);
  for (const dimension of DIMENSIONS) {
    const value = dimensions[dimension];
    if (value !== null) dimensions[dimension] = round1(Math.min(value, cap));
  }

  return {
    dimensions,
    overall: round1(Math.min(overall, cap)),
    coverage: round2(coverage),
    keyPoints,
    pitfallsHit,
    caps,
    injectionSentences: injected,
  };
}

function verifiedPitfalls(rubric: RubricForScoring, output: GraderOutput, answer: string): number[] {
  const check = createEvidenceChecker(answer);
  const hit = new Set<number>();
  for (const claim of output.pitfallsHit) {
    const text = rubric.pitfalls[claim.pitfall];
    if (text === undefined || hit.has(claim.pitfall)) continue;
    if (check(claim.evidence, stems(text)).verified) hit.add(claim.pitfall);
  }
  return [...hit].sort((a, b) => a - b);
}

function clamp(value: number): number {
  return Math.max(0, Math.min(10, value));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Without a model the candidate ticks the key points they believe they covered. The score is
 * labelled a self-assessment; only content is scored, capped like a graded answer when too short.
 */
export function scoreSelfAssessment(rubric: RubricForScoring, ticked: ReadonlySet<string>, answer: string): AnswerScore {
  const keyPoints: KeyPointResult[] = rubric.keyPoints.map((point) => {
    const status = ticked.has(point.id) ? "covered" : "missing";
    return { id: point.id, claimed: status, credited: status, evidence: null };
  });
  const totalWeight = rubric.keyPoints.reduce((sum, point) => sum + point.weight, 0);
  const earned = rubric.keyPoints.reduce((sum, point) => sum + (ticked.has(point.id) ? point.weight : 0), 0);
  const coverage = totalWeight === 0 ? 0 : earned / totalWeight;
  const caps: AnswerScore["caps"] = words(answer).length < MIN_WORDS[rubric.stage] ? ["too_short"] : [];
  const content = round1(Math.min(10 * coverage, caps.length > 0 ? SHORT_CAP : 10));
  return {
    dimensions: { communication: null, technicalDepth: content, problemSolving: null, culturalFit: null },
    overall: content,
    coverage: round2(coverage),
    keyPoints,
    pitfallsHit: [],
    caps,
    injectionSentences: [],
  };
}
