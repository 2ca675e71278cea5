import { InlineKeyboard, InputFile, type Api } from "grammy";
import { rubricForScoring } from "../../answers/rubric.ts";
import type { AnswerRow, AnswersRepo, GradeRow } from "../../db/answers.ts";
import type { BankRepo, StoredQuestion } from "../../db/bank.ts";
import type { InterviewsRepo, PlannedQuestion, Session } from "../../db/interviews.ts";
import { interfaceLanguageOf, interviewLanguageOf, type UserRow, type UsersRepo } from "../../db/users.ts";
import { scoreSelfAssessment, type AnswerScore, type GraderOutput } from "../../domain/grading.ts";
import { interviewTargetSeconds, planInterview } from "../../domain/interview-plan.ts";
import { selectQuestions } from "../../domain/question-selection.ts";
import { buildScorecard, type GradedAnswerSummary, type QuestionOutcome } from "../../domain/scorecard.ts";
import type { SpeechMetrics } from "../../domain/speech-metrics.ts";
import { asLanguage, STAGES, type Level, type Stack, type Stage } from "../../domain/vocabulary.ts";
import type { I18n, Translate } from "../../i18n.ts";
import type { Logger } from "../../logger.ts";
import { renderRadarPng } from "../../render/radar.ts";
import { rejectAnswer, type AnswerInput } from "./answer-input.ts";
import { escapeHtml, feedbackMessage, followUpMessage, questionMessage, scorecardMessage } from "./render.ts";
import { selfAssessmentKeyboard, selfAssessmentText } from "./self-assessment.ts";

export interface DirectorDeps {
  api: Api;
  i18n: I18n;
  users: UsersRepo;
  bank: BankRepo;
  interviews: InterviewsRepo;
  answers: AnswersRepo;
  /** Puts the answer on the durable queue for transcription and grading. */
  enqueueAnswer: (answerId: number) => Promise<void>;
  canGrade: boolean;
  canTranscribe: boolean;
  maxVoiceSeconds: number;
  logger: Logger;
  now: () => Date;
  random: () => number;
}

const RECENT_DAYS = 60;
/** The model name on a grade the candidate gave themselves (no grader configured). */
const SELF_ASSESSED = "self";
const HTML = { parse_mode: "HTML" } as const;

/**
 * Runs interviews and practice as a small state machine kept in Postgres (interview_sessions):
 * handlers call it when the candidate acts, the answer job calls it when a grade is ready (or
 * failed for good). Nothing here waits on a slow service, so a handler never blocks its chat
 * and a restart loses nothing: the state is in the row, the work is in the job queue.
 */
