import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { FakeTelegram, type FakeUser } from "../fakes/telegram-server.ts";
import { createTestDatabase, ENGINE, type TestDatabase } from "../support/database.ts";
import { captureLogger } from "../support/silent-logger.ts";

const nodira: FakeUser = { id: 801, first_name: "Nodira", language_code: "uz" };
const SECRET = "webhook-secret-for-tests_0123456789";

describe(`webhook mode and health on ${ENGINE}`, () => {
  let telegram: FakeTelegram;
  let database: TestDatabase;
  let app: App;
  let base: string;

  beforeAll(async () => {
    telegram = await FakeTelegram.start();
    database = await createTestDatabase();
    const config = parseConfig({
      BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.uz/telegram/hook",
      WEBHOOK_SECRET: SECRET,
      PORT: "0",
      DATA_DIR: "memory://",
      ...database.env,
    });
    app = await startApp(config, captureLogger().logger);
    base = `http://127.0.0.1:${app.httpPort}`;
  });
  afterAll(async () => {
    await app.stop();
    await telegram.stop();
    await database.drop();
  });

  const post = (body: unknown, secret?: string) =>
    fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(body),
    });

  it("registers the webhook with its secret token", () => {
    const call = telegram.callsOf("setWebhook").at(-1)!;
    expect(call.params).toMatchObject({ url: "https://bot.example.uz/telegram/hook", secret_token: SECRET });
  });

  it("reports health with a database check", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("refuses a post without the secret and handles one with it, once per update id", async () => {
    const update = telegram.sendText(nodira, "/help");
    expect((await post(update)).status).toBe(401);
    expect(telegram.callsOf("sendMessage")).toHaveLength(0);

    expect((await post(update, SECRET)).status).toBe(200);
    await telegram.waitFor(() => telegram.lastMessage(nodira.id));
    expect(telegram.lastMessage(nodira.id)!.text).toContain("Men backend suhbatlariga");
    // Telegram retries a delivery it believes failed; the retry must not answer twice.
    expect((await post(update, SECRET)).status).toBe(200);
    expect(telegram.callsOf("sendMessage")).toHaveLength(1);
  });

  it("answers 404 elsewhere", async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
