/**
 * Uzbek Latin orthography: oʻ and gʻ take U+02BB (turned comma); the glottal stop takes U+02BC.
 * Keyboards produce ASCII ' or ‘ ’ instead, which look alike but break search and sorting.
 * Code spans in backticks are left alone: SQL and JS strings use ASCII quotes.
 */
const WRONG_OG = /[oOgG]['‘’ʼ]/u;
const WRONG_GLOTTAL = /[a-zA-Z]['‘’]/u;
const CODE_SPAN = /`[^`]*`/gu;

export function uzbekOrthographyProblems(text: string): string[] {
  const prose = text.replace(CODE_SPAN, "");
  const problems: string[] = [];
  const og = prose.match(WRONG_OG);
  if (og) problems.push(`"${og[0]}" should use ʻ (U+02BB)`);
  const glottal = prose.replace(WRONG_OG, "").match(WRONG_GLOTTAL);
  if (glottal) problems.push(`"${glottal[0]}" should use ʼ (U+02BC)`);
  return problems;
}
