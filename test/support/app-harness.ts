import type { Message } from "grammy/types";
import { startApp, type App } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { seededRandom } from "../../src/domain/question-selection.ts";
import { DEFAULT_ANSWER_JOB_TIMINGS, type AnswerJobTimings } from "../../src/jobs/answer-jobs.ts";
import { FakeOpenAI } from "../fakes/openai-server.ts";
import { FakeTelegram, type FakeUser } from "../fakes/telegram-server.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { captureLogger } from "./silent-logger.ts";

/** Job timings short enough for tests; production keeps the defaults. */
export const FAST_JOBS: AnswerJobTimings = {
  ...DEFAULT_ANSWER_JOB_TIMINGS,
  retryLimit: 2,
  retryDelaySeconds: 1,
  roundDelaySeconds: 2,
  roundDelayMaxSeconds: 4,
  pollingIntervalSeconds: 0.5,
};

/**
 * The whole application in this process (startApp, as main.ts runs it), polling the fake
 * Telegram server and grading through the fake OpenAI server, on a real database.
 */
export async function startAppHarness(options: { openai?: boolean; env?: Record<string, string>; seed?: number; onDisk?: boolean } = {}) {
  const telegram = await FakeTelegram.start();
  const openai = await FakeOpenAI.start();
  const database: TestDatabase = await createTestDatabase({ onDisk: options.onDisk ?? false });
  const log = captureLogger();
  const config = parseConfig({
    BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    PORT: "0",
    DATA_DIR: "memory://",
    ...(options.openai === false ? {} : { OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseUrl }),
    ...database.env,
    ...options.env,
  });
  const start = () => startApp(config, log.logger, { random: seededRandom(options.seed ?? 7), answerJobTimings: FAST_JOBS });
  let app: App = await start();

  const harness = {
    telegram,
    openai,
    get app() {
      return app;
    },
    /** Stops the application and starts it again on the same database (needs onDisk on PGlite). */
    async restart() {
      await app.stop();
      app = await start();
    },
    logs: log.lines,
    /** Runs /start and presses the onboarding buttons. */
    async onboard(user: FakeUser, language: string, stack: string, level: string): Promise<void> {
      const before = telegram.chatMessages(user.id).length;
      telegram.sendText(user, "/start");
      const welcome = await telegram.nextMessage(user.id, before);
      telegram.pressButton(user, welcome, language);
      const stackQuestion = await telegram.nextMessage(user.id, before + 1);
      telegram.pressButton(user, stackQuestion, stack);
      const levelQuestion = await telegram.nextMessage(user.id, before + 2);
      telegram.pressButton(user, levelQuestion, level);
      await telegram.nextMessage(user.id, before + 3);
    },
    /** The next message in the chat whose text matches, after `after` messages. */
    async waitForText(chatId: number, pattern: RegExp, timeoutMs = 20_000): Promise<Message> {
      return telegram.waitFor(
        () => telegram.chatMessages(chatId).find((message) => pattern.test(message.text ?? message.caption ?? "")),
        timeoutMs,
        `a message matching ${pattern}`,
      );
    },
    async stop() {
      await app.stop();
      await telegram.stop();
      await openai.stop();
      await database.drop();
    },
  };
  return harness;
}

export type AppHarness = Awaited<ReturnType<typeof startAppHarness>>;
