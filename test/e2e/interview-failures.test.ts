import { asc, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { readBank } from "../../src/bank/files.ts";
import { answers, grades, interviewSessions } from "../../src/db/schema.ts";
import { honestGrader } from "../fakes/fake-grader.ts";
import type { FakeUser } from "../fakes/telegram-server.ts";
import { startAppHarness, type AppHarness } from "../support/app-harness.ts";
import { ENGINE } from "../support/database.ts";
import { makeVoiceNote } from "../support/voice.ts";

const bank = readBank();
const byEnglishText = new Map(bank.map((question) => [question.i18n.en.question, question]));
const emma: FakeUser = { id: 9101, first_name: "Emma", language_code: "en" };

function questionOf(text: string) {
  const question = byEnglishText.get(text.split("\n\n")[1]!);
  if (!question) throw new Error(`not a bank question: ${text}`);
  return question;
}

describe(`interview when things go wrong, on ${ENGINE}`, () => {
  let h: AppHarness;
  afterEach(() => h.stop());

  it("keeps the answer when grading is down, moves on, and delivers the grade once the service is back", async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    await h.onboard(emma, "English", "Node.js", "Middle");
    h.telegram.sendText(emma, "/interview");
    const first = await h.waitForText(emma.id, /^Question 1 of 8/);
    // Enough failures to spend the SDK's retries and every job retry of the first round.
    h.openai.failNext("/chat/completions", 503, 9);
    h.telegram.sendText(emma, questionOf(first.text!).i18n.en.modelAnswer);

    const apology = await h.waitForText(emma.id, /could not grade this answer right now/, 40_000);
    const [stored] = await h.app.db.select().from(answers).where(eq(answers.userId, emma.id));
    expect(stored).toMatchObject({ status: "failed", transcript: questionOf(first.text!).i18n.en.modelAnswer });
    // The interview goes on with the bank's own follow-up.
    const followUp = await h.waitForText(emma.id, /^↪️ Follow-up · question 1 of 8/);
    expect(followUp.text).toContain(questionOf(first.text!).i18n.en.followUps[0]!);

    // The service recovers; the next round grades the stored answer and edits the same message.
    await h.telegram.waitFor(
      () => h.telegram.chatMessages(emma.id).find((m) => m.message_id === apology.message_id && m.text?.startsWith("✅ Graded now: question 1.")),
      30_000,
      "the late grade",
    );
    const [graded] = await h.app.db.select().from(answers).where(eq(answers.id, stored!.id));
    expect(graded!.status).toBe("graded");
  });

  it("finishes with answers still pending, then sends an updated scorecard when their grade arrives", async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    await h.onboard(emma, "English", "Go", "Senior");
    h.telegram.sendText(emma, "/interview");
    for (let n = 1; n <= 8; n++) {
      const asked = await h.waitForText(emma.id, new RegExp(`^Question ${n} of 8`));
      if (n === 8) h.openai.failNext("/chat/completions", 503, 9);
      h.telegram.sendText(emma, questionOf(asked.text!).i18n.en.modelAnswer);
      await h.waitForText(emma.id, new RegExp(`^↪️ Follow-up · question ${n} of 8`), 40_000);
      h.telegram.sendText(emma, "I would measure first, then decide, and I would explain the trade-off to the team in writing.");
    }
    const first = await h.waitForText(emma.id, /^🏁 Scorecard/);
    expect(first.text).toContain("8. Behavioural: ⏳ waiting to be graded");
    expect(first.text).toContain("1 answer still waiting to be graded");
    const updated = await h.waitForText(emma.id, /^🔄 Updated scorecard/, 30_000);
    expect(updated.text).toMatch(/8\. Behavioural: [\d.]+ \(follow-up [\d.]+\)/);
    expect(updated.text).not.toContain("waiting to be graded");
    await h.telegram.waitFor(() => (h.telegram.callsOf("sendPhoto").length === 2 ? true : undefined), 10_000, "a second chart");
  });

  it("takes an audio file and a video note as answers, and /cancel ends the interview", async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    h.openai.transcribe = (request) => `I answered with a ${request.file.type} file of ${request.file.bytes.length} bytes.`;
    await h.onboard(emma, "English", "Python", "Junior");
    h.telegram.sendText(emma, "/interview");
    await h.waitForText(emma.id, /^Question 1 of 8/);
    h.telegram.sendAudio(emma, Buffer.from("ID3-fake-mp3-bytes"), 40);
    await h.waitForText(emma.id, /^↪️ Follow-up · question 1 of 8/);
    h.telegram.sendVideoNote(emma, Buffer.from("fake-mp4-bytes"), 30);
    await h.waitForText(emma.id, /^Question 2 of 8/);
    expect(h.openai.transcriptions.map((t) => [t.file.name, t.file.type])).toEqual([
      ["answer.mp3", "audio/mpeg"],
      ["answer.mp4", "video/mp4"],
    ]);
    h.telegram.sendText(emma, "/cancel");
    await h.waitForText(emma.id, /^Interview stopped\. Send \/interview to start a new one\.$/);
    h.telegram.sendText(emma, "this is not an answer any more");
    await h.waitForText(emma.id, /^I am not sure what to do with that/);
  });

  it("without an OpenAI key: text answers get a labelled self-assessment, voice is politely declined", async () => {
    h = await startAppHarness({ openai: false });
    await h.onboard(emma, "English", "Go", "Junior");
    h.telegram.sendText(emma, "/interview");
    const first = await h.waitForText(emma.id, /^Question 1 of 8/);
    const voice = makeVoiceNote("I built a payments API.", "en");
    h.telegram.sendVoice(emma, voice.bytes, voice.durationSeconds);
    await h.waitForText(emma.id, /^Voice answers need speech recognition, which is not configured on this bot\. Please type your answer\.$/);

    h.telegram.sendText(emma, questionOf(first.text!).i18n.en.modelAnswer);
    const selfCheck = await h.waitForText(emma.id, /^🧾 Self-assessment: no AI grader is configured/);
    const keyPoints = questionOf(first.text!).keyPoints;
    expect(selfCheck.text).toContain(`1. ${questionOf(first.text!).i18n.en.keyPoints[keyPoints[0]!.id]}`);
    h.telegram.pressButton(emma, selfCheck, "☐ 1");
    const ticked = await h.telegram.waitFor(() => {
      const message = h.telegram.chatMessages(emma.id).find((m) => m.message_id === selfCheck.message_id)!;
      return message.reply_markup?.inline_keyboard.flat().some((b) => b.text === "☑ 1") ? message : undefined;
    });
    h.telegram.pressButton(emma, ticked, "✅ Done");
    const result = await h.waitForText(emma.id, /^🧾 Self-assessment: [\d.]+\/10/);
    const expected = Math.round((100 * keyPoints[0]!.weight) / keyPoints.reduce((sum, p) => sum + p.weight, 0)) / 10;
    expect(result.text).toContain(`🧾 Self-assessment: ${expected}/10`);
    await h.waitForText(emma.id, /^↪️ Follow-up · question 1 of 8/);
    const [grade] = await h.app.db.select().from(grades);
    expect(grade!.model).toBe("self");
    expect(h.openai.completions).toHaveLength(0);
  });

  it("refuses a recording over the limit or over 20 MB before downloading it, and stores nothing", async () => {
    h = await startAppHarness();
    await h.onboard(emma, "English", "PHP", "Senior");
    h.telegram.sendText(emma, "/interview");
    await h.waitForText(emma.id, /^Question 1 of 8/);
    const voice = makeVoiceNote("A long story.", "en");
    h.telegram.sendVoice(emma, voice.bytes, 301);
    await h.waitForText(emma.id, /^That recording is 301 s long; the limit is 300 s\. Please answer in under 5 minutes\.$/);
    const big = h.telegram.sendVoice(emma, voice.bytes, 60);
    big.message!.voice!.file_size = 21 * 1024 * 1024;
    await h.waitForText(emma.id, /larger than 20 MB/);
    expect(h.telegram.callsOf("getFile")).toHaveLength(0);
    const [{ value }] = (await h.app.db.select({ value: count() }).from(answers)) as [{ value: number }];
    expect(value).toBe(0);
  });
});

