import type { GroundTruth } from '@masdrill/rules';

/** What a generated patient is made to be (`truth.kind`). */
export type Kind = GroundTruth['kind'];
export type Subtype = GroundTruth['subtype'];
export type Difficulty = 'standard' | 'hard';

/** Every kind, in the canonical order mixes and reports use. */
export const KINDS: readonly Kind[] = ['mas', 'sjia-flare', 'sepsis', 'misc'];

/** The subtypes each kind can produce. */
export const SUBTYPES: { readonly [K in Kind]: readonly Subtype[] } = {
  mas: [
    'sjia-onset-mas',
    'known-sjia-mas',
    'infection-triggered-mas-in-sjia',
    'infection-triggered-mas-previously-well',
    'neonatal-mas',
  ],
  'sjia-flare': ['sjia-flare'],
  sepsis: ['bacterial-sepsis', 'septic-shock', 'hyperferritinemic-sepsis'],
  misc: ['misc', 'misc-with-mas'],
};

export const DIFFICULTIES: readonly Difficulty[] = ['standard', 'hard'];

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}
