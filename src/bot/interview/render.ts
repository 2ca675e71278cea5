import type { StoredQuestion } from "../../db/bank.ts";
import type { AnswerScore, Dimension, GraderOutput } from "../../domain/grading.ts";
import { DIMENSIONS } from "../../domain/grading.ts";
import type { Scorecard } from "../../domain/scorecard.ts";
import type { SpeechMetrics } from "../../domain/speech-metrics.ts";
import type { Language } from "../../domain/vocabulary.ts";
import type { Translate } from "../../i18n.ts";

// Messages go out as HTML: every piece of user or model text passes through escapeHtml.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const TELEGRAM_LIMIT = 4096;
const TRANSCRIPT_LIMIT = 1200;
/** Model-written lines (strengths, improvements) are cut before escaping, never mid-tag. */
const MODEL_LINE_LIMIT = 300;

function bullets(lines: readonly string[]): string {
  return lines.map((line) => `• ${escapeHtml(truncate(line, MODEL_LINE_LIMIT))}`).join("\n");
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).trimEnd()}…`;
}

function minutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

export function questionMessage(
  t: Translate,
  question: StoredQuestion,
  language: Language,
  position: { n: number; total: number } | null,
  targetSeconds: number,
): string {
  const header = position
    ? t("interview.progress", { n: position.n, total: position.total, stage: t(`stages.${question.stage}`), minutes: minutes(targetSeconds) })
    : t("practice.header", { stage: t(`stages.${question.stage}`), minutes: minutes(targetSeconds) });
  return `<i>${escapeHtml(header)}</i>\n\n<b>${escapeHtml(question.content[language].question)}</b>`;
}

export function followUpMessage(t: Translate, text: string, position: { n: number; total: number }): string {
  return `<i>${escapeHtml(t("interview.follow_up", position))}</i>\n\n<b>${escapeHtml(text)}</b>`;
}

export interface FeedbackView {
  question: StoredQuestion;
  language: Language;
  transcript: string;
  score: AnswerScore;
  output: GraderOutput | null;
  speech: SpeechMetrics | null;
  /** Shown above the feedback when a grade arrives after the interview has moved on. */
  lead?: string;
  selfAssessed?: boolean;
}

function dimensionsLine(t: Translate, dimensions: Record<Dimension, number | null>): string {
  return DIMENSIONS.filter((dimension) => dimensions[dimension] !== null)
    .map((dimension) => `${t(`dimensions.${dimension}`)} ${dimensions[dimension]}`)
    .join(" · ");
}

function speechLine(t: Translate, speech: SpeechMetrics): string | null {
  if (speech.wordsPerMinute === null) return null;
  const top = speech.topFillers.length > 0 ? ` (${speech.topFillers.map((f) => `«${f.filler}» ×${f.count}`).join(", ")})` : "";
  return t("feedback.speech", {
    wpm: Math.round(speech.wordsPerMinute),
    fillers: speech.fillersPerMinute ?? 0,
    top,
    length: t(`feedback.length_${speech.length ?? "ok"}`),
  });
}

export function feedbackMessage(t: Translate, view: FeedbackView): string {
  const { score, output, question, language } = view;
  const content = question.content[language];
  const parts: string[] = [];
  if (view.lead) parts.push(escapeHtml(view.lead));
  parts.push(`<b>${escapeHtml(view.selfAssessed ? t("feedback.self_score", { overall: score.overall }) : t("feedback.score", { overall: score.overall }))}</b>`);
  if (!view.selfAssessed) parts.push(escapeHtml(dimensionsLine(t, score.dimensions)));
  if (view.speech) {
    const line = speechLine(t, view.speech);
    if (line) parts.push(escapeHtml(line));
  }
  const points = score.keyPoints.map((point) => {
    const mark = t(`feedback.${point.credited}`).split(" ")[0];
    return `${mark} ${escapeHtml(content.keyPoints[point.id] ?? point.id)}`;
  });
  parts.push(points.join("\n"));
  // One reason is enough: off-topic explains "nothing matched", which explains "too short".
  const cap = (["off_topic", "no_verified_content", "too_short"] as const).find((c) => score.caps.includes(c));
  if (cap) parts.push(`<i>${escapeHtml(t(`feedback.cap_${cap}`))}</i>`);
  if (score.injectionSentences.length > 0) parts.push(escapeHtml(t("feedback.injection")));
  // Priorities when space runs out: the score and key points, then the transcript (at least a
  // few lines of it), then the model's strengths and improvements.
  const extras: string[] = [];
  if (output && output.strengths.length > 0) extras.push(`<b>${escapeHtml(t("feedback.strengths"))}</b>\n${bullets(output.strengths.slice(0, 3))}`);
  if (output && output.improvements.length > 0) extras.push(`<b>${escapeHtml(t("feedback.improvements"))}</b>\n${bullets(output.improvements.slice(0, 3))}`);
  const quote = (room: number) =>
    `<b>${escapeHtml(t("feedback.you_said"))}</b>\n<blockquote expandable>${escapeHtml(truncate(view.transcript, room))}</blockquote>`;
  let body = parts.join("\n\n");
  for (const extra of extras) {
    if (body.length + extra.length + quote(400).length + 4 <= TELEGRAM_LIMIT) body = `${body}\n\n${extra}`;
  }
  // Escaping can lengthen the transcript, so shrink until the whole message fits.
  for (let room = TRANSCRIPT_LIMIT; room >= 100; room -= 100) {
    const message = `${body}\n\n${quote(room)}`;
    if (message.length <= TELEGRAM_LIMIT) return message;
  }
  return body;
}

export function modelAnswerMessage(t: Translate, question: StoredQuestion, language: Language, fromGrader?: string): string {
  const text = fromGrader && fromGrader.trim() !== "" ? fromGrader : question.content[language].modelAnswer;
  return `<b>${escapeHtml(t("feedback.model_answer"))}</b>\n\n${escapeHtml(truncate(text, 3000))}`;
}

export interface ScorecardView {
  card: Scorecard;
  name: string;
  /** Stage of each plan item, in order, for the breakdown. */
  updated?: boolean;
}

export function scorecardMessage(t: Translate, view: ScorecardView): string {
  const { card } = view;
  const parts: string[] = [];
  if (view.updated) parts.push(escapeHtml(t("scorecard.updated")));
  parts.push(`<b>${escapeHtml(t("scorecard.title"))}</b>`);
  parts.push(`<b>${escapeHtml(card.overall === null ? t("scorecard.not_graded") : t("scorecard.overall", { overall: card.overall }))}</b>`);
  parts.push(
    DIMENSIONS.filter((dimension) => card.dimensions[dimension] !== null)
      .map((dimension) => `${escapeHtml(t(`dimensions.${dimension}`))}: ${card.dimensions[dimension]}`)
      .join("\n"),
  );
  const rows = card.rows.map((row, index) => {
    const base = { n: index + 1, stage: t(`stages.${row.stage}`) };
    if (row.status === "skipped") return t("scorecard.row_skipped", base);
    if (row.status === "pending") return t("scorecard.row_pending", base);
    return row.recovery === null
      ? t("scorecard.row", { ...base, score: row.main })
      : t("scorecard.row_recovery", { ...base, score: row.main, recovery: row.recovery });
  });
  parts.push(`<b>${escapeHtml(t("scorecard.breakdown"))}</b>\n${escapeHtml(rows.join("\n"))}`);
  if (card.strengths.length > 0) parts.push(`<b>${escapeHtml(t("scorecard.strengths"))}</b>\n${bullets(card.strengths)}`);
  if (card.improvements.length > 0) parts.push(`<b>${escapeHtml(t("scorecard.improvements"))}</b>\n${bullets(card.improvements)}`);
  const notes = [t("scorecard.thanks", { name: view.name })];
  if (card.strongest && card.weakest) {
    notes.push(t("scorecard.note_dimensions", { strongest: t(`dimensions.${card.strongest}`).toLowerCase(), weakest: t(`dimensions.${card.weakest}`).toLowerCase() }));
  }
  if (card.best && card.worst) {
    const n = (row: typeof card.best) => card.rows.indexOf(row) + 1;
    notes.push(
      t("scorecard.note_questions", {
        best: n(card.best),
        bestStage: t(`stages.${card.best.stage}`).toLowerCase(),
        worst: n(card.worst),
        worstStage: t(`stages.${card.worst.stage}`).toLowerCase(),
      }),
    );
  }
  notes.push(t("scorecard.keep_practising"));
  parts.push(`<i>${escapeHtml(notes.join(" "))}</i>`);
  if (card.pending > 0) parts.push(escapeHtml(t("scorecard.pending", { count: t("scorecard.answers", { count: card.pending }) })));
  // Eight rows and six capped bullets stay far below Telegram's limit.
  return parts.join("\n\n");
}
