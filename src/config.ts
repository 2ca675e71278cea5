import { z } from "zod";

const DEFAULT_TELEGRAM_API_ROOT = "https://api.telegram.org";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const idList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const ids = value.split(",").map((part) => part.trim()).filter(Boolean);
    const numbers = ids.map(Number);
    if (numbers.some((id) => !Number.isSafeInteger(id))) {
      ctx.addIssue({ code: "custom", message: "must be comma-separated numeric Telegram ids" });
      return z.NEVER;
    }
    return numbers;
  });

const timezone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Asia/Tashkent");

const envSchema = z
  .object({
    BOT_TOKEN: z.string({ error: "is required (get one from @BotFather)" }).regex(/^\d+:[\w-]+$/, "does not look like a bot token from @BotFather"),
    TELEGRAM_API_ROOT: z.url().default(DEFAULT_TELEGRAM_API_ROOT).transform((url) => url.replace(/\/+$/, "")),
    DATABASE_URL: optionalText.pipe(z.url().optional()),
    DATA_DIR: z.string().default("./data"),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
    TRANSCRIBE_MODEL: z.string().default("gpt-4o-mini-transcribe"),
    GRADER_MODEL: z.string().default("gpt-4o-mini"),
    BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
    WEBHOOK_URL: optionalText.pipe(z.url().optional()),
    WEBHOOK_SECRET: optionalText.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ or -").optional(),
    ),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ADMIN_IDS: idList,
    DEFAULT_TIMEZONE: timezone.default("Asia/Tashkent"),
    MAX_VOICE_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    if (!env.WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
  });

type Env = z.infer<typeof envSchema>;

export interface Config {
  botToken: string;
  telegramApiRoot: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  openai: { apiKey: string | undefined; baseUrl: string | undefined; transcribeModel: string; graderModel: string };
  mode: { kind: "polling" } | { kind: "webhook"; url: string; secret: string };
  port: number;
  logLevel: Env["LOG_LEVEL"];
  adminIds: number[];
  defaultTimezone: string;
  maxVoiceSeconds: number;
}

export class ConfigError extends Error {}

/** Reads the configuration once; a wrong or missing value throws a ConfigError naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    // Say what is wrong, never echo the value: it may be a secret.
    throw new ConfigError(`${variable} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    botToken: e.BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT,
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir: e.DATA_DIR },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      transcribeModel: e.TRANSCRIBE_MODEL,
      graderModel: e.GRADER_MODEL,
    },
    mode:
      e.BOT_MODE === "webhook"
        ? { kind: "webhook", url: e.WEBHOOK_URL!, secret: e.WEBHOOK_SECRET! }
        : { kind: "polling" },
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    adminIds: e.ADMIN_IDS,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    maxVoiceSeconds: e.MAX_VOICE_SECONDS,
  };
}
