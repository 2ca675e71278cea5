import { normalizeForMatching } from "./text-normalization.ts";

/**
 * Sentences in an answer that address the grader instead of the interviewer: instructions to
 * ignore the rubric, demands for a score, fake JSON or role text. They earn nothing, and a quote
 * taken from them is not evidence. Matched after normalisation, in the three languages.
 */
const STANDALONE: readonly RegExp[] = [
  /\b10\s*(10|out of 10|из 10|dan 10)\b/,
  /\bsystem prompt\b/,
  /\b(grader|evaluator|оценщик\w*|грейдер\w*|baholovchi\w*)\b.{0,40}\b(must|should|note|now|должен|обязан|kerak)\b/,
  /\b(you are|ты|вы|siz|sen)\b.{0,20}\b(grader|evaluator|оценщик\w*|baholovchi\w*)\b/,
  // A candidate does not speak of themselves in the third person: that voice is for the grader.
  /\b(the candidate|candidate s|кандидат\w*|nomzod\w*)\b/,
  /\b(key ?points?|keypoints|evidence|rubric|рубрик\w*|критери\w*|mezon\w*)\b.{0,30}\b(covered|true|verified|выполнен\w*|засчита\w*|bajarilgan)\b/,
];

/** An instruction verb and what it targets, in any order within one sentence. */
const PAIRED: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [
    /\b(ignore|disregard|forget|override|skip|игнорир\w*|забуд\w*|забыв\w*|не учитыва\w*|пропусти\w*|etiborsiz|etibor bermang|unut\w*|eʼtiborsiz)\b/,
    /\b(rubric|instructions?|prompt|rules|previous|above|criteria|критери\w*|инструкц\w*|рубрик\w*|правил\w*|предыдущ\w*|mezon\w*|korsatma\w*|qoida\w*|yoriqnoma\w*)\b/,
  ],
  [
    /\b(give|award|grade|score|rate|mark|постав\w*|выстав\w*|дай\w*|оцени\w*|засчита\w*|bering|qoying|baholang|hisoblang)\b/,
    /\b(10|ten|full (marks|score|points)|maximum|max score|perfect|everything covered|all (key )?points|десять|максимум\w*|максимальн\w*|высш\w* балл\w*|полн\w* балл\w*|все пункты|maksimal\w*|toliq ball|eng yuqori|hammasini)\b/,
  ],
];

/** The raw answer's sentences that look like instructions to the grader. */
export function injectionSentences(answer: string): string[] {
  return splitSentences(answer).filter((sentence) => looksLikeInjection(sentence));
}

export function looksLikeInjection(text: string): boolean {
  const normalized = normalizeForMatching(text);
  if (/[{}]/.test(text) && /"\s*:\s*/.test(text)) return true; // JSON smuggled into an answer
  return (
    STANDALONE.some((pattern) => pattern.test(normalized)) ||
    PAIRED.some(([verb, target]) => verb.test(normalized) && target.test(normalized))
  );
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:\n])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
