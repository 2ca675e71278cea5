import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Logger } from "../logger.ts";
import * as schema from "./schema.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

/** The one database type the rest of the code sees, whichever driver sits below. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface Database {
  db: Db;
  kind: DatabaseTarget["kind"];
  /** The embedded engine, when there is one: pg-boss runs on it through its PGlite adapter. */
  pglite?: PGlite;
  /** Connection string, when on a server: pg-boss opens its own pool with it. */
  url?: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<Database> {
  if (target.kind === "pglite") {
    // "memory://" keeps tests off the disk; anything else is a folder that holds the data.
    const inMemory = target.dataDir.startsWith("memory://");
    if (!inMemory) mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create(inMemory ? undefined : target.dataDir);
    const db = drizzlePglite(client, { schema });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      pglite: client,
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
      ping: async () => {
        await client.query("select 1");
      },
      close: () => client.close(),
    };
  }

  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle client that loses its connection emits here; unhandled it would kill the process.
  pool.on("error", (err) => logger?.error({ err }, "postgres pool error"));
  const db = drizzlePostgres(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    url: target.url,
    migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}
