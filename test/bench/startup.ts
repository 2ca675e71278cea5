// Start-up time and memory of the bot as a process, on the embedded database and on Postgres.
// `npm run bench:startup`; set BENCH_DATABASE_URL (a server URL) to include Postgres.
import { readFileSync } from "node:fs";
import { FakeTelegram, type FakeUser } from "../fakes/telegram-server.ts";
import { spawnBot } from "../support/bot-process.ts";
import { createTestDatabase } from "../support/database.ts";

interface Run {
  engine: string;
  phase: string;
  startupMs: number;
  firstReplyMs: number;
  rssMb: number;
  peakRssMb: number;
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

async function measure(engine: string, phase: string, env: Record<string, string>, telegram: FakeTelegram, user: FakeUser): Promise<Run> {
  const spawnedAt = performance.now();
  const bot = spawnBot({ ...env, BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, PORT: "0", LOG_LEVEL: "info" });
  await bot.waitForLog("bot started", 60_000);
  const startupMs = performance.now() - spawnedAt;
  const before = telegram.chatMessages(user.id).length;
  const sentAt = performance.now();
  telegram.sendText(user, "/start");
  await telegram.nextMessage(user.id, before, 30_000);
  const firstReplyMs = performance.now() - sentAt;
  const memory = memoryMb(bot.child.pid!);
  await bot.stop();
  return { engine, phase, startupMs: Math.round(startupMs), firstReplyMs: Math.round(firstReplyMs), rssMb: memory.rss, peakRssMb: memory.peak };
}

const runs: Run[] = [];
const telegram = await FakeTelegram.start();
const user: FakeUser = { id: 901, first_name: "Bench", language_code: "ru" };

delete process.env.TEST_DATABASE_URL;
const embedded = await createTestDatabase({ onDisk: true });
runs.push(await measure("pglite", "fresh data dir", embedded.env, telegram, user));
runs.push(await measure("pglite", "reopen", embedded.env, telegram, user));
await embedded.drop();

if (process.env.BENCH_DATABASE_URL) {
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const server = await createTestDatabase();
  runs.push(await measure("postgres", "fresh database", server.env, telegram, user));
  runs.push(await measure("postgres", "restart", server.env, telegram, user));
  await server.drop();
}
await telegram.stop();

console.log("engine    phase            start-up  first reply  RSS     peak RSS");
for (const run of runs) {
  console.log(
    `${run.engine.padEnd(9)} ${run.phase.padEnd(16)} ${`${run.startupMs} ms`.padStart(8)}  ${`${run.firstReplyMs} ms`.padStart(11)}  ${`${run.rssMb} MB`.padStart(6)}  ${`${run.peakRssMb} MB`.padStart(8)}`,
  );
}
console.log(JSON.stringify({ startup: runs }));
