import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { readBank } from "./bank/files.ts";
import { createBot } from "./bot/create-bot.ts";
import { publishCommandMenus } from "./bot/commands.ts";
import type { Config } from "./config.ts";
import { createBankRepo } from "./db/bank.ts";
import { openDatabase } from "./db/client.ts";
import { createProcessedUpdatesRepo } from "./db/processed-updates.ts";
import { createI18n } from "./i18n.ts";
import { createBoss } from "./jobs/boss.ts";
import { registerMaintenance } from "./jobs/maintenance.ts";
import type { Logger } from "./logger.ts";
import { startHttpServer } from "./server/http.ts";

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface App {
  httpPort: number;
  stop(): Promise<void>;
}

export interface AppOptions {
  botInfo?: UserFromGetMe;
  now?: () => Date;
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
  const { bot, drain } = createBot(
    {
      token: config.botToken,
      telegramApiRoot: config.telegramApiRoot,
      defaultTimezone: config.defaultTimezone,
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    },
    { db: database.db, i18n, logger, now },
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
