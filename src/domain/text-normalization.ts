/**
 * Folds the differences speech-to-text and models introduce without changing meaning: case,
 * Unicode forms, the several apostrophes of Uzbek (oʻ, o', o‘), ё/е, punctuation and spacing.
 */
export function normalizeForMatching(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[ʻʼ'‘’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function words(text: string): string[] {
  const normalized = normalizeForMatching(text);
  return normalized === "" ? [] : normalized.split(" ");
}
