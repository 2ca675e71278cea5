// The process entry point: configuration, logging and signals. Everything else is in app.ts.
import { existsSync } from "node:fs";
import { startApp } from "./app.ts";
import { ConfigError, parseConfig, type Config } from "./config.ts";
import { createLogger } from "./logger.ts";

if (existsSync(".env")) process.loadEnvFile(".env");

let config: Config;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}. See .env.example.`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));

try {
  const app = await startApp(config, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
} catch (err) {
  logger.fatal({ err }, "start-up failed");
  process.exit(1);
}
