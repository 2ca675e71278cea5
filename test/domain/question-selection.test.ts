import { describe, expect, it } from "vitest";
import { seededRandom, selectQuestions, type QuestionMeta } from "../../src/domain/question-selection.ts";

const q = (id: string, overrides: Partial<QuestionMeta> = {}): QuestionMeta => ({
  id,
  stage: "technical",
  area: "databases",
  topics: ["indexes"],
  stacks: "all",
  levels: ["junior", "mid", "senior"],
  ...overrides,
});

const bank: QuestionMeta[] = [
  q("db-1"),
  q("db-2", { topics: ["sharding"] }),
  q("db-3", { levels: ["senior"] }),
  q("go-1", { area: "stack", topics: ["go", "goroutines"], stacks: ["go"] }),
  q("py-1", { area: "stack", topics: ["python"], stacks: ["python"] }),
  q("sd-1", { stage: "system_design", area: "system_design", topics: ["url-shortener"] }),
];
const base = { stack: "go", level: "mid", stage: "technical", count: 10, random: seededRandom(1) } as const;

describe("selectQuestions", () => {
  it("keeps to the stage, the user's stack and level", () => {
    const ids = selectQuestions(bank, base).map((question) => question.id).sort();
    expect(ids).toEqual(["db-1", "db-2", "go-1"]);
  });

  it("filters by topic id or by area", () => {
    expect(selectQuestions(bank, { ...base, topics: ["sharding"] }).map((x) => x.id)).toEqual(["db-2"]);
    expect(selectQuestions(bank, { ...base, topics: ["stack"] }).map((x) => x.id)).toEqual(["go-1"]);
  });

  it("offers stack-specific and general questions separately when asked", () => {
    expect(selectQuestions(bank, { ...base, stackSpecific: true }).map((x) => x.id)).toEqual(["go-1"]);
    expect(selectQuestions(bank, { ...base, stackSpecific: false }).map((x) => x.id).sort()).toEqual(["db-1", "db-2"]);
  });

  it("puts recently asked questions last, the longest-ago first among them", () => {
    const lastAsked = new Map([
      ["db-1", 2_000],
      ["go-1", 1_000],
    ]);
    expect(selectQuestions(bank, { ...base, lastAsked }).map((x) => x.id)).toEqual(["db-2", "go-1", "db-1"]);
    expect(selectQuestions(bank, { ...base, lastAsked, count: 1 }).map((x) => x.id)).toEqual(["db-2"]);
  });

  it("skips ids already in the plan", () => {
    expect(selectQuestions(bank, { ...base, exclude: new Set(["db-1", "db-2"]) }).map((x) => x.id)).toEqual(["go-1"]);
  });

  it("is repeatable for a seed and varies across seeds", () => {
    const many = Array.from({ length: 30 }, (_, i) => q(`q-${i}`));
    const pick = (seed: number) => selectQuestions(many, { ...base, count: 5, random: seededRandom(seed) }).map((x) => x.id);
    expect(pick(7)).toEqual(pick(7));
    expect(pick(7)).not.toEqual(pick(8));
  });
});
