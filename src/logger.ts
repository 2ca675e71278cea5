import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. Secrets never reach them: config is not logged, and the redact list
 * catches the places a token could still travel (URLs of file downloads, auth headers).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "mock-interview-bot" },
      redact: {
        paths: ["*.token", "*.apiKey", "*.authorization", "*.headers.authorization", "*.url", "err.config"],
        censor: "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
