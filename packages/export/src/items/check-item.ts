import { formatNumber } from '@masdrill/rules';
import type { ExamItem } from './exam-item.js';
import type { DraftItem } from './item-context.js';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The checks every item passes before any writer sees it: one key (single), at least one
 * (multiple), a finite numeric key with a positive tolerance (numeric); distinct options; keys
 * that name options; a stem that does not give the answer away; a rationale citing its statements.
 * Returns the problems (empty = the item is sound).
 */
export function itemProblems(item: DraftItem | ExamItem): string[] {
  const problems: string[] = [];
  const ids = item.options.map((o) => o.id);
  const texts = item.options.map((o) => norm(o.text));
  if (new Set(ids).size !== ids.length) problems.push('option ids repeat');
  if (new Set(texts).size !== texts.length) problems.push('two options read the same');
  if (texts.some((t) => t.length === 0)) problems.push('an option is empty');
  for (const k of item.key) if (!ids.includes(k)) problems.push(`key ${k} names no option`);
  if (new Set(item.key).size !== item.key.length) problems.push('the key repeats an option');
  const stem = norm(`${item.vignette} ${item.question}`);
  switch (item.kind) {
    case 'single':
      if (item.options.length < 2) problems.push('a single-answer item needs at least 2 options');
      if (item.key.length !== 1) problems.push(`a single-answer item needs exactly one key (has ${item.key.length})`);
      break;
    case 'multiple':
      if (item.options.length < 3) problems.push('a multiple-response item needs at least 3 options');
      if (item.key.length < 1) problems.push('a multiple-response item needs at least one key');
      break;
    case 'numeric': {
      const k = item.numericKey;
      if (item.options.length || item.key.length) problems.push('a numeric item has no options');
      if (!k || !Number.isFinite(k.value) || !(k.tolerance > 0) || !Number.isFinite(k.tolerance))
        problems.push('a numeric item needs a finite key and a positive tolerance');
      else {
        // A stated maximum ("at most 1000 mg per dose") is part of the rule the candidate applies, not the answer given away.
        const withoutMaxima = stem.replace(/at most [\d.,]+ (mg|g)\b/g, '');
        if (new RegExp(`(^|[^\\d.])${formatNumber(k.value).replace('.', '\\.')} ${k.unit}\\b`).test(withoutMaxima))
          problems.push(`the stem states the answer (${formatNumber(k.value)} ${k.unit})`);
      }
      break;
    }
  }
  for (const k of item.key) {
    const text = item.options.find((o) => o.id === k)?.text;
    if (text && !text.startsWith('None of these') && stem.includes(norm(text)))
      problems.push(`the stem contains the keyed option "${text}"`);
  }
  if (!item.rationale.trim()) problems.push('no rationale');
  if (item.statementIds.length === 0 && !item.citations?.length)
    problems.push('the rationale cites no guideline statement or source');
  for (const c of item.citations ?? [])
    if (!item.rationale.includes(c)) problems.push(`the rationale does not cite ${c}`);
  for (const id of item.statementIds)
    if (!item.rationale.includes(id)) problems.push(`the rationale does not quote ${id}`);
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(item.id))
    problems.push(`id "${item.id}" is not a safe identifier (letters, digits, . _ -)`);
  return problems;
}
