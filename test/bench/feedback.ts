// `npm run bench:feedback`: what our own code adds between a voice answer and its feedback.
// The fakes answer transcription and grading after a fixed latency; the overhead is the time
// from the voice update to the feedback message minus those two latencies. Also the grading
// prompt's size and its cacheable prefix, in gpt-4o tokens. BENCH_DATABASE_URL adds Postgres.
import { encode } from "gpt-tokenizer/encoding/o200k_base";
import type { Message } from "grammy/types";
import { stablePrefix, type PromptMessage } from "../../src/ai/grading-prompt.ts";
import { startApp } from "../../src/app.ts";
import { parseConfig } from "../../src/config.ts";
import { seededRandom } from "../../src/domain/question-selection.ts";
import { DEFAULT_ANSWER_JOB_TIMINGS } from "../../src/jobs/answer-jobs.ts";
import { createLogger } from "../../src/logger.ts";
import { honestGrader } from "../fakes/fake-grader.ts";
import { FakeOpenAI } from "../fakes/openai-server.ts";
import { FakeTelegram, type FakeUser } from "../fakes/telegram-server.ts";
import { createTestDatabase } from "../support/database.ts";
import { makeVoiceNote } from "../support/voice.ts";

const SERVICE_LATENCY_MS = 250;
const INTERVIEWS = 3;

function tokens(messages: readonly PromptMessage[]): number {
  // Chat formatting adds about four tokens a message around its content.
  return messages.reduce((sum, message) => sum + encode(message.content).length + 4, 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(engine: "pglite" | "postgres") {
  const telegram = await FakeTelegram.start();
  const openai = await FakeOpenAI.start();
  openai.complete = honestGrader;
  openai.latencyMs = SERVICE_LATENCY_MS;
  if (engine === "postgres") process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.TEST_DATABASE_URL;
  const database = await createTestDatabase();
  const config = parseConfig({
    BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseUrl,
    PORT: "0",
    DATA_DIR: "memory://",
    ...database.env,
  });
  const app = await startApp(config, createLogger("silent"), { random: seededRandom(3), answerJobTimings: DEFAULT_ANSWER_JOB_TIMINGS });
  const user: FakeUser = { id: 4242, first_name: "Bench", language_code: "en" };
  const voice = makeVoiceNote("I would start from the requirements, estimate the load, and put a cache in front of the database.", "en");
  openai.transcribe = () => "I would start from the requirements, estimate the load, and put a cache in front of the database.";

  const messageCount = () => telegram.chatMessages(user.id).length;
  const waitNew = async (before: number, pattern: RegExp): Promise<Message> =>
    telegram.waitFor(() => telegram.chatMessages(user.id).slice(before).find((m) => pattern.test(m.text ?? m.caption ?? "")), 30_000, String(pattern));

  let before = messageCount();
  telegram.sendText(user, "/start");
  telegram.pressButton(user, await waitNew(before, /^Hi/), "English");
  telegram.pressButton(user, await waitNew(before, /^Which stack/), "Go");
  telegram.pressButton(user, await waitNew(before, /^Which level/), "Middle");
  await waitNew(before, /^All set/);

  const overheads: number[] = [];
  for (let interview = 0; interview < INTERVIEWS; interview++) {
    before = messageCount();
    telegram.sendText(user, "/interview");
    for (let answer = 0; answer < 16; answer++) {
      await waitNew(before, answer % 2 === 0 ? new RegExp(`^Question ${answer / 2 + 1} of 8`) : /^↪️ Follow-up/);
      before = messageCount();
      const sentAt = performance.now();
      telegram.sendVoice(user, voice.bytes, voice.durationSeconds);
      await waitNew(before, /^📝 Score/);
      overheads.push(performance.now() - sentAt - 2 * SERVICE_LATENCY_MS);
    }
    await waitNew(before, /^🏁 Scorecard/);
  }
  await app.stop();
  await telegram.stop();
  await openai.stop();
  await database.drop();

  const sorted = overheads.sort((a, b) => a - b);
  return { engine, samples: sorted.length, p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), prompts: openai.completions };
}

const results = [await run("pglite")];
if (process.env.BENCH_DATABASE_URL) results.push(await run("postgres"));

// The prompt as the grader gets it, for a typical answer to a typical question.
const prompt = results[0]!.prompts.map((request) => request.messages as PromptMessage[]);
const promptTokens = prompt.map(tokens).sort((a, b) => a - b);
const prefixTokens = prompt.map((messages) => tokens(stablePrefix(messages))).sort((a, b) => a - b);

console.log(`Fakes answer after ${SERVICE_LATENCY_MS} ms each (transcription, grading); overhead = voice update → feedback − both.`);
console.log("engine     samples  overhead p50  overhead p99");
for (const r of results) console.log(`${r.engine.padEnd(10)} ${String(r.samples).padStart(7)}  ${`${r.p50} ms`.padStart(12)}  ${`${r.p99} ms`.padStart(12)}`);
console.log(
  `Grading prompt: median ${percentile(promptTokens, 50)} tokens (min ${promptTokens[0]}, max ${promptTokens.at(-1)}); ` +
    `stable prefix (instructions + rubric) median ${percentile(prefixTokens, 50)} tokens — cacheable from 1024.`,
);
const headline = results.at(-1)!;
console.log(
  JSON.stringify({
    feedbackOverheadP50Ms: results[0]!.p50,
    feedbackOverheadP99Ms: results[0]!.p99,
    promptTokens: percentile(promptTokens, 50),
    stablePrefixTokens: percentile(prefixTokens, 50),
    ...(headline.engine === "postgres" ? { postgresOverheadP50Ms: headline.p50, postgresOverheadP99Ms: headline.p99 } : {}),
  }),
);
