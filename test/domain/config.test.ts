import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.ts";

const token = "123456:ABC-def_ghi";

describe("parseConfig", () => {
  it("defaults to polling on the embedded database in ./data with OpenAI's public models", () => {
    const config = parseConfig({ BOT_TOKEN: token });
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
    expect(config.mode).toEqual({ kind: "polling" });
    expect(config.telegramApiRoot).toBe("https://api.telegram.org");
    expect(config.openai).toEqual({ apiKey: undefined, baseUrl: undefined, transcribeModel: "gpt-4o-mini-transcribe", graderModel: "gpt-4o-mini" });
    expect(config.port).toBe(8080);
    expect(config.defaultTimezone).toBe("Asia/Tashkent");
  });

  it("uses Postgres when DATABASE_URL is set, and treats an empty value as unset", () => {
    expect(parseConfig({ BOT_TOKEN: token, DATABASE_URL: "postgres://u@db:5432/bot" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@db:5432/bot",
    });
    expect(parseConfig({ BOT_TOKEN: token, DATABASE_URL: "" }).database.kind).toBe("pglite");
  });

  it("strips a trailing slash from the Telegram API root, used for calls and file downloads", () => {
    expect(parseConfig({ BOT_TOKEN: token, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).telegramApiRoot).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{}, /^BOT_TOKEN is required/],
    [{ BOT_TOKEN: "nonsense" }, /^BOT_TOKEN does not look like a bot token/],
    [{ BOT_TOKEN: token, BOT_MODE: "webhook" }, /^WEBHOOK_URL is required when BOT_MODE=webhook/],
    [{ BOT_TOKEN: token, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.uz/tg" }, /^WEBHOOK_SECRET is required/],
    [{ BOT_TOKEN: token, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.uz/tg", WEBHOOK_SECRET: "short" }, /^WEBHOOK_SECRET must be/],
    [{ BOT_TOKEN: token, PORT: "eighty" }, /^PORT /],
    [{ BOT_TOKEN: token, DEFAULT_TIMEZONE: "Mars/Olympus" }, /^DEFAULT_TIMEZONE must be an IANA time zone/],
    [{ BOT_TOKEN: token, ADMIN_IDS: "12, bob" }, /^ADMIN_IDS must be comma-separated/],
    [{ BOT_TOKEN: token, BOT_MODE: "carrier-pigeon" }, /^BOT_MODE /],
  ])("rejects %o with one line naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("never echoes a secret in its error", () => {
    const secret = "sk-should-never-appear-anywhere";
    try {
      parseConfig({ BOT_TOKEN: secret });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it("parses webhook mode and admin ids", () => {
    const config = parseConfig({
      BOT_TOKEN: token,
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.uz/telegram",
      WEBHOOK_SECRET: "a-long-enough-secret_123",
      ADMIN_IDS: "11, 22",
    });
    expect(config.mode).toEqual({ kind: "webhook", url: "https://bot.example.uz/telegram", secret: "a-long-enough-secret_123" });
    expect(config.adminIds).toEqual([11, 22]);
  });
});
