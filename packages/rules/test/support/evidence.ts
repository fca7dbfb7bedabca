import type { CriteriaResult, ItemEvidence } from '../../src/index.js';

/** The evidence item with this id, or a failure that lists the ids the result does have. */
export function item(r: CriteriaResult, id: string): ItemEvidence {
  const found = r.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id} in ${r.items.map((i) => i.id).join(', ')}`);
  return found;
}
