import { injectionSentences, splitSentences } from "./injection.ts";
import { normalizeForMatching, words } from "./text-normalization.ts";

const MIN_QUOTE_WORDS = 3;

// Everyday words in our three languages: sharing only these does not tie a quote to a point.
const COMMON = new Set(
  (
    "that this with from have what when then than they their there which would could should about because also into only just very much more some such will been were your them these those other where while " +
    "это как что который которая которые чтобы если когда тоже также только очень есть быть было будет нужно можно потому поэтому просто " +
    "bilan uchun yoki lekin ammo agar qachon qanday nima bular ular shuning chunki juda ham boʻladi kerak mumkin"
  )
    .split(" ")
    .map(normalizeForMatching),
);

/** Content words, cut to a five-letter stem so "indexes", "indexing" and "indexed" meet. */
export function stems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((word) => word.length >= 4 && !COMMON.has(word))
      .map((word) => word.slice(0, 5)),
  );
}

/**
 * For each key point, the stems that set it apart from the others: the topic's own words
 * ("index" in every point about indexes) tie a quote to the question, not to one point.
 */
export function distinctiveStems(points: ReadonlyArray<readonly string[]>): Array<Set<string>> {
  const perPoint = points.map((texts) => new Set(texts.flatMap((text) => [...stems(text)])));
  const spread = new Map<string, number>();
  for (const set of perPoint) for (const stem of set) spread.set(stem, (spread.get(stem) ?? 0) + 1);
  const tooCommon = Math.max(2, Math.ceil(points.length / 2));
  return perPoint.map((set) => {
    const own = new Set([...set].filter((stem) => spread.get(stem)! < tooCommon));
    return own.size > 0 ? own : set;
  });
}

export interface EvidenceCheck {
  verified: boolean;
  reason?: "empty" | "too_short" | "not_in_answer" | "in_injection" | "already_used" | "unrelated";
}

/**
 * Decides whether a quote the grader offers really supports a key point:
 * it must occur in the answer (an ellipsis may join pieces, in order), be a few words long,
 * come from outside any instruction aimed at the grader, not be spent on another point
 * already, and share a word stem that is particular to the key point (see distinctiveStems).
 */
export function createEvidenceChecker(answer: string, options: { minSharedStems?: number } = {}) {
  const minShared = options.minSharedStems ?? 1;
  const normalizedAnswer = ` ${normalizeForMatching(answer)} `;
  // The answer without the sentences aimed at the grader; "|" never occurs in a normalised
  // quote, so a quote that runs into removed text cannot match across the gap.
  const injected = new Set(injectionSentences(answer));
  const trusted = ` ${splitSentences(answer)
    .map((sentence) => (injected.has(sentence) ? "|" : normalizeForMatching(sentence)))
    .join(" ")} `;
  const spent: string[] = [];

  return function check(quote: string | null, pointStems: ReadonlySet<string>): EvidenceCheck {
    if (!quote || quote.trim() === "") return { verified: false, reason: "empty" };
    const pieces = quote
      .split(/\.{3}|…/u)
      .map((piece) => normalizeForMatching(piece))
      .filter(Boolean);
    const totalWords = pieces.reduce((sum, piece) => sum + piece.split(" ").length, 0);
    if (totalWords < MIN_QUOTE_WORDS) return { verified: false, reason: "too_short" };

    const occursIn = (text: string) => {
      let from = 0;
      for (const piece of pieces) {
        const at = text.indexOf(` ${piece} `, from);
        if (at === -1) return false;
        from = at + piece.length;
      }
      return true;
    };
    if (!occursIn(trusted)) return { verified: false, reason: occursIn(normalizedAnswer) ? "in_injection" : "not_in_answer" };
    const joined = pieces.join(" ");
    if (spent.some((used) => used.includes(joined) || joined.includes(used))) return { verified: false, reason: "already_used" };
    if ([...stems(joined)].filter((stem) => pointStems.has(stem)).length < minShared) return { verified: false, reason: "unrelated" };
    spent.push(joined);
    return { verified: true };
  };
}
