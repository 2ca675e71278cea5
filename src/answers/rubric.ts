import type { RubricForPrompt } from "../ai/grading-prompt.ts";
import type { StoredQuestion } from "../db/bank.ts";
import type { RubricForScoring } from "../domain/grading.ts";
import { LANGUAGES, type Language } from "../domain/vocabulary.ts";

/** The rubric as the grader reads it: in the language the candidate answered in. */
export function rubricForPrompt(question: StoredQuestion, language: Language): RubricForPrompt {
  const content = question.content[language];
  return {
    questionId: question.id,
    stage: question.stage,
    question: content.question,
    tests: content.tests,
    keyPoints: question.keyPoints.map((point) => ({ id: point.id, weight: point.weight, text: content.keyPoints[point.id] ?? "" })),
    pitfalls: content.pitfalls,
    followUps: content.followUps,
    modelAnswer: content.modelAnswer,
    targetSeconds: question.targetSeconds,
  };
}

/**
 * The rubric as our scoring code reads it: each key point in all three languages, because a
 * Russian answer often names the concept in English ("write skew", "idempotency").
 */
export function rubricForScoring(question: StoredQuestion, language: Language): RubricForScoring {
  return {
    stage: question.stage,
    keyPoints: question.keyPoints.map((point) => ({
      id: point.id,
      weight: point.weight,
      texts: LANGUAGES.map((lang) => question.content[lang].keyPoints[point.id] ?? ""),
    })),
    pitfalls: question.content[language].pitfalls,
  };
}
