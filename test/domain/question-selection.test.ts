import { describe, expect, it } from "vitest";
import { interviewTargetSeconds, planInterview } from "../../src/domain/interview-plan.ts";
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

describe("planInterview", () => {
  const full: QuestionMeta[] = [
    ...["screen", "coding", "system_design", "behavioral"].flatMap((stage) =>
      Array.from({ length: 3 }, (_, i) => q(`${stage}-${i}`, { stage: stage as QuestionMeta["stage"], area: "experience" })),
    ),
    q("tech-db-1"),
    q("tech-db-2"),
    q("tech-cache-1", { area: "caching" }),
    q("tech-sec-1", { area: "security" }),
    q("tech-go-1", { area: "stack", stacks: ["go"] }),
    q("tech-py-1", { area: "stack", stacks: ["python"] }),
  ];

  it("follows the shape: screen, three technical (one about the stack, from different areas), coding, system design, two behavioural", () => {
    const plan = planInterview(full, { stack: "go", level: "mid", lastAsked: new Map(), random: seededRandom(5) });
    expect(plan.map((item) => item.stage)).toEqual(["screen", "technical", "technical", "technical", "coding", "system_design", "behavioral", "behavioral"]);
    const technical = plan.filter((item) => item.stage === "technical").map((item) => item.questionId);
    expect(technical[0]).toBe("tech-go-1");
    const areas = technical.map((id) => full.find((question) => question.id === id)!.area);
    expect(new Set(areas).size).toBe(3);
    expect(new Set(plan.map((item) => item.questionId)).size).toBe(8);
  });

  it("time-boxes answers to about twenty minutes in all", () => {
    const total = (["screen", "technical", "technical", "technical", "coding", "system_design", "behavioral", "behavioral"] as const).reduce(
      (sum, stage) => sum + interviewTargetSeconds(stage, 1200),
      0,
    );
    expect(total / 60).toBeGreaterThanOrEqual(18);
    expect(total / 60).toBeLessThanOrEqual(23);
    expect(interviewTargetSeconds("technical", 90)).toBe(90);
  });
});
