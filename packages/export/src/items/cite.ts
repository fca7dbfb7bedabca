import { isStatementId, STATEMENTS } from '@masdrill/rules';

/** Unique statement IDs in first-seen order, unknown ones dropped (the inventory test holds them resolvable). */
export function statementIdsOf(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].filter(isStatementId);
}

/** "Guideline: DX-3 — paraphrase. GC-1 — …" for a rationale. */
export function citeStatements(ids: readonly string[]): string {
  const known = statementIdsOf(ids);
  if (known.length === 0) return '';
  return `Guideline: ${known.map((id) => `${id}: ${STATEMENTS[id as keyof typeof STATEMENTS].paraphrase}`).join(' ')}`;
}

/** Sentence case, leaving words such as "sJIA" (lower then upper case) as written. */
export const capitalize = (s: string) => (/^[a-z][A-Z]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));
