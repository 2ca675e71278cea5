import { eq } from "drizzle-orm";
import type { Grader } from "../ai/grader.ts";
import type { Transcriber } from "../ai/transcriber.ts";
import { transcriptionPrompt } from "../ai/vocabulary.ts";
import type { AnswerRow, AnswersRepo } from "../db/answers.ts";
import type { BankRepo, StoredQuestion } from "../db/bank.ts";
import type { Db } from "../db/client.ts";
import { answerAudio } from "../db/schema.ts";
import { scoreAnswer } from "../domain/grading.ts";
import { speechMetrics } from "../domain/speech-metrics.ts";
import { asLanguage, type Language } from "../domain/vocabulary.ts";
import type { Logger } from "../logger.ts";
import type { DownloadedFile, TelegramFiles } from "../telegram/files.ts";
import { rubricForPrompt, rubricForScoring } from "./rubric.ts";

export type AnswerStep = "transcribing" | "grading";

export interface ProcessAnswerDeps {
  db: Db;
  answers: AnswersRepo;
  bank: BankRepo;
  files: TelegramFiles;
  transcriber: Transcriber | undefined;
  grader: Grader | undefined;
  logger: Logger;
  /** Told before each slow step, so the user sees "Transcribing… → Grading…". */
  onStep?: (answer: AnswerRow, step: AnswerStep) => Promise<void>;
}

export class AnswerNotProcessable extends Error {}

/**
 * download (once) → transcribe (once) → grade → store. Safe to run again at any point: the
 * audio is kept until its transcript is stored, a stored transcript is never redone, and a
 * graded answer is left alone. Throws on failure; the job decides whether to retry.
 */
export async function processAnswer(answerId: number, deps: ProcessAnswerDeps): Promise<AnswerRow> {
  let answer = await deps.answers.get(answerId);
  if (!answer) throw new AnswerNotProcessable(`answer ${answerId} does not exist`);
  if (answer.status === "graded" || answer.status === "skipped") return answer;
  const question = await deps.bank.version(answer.questionId, answer.questionVersion);
  if (!question) throw new AnswerNotProcessable(`question ${answer.questionId}@${answer.questionVersion} is not in the bank`);
  const language = asLanguage(answer.language);

  if (answer.transcript === null) {
    answer = await transcribe(answer, question, language, deps);
  }
  if (!deps.grader) throw new AnswerNotProcessable("no grader is configured");
  await deps.onStep?.(answer, "grading");

  const transcript = answer.transcript!;
  const result = await deps.grader.grade({
    rubric: rubricForPrompt(question, language),
    answer: transcript,
    language,
    kind: answer.kind === "follow_up" ? "follow_up" : "main",
    ...(answer.followUpText ? { followUpQuestion: answer.followUpText } : {}),
  });
  const speech = answer.durationSeconds === null ? null : speechMetrics(transcript, answer.durationSeconds, language, answer.targetSeconds ?? question.targetSeconds);
  const score = scoreAnswer(rubricForScoring(question, language), result.output, transcript, speech);
  await deps.answers.saveGrade({
    answerId: answer.id,
    output: result.output,
    score,
    speech,
    model: result.model,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    cachedTokens: result.cachedTokens,
    latencyMs: result.latencyMs,
  });
  deps.logger.info(
    { answer_id: answer.id, overall: score.overall, model: result.model, latency_ms: result.latencyMs, prompt_tokens: result.promptTokens },
    "answer graded",
  );
  return deps.answers.update(answer.id, { status: "graded", lastError: null });
}

async function transcribe(answer: AnswerRow, question: StoredQuestion, language: Language, deps: ProcessAnswerDeps): Promise<AnswerRow> {
  if (!deps.transcriber) throw new AnswerNotProcessable("no transcriber is configured");
  if (!answer.telegramFileId) throw new AnswerNotProcessable(`answer ${answer.id} has neither text nor audio`);
  await deps.onStep?.(answer, "transcribing");

  const [kept] = await deps.db.select().from(answerAudio).where(eq(answerAudio.answerId, answer.id));
  const audio: DownloadedFile = kept ? { bytes: Buffer.from(kept.bytes), filePath: kept.filePath } : await deps.files.download(answer.telegramFileId);
  if (!kept) {
    await deps.db.insert(answerAudio).values({ answerId: answer.id, bytes: audio.bytes, filePath: audio.filePath }).onConflictDoNothing();
  }

  const transcription = await deps.transcriber.transcribe({
    audio: audio.bytes,
    filename: uploadName(audio.filePath, answer.mimeType),
    mimeType: answer.mimeType ?? "audio/ogg",
    language,
    prompt: transcriptionPrompt(language, question.content[language].question),
  });
  deps.logger.info({ answer_id: answer.id, latency_ms: transcription.latencyMs, chars: transcription.text.length }, "answer transcribed");
  const updated = await deps.answers.update(answer.id, { transcript: transcription.text, status: "transcribed" });
  // The transcript is the durable result now; the audio has done its job.
  await deps.db.delete(answerAudio).where(eq(answerAudio.answerId, answer.id));
  return updated;
}

/** OpenAI picks the decoder by file name: Telegram's ".oga" voice notes are sent as ".ogg". */
function uploadName(filePath: string, mimeType: string | null): string {
  const extension = filePath.split(".").pop()?.toLowerCase();
  if (extension === "oga" || mimeType === "audio/ogg") return "voice.ogg";
  return extension ? `answer.${extension}` : "answer.ogg";
}
