import type { ExamItem } from '../items/exam-item.js';

/** One student's raw answers, by item id: "B", "B;E" (multiple response), "333" (numeric), "" unanswered. */
export interface StudentResponses {
  readonly studentId: string;
  readonly answers: Readonly<Record<string, string>>;
}

/** The options a raw answer picks, normalised ("b, e" → ["B", "E"]). */
export function chosenOptions(raw: string): string[] {
  return [
    ...new Set(
      raw
        .toUpperCase()
        .split(/[;,\s|]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].sort();
}

/** Parses a numeric answer as an LMS exports it ("333", "333.0", "333 mg", "1,000" read as 1000). */
export function numericAnswer(raw: string): number | undefined {
  const m = raw
    .replace(/,/g, '')
    .trim()
    .match(/^[-+]?\d+(\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

/**
 * 1 when the answer is right, else 0 (dichotomous, as KR-20 and point-biserial need): single —
 * the keyed option; multiple — exactly the keyed set; numeric — within the tolerance. Unanswered is 0.
 */
export function scoreAnswer(item: ExamItem, raw: string | undefined): 0 | 1 {
  if (raw === undefined || raw.trim() === '') return 0;
  if (item.kind === 'numeric') {
    const x = numericAnswer(raw);
    const k = item.numericKey!;
    return x !== undefined && Math.abs(x - k.value) <= k.tolerance + 1e-9 ? 1 : 0;
  }
  const chosen = chosenOptions(raw);
  const key = [...item.key].sort();
  return chosen.length === key.length && chosen.every((c, i) => c === key[i]) ? 1 : 0;
}
