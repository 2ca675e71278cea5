import { selectQuestions, type QuestionMeta } from "./question-selection.ts";
import type { Level, Stack, Stage } from "./vocabulary.ts";

/** The shape of a mock interview: about 20 minutes, as a real loop of interviews would run. */
export const INTERVIEW_SHAPE: ReadonlyArray<{ stage: Stage; count: number }> = [
  { stage: "screen", count: 1 },
  { stage: "technical", count: 3 },
  { stage: "coding", count: 1 },
  { stage: "system_design", count: 1 },
  { stage: "behavioral", count: 2 },
];

/**
 * In a mock interview every answer is time-boxed, as a real loop would be: a coding task is
 * talked through (approach, key code, complexity) rather than typed out in full. Practice
 * keeps each question's own target.
 */
export const INTERVIEW_TIME_BOX_SECONDS: Record<Stage, number> = {
  screen: 120,
  technical: 120,
  coding: 240,
  system_design: 300,
  behavioral: 150,
};

export function interviewTargetSeconds(stage: Stage, questionTargetSeconds: number): number {
  return Math.min(questionTargetSeconds, INTERVIEW_TIME_BOX_SECONDS[stage]);
}

export interface PlanItem {
  questionId: string;
  stage: Stage;
}

export interface PlanRequest {
  stack: Stack;
  level: Level;
  lastAsked: ReadonlyMap<string, number>;
  random: () => number;
}

/**
 * Chooses the questions: one per stage slot, never twice, freshest first. Of the technical
 * questions one is about the candidate's own stack when the bank has one, and the others come
 * from different areas, so three technical questions do not all probe databases.
 */
export function planInterview(bank: readonly QuestionMeta[], request: PlanRequest): PlanItem[] {
  const chosen = new Set<string>();
  const plan: PlanItem[] = [];
  const base = { stack: request.stack, level: request.level, lastAsked: request.lastAsked, random: request.random, exclude: chosen };

  const take = (question: QuestionMeta | undefined) => {
    if (!question) return;
    chosen.add(question.id);
    plan.push({ questionId: question.id, stage: question.stage });
  };

  for (const { stage, count } of INTERVIEW_SHAPE) {
    if (stage !== "technical") {
      for (const question of selectQuestions(bank, { ...base, stage, count })) take(question);
      continue;
    }
    take(selectQuestions(bank, { ...base, stage, count: 1, stackSpecific: true })[0]);
    const usedAreas = new Set(plan.filter((item) => item.stage === "technical").map((item) => areaOf(bank, item.questionId)));
    const general = selectQuestions(bank, { ...base, stage, count: Number.MAX_SAFE_INTEGER, stackSpecific: false });
    for (const question of general) {
      if (plan.filter((item) => item.stage === "technical").length >= count) break;
      if (usedAreas.has(question.area)) continue;
      usedAreas.add(question.area);
      take(question);
    }
    // A small bank may not have enough areas: fill the slots anyway.
    for (const question of selectQuestions(bank, { ...base, stage, count })) {
      if (plan.filter((item) => item.stage === "technical").length >= count) break;
      take(question);
    }
  }
  return plan;
}

function areaOf(bank: readonly QuestionMeta[], id: string): string | undefined {
  return bank.find((question) => question.id === id)?.area;
}
