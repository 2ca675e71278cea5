import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBank } from "../../src/bank/files.ts";
import { answers, grades } from "../../src/db/schema.ts";
import { honestGrader } from "../fakes/fake-grader.ts";
import type { FakeUser } from "../fakes/telegram-server.ts";
import { startAppHarness, type AppHarness } from "../support/app-harness.ts";
import { ENGINE } from "../support/database.ts";
import { makeVoiceNote } from "../support/voice.ts";

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const bank = readBank();
const byRussianText = new Map(bank.map((question) => [question.i18n.ru.question, question]));

describe(`a mock interview by voice on ${ENGINE}`, () => {
  let h: AppHarness;
  const sardor: FakeUser = { id: 9001, first_name: "Sardor", language_code: "ru" };
  const spoken = new Map<string, string>();

  beforeAll(async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    // The fake "recognises" speech by the exact bytes uploaded: the same OGG the user sent.
    h.openai.transcribe = (request) => spoken.get(sha(request.file.bytes)) ?? "";
    await h.onboard(sardor, "Русский", "Go", "Middle");
  });
  afterAll(() => h.stop());

  it("runs eight questions with follow-ups and ends with a scorecard and its chart", async () => {
    const { telegram } = h;
    telegram.sendText(sardor, "/interview");
    await h.waitForText(sardor.id, /^🎯 Пробное собеседование: 8 вопросов, около \d+ минут, на языке: Русский/);

    for (let n = 1; n <= 8; n++) {
      const asked = await h.waitForText(sardor.id, new RegExp(`^Вопрос ${n} из 8 · `));
      const question = byRussianText.get(asked.text!.split("\n\n")[1]!);
      expect(question, asked.text).toBeDefined();
      const answerText = question!.i18n.ru.modelAnswer;

      if (n === 1) {
        // A genuine OGG/Opus voice note: speech synthesised, encoded, uploaded, downloaded.
        const voice = makeVoiceNote(answerText.slice(0, 200), "ru");
        spoken.set(sha(voice.bytes), answerText);
        telegram.sendVoice(sardor, voice.bytes, voice.durationSeconds);
      } else {
        telegram.sendText(sardor, answerText);
      }
      const followUp = await h.waitForText(sardor.id, new RegExp(`^↪️ Уточняющий вопрос · вопрос ${n} из 8`));
      expect(followUp.text!.split("\n\n")[1]!.length).toBeGreaterThan(10);
      telegram.sendText(sardor, "Здесь я бы сначала измерил, где именно проблема, и только потом выбирал решение, опираясь на метрики и логи.");
    }

    const scorecard = await h.waitForText(sardor.id, /^🏁 Итоги собеседования/, 30_000);
    expect(scorecard.text).toMatch(/Итог: \d+(\.\d)?\/10/);
    expect(scorecard.text).toContain("Коммуникация:");
    expect(scorecard.text).toMatch(/1\. Скрининг с рекрутером: [\d.]+ \(уточнение [\d.]+\)/);
    expect(scorecard.text).toContain("Sardor, спасибо за собеседование.");
    const photo = await telegram.waitFor(() => telegram.callsOf("sendPhoto")[0]);
    const png = Object.values(photo.files)[0]!.bytes;
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    mkdirSync("test/.tmp", { recursive: true });
    writeFileSync(`test/.tmp/scorecard-${ENGINE}.png`, png);
    expect(photo.params.caption).toBe("Ваш профиль по четырём измерениям");
  });

  it("transcribed the voice note once, in the interview language, with the backend vocabulary", () => {
    expect(h.openai.transcriptions).toHaveLength(1);
    const request = h.openai.transcriptions[0]!;
    expect(request).toMatchObject({ model: "gpt-4o-mini-transcribe", language: "ru" });
    expect(request.prompt).toContain("Kafka");
    expect(request.file.name).toBe("voice.ogg");
    expect(request.file.bytes.subarray(0, 4).toString()).toBe("OggS");
  });

  it("showed progress on one status message, edited in place into the feedback", () => {
    const { telegram } = h;
    const firstEdit = telegram.callsOf("editMessageText").find((call) => String(call.params.text).startsWith("🎧"))!;
    const statusId = firstEdit.params.message_id;
    const edits = telegram.callsOf("editMessageText").filter((call) => call.params.message_id === statusId);
    expect(edits.map((call) => String(call.params.text).split("\n")[0])).toEqual([
      "🎧 Расшифровываю…",
      "🧠 Оцениваю…",
      expect.stringMatching(/^<b>📝 Оценка: [\d.]+\/10<\/b>$/),
    ]);
    const feedback = telegram.chatMessages(sardor.id).find((message) => message.message_id === statusId)!;
    expect(feedback.text).toContain("🗣 ");
    expect(feedback.text).toContain("слов/мин");
    expect(feedback.text).toContain("Ваш ответ");
    expect(feedback.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(["✏️ Исправить расшифровку"]);
  });

  it("stored every answer and grade with model, tokens and latency", async () => {
    const rows = await h.app.db.select().from(answers).where(eq(answers.userId, sardor.id)).orderBy(asc(answers.id));
    expect(rows).toHaveLength(16);
    expect(rows.every((row) => row.status === "graded")).toBe(true);
    expect(rows[0]).toMatchObject({ source: "voice", kind: "main", language: "ru" });
    expect(rows[1]).toMatchObject({ source: "text", kind: "follow_up" });
    const stored = await h.app.db.select().from(grades).where(eq(grades.answerId, rows[0]!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.model).toBe("gpt-4o-mini");
    expect(stored[0]!.promptTokens).toBeGreaterThan(500);
    expect(stored[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(stored[0]!.overall).toBeGreaterThan(5);
  });
});
