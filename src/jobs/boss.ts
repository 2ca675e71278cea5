import { fromPglite, PgBoss } from "pg-boss";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";

/**
 * The job engine. On a server it opens its own pool from the connection string; on the
 * embedded database it shares the one PGlite instance through pg-boss's PGlite backend.
 */
export function createBoss(database: Database, logger: Logger): PgBoss {
  // Supervision every 5 s: a job whose worker died (no heartbeat) is retried within seconds.
  // LISTEN/NOTIFY wakes workers the moment an answer is queued, instead of at the next poll.
  const common = { superviseIntervalSeconds: 5, monitorIntervalSeconds: 5, useListenNotify: true };
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", ...common })
    : new PgBoss({ connectionString: database.url!, max: 4, ...common });
  boss.on("error", (err) => logger.error({ err }, "job engine error"));
  return boss;
}
