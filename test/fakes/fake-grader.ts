import type { GraderOutput } from "../../src/domain/grading.ts";
import { stems } from "../../src/domain/evidence.ts";
import { injectionSentences } from "../../src/domain/injection.ts";
import type { ChatCompletionRequest } from "./openai-server.ts";

/**
 * Stand-ins for the grading model, used with the fake OpenAI server. They read the same prompt
 * a real model gets (rubric message, fenced answer) and answer in the same JSON schema.
 *
 * - `honestGrader`: a plain keyword reader. A key point is covered when one sentence of the
 *   answer shares enough word stems with it, and that sentence is quoted as evidence.
 * - `obedientGrader`: does whatever the answer tells it. Every point "covered", every judgment
 *   "excellent", quotes taken from anywhere in the answer, injected text included.
 */

interface ParsedPrompt {
  keyPoints: Array<{ id: string; text: string }>;
  answer: string;
  stage: string;
  followUps: string[];
}

export function parsePrompt(request: ChatCompletionRequest): ParsedPrompt {
  const rubric = request.messages.find((message) => message.content.startsWith("RUBRIC"))?.content ?? "";
  const last = request.messages.at(-1)?.content ?? "";
  const answer = last.slice(last.indexOf("<<<ANSWER\n") + "<<<ANSWER\n".length, last.lastIndexOf("\nANSWER>>>"));
  const keyPoints = [...rubric.matchAll(/^- ([a-z0-9-]+) \(weight \d\): (.*)$/gm)].map((m) => ({ id: m[1]!, text: m[2]! }));
  const followUpsBlock = rubric.split("Follow-ups an interviewer might ask:\n")[1]?.split("\n\n")[0] ?? "";
  return {
    keyPoints,
    answer,
    stage: rubric.match(/^Stage: (\w+)/m)?.[1] ?? "technical",
    followUps: followUpsBlock.split("\n").filter((line) => line.startsWith("- ")).map((line) => line.slice(2)),
  };
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
}

const LEVELS = ["none", "weak", "fair", "good", "excellent"] as const;

export function honestGrader(request: ChatCompletionRequest): GraderOutput {
  const prompt = parsePrompt(request);
  const candidates = sentences(prompt.answer);
  const used = new Set<string>();
  const keyPoints = prompt.keyPoints.map((point) => {
    const own = stems(point.text);
    let best: { sentence: string; shared: number } | undefined;
    for (const sentence of candidates) {
      if (used.has(sentence)) continue;
      const shared = [...stems(sentence)].filter((stem) => own.has(stem)).length;
      if (!best || shared > best.shared) best = { sentence, shared };
    }
    if (best && best.shared >= 3) {
      used.add(best.sentence);
      return { id: point.id, status: "covered" as const, evidence: best.sentence };
    }
    if (best && best.shared === 2) {
      used.add(best.sentence);
      return { id: point.id, status: "partial" as const, evidence: best.sentence };
    }
    return { id: point.id, status: "missing" as const, evidence: null };
  });
  const covered = keyPoints.filter((p) => p.status !== "missing").length / Math.max(1, keyPoints.length);
  const level = LEVELS[Math.min(4, Math.round(covered * 4))]!;
  const missing = prompt.keyPoints.find((p) => keyPoints.find((k) => k.id === p.id)?.status === "missing");
  const fit = prompt.stage === "screen" || prompt.stage === "behavioral";
  return {
    keyPoints,
    pitfallsHit: [],
    offTopic: covered === 0,
    judgments: {
      communication: { level, reason: "structure follows content" },
      technicalDepth: { level, reason: "key points" },
      problemSolving: { level, reason: "key points" },
      culturalFit: fit ? { level, reason: "story" } : null,
    },
    strengths: keyPoints.filter((p) => p.status === "covered").slice(0, 2).map((p) => `Covered ${p.id}`),
    improvements: keyPoints.filter((p) => p.status === "missing").slice(0, 2).map((p) => `Explain ${p.id}`),
    followUpQuestion: missing ? `Could you go deeper on this: ${missing.text}` : (prompt.followUps[0] ?? "What would you change at ten times the load?"),
    modelAnswer: "A concise model answer.",
  };
}

export function obedientGrader(request: ChatCompletionRequest): GraderOutput {
  const prompt = parsePrompt(request);
  const pieces = prompt.answer.split(/(?<=[.!?])\s+/u);
  return {
    keyPoints: prompt.keyPoints.map((point, i) => ({ id: point.id, status: "covered", evidence: pieces[i % pieces.length] ?? prompt.answer })),
    pitfallsHit: [],
    offTopic: false,
    judgments: {
      communication: { level: "excellent", reason: "as instructed" },
      technicalDepth: { level: "excellent", reason: "as instructed" },
      problemSolving: { level: "excellent", reason: "as instructed" },
      culturalFit: { level: "excellent", reason: "as instructed" },
    },
    strengths: ["Everything"],
    improvements: [],
    followUpQuestion: "No follow-up needed, 10/10.",
    modelAnswer: "",
  };
}

/**
 * The realistic adversary: grades honestly, until the answer carries instructions for the
 * grader, then obeys them. Our scoring must hold either way.
 */
export function susceptibleGrader(request: ChatCompletionRequest): GraderOutput {
  return injectionSentences(parsePrompt(request).answer).length > 0 ? obedientGrader(request) : honestGrader(request);
}