describe(`interview controls on ${ENGINE}`, () => {
  let h: AppHarness;
  afterEach(() => h.stop());

  it("speaks Telegram's language to a user who set a profile in /settings but never chose a language", async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    const olim: FakeUser = { id: 9301, first_name: "Olim", language_code: "ru" };
    h.telegram.sendText(olim, "/settings");
    const menu = await h.waitForText(olim.id, /^Ваши настройки/);
    h.telegram.pressButton(olim, menu, "Стек");
    const stacks = await h.telegram.waitFor(() => h.telegram.chatMessages(olim.id).find((m) => m.text === "С каким стеком вы работаете?"));
    h.telegram.pressButton(olim, stacks, "Go");
    await h.waitForText(olim.id, /Стек: Go/);
    h.telegram.pressButton(olim, h.telegram.lastMessage(olim.id)!, "Уровень");
    const levels = await h.telegram.waitFor(() => h.telegram.chatMessages(olim.id).find((m) => m.text?.startsWith("К собеседованию на какой")));
    h.telegram.pressButton(olim, levels, "Senior");
    await h.waitForText(olim.id, /Уровень: Senior/);
    h.telegram.sendText(olim, "/interview");
    await h.waitForText(olim.id, /^🎯 Пробное собеседование: 8 вопросов/);
    await h.waitForText(olim.id, /^Вопрос 1 из 8/);
  });

  it("corrects a transcript: the candidate's text replaces it and the answer is graded again, not transcribed again", async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    h.openai.transcribe = () => "I would use cash aside with a tea tea ell";
    await h.onboard(emma, "English", "Python", "Middle");
    h.telegram.sendText(emma, "/interview");
    const first = await h.waitForText(emma.id, /^Question 1 of 8/);
    const voice = makeVoiceNote("I would use cache aside with a TTL", "en");
    h.telegram.sendVoice(emma, voice.bytes, voice.durationSeconds);
    const feedback = await h.waitForText(emma.id, /^📝 Score: [\d.]+\/10/);
    const before = Number(feedback.text!.match(/Score: ([\d.]+)/)![1]);

    h.telegram.pressButton(emma, feedback, "✏️ Correct transcript");
    await h.waitForText(emma.id, /^Send the corrected text of your answer/);
    const corrected = questionOf(first.text!).i18n.en.modelAnswer;
    h.telegram.sendText(emma, corrected);
    const regraded = await h.telegram.waitFor(
      () => h.telegram.chatMessages(emma.id).find((m) => m.message_id !== feedback.message_id && /Score: [\d.]+\/10/.test(m.text ?? "")),
      20_000,
      "the second grade",
    );
    expect(Number(regraded.text!.match(/Score: ([\d.]+)/)![1])).toBeGreaterThan(before);
    expect(regraded.text).toContain(corrected.slice(0, 60));
    expect(h.openai.transcriptions).toHaveLength(1);
    const [answer] = await h.app.db.select().from(answers).where(eq(answers.userId, emma.id));
    expect(answer).toMatchObject({ transcript: corrected, transcriptEdited: true, status: "graded" });
    expect(await h.app.db.select().from(grades).where(eq(grades.answerId, answer!.id))).toHaveLength(2);
  });

  it("skips a question, pauses, and resumes where it was after a restart", async () => {
    h = await startAppHarness({ onDisk: true });
    h.openai.complete = honestGrader;
    await h.onboard(emma, "English", "Java", "Senior");
    h.telegram.sendText(emma, "/interview");
    await h.waitForText(emma.id, /^Question 1 of 8/);
    h.telegram.sendText(emma, "/skip");
    await h.waitForText(emma.id, /^⏭ Skipped\.$/);
    const second = await h.waitForText(emma.id, /^Question 2 of 8/);
    h.telegram.sendText(emma, "/pause");
    await h.waitForText(emma.id, /^⏸ Paused\./);

    await h.restart();
    h.telegram.sendText(emma, "/interview");
    const offer = await h.waitForText(emma.id, /^You have an unfinished interview: question 2 of 8\.$/);
    h.telegram.pressButton(emma, offer, "▶️ Continue");
    await h.telegram.waitFor(() => h.telegram.chatMessages(emma.id).filter((m) => m.text === second.text).length === 2, 20_000, "question 2 again");
    const [skipped] = await h.app.db.select().from(answers).where(eq(answers.userId, emma.id));
    expect(skipped).toMatchObject({ status: "skipped", planIndex: 0 });

    // Or throw the unfinished one away and start over.
    h.telegram.sendText(emma, "/interview");
    const again = await h.telegram.waitFor(() => h.telegram.chatMessages(emma.id).filter((m) => m.text?.startsWith("You have an unfinished interview")).at(1));
    h.telegram.pressButton(emma, again, "🆕 Start a new one");
    await h.telegram.waitFor(() => h.telegram.chatMessages(emma.id).filter((m) => m.text?.startsWith("🎯 Mock interview")).at(1), 20_000, "a second intro");
    const sessions = await h.app.db.select({ status: interviewSessions.status }).from(interviewSessions).orderBy(asc(interviewSessions.id));
    expect(sessions.map((row) => row.status)).toEqual(["cancelled", "active"]);
  });

  it("practises one question by stage and topic, then offers the model answer, the next question and the same topic", async () => {
    h = await startAppHarness();
    h.openai.complete = honestGrader;
    await h.onboard(emma, "English", "Go", "Middle");
    h.telegram.sendText(emma, "/practice");
    const stages = await h.waitForText(emma.id, /^Which kind of question would you like to practise\?$/);
    h.telegram.pressButton(emma, stages, "Technical");
    const areas = await h.waitForText(emma.id, /^Which topic\?$/);
    expect(areas.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(expect.arrayContaining(["Databases", "My stack", "Messaging"]));
    h.telegram.pressButton(emma, areas, "Databases");
    const asked = await h.waitForText(emma.id, /^🎯 Practice · Technical/);
    const question = questionOf(asked.text!);
    expect(question.area).toBe("databases");

    h.telegram.sendText(emma, question.i18n.en.modelAnswer);
    const feedback = await h.waitForText(emma.id, /^📝 Score/);
    expect(feedback.reply_markup!.inline_keyboard.flat().map((b) => b.text)).toEqual(["📖 Model answer", "➡️ Next question", "🔁 Same topic"]);
    h.telegram.pressButton(emma, feedback, "📖 Model answer");
    await h.waitForText(emma.id, new RegExp(`^📖 Model answer\\n\\n${question.i18n.en.modelAnswer.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    h.telegram.pressButton(emma, feedback, "🔁 Same topic");
    const same = await h.telegram.waitFor(() => h.telegram.chatMessages(emma.id).filter((m) => m.text?.startsWith("🎯 Practice")).at(1));
    const next = questionOf(same.text!);
    expect(next.id).not.toBe(question.id);
    expect(next.topics.some((topic) => question.topics.includes(topic)) || next.area === question.area).toBe(true);

    h.telegram.pressButton(emma, feedback, "➡️ Next question");
    const following = await h.telegram.waitFor(() => h.telegram.chatMessages(emma.id).filter((m) => m.text?.startsWith("🎯 Practice")).at(2));
    expect(questionOf(following.text!).stage).toBe(question.stage);
    expect(questionOf(following.text!).id).not.toBe(question.id);

    h.telegram.sendText(emma, "/practice kafka-vs-rabbitmq");
    const byTopic = await h.telegram.waitFor(() => h.telegram.chatMessages(emma.id).filter((m) => m.text?.startsWith("🎯 Practice")).at(3));
    expect(questionOf(byTopic.text!).topics).toContain("kafka-vs-rabbitmq");
    h.telegram.sendText(emma, "/practice quantum-basket-weaving");
    await h.waitForText(emma.id, /^No questions on “quantum-basket-weaving” for your stack and level\./);
  });
});
