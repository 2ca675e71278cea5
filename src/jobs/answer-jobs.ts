import type { PgBoss } from "pg-boss";
import { AnswerNotProcessable, processAnswer, type ProcessAnswerDeps } from "../answers/process-answer.ts";
import type { AnswersRepo } from "../db/answers.ts";
import type { Logger } from "../logger.ts";

export const PROCESS_ANSWER_QUEUE = "answer.process";

export interface AnswerJobTimings {
  /** Quick retries inside one round, with exponential backoff (on top of the SDK's own). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** After a round fails, the next starts this long later, doubling up to the cap. */
  roundDelaySeconds: number;
  roundDelayMaxSeconds: number;
  /** A worker that stops sending heartbeats (process killed) loses the job after this long. */
  heartbeatSeconds: number;
  /** How often an idle worker looks for new answers when NOTIFY is unavailable. */
  pollingIntervalSeconds: number;
}

export const DEFAULT_ANSWER_JOB_TIMINGS: AnswerJobTimings = {
  retryLimit: 3,
  retryDelaySeconds: 2,
  roundDelaySeconds: 30,
  roundDelayMaxSeconds: 30 * 60,
  heartbeatSeconds: 10,
  pollingIntervalSeconds: 1,
};

export interface AnswerJobHooks {
  /** The answer is graded, or failed for this round: tell the user and move the interview on. */
  onSettled(answerId: number): Promise<void>;
}

/**
 * One job per answer: the pipeline, then the interview's next step. The answer id is the
 * singleton key, so enqueueing twice (a retry, a correction) never runs two copies at once.
 */
export async function registerAnswerJobs(
  boss: PgBoss,
  pipeline: ProcessAnswerDeps,
  answers: AnswersRepo,
  hooks: AnswerJobHooks,
  logger: Logger,
  timings: AnswerJobTimings = DEFAULT_ANSWER_JOB_TIMINGS,
): Promise<(answerId: number, startAfterSeconds?: number) => Promise<void>> {
  await boss.createQueue(PROCESS_ANSWER_QUEUE, {
    policy: "stately",
    notify: true,
    retryLimit: timings.retryLimit,
    retryDelay: timings.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 60,
    expireInSeconds: 15 * 60,
    heartbeatSeconds: timings.heartbeatSeconds,
  });

  const enqueue = async (answerId: number, startAfterSeconds = 0) => {
    await boss.send(
      PROCESS_ANSWER_QUEUE,
      { answerId },
      { singletonKey: `answer-${answerId}`, ...(startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {}) },
    );
  };

  await boss.work<{ answerId: number }>(PROCESS_ANSWER_QUEUE, { localConcurrency: 4, pollingIntervalSeconds: timings.pollingIntervalSeconds, notifyPollingIntervalSeconds: 5 }, async ([job]) => {
    const { answerId } = job!.data;
    const log = logger.child({ answer_id: answerId, job_id: job!.id, attempt: job!.retryCount });
    try {
      await processAnswer(answerId, { ...pipeline, logger: log });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof AnswerNotProcessable) {
        log.error({ err }, "answer cannot be processed");
        await answers.update(answerId, { status: "failed", lastError: message });
        await hooks.onSettled(answerId);
        return;
      }
      if (job!.retryCount < timings.retryLimit) {
        log.warn({ err }, "answer processing failed; retrying");
        await answers.update(answerId, { lastError: message });
        throw err;
      }
      // This round is spent. The answer stays stored; the interview goes on; another round
      // starts later and keeps trying, with growing pauses, until the service is back.
      await answers.bumpAttempts(answerId);
      const failed = await answers.update(answerId, { status: "failed", lastError: message });
      const delay = Math.min(timings.roundDelayMaxSeconds, timings.roundDelaySeconds * 2 ** Math.max(0, failed.attempts - 1));
      log.error({ err, next_round_in_s: delay }, "answer processing failed for this round");
      await hooks.onSettled(answerId);
      await enqueue(answerId, delay);
      return;
    }
    await hooks.onSettled(answerId);
  });

  return enqueue;
}
