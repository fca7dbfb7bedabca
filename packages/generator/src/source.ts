import type { CitationKey } from '@masdrill/rules';

/**
 * Where a population parameter comes from.
 * - cited: a source in the rules citation table (verified in it, tag V or S there), optionally with a location;
 * - reference: a source that clinical-reference.md verified but that has no citation key yet (see NOTES-FOR-LEAD.md);
 * - design prior: no verified source. Chosen by masdrill to be plausible; never presented as sourced.
 */
export type Source =
  | { readonly verified: true; readonly citation: CitationKey; readonly where?: string }
  | { readonly verified: true; readonly citation: null; readonly reference: string }
  | { readonly verified: false; readonly note: string };

export function cite(citation: CitationKey, where?: string): Source {
  return where === undefined ? { verified: true, citation } : { verified: true, citation, where };
}

export function reference(text: string): Source {
  return { verified: true, citation: null, reference: text };
}

export function prior(note = 'design prior'): Source {
  return { verified: false, note: note.startsWith('design prior') ? note : `design prior: ${note}` };
}

/** A probability with its source. */
export interface Proportion {
  readonly p: number;
  readonly source: Source;
}

export function proportion(p: number, source: Source): Proportion {
  return { p, source };
}

/**
 * A uniform draw `from + width × u`: continuous on [from, from + width), or whole numbers from
 * `from` to `from + width`. Stored as a width, not an upper end: `to − from` is not always the
 * width back in floating point (0.65 − 0.35), and the draws must keep their bytes.
 */
export interface UniformSpan {
  readonly from: number;
  readonly width: number;
}

/** Short human description of a source, for reports. */
export function describeSource(source: Source): string {
  if (!source.verified) return source.note;
  if (source.citation === null) return source.reference;
  return source.where ? `${source.citation} ${source.where}` : source.citation;
}
