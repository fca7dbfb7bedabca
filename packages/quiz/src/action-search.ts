import Fuse from 'fuse.js';
import type { ActionId } from '@masdrill/rules';
import { ACTION_SYNONYMS } from './action-synonyms.js';

/** What the search reads of a catalogue entry. */
export interface Searchable {
  readonly id: ActionId;
  readonly name: string;
  readonly category: string;
}

const fold = (s: string) => s.toLowerCase();

/** The terms an entry answers to: its name, id, category and synonyms, each whole and word by word. */
function termsOf(e: Searchable): string[] {
  const whole = [e.name, e.id, e.category, ...ACTION_SYNONYMS[e.id]].map(fold);
  return [...new Set([...whole, ...whole.flatMap((t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean))])];
}

/** How well a query word fits an entry: 0 a whole term, 1 the start of a term, 2 inside one, undefined not at all. */
function fit(word: string, terms: readonly string[]): number | undefined {
  if (terms.includes(word)) return 0;
  if (terms.some((t) => t.startsWith(word))) return 1;
  if (terms.some((t) => t.includes(word))) return 2;
  return undefined;
}

/**
 * Typo tolerance when nothing matches as typed ("methylprednisolon", "tocilizimab"): fuse.js's
 * approximate matching over names and synonyms. Short queries are left out: at two or three letters
 * an edit reaches half the catalogue.
 */
const FUZZY = { minLength: 4, threshold: 0.3 } as const;

/**
 * The entries matching a search, best first. Every word of the query must be found in the entry's
 * name, id, category or synonyms (ACTION_SYNONYMS); entries where the words are whole terms rank
 * before those where they start a term, then those where they sit inside one, each in catalogue
 * order. With no such entry, the closest spellings (fuse.js). Pure and deterministic.
 */
export function searchActions<E extends Searchable>(entries: readonly E[], query: string): E[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const ranked: { entry: E; rank: number; index: number }[] = [];
  entries.forEach((entry, index) => {
    const terms = termsOf(entry);
    const fits = words.map((w) => fit(w, terms));
    if (fits.every((f) => f !== undefined)) ranked.push({ entry, rank: Math.max(...(fits as number[])), index });
  });
  if (ranked.length) return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.entry);
  const text = words.join(' ');
  if (text.length < FUZZY.minLength) return [];
  const fuse = new Fuse(
    entries.map((e) => ({ entry: e, name: e.name, synonyms: ACTION_SYNONYMS[e.id] })),
    { keys: ['name', 'synonyms'], threshold: FUZZY.threshold, ignoreLocation: true, shouldSort: true },
  );
  return fuse.search(text).map((r) => r.item.entry);
}
