import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { conversations, createConversation } from "@grammyjs/conversations";
import { Bot, BotError, GrammyError, HttpError, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Db } from "../db/client.ts";
import { createBankRepo } from "../db/bank.ts";
import { createConversationStateStore } from "../db/conversation-state.ts";
import { createProcessedUpdatesRepo } from "../db/processed-updates.ts";
import { createUsersRepo } from "../db/users.ts";
import { createAnswersRepo } from "../db/answers.ts";
import { createInterviewsRepo } from "../db/interviews.ts";
import type { I18n } from "../i18n.ts";
import type { Logger } from "../logger.ts";
import type { BotContext } from "./context.ts";
import { createOnboarding, ONBOARDING } from "./conversations/onboarding.ts";
import { createCorrectTranscript, CORRECT_TRANSCRIPT } from "./conversations/correct-transcript.ts";
import { answerFeedbackFeature } from "./features/answer-feedback.ts";
import { cancelFeature } from "./features/cancel.ts";
import { answerIntake, interviewFeature } from "./features/interview.ts";
import { practiceFeature } from "./features/practice.ts";
import { createInterviewDirector, type InterviewDirector } from "./interview/director.ts";
import { helpFeature } from "./features/help.ts";
import { settingsFeature } from "./features/settings.ts";
import { leaveFlowsOnStart, startFeature } from "./features/start.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { attachLogger, attachUser } from "./middlewares/attach-context.ts";
import { trackInFlight } from "./middlewares/in-flight.ts";
import { skipDuplicates } from "./middlewares/skip-duplicates.ts";
import type { Services } from "./services.ts";

/** Bump when a conversation's steps change: stored half-finished flows of the old shape are dropped. */
export const CONVERSATION_STORAGE_VERSION = 2;

export interface BotDeps {
  db: Db;
  i18n: I18n;
  logger: Logger;
  /** Puts an answer on the durable job queue (transcription and grading). */
  enqueueAnswer: (answerId: number) => Promise<void>;
  canGrade: boolean;
  canTranscribe: boolean;
  now?: () => Date;
  random?: () => number;
}

export interface BotSettings {
  token: string;
  telegramApiRoot: string;
  defaultTimezone: string;
  maxVoiceSeconds: number;
  /** Tests pass it to skip getMe; production leaves it out. */
  botInfo?: UserFromGetMe;
}

export interface BotHandle {
  bot: Bot<BotContext>;
  director: InterviewDirector;
  /** Waits for the updates being handled right now; call after intake has stopped. */
  drain(timeoutMs: number): Promise<void>;
}

export function createBot(settings: BotSettings, deps: BotDeps): BotHandle {
  const botConfig: BotConfig<BotContext> = { client: { apiRoot: settings.telegramApiRoot } };
  if (settings.botInfo) botConfig.botInfo = settings.botInfo;
  const bot = new Bot<BotContext>(settings.token, botConfig);
  // Honours 429 retry_after and retries 5xx/network failures; Telegram asks us not to pre-throttle.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  const now = deps.now ?? (() => new Date());
  const users = createUsersRepo(deps.db, settings.defaultTimezone);
  const bank = createBankRepo(deps.db);
  const interviews = createInterviewsRepo(deps.db, now);
  const answers = createAnswersRepo(deps.db, now);
  const director = createInterviewDirector({
    api: bot.api,
    i18n: deps.i18n,
    users,
    bank,
    interviews,
    answers,
    enqueueAnswer: deps.enqueueAnswer,
    canGrade: deps.canGrade,
    canTranscribe: deps.canTranscribe,
    maxVoiceSeconds: settings.maxVoiceSeconds,
    logger: deps.logger,
    now,
    random: deps.random ?? Math.random,
  });
  const services: Services = { users, bank, interviews, answers, director, i18n: deps.i18n, now };

  // One chat's updates run in order (conversations depend on it); different chats run in parallel.
  bot.use(sequentialize((ctx) => [ctx.chatId?.toString(), ctx.from?.id.toString()].filter((key) => key !== undefined)));
  const inFlight = trackInFlight<BotContext>();
  bot.use(inFlight.middleware);
  bot.use(attachLogger(deps.logger, services));
  bot.use(skipDuplicates(createProcessedUpdatesRepo(deps.db)));
  bot.use(attachUser());
  bot.use(
    conversations({
      storage: { type: "key", version: CONVERSATION_STORAGE_VERSION, adapter: createConversationStateStore(deps.db) },
    }),
  );

  const features = bot.errorBoundary(apologise);
  // Commands come before the conversations so /cancel, /help and /settings work mid-flow.
  features.use(cancelFeature, helpFeature, settingsFeature, leaveFlowsOnStart, interviewFeature, practiceFeature);
  features.use(createConversation(createOnboarding(services), ONBOARDING));
  features.use(createConversation(createCorrectTranscript(services), CORRECT_TRANSCRIPT));
  // Entering a conversation needs it registered above; answers come after the conversations.
  features.use(startFeature, answerFeedbackFeature, answerIntake, unhandledFeature);

  bot.catch(apologise);
  return { bot, director, drain: inFlight.drain };
}

/** Logs the failure with its update and tells the user, in their language, that it was us. */
async function apologise(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  const logger = ctx.logger ?? console;
  const cause = error.error;
  const kind = cause instanceof GrammyError ? "telegram_api" : cause instanceof HttpError ? "network" : "handler";
  logger.error({ err: cause, kind, update_id: ctx.update.update_id }, "update failed");
  if (!ctx.chat || ctx.chat.type !== "private" || !ctx.t) return;
  try {
    await ctx.reply(ctx.t("errors.generic"));
  } catch (replyError) {
    logger.warn({ err: replyError }, "could not send the apology");
  }
}
