import { describe, expect, it } from "vitest";
import { readBank } from "../../src/bank/files.ts";
import { feedbackMessage } from "../../src/bot/interview/render.ts";
import { scoreAnswer } from "../../src/domain/grading.ts";
import { createI18n } from "../../src/i18n.ts";
import { rubricForScoring } from "../../src/answers/rubric.ts";
import { asStored } from "../eval/evaluate.ts";

describe("feedback message", () => {
  it("stays within Telegram's 4096 characters with balanced HTML, however long the transcript and model texts", async () => {
    const t = (await createI18n()).t("ru");
    const question = asStored(readBank().find((q) => q.stage === "system_design")!);
    const transcript = "<script>alert(1)</script> & ".repeat(400);
    const output = {
      keyPoints: [],
      pitfallsHit: [],
      offTopic: false,
      judgments: { communication: { level: "good", reason: "" }, technicalDepth: { level: "good", reason: "" }, problemSolving: { level: "good", reason: "" }, culturalFit: null },
      strengths: Array.from({ length: 3 }, () => "<b>".repeat(400)),
      improvements: Array.from({ length: 3 }, () => "x&y ".repeat(300)),
      followUpQuestion: "",
      modelAnswer: "",
    } as const;
    const score = scoreAnswer(rubricForScoring(question, "ru"), structuredClone(output) as never, transcript, null);
    const message = feedbackMessage(t, { question, language: "ru", transcript, score, output: structuredClone(output) as never, speech: null });
    expect(message.length).toBeLessThanOrEqual(4096);
    const tags = [...message.matchAll(/<(\/?)(b|i|blockquote)[^>]*>/g)];
    expect(tags.filter((m) => !m[1]).length).toBe(tags.filter((m) => m[1]).length);
    expect(message).not.toContain("<script>");
    expect(message).toContain("&lt;script&gt;");
  });
});
