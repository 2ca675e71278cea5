import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import OpenAI from "openai";
import { createGrader } from "./ai/grader.ts";
import { createTranscriber } from "./ai/transcriber.ts";
import { createAnswersRepo } from "./db/answers.ts";
import { registerAnswerJobs, DEFAULT_ANSWER_JOB_TIMINGS, type AnswerJobTimings } from "./jobs/answer-jobs.ts";
import { createTelegramFiles } from "./telegram/files.ts";
import { readBank } from "./bank/files.ts";
import { createBot } from "./bot/create-bot.ts";
import { publishCommandMenus } from "./bot/commands.ts";
import type { Config } from "./config.ts";
import { createBankRepo } from "./db/bank.ts";
import { openDatabase, type Db } from "./db/client.ts";
import { createProcessedUpdatesRepo } from "./db/processed-updates.ts";
import { createI18n } from "./i18n.ts";
import { createBoss } from "./jobs/boss.ts";
import { registerMaintenance } from "./jobs/maintenance.ts";
import type { Logger } from "./logger.ts";
import { startHttpServer } from "./server/http.ts";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface App {
  httpPort: number;
  /** The application's database, for operational scripts and tests to read. */
  db: Db;
  stop(): Promise<void>;
}

export interface AppOptions {
  botInfo?: UserFromGetMe;
  now?: () => Date;
  random?: () => number;
  answerJobTimings?: AnswerJobTimings;
}

/** Start order: database and migrations, question bank, jobs, bot, then intake (HTTP + polling). */
export async function startApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const startedAt = performance.now();
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database, logger);
  await database.migrate();

  const bankSync = await createBankRepo(database.db).sync(readBank());
  logger.info(bankSync, "question bank loaded");

  const boss = createBoss(database, logger);
  await boss.start();
  await registerMaintenance(boss, createProcessedUpdatesRepo(database.db), logger, now);

  const i18n = await createI18n();
  // Without a key the bot still runs: text answers get a self-assessment, voice is declined.
  const openai = config.openai.apiKey
    ? new OpenAI({ apiKey: config.openai.apiKey, baseURL: config.openai.baseUrl ?? null, maxRetries: 2, timeout: 90_000 })
    : undefined;
  let enqueueAnswer: (answerId: number) => Promise<void> = async () => {
    throw new Error("answer jobs are not registered yet");
  };
  const { bot, drain, director } = createBot(
    {
      token: config.botToken,
      telegramApiRoot: config.telegramApiRoot,
      defaultTimezone: config.defaultTimezone,
      maxVoiceSeconds: config.maxVoiceSeconds,
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    },
    {
      db: database.db,
      i18n,
      logger,
      now,
      ...(options.random ? { random: options.random } : {}),
      enqueueAnswer: (answerId) => enqueueAnswer(answerId),
      canGrade: openai !== undefined,
      canTranscribe: openai !== undefined,
    },
  );
  const answers = createAnswersRepo(database.db, now);
  enqueueAnswer = await registerAnswerJobs(
    boss,
    {
      db: database.db,
      answers,
      bank: createBankRepo(database.db),
      files: createTelegramFiles(bot.api, config.telegramApiRoot, config.botToken),
      transcriber: openai ? createTranscriber(openai, config.openai.transcribeModel) : undefined,
      grader: openai ? createGrader(openai, config.openai.graderModel) : undefined,
      logger,
      onStep: (answer, step) => director.showStep(answer, step),
    },
    answers,
    { onSettled: (answerId) => director.onAnswerSettled(answerId) },
    logger,
    options.answerJobTimings ?? DEFAULT_ANSWER_JOB_TIMINGS,
  );
  await bot.init();
  // A menu that failed to publish is cosmetic; the bot still works.
  publishCommandMenus(bot.api, i18n).catch((err: unknown) => logger.warn({ err }, "could not publish command menus"));

  let runner: RunnerHandle | undefined;
  const webhook =
    config.mode.kind === "webhook"
      ? {
          path: new URL(config.mode.url).pathname,
          handle: webhookCallback(bot, "http", { secretToken: config.mode.secret }),
        }
      : undefined;
  const server = await startHttpServer({ port: config.port, logger, checkHealth: database.ping, ...(webhook ? { webhook } : {}) });

  if (config.mode.kind === "webhook") {
    await bot.api.setWebhook(config.mode.url, { secret_token: config.mode.secret, allowed_updates: [...ALLOWED_UPDATES] });
  } else {
    await bot.api.deleteWebhook();
    runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  }

  logger.info(
    { startup_ms: Math.round(performance.now() - startedAt), mode: config.mode.kind, database: database.kind, http_port: server.port, bot: bot.botInfo.username },
    "bot started",
  );

  return {
    httpPort: server.port,
    db: database.db,
    async stop() {
      // Stop intake first, let in-flight updates and jobs finish, then close the pools.
      if (runner?.isRunning()) await runner.stop();
      await server.close();
      await drain(10_000);
      await boss.stop({ graceful: true, timeout: 10_000 });
      await database.close();
      logger.info("bot stopped");
    },
  };
}
