import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../../src/db/client.ts";

/**
 * Which engine the suites run on: the embedded PGlite by default, a real PostgreSQL server
 * when TEST_DATABASE_URL is set. Each call gets a database of its own, so files run in parallel.
 */
export const ENGINE = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export interface TestDatabase {
  target: DatabaseTarget;
  /** The same target as environment variables, for spawning the bot as a process. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      target: { kind: "postgres", url: url.toString() },
      env: { DATABASE_URL: url.toString() },
      drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
    };
  }
  if (!options.onDisk) {
    return { target: { kind: "pglite", dataDir: "memory://" }, env: {}, drop: async () => {} };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "mock-interview-pglite-"));
  return {
    target: { kind: "pglite", dataDir },
    env: { DATA_DIR: dataDir },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
