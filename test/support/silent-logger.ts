import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.ts";

/** A real pino logger whose JSON lines tests can read back. */
export function captureLogger(): { logger: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger("debug", sink),
    lines: () => chunks.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