export function createInterviewDirector(deps: DirectorDeps) {
  const { api, i18n, logger } = deps;

  const uiT = (user: UserRow | undefined): Translate => i18n.t(user ? interfaceLanguageOf(user) : "en");

  async function send(chatId: number, text: string, keyboard?: InlineKeyboard) {
    return api.sendMessage(chatId, text, { ...HTML, ...(keyboard ? { reply_markup: keyboard } : {}) });
  }

  /** Edits the answer's status message; if Telegram refuses (too old, deleted), sends anew. */
  async function showOnStatusMessage(answer: AnswerRow, text: string, keyboard?: InlineKeyboard): Promise<void> {
    if (answer.statusMessageId) {
      try {
        await api.editMessageText(answer.chatId, answer.statusMessageId, text, { ...HTML, ...(keyboard ? { reply_markup: keyboard } : {}) });
        return;
      } catch (err) {
        if (String(err).includes("message is not modified")) return;
        logger.warn({ err, answer_id: answer.id }, "status message could not be edited; sending a new one");
      }
    }
    const sent = await send(answer.chatId, text, keyboard);
    await deps.answers.update(answer.id, { statusMessageId: sent.message_id });
  }

  async function question(item: PlannedQuestion): Promise<StoredQuestion> {
    const stored = await deps.bank.version(item.questionId, item.questionVersion);
    if (!stored) throw new Error(`question ${item.questionId}@${item.questionVersion} vanished from the bank`);
    return stored;
  }

  async function askCurrent(session: Session): Promise<void> {
    const user = await deps.users.get(session.userId);
    const t = uiT(user);
    const item = session.plan[session.currentIndex]!;
    const position = session.kind === "interview" ? { n: session.currentIndex + 1, total: session.plan.length } : null;
    if (session.phase === "awaiting_follow_up" && session.followUpText && position) {
      await send(session.chatId, followUpMessage(t, session.followUpText, position));
      return;
    }
    const stored = await question(item);
    await send(session.chatId, questionMessage(t, stored, asLanguage(session.language), position, targetFor(session, stored)));
  }

  /** The fields every answer to the session's current question shares. */
  function answerFor(session: Session) {
    const item = session.plan[session.currentIndex]!;
    return {
      sessionId: session.id,
      planIndex: session.currentIndex,
      userId: session.userId,
      chatId: session.chatId,
      questionId: item.questionId,
      questionVersion: item.questionVersion,
      language: session.language,
    };
  }

  function targetFor(session: Session, stored: StoredQuestion): number {
    return session.kind === "interview" ? interviewTargetSeconds(stored.stage, stored.targetSeconds) : stored.targetSeconds;
  }

  async function lastAsked(userId: number) {
    return deps.answers.lastAsked(userId, new Date(deps.now().getTime() - RECENT_DAYS * 86_400_000));
  }

  function profileOf(user: UserRow): { stack: Stack; level: Level } | undefined {
    return user.stack && user.level ? { stack: user.stack as Stack, level: user.level as Level } : undefined;
  }

  // ---- starting ------------------------------------------------------------------------

  async function startInterview(user: UserRow, chatId: number): Promise<void> {
    const t = uiT(user);
    const profile = profileOf(user);
    if (!profile) return void (await send(chatId, escapeHtml(t("interview.need_profile"))));
    const bank = await deps.bank.current();
    const plan = planInterview(bank, { ...profile, lastAsked: await lastAsked(user.id), random: deps.random });
    if (plan.length === 0) return void (await send(chatId, escapeHtml(t("interview.no_questions"))));
    const versions = new Map(bank.map((q) => [q.id, q]));
    const language = interviewLanguageOf(user);
    const session = await deps.interviews.create({
      userId: user.id,
      chatId,
      kind: "interview",
      language,
      ...profile,
      plan: plan.map((item) => ({ ...item, questionVersion: versions.get(item.questionId)!.version })),
    });
    const minutes = Math.round(
      plan.reduce((sum, item) => sum + interviewTargetSeconds(item.stage, versions.get(item.questionId)!.targetSeconds), 0) / 60,
    );
    logger.info({ session_id: session.id, questions: plan.map((p) => p.questionId) }, "interview started");
    await send(
      chatId,
      escapeHtml(t("interview.intro", { count: t("bank.questions", { count: plan.length }), minutes, language: t(`languages.${language}`) })),
    );
    await askCurrent(session);
  }

  async function startPractice(
    user: UserRow,
    chatId: number,
    wanted: { stage?: Stage; topics?: string[]; exclude?: string[] },
  ): Promise<boolean> {
    const t = uiT(user);
    const profile = profileOf(user);
    if (!profile) {
      await send(chatId, escapeHtml(t("interview.need_profile")));
      return false;
    }
    const bank = await deps.bank.current();
    const recent = await lastAsked(user.id);
    const stages = wanted.stage ? [wanted.stage] : [...STAGES].sort(() => deps.random() - 0.5);
    const picked = stages
      .map(
        (stage) =>
          selectQuestions(bank, {
            ...profile,
            stage,
            topics: wanted.topics ?? [],
            count: 1,
            lastAsked: recent,
            exclude: new Set(wanted.exclude ?? []),
            random: deps.random,
          })[0],
      )
      .find((q) => q !== undefined);
    if (!picked) return false;
    const previous = await deps.interviews.unfinished(user.id, "practice");
    if (previous) await deps.interviews.transition(previous, { status: "cancelled" });
    const session = await deps.interviews.create({
      userId: user.id,
      chatId,
      kind: "practice",
      language: interviewLanguageOf(user),
      ...profile,
      plan: [{ questionId: picked.id, questionVersion: picked.version, stage: picked.stage }],
    });
    await askCurrent(session);
    return true;
  }

  // ---- answers -------------------------------------------------------------------------

  async function acceptAnswer(session: Session, input: AnswerInput, user: UserRow): Promise<void> {
    const t = uiT(user);
    if (session.phase === "processing" || session.phase === "processing_follow_up") {
      return void (await send(session.chatId, escapeHtml(t("interview.busy"))));
    }
    const rejection = rejectAnswer(input, { maxVoiceSeconds: deps.maxVoiceSeconds, canTranscribe: deps.canTranscribe });
    if (rejection) {
      const max = deps.maxVoiceSeconds;
      const seconds = input.kind === "audio" ? input.durationSeconds : 0;
      return void (await send(session.chatId, escapeHtml(t(`interview.${rejection}`, { seconds, max, minutes: Math.floor(max / 60) }))));
    }
    const item = session.plan[session.currentIndex]!;
    const followUp = session.phase === "awaiting_follow_up";
    const stored = await question(item);
    // Stored first: from here on, nothing that fails can lose what the candidate said.
    const answer = await deps.answers.insert({
      ...answerFor(session),
      kind: followUp ? "follow_up" : "main",
      followUpText: followUp ? session.followUpText : null,
      // A follow-up is a short dig: half the time of the main answer.
      targetSeconds: followUp ? Math.round(targetFor(session, stored) / 2) : targetFor(session, stored),
      ...(input.kind === "text"
        ? { source: "text", transcript: input.text, status: "transcribed" }
        : {
            source: input.source,
            status: "received",
            telegramFileId: input.fileId,
            telegramFileUniqueId: input.fileUniqueId,
            durationSeconds: input.durationSeconds,
            mimeType: input.mimeType,
          }),
    });
    const moved = await deps.interviews.transition(session, { phase: followUp ? "processing_follow_up" : "processing" });
    if (!moved) {
      logger.warn({ session_id: session.id, answer_id: answer.id }, "session changed while an answer arrived");
      return void (await send(session.chatId, escapeHtml(t("interview.busy"))));
    }

    if (!deps.canGrade) {
      const text = selfAssessmentText(t, stored, asLanguage(session.language));
      const sent = await send(session.chatId, text, selfAssessmentKeyboard(t, stored, answer.id, 0));
      await deps.answers.update(answer.id, { statusMessageId: sent.message_id });
      return;
    }
    const status = await send(session.chatId, escapeHtml(t("interview.status_received")));
    await deps.answers.update(answer.id, { statusMessageId: status.message_id });
    await api.sendChatAction(session.chatId, input.kind === "audio" ? "record_voice" : "typing").catch(() => undefined);
    await deps.enqueueAnswer(answer.id);
  }

  /** Shows pipeline progress on the one status message, edited in place. */
  async function showStep(answer: AnswerRow, step: "transcribing" | "grading"): Promise<void> {
    const user = await deps.users.get(answer.userId);
    await showOnStatusMessage(answer, escapeHtml(uiT(user)(`interview.status_${step}`)));
    await api.sendChatAction(answer.chatId, "typing").catch(() => undefined);
  }

  async function completeSelfAssessment(answerId: number, ticked: ReadonlySet<string>): Promise<void> {
    const answer = await deps.answers.get(answerId);
    if (!answer || answer.status === "graded") return;
    const stored = await deps.bank.version(answer.questionId, answer.questionVersion);
    if (!stored) return;
    const language = asLanguage(answer.language);
    const score = scoreSelfAssessment(rubricForScoring(stored, language), ticked, answer.transcript ?? "");
    await deps.answers.saveGrade({
      answerId,
      output: selfOutput(),
      score,
      speech: null,
      model: SELF_ASSESSED,
      promptTokens: null,
      completionTokens: null,
      cachedTokens: null,
      latencyMs: null,
    });
    await deps.answers.update(answerId, { status: "graded" });
    await onAnswerSettled(answerId);
  }

  /** The candidate's own text replaces the transcript; the answer is graded again. */
  async function correctTranscript(answerId: number, text: string): Promise<void> {
    const answer = await deps.answers.get(answerId);
    if (!answer) return;
    const user = await deps.users.get(answer.userId);
    const status = await send(answer.chatId, escapeHtml(uiT(user)("correction.regrading")));
    await deps.answers.update(answerId, { transcript: text, transcriptEdited: true, status: "transcribed", statusMessageId: status.message_id });
    await deps.enqueueAnswer(answerId);
  }

  // ---- after the pipeline --------------------------------------------------------------

  /**
   * Called when an answer is graded, or has failed for good this time. Shows the outcome on
   * the status message, then moves the interview on: follow-up after a main answer, next
   * question after a follow-up. A grade that arrives after the interview moved on only
   * updates its own message (and the scorecard, if the interview is over).
   */
  async function onAnswerSettled(answerId: number): Promise<void> {
    const answer = await deps.answers.get(answerId);
    if (!answer) return;
    const user = await deps.users.get(answer.userId);
    const t = uiT(user);
    const session = answer.sessionId ? await deps.interviews.get(answer.sessionId) : undefined;
    const stored = await deps.bank.version(answer.questionId, answer.questionVersion);
    if (!stored) return;
    const language = asLanguage(answer.language);
    const grade = answer.status === "graded" ? (await deps.answers.latestGrades([answer.id])).get(answer.id) : undefined;

    const expectedPhase = answer.kind === "follow_up" ? "processing_follow_up" : "processing";
    const isCurrent =
      session !== undefined &&
      (session.status === "active" || session.status === "paused") &&
      session.phase === expectedPhase &&
      session.currentIndex === answer.planIndex;

    if (grade) {
      const lead = isCurrent ? undefined : t("interview.late_grade", { n: answer.planIndex + 1 });
      await showOnStatusMessage(
        answer,
        feedbackMessage(t, {
          question: stored,
          language,
          transcript: answer.transcript ?? "",
          score: grade.score as AnswerScore,
          output: grade.model === SELF_ASSESSED ? null : (grade.checklist as GraderOutput),
          speech: grade.speech as SpeechMetrics | null,
          selfAssessed: grade.model === SELF_ASSESSED,
          ...(lead ? { lead } : {}),
        }),
        feedbackKeyboard(t, answer, session),
      );
    } else {
      await showOnStatusMessage(answer, escapeHtml(t("interview.status_failed")));
    }

    if (!session) return;
    if (!isCurrent) {
      if (grade && session.status === "finished" && session.kind === "interview") await sendScorecard(session, true);
      return;
    }
    if (session.kind === "practice") {
      await deps.interviews.transition(session, { status: "finished", finishedAt: deps.now() });
      return;
    }
    if (answer.kind === "main") {
      const modelFollowUp = grade && grade.model !== SELF_ASSESSED ? (grade.checklist as GraderOutput).followUpQuestion.trim() : "";
      // Without a grade, the bank's own first follow-up keeps the interview moving.
      const followUpText = modelFollowUp || stored.content[language].followUps[0]!;
      const next = await deps.interviews.transition(session, { phase: "awaiting_follow_up", followUpText });
      if (next && next.status === "active") await askCurrent(next);
      return;
    }
    await advance(session);
  }

  /** To the next main question, or to the scorecard after the last one. */
  async function advance(session: Session): Promise<void> {
    const nextIndex = session.currentIndex + 1;
    if (nextIndex >= session.plan.length) {
      const finished = await deps.interviews.transition(session, { status: "finished", phase: "awaiting_answer", finishedAt: deps.now(), followUpText: null });
      if (finished) await sendScorecard(finished, false);
      return;
    }
    const next = await deps.interviews.transition(session, { currentIndex: nextIndex, phase: "awaiting_answer", followUpText: null });
    if (next && next.status === "active") await askCurrent(next);
  }

  function feedbackKeyboard(t: Translate, answer: AnswerRow, session: Session | undefined): InlineKeyboard | undefined {
    const keyboard = new InlineKeyboard();
    if (answer.source !== "text" && answer.source !== "none") keyboard.text(t("feedback.button_correct"), `fix:${answer.id}`);
    if (session?.kind === "practice") {
      keyboard.text(t("feedback.button_model_answer"), `model:${answer.id}`).row();
      keyboard.text(t("practice.next"), `pr-next:${answer.questionId}`).text(t("practice.same_topic"), `pr-same:${answer.questionId}`);
    }
    return keyboard.inline_keyboard.flat().length > 0 ? keyboard : undefined;
  }

  // ---- the scorecard -------------------------------------------------------------------

  async function outcomes(session: Session): Promise<QuestionOutcome[]> {
    const rows = await deps.answers.forSession(session.id);
    const grades = await deps.answers.latestGrades(rows.map((row) => row.id));
    const summary = (row: AnswerRow | undefined): GradedAnswerSummary | null => {
      const grade: GradeRow | undefined = row ? grades.get(row.id) : undefined;
      if (!grade) return null;
      const output = grade.model === SELF_ASSESSED ? null : (grade.checklist as GraderOutput);
      return {
        dimensions: (grade.score as AnswerScore).dimensions,
        overall: grade.overall,
        strengths: output?.strengths ?? [],
        improvements: output?.improvements ?? [],
      };
    };
    return session.plan.map((item, index) => {
      const forItem = rows.filter((row) => row.planIndex === index);
      const main = forItem.filter((row) => row.kind === "main").at(-1);
      const followUp = forItem.filter((row) => row.kind === "follow_up").at(-1);
      return {
        questionId: item.questionId,
        stage: item.stage,
        skipped: main === undefined || main.status === "skipped",
        main: summary(main),
        followUp: summary(followUp),
      };
    });
  }

  async function sendScorecard(session: Session, updated: boolean): Promise<void> {
    const user = await deps.users.get(session.userId);
    const t = uiT(user);
    const card = buildScorecard(await outcomes(session));
    const latest = await deps.interviews.get(session.id);
    if (latest) await deps.interviews.transition(latest, { scorecard: card });
    await send(session.chatId, scorecardMessage(t, { card, name: user?.firstName ?? "", updated }));
    const png = renderRadarPng({
      title: t("scorecard.title").replace(/^\P{L}+/u, ""),
      overall: card.overall === null ? t("scorecard.not_graded") : t("scorecard.overall", { overall: card.overall }),
      axes: (["communication", "technicalDepth", "problemSolving", "culturalFit"] as const).map((dimension) => ({
        label: t(`dimensions.${dimension}`),
        value: card.dimensions[dimension],
      })),
    });
    await api.sendPhoto(session.chatId, new InputFile(png, "scorecard.png"), { caption: t("scorecard.chart_caption") });
    logger.info({ session_id: session.id, overall: card.overall, pending: card.pending }, updated ? "scorecard updated" : "interview finished");
  }

  // ---- commands during a session -------------------------------------------------------

  async function skip(session: Session, user: UserRow): Promise<void> {
    const t = uiT(user);
    if (session.phase === "processing" || session.phase === "processing_follow_up") {
      return void (await send(session.chatId, escapeHtml(t("interview.busy"))));
    }
    await send(session.chatId, escapeHtml(t("interview.skipped")));
    if (session.kind === "practice") {
      await deps.interviews.transition(session, { status: "finished", finishedAt: deps.now() });
      return;
    }
    if (session.phase === "awaiting_answer") {
      await deps.answers.insert({ ...answerFor(session), kind: "main", source: "none", status: "skipped" });
    }
    await advance(session);
  }

  async function pause(session: Session, user: UserRow): Promise<void> {
    await deps.interviews.transition(session, { status: "paused" });
    await send(session.chatId, escapeHtml(uiT(user)("interview.paused")));
  }

  async function resume(session: Session): Promise<void> {
    const active = session.status === "paused" ? await deps.interviews.transition(session, { status: "active" }) : session;
    if (active && (active.phase === "awaiting_answer" || active.phase === "awaiting_follow_up")) await askCurrent(active);
  }

  async function cancel(session: Session): Promise<void> {
    await deps.interviews.transition(session, { status: "cancelled", finishedAt: deps.now() });
  }

  return {
    startInterview,
    startPractice,
    acceptAnswer,
    showStep,
    completeSelfAssessment,
    correctTranscript,
    onAnswerSettled,
    skip,
    pause,
    resume,
    cancel,
    askCurrent,
  };
}

export type InterviewDirector = ReturnType<typeof createInterviewDirector>;

function selfOutput(): GraderOutput {
  const none = { level: "none" as const, reason: "" };
  return {
    keyPoints: [],
    pitfallsHit: [],
    offTopic: false,
    judgments: { communication: none, technicalDepth: none, problemSolving: none, culturalFit: null },
    strengths: [],
    improvements: [],
    followUpQuestion: "",
    modelAnswer: "",
  };
}
