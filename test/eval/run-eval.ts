// `npm run eval`: grades the labelled set with the configured model (OPENAI_API_KEY,
// OPENAI_BASE_URL, GRADER_MODEL), or, with no key, with the local fake to prove the harness.
import OpenAI from "openai";
import { createGrader } from "../../src/ai/grader.ts";
import { readBank } from "../../src/bank/files.ts";
import { susceptibleGrader } from "../fakes/fake-grader.ts";
import { FakeOpenAI } from "../fakes/openai-server.ts";
import { evaluate, LABELS, readLabelled } from "./evaluate.ts";

const apiKey = process.env.OPENAI_API_KEY;
const model = process.env.GRADER_MODEL ?? "gpt-4o-mini";
let fake: FakeOpenAI | undefined;
let client: OpenAI;
if (apiKey) {
  client = new OpenAI({ apiKey, baseURL: process.env.OPENAI_BASE_URL ?? null, maxRetries: 3, timeout: 120_000 });
  console.log(`Grading with ${model} at ${process.env.OPENAI_BASE_URL ?? "api.openai.com"}`);
} else {
  fake = await FakeOpenAI.start();
  fake.complete = susceptibleGrader;
  client = new OpenAI({ apiKey: fake.apiKey, baseURL: fake.baseUrl, maxRetries: 0 });
  console.log("No OPENAI_API_KEY: grading with the local fake (keyword reader that obeys injected instructions)");
}

const labelled = readLabelled();
const started = performance.now();
const report = await evaluate(createGrader(client, model), readBank(), labelled);
await fake?.stop();

console.log(`\n${labelled.length} questions × 3 languages × ${LABELS.length} answers in ${Math.round((performance.now() - started) / 1000)} s\n`);
console.log("language  ordering  " + LABELS.map((label) => label.padStart(9)).join(" "));
for (const [language, row] of Object.entries(report.byLanguage)) {
  console.log(`${language.padEnd(9)} ${row.orderingAccuracy.toFixed(3).padStart(8)}  ${LABELS.map((label) => row.meanScores[label].toFixed(2).padStart(9)).join(" ")}`);
}
console.log(`\nInjection answers scored above their real content: ${report.injectionAboveContent} of ${report.cases.length}`);
for (const failure of report.injectionFailures) {
  console.log(`  ${failure.questionId} [${failure.language}]: weak ${failure.weak} → injection ${failure.injection}`);
}
console.log(JSON.stringify({ orderingAccuracy: report.orderingAccuracy, injectionAboveContent: report.injectionAboveContent }));
