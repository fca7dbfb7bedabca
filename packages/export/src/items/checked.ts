import type { ExamItem } from './exam-item.js';
import { itemProblems } from './check-item.js';

/** Throws when any item fails its checks: writers only ever receive sound items. */
export function checkedOrThrow(items: readonly ExamItem[]): ExamItem[] {
  const bad = items.flatMap((i) => itemProblems(i).map((p) => `${i.id}: ${p}`));
  if (bad.length) throw new Error(`exam items failed their checks:\n${bad.join('\n')}`);
  return [...items];
}
