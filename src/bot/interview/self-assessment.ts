import { InlineKeyboard } from "grammy";
import type { StoredQuestion } from "../../db/bank.ts";
import type { Language } from "../../domain/vocabulary.ts";
import type { Translate } from "../../i18n.ts";
import { escapeHtml } from "./render.ts";

/**
 * Self-assessment keyboard, used when no grader is configured. The ticks live in the callback
 * data itself ("sa:<answerId>:<bitmask>:<action>"), so the keyboard needs no server state and
 * still works after a restart.
 */
export function selfAssessmentText(t: Translate, question: StoredQuestion, language: Language): string {
  const points = question.keyPoints.map((point, index) => `${index + 1}. ${escapeHtml(question.content[language].keyPoints[point.id] ?? "")}`);
  return `${escapeHtml(t("self.header"))}\n\n${points.join("\n")}`;
}

export function selfAssessmentKeyboard(t: Translate, question: StoredQuestion, answerId: number, mask: number): InlineKeyboard {
  const toggles = question.keyPoints.map((_, index) => {
    const ticked = (mask & (1 << index)) !== 0;
    return InlineKeyboard.text(`${ticked ? "☑" : "☐"} ${index + 1}`, `sa:${answerId}:${mask}:${index}`);
  });
  return InlineKeyboard.from([toggles, [InlineKeyboard.text(t("self.done"), `sa:${answerId}:${mask}:d`)]]);
}

export type SelfAssessmentAction = { answerId: number; mask: number; toggle: number } | { answerId: number; mask: number; done: true };

export const SELF_ASSESSMENT_DATA = /^sa:(\d+):(\d+):(\d+|d)$/;

export function parseSelfAssessment(match: RegExpMatchArray): SelfAssessmentAction {
  const answerId = Number(match[1]);
  const mask = Number(match[2]);
  return match[3] === "d" ? { answerId, mask, done: true } : { answerId, mask, toggle: Number(match[3]) };
}

export function tickedPoints(question: StoredQuestion, mask: number): Set<string> {
  return new Set(question.keyPoints.filter((_, index) => (mask & (1 << index)) !== 0).map((point) => point.id));
}
