import { describe, expect, it } from "vitest";
import { buildScorecard, type GradedAnswerSummary } from "../../src/domain/scorecard.ts";
import { deliveryScore, speechMetrics } from "../../src/domain/speech-metrics.ts";

describe("speechMetrics", () => {
  it("measures pace, fillers per minute and length against the target", () => {
    const transcript = "Ну, типа, индекс это, короче, структура данных. Как бы ускоряет поиск, ну вот.";
    const metrics = speechMetrics(transcript, 30, "ru", 120);
    expect(metrics.words).toBe(13);
    expect(metrics.wordsPerMinute).toBe(26);
    expect(metrics.fillers).toBe(6); // ну ×2, типа, короче, как бы, вот
    expect(metrics.fillersPerMinute).toBe(12);
    expect(metrics.topFillers[0]).toEqual({ filler: "ну", count: 2 });
    expect(metrics.pace).toBe("slow");
    expect(metrics.length).toBe("short");
  });

  it("counts Uzbek fillers however the apostrophe was typed", () => {
    const metrics = speechMetrics("Xullas, haligi, index kerak. Yaʼni tezroq. Mana shunaqa, anaqa.", 20, "uz", 60);
    expect(metrics.fillers).toBe(5);
  });

  it("reports nothing time-based for a typed answer", () => {
    const metrics = speechMetrics("um I think it is like a cache", null, "en", 60);
    expect(metrics).toMatchObject({ wordsPerMinute: null, fillersPerMinute: null, pace: null, length: null });
    expect(deliveryScore(metrics)).toBeNull();
  });

  it("scores a calm delivery above a rushed, filler-heavy one", () => {
    const calm = speechMetrics("word ".repeat(240), 120, "en", 120);
    const rushed = speechMetrics("um like ".repeat(200), 60, "en", 120);
    expect(deliveryScore(calm)).toBe(10);
    expect(deliveryScore(rushed)!).toBeLessThan(6);
  });
});

const graded = (overall: number, extra: Partial<GradedAnswerSummary> = {}): GradedAnswerSummary => ({
  dimensions: { communication: overall, technicalDepth: overall, problemSolving: overall, culturalFit: null },
  overall,
  strengths: [],
  improvements: [],
  ...extra,
});

describe("buildScorecard", () => {
  it("weighs the follow-up (recovery) below the main answer and counts skips as zero", () => {
    const card = buildScorecard([
      { questionId: "a", stage: "technical", skipped: false, main: graded(8), followUp: graded(4) },
      { questionId: "b", stage: "technical", skipped: true, main: null, followUp: null },
    ]);
    expect(card.rows.map((row) => [row.status, row.score])).toEqual([
      ["graded", 7],
      ["skipped", 0],
    ]);
    expect(card.overall).toBe(3.5);
    expect(card.dimensions.technicalDepth).toBe(3.5); // (8×.75 + 4×.25) / (1 + 1)
    expect(card.dimensions.culturalFit).toBeNull();
  });

  it("leaves answers still waiting for a grade out of the numbers and says how many", () => {
    const card = buildScorecard([
      { questionId: "a", stage: "coding", skipped: false, main: graded(6), followUp: null },
      { questionId: "b", stage: "system_design", skipped: false, main: null, followUp: null },
    ]);
    expect(card.overall).toBe(6);
    expect(card.pending).toBe(1);
  });

  it("takes strengths from the best answers and improvements from the weakest, without repeats", () => {
    const card = buildScorecard([
      { questionId: "a", stage: "technical", skipped: false, main: graded(9, { strengths: ["Clear trade-offs"], improvements: ["Mention EXPLAIN"] }), followUp: null },
      { questionId: "b", stage: "technical", skipped: false, main: graded(3, { strengths: ["Good example"], improvements: ["Define isolation levels", "mention explain"] }), followUp: null },
    ]);
    expect(card.strengths).toEqual(["Clear trade-offs", "Good example"]);
    expect(card.improvements).toEqual(["Define isolation levels", "mention explain"]);
    // Every dimension is equal here, so none is named; the questions differ by six points.
    expect(card.strongest).toBeNull();
    expect([card.best?.questionId, card.worst?.questionId]).toEqual(["a", "b"]);
  });
});
