import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, ENGINE, type TestDatabase } from "../support/database.ts";
import { spawnBot } from "../support/bot-process.ts";
import { FakeTelegram, type FakeUser } from "../fakes/telegram-server.ts";

const aziza: FakeUser = { id: 701, first_name: "Aziza", language_code: "uz" };
const dmitry: FakeUser = { id: 702, first_name: "Дмитрий", language_code: "ru-RU" };
const emma: FakeUser = { id: 703, first_name: "Emma", language_code: "en" };

describe(`the bot as a process on ${ENGINE}`, () => {
  let telegram: FakeTelegram;
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    telegram = await FakeTelegram.start();
    database = await createTestDatabase({ onDisk: true });
    env = { BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, PORT: "0", LOG_LEVEL: "info", ...database.env };
  });
  afterAll(async () => {
    await telegram.stop();
    await database.drop();
  });

  it("answers /start in each user's language, and keeps choices and half-done flows across a restart", async () => {
    const first = spawnBot(env);
    await first.waitForLog("bot started");

    for (const user of [aziza, dmitry, emma]) telegram.sendText(user, "/start");
    const greetings = await Promise.all([aziza, dmitry, emma].map((user) => telegram.nextMessage(user.id, 0)));
    expect(greetings.map((message) => message.text!.split("!")[0])).toEqual(["Salom, Aziza", "Привет, Дмитрий", "Hi, Emma"]);
    for (const message of greetings) {
      expect(message.reply_markup!.inline_keyboard.flat().map((button) => button.text)).toEqual(["English", "Русский", "Oʻzbekcha"]);
    }

    // Dmitry finishes onboarding; Emma stops after choosing her language.
    telegram.pressButton(dmitry, greetings[1]!, "English");
    const dmitryStack = await telegram.waitFor(() => telegram.chatMessages(dmitry.id).find((m) => m.text === "Which stack do you work with?"));
    telegram.pressButton(dmitry, dmitryStack, "Python");
    const dmitryLevel = await telegram.waitFor(() => telegram.chatMessages(dmitry.id).find((m) => m.text?.startsWith("Which level")));
    telegram.pressButton(dmitry, dmitryLevel, "Middle");
    await telegram.waitFor(() => telegram.lastMessage(dmitry.id)?.text?.startsWith("All set: Python, Middle"));

    telegram.pressButton(emma, greetings[2]!, "Oʻzbekcha");
    const emmaStack = await telegram.waitFor(() => telegram.chatMessages(emma.id).find((m) => m.text === "Qaysi stek bilan ishlaysiz?"));

    expect(await first.stop("SIGTERM")).toBe(0);
    expect(first.logs.some((line) => line.msg === "bot stopped")).toBe(true);

    const second = spawnBot(env);
    await second.waitForLog("bot started");
    // Emma's onboarding resumes where she left it, in the language she chose before the restart.
    telegram.pressButton(emma, emmaStack, "Java");
    await telegram.waitFor(() => telegram.lastMessage(emma.id)?.text === "Qaysi darajaga tayyorlanyapsiz?");
    const sentBefore = telegram.chatMessages(dmitry.id).length;
    telegram.sendText(dmitry, "/settings");
    const settings = await telegram.nextMessage(dmitry.id, sentBefore);
    expect(settings.text).toContain("Interface language: English");
    expect(settings.text).toContain("Stack: Python");
    expect(settings.text).toContain("Level: Middle");
    expect(await second.stop("SIGINT")).toBe(0);

    // Every log line is JSON with update and chat ids where an update was involved; no token anywhere.
    const allLogs = [...first.logs, ...second.logs];
    expect(allLogs.every((line) => !line.unparsed)).toBe(true);
    expect(JSON.stringify(allLogs)).not.toContain(telegram.token);
  });

  it("publishes the command menu in English, Russian and Uzbek", () => {
    const menus = telegram.callsOf("setMyCommands").map((call) => [
      call.params.language_code ?? "default",
      (call.params.commands as Array<{ command: string; description: string }>).find((c) => c.command === "interview")!.description,
    ]);
    expect(menus).toEqual(
      expect.arrayContaining([
        ["ru", "Начать пробное собеседование"],
        ["uz", "Sinov suhbatini boshlash"],
        ["en", "Start a mock interview"],
        ["default", "Start a mock interview"],
      ]),
    );
  });
});

describe("start-up without a bot token", () => {
  it("prints one line naming BOT_TOKEN and exits non-zero", async () => {
    const bot = spawnBot({ DATA_DIR: "/nonexistent-never-created" });
    const code = await bot.exited;
    expect(code).not.toBe(0);
    expect(bot.stderr().trim().split("\n")).toEqual(["Configuration error: BOT_TOKEN is required (get one from @BotFather). See .env.example."]);
  });
});
