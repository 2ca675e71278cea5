import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { honestGrader } from "../fakes/fake-grader.ts";
import { FakeOpenAI } from "../fakes/openai-server.ts";
import { FakeTelegram, type FakeUser } from "../fakes/telegram-server.ts";
import { spawnBot, type BotProcess } from "../support/bot-process.ts";
import { createTestDatabase, ENGINE, type TestDatabase } from "../support/database.ts";

const timur: FakeUser = { id: 9201, first_name: "Timur", language_code: "ru" };

describe(`the bot killed during grading, on ${ENGINE}`, () => {
  let telegram: FakeTelegram;
  let openai: FakeOpenAI;
  let database: TestDatabase;
  let env: Record<string, string>;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    telegram = await FakeTelegram.start();
    openai = await FakeOpenAI.start();
    openai.complete = honestGrader;
    database = await createTestDatabase({ onDisk: true });
    env = {
      BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      OPENAI_API_KEY: openai.apiKey,
      OPENAI_BASE_URL: openai.baseUrl,
      PORT: "0",
      ...database.env,
    };
  });
  afterAll(async () => {
    await bot?.stop();
    await telegram.stop();
    await openai.stop();
    await database.drop();
  });

  it("delivers the grade after a restart and the interview resumes where it was", { timeout: 120_000 }, async () => {
    bot = spawnBot(env);
    await bot.waitForLog("bot started");
    const next = () => telegram.chatMessages(timur.id).length;
    telegram.sendText(timur, "/start");
    telegram.pressButton(timur, await telegram.nextMessage(timur.id, 0), "Русский");
    telegram.pressButton(timur, await telegram.nextMessage(timur.id, 1), "Node.js");
    telegram.pressButton(timur, await telegram.nextMessage(timur.id, 2), "Middle");
    await telegram.nextMessage(timur.id, 3);
    telegram.sendText(timur, "/interview");
    await telegram.waitFor(() => telegram.chatMessages(timur.id).find((m) => m.text?.startsWith("Вопрос 1 из 8")));

    // The grader now takes long enough to kill the process in the middle of it.
    openai.latencyMs = 3_000;
    const requestsBefore = openai.received.filter((r) => r.path === "/chat/completions").length;
    telegram.sendText(timur, "Я бы начал с требований, потом посчитал нагрузку, выбрал хранилище и добавил кэш перед базой данных.");
    await telegram.waitFor(() => telegram.chatMessages(timur.id).find((m) => m.text === "🧠 Оцениваю…"), 20_000, "grading to start");
    await telegram.waitFor(
      () => (openai.received.filter((r) => r.path === "/chat/completions").length > requestsBefore ? true : undefined),
      20_000,
      "the grading request",
    );
    bot.child.kill("SIGKILL");
    await bot.exited;
    const graded = () => telegram.chatMessages(timur.id).find((m) => m.text?.startsWith("📝 Оценка"));
    expect(graded()).toBeUndefined();

    openai.latencyMs = 0;
    const before = next();
    bot = spawnBot(env);
    await bot.waitForLog("bot started");
    // pg-boss notices the dead worker by its missing heartbeat and runs the job again.
    await telegram.waitFor(graded, 60_000, "the grade after restart");
    await telegram.waitFor(() => telegram.chatMessages(timur.id).slice(before - 1).find((m) => m.text?.startsWith("↪️ Уточняющий вопрос · вопрос 1 из 8")), 20_000, "the follow-up");
    expect(await bot.stop()).toBe(0);
  });
});
