import type { BankQuestion } from "./schema.ts";

// Words that carry no subject: two questions sharing only these are not alike.
const STOP_WORDS = new Set(
  "a an and are as at be between by can do does for from have how i in into is it its of on or the their them they this to was what when where which who why with would you your yours did tell about describe explain difference".split(" "),
);

function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}+#.]+/u)
      .map((word) => word.replace(/\.+$/, ""))
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word)),
  );
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
}

export type Compared = "question" | "modelAnswer";

/**
 * Pairs of questions whose English text (the question itself, or its model answer, where a
 * reworded duplicate would give itself away) shares most of its content words, most alike first.
 */
export function similarQuestions(questions: readonly BankQuestion[], threshold: number, compared: Compared = "question"): SimilarPair[] {
  const words = questions.map((question) => contentWords(question.i18n.en[compared]));
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const similarity = jaccard(words[i]!, words[j]!);
      if (similarity >= threshold) pairs.push({ a: questions[i]!.id, b: questions[j]!.id, similarity });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}
