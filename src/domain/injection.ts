import { normalizeForMatching } from "./text-normalization.ts";

/**
 * Sentences in an answer that address the grader instead of the interviewer: instructions to
 * ignore the rubric, demands for a score, fake JSON or role text. They earn nothing, and a quote
 * taken from them is not evidence. Matched after normalisation, in the three languages.
 */
/**
 * JavaScript's \\b and \\w only know ASCII letters, so a Cyrillic or Uzbek word would never match.
 * Patterns are written with them for readability and rebuilt here with Unicode letter classes.
 */
function unicode(pattern: RegExp): RegExp {
  const letter = "[\\p{L}\\p{N}]";
  const boundary = `(?:(?<!${letter})(?=${letter})|(?<=${letter})(?!${letter}))`;
  return new RegExp(pattern.source.replace(/\\b/g, boundary).replace(/\\w/g, "[\\p{L}\\p{N}_]"), "u");
}

const STANDALONE: readonly RegExp[] = [
  /\b10\s*(10|out of 10|из 10|dan 10)\b/,
  /\bsystem prompt\b/,
  // A role marker standing alone, as in "SYSTEM: …"
  /^(system|assistant|developer|система|системное сообщение|tizim|tizim xabari)$/,
  // Words addressed to the grader itself
  /\b(to the grader|dear grader|grader note|note to the grader|оценщику|проверяющему|baholovchiga|baholovchi uchun)\b/,
  /\b(grader|evaluator|оценщик\w*|грейдер\w*|baholovchi\w*)\b.{0,40}\b(must|should|note|now|должен|обязан|kerak)\b/,
  /\b(you are|ты|вы|siz|sen)\b.{0,20}\b(grader|evaluator|оценщик\w*|baholovchi\w*)\b/,
  /\b(key ?point\w*|keypoint\w*|evidence|rubric|рубрик\w*|критери\w*|mezon\w*)\b.{0,30}\b(covered|true|verified|выполнен\w*|засчита\w*|bajarilgan)\b/,
];

/** Groups of patterns that together mark an instruction, in any order within one sentence. */
const ALL_OF: ReadonlyArray<readonly RegExp[]> = [
  [
    /\b(ignore|disregard|forget|override|skip|игнорир\w*|забуд\w*|забыв\w*|не учитыва\w*|пропусти\w*|переопредел\w*|etiborsiz|etibor bermang|unut\w*)\b/,
    /\b(rubric|instructions?|prompt|rules|previous|above|criteria|grading|scoring|критери\w*|инструкц\w*|рубрик\w*|правил\w*|предыдущ\w*|оценк\w*|mezon\w*|korsatma\w*|qoida\w*|yoriqnoma\w*|rubrika\w*|baholash\w*)\b/,
  ],
  [
    /\b(give|award|grade|score|rate|mark|постав\w*|выстав\w*|дай\w*|оцени\w*|засчита\w*|отмет\w*|bering|qoying|qoyilsin|baholang|hisoblang)\b/,
    /\b(10|ten|full (marks|score|points)|maximum|max score|perfect|everything covered|all (key )?points|десять|максимум\w*|максимальн\w*|высш\w* балл\w*|полн\w* балл\w*|все пункты|maksimal\w*|toliq ball|eng yuqori|hammasini)\b/,
  ],
  // "mark / consider every point covered": imperatives only, "is considered correct" is ordinary speech
  [
    /\b((mark|treat|consider|count) (this|it|the answer|my answer|everything|all|every|each)|отметь\w*|считай\w*|засчитай\w*|признай\w*|belgilang|belgilansin|hisoblang|hisoblansin|sanang)\b/,
    /\b(covered|complete|correct|perfect|раскрыт\w*|выполнен\w*|закрыт\w*|правильн\w*|идеальн\w*|yoritilgan|bajarilgan|toliq|togri)\b/,
  ],
  // A candidate does not speak of themselves in the third person: that voice is for the grader.
  [
    /\b(the candidate|candidate s|кандидат\w*|nomzod\w*)\b/,
    /\b(covered|explained|answered|mentioned|deserves|раскрыл\w*|ответил\w*|объяснил\w*|упомянул\w*|заслужива\w*|yoritdi|tushuntirdi|javob berdi|loyiq)\b/,
  ],
  // "as I explained earlier, I covered all the points": credit claimed for what was never said
  [
    /\b(all|every|each|все\w*|всех|каждый|barcha|har bir|hamma)\b/,
    /\b(point\w*|parts?|пункт\w*|част\w*|punkt\w*|band\w*|qism\w*)\b/,
    /\b(covered|explained|mentioned|раскры\w*|объясн\w*|рассказ\w*|yoritil\w*|yoritdim|tushuntir\w*|aytib)\b/,
  ],
];

const STANDALONE_UNICODE = STANDALONE.map(unicode);
const ALL_OF_UNICODE = ALL_OF.map((group) => group.map(unicode));

/** The raw answer's sentences that look like instructions to the grader. */
export function injectionSentences(answer: string): string[] {
  return splitSentences(answer).filter((sentence) => looksLikeInjection(sentence));
}

export function looksLikeInjection(text: string): boolean {
  const normalized = normalizeForMatching(text);
  if (/[{}]/.test(text) && /"\s*:\s*/.test(text)) return true; // JSON smuggled into an answer
  if (/=\s*covered\b|\bscore\s*[=:]\s*\d/iu.test(text)) return true; // "point=covered, score=10"
  return (
    STANDALONE_UNICODE.some((pattern) => pattern.test(normalized)) ||
    ALL_OF_UNICODE.some((group) => group.every((pattern) => pattern.test(normalized)))
  );
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:\n])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
