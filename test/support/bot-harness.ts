import type { Update } from "grammy/types";
import { readBank } from "../../src/bank/files.ts";
import { createBot } from "../../src/bot/create-bot.ts";
import { createBankRepo } from "../../src/db/bank.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createI18n } from "../../src/i18n.ts";
import { FakeTelegram } from "../fakes/telegram-server.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { captureLogger } from "./silent-logger.ts";

/**
 * The bot as production builds it, wired to the fake Telegram server over HTTP and to a real
 * database. Updates go in through bot.handleUpdate, one at a time, as the runner would feed them.
 */
export async function startBotHarness() {
  const telegram = await FakeTelegram.start();
  const testDb: TestDatabase = await createTestDatabase();
  const database: Database = await openDatabase(testDb.target);
  await database.migrate();
  await createBankRepo(database.db).sync(readBank());
  const log = captureLogger();
  const { bot } = createBot(
    { token: telegram.token, telegramApiRoot: telegram.apiRoot, defaultTimezone: "Asia/Tashkent", maxVoiceSeconds: 300, botInfo: telegram.botInfo },
    // No job engine here: these suites cover flows that never reach the answer pipeline.
    { db: database.db, i18n: await createI18n(), logger: log.logger, enqueueAnswer: async () => {}, canGrade: false, canTranscribe: false },
  );
  await bot.init();

  return {
    telegram,
    database,
    bot,
    logs: log.lines,
    /** Delivers an update the fake produced, the way the runner would. */
    async deliver(update: Update): Promise<void> {
      await bot.handleUpdate(update);
    },
    async stop() {
      await telegram.stop();
      await database.close();
      await testDb.drop();
    },
  };
}

export type BotHarness = Awaited<ReturnType<typeof startBotHarness>>;
