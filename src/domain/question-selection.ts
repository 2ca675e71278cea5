import type { Area, Level, Stack, Stage } from "./vocabulary.ts";

/** What selection needs to know about a bank question; the bank's full records satisfy it. */
export interface QuestionMeta {
  id: string;
  stage: Stage;
  area: Area;
  topics: readonly string[];
  /** "all", or the stacks the question is specific to. */
  stacks: "all" | readonly Stack[];
  levels: readonly Level[];
}

export interface SelectionCriteria {
  stack: Stack;
  level: Level;
  stage: Stage;
  /** Topic ids or area names; a question matches when it carries any of them. Empty = any. */
  topics?: readonly string[];
  /** Only questions specific to the stack (true), only general ones (false), or both. */
  stackSpecific?: boolean;
  count: number;
  /** When each question was last asked to this user (epoch ms); those are used last. */
  lastAsked?: ReadonlyMap<string, number>;
  /** Ids already chosen for this plan. */
  exclude?: ReadonlySet<string>;
  /** A number in [0, 1); pass a seeded one for repeatable plans. */
  random: () => number;
}

export function fitsProfile(question: QuestionMeta, stack: Stack, level: Level): boolean {
  const stackFits = question.stacks === "all" || question.stacks.includes(stack);
  return stackFits && question.levels.includes(level);
}

export function matchesTopics(question: QuestionMeta, topics: readonly string[]): boolean {
  return topics.length === 0 || topics.some((topic) => topic === question.area || question.topics.includes(topic));
}

/**
 * Picks `count` questions for a stage: never-asked ones first, in random order; when those run
 * out, the ones asked longest ago. Fewer than `count` come back only when the bank has no more.
 */
export function selectQuestions<Q extends QuestionMeta>(bank: readonly Q[], criteria: SelectionCriteria): Q[] {
  const lastAsked = criteria.lastAsked ?? new Map<string, number>();
  const eligible = bank.filter(
    (question) =>
      question.stage === criteria.stage &&
      fitsProfile(question, criteria.stack, criteria.level) &&
      matchesTopics(question, criteria.topics ?? []) &&
      (criteria.stackSpecific === undefined || (question.stacks !== "all") === criteria.stackSpecific) &&
      !criteria.exclude?.has(question.id),
  );
  const fresh = shuffle(
    eligible.filter((question) => !lastAsked.has(question.id)),
    criteria.random,
  );
  const asked = eligible
    .filter((question) => lastAsked.has(question.id))
    .sort((a, b) => lastAsked.get(a.id)! - lastAsked.get(b.id)!);
  return [...fresh, ...asked].slice(0, criteria.count);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** A small seeded generator (mulberry32), so a plan can be rebuilt exactly from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
