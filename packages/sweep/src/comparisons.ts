import type { GroundTruth } from '@masdrill/rules';

/** What a case was made to be: the finest label the sweep keeps counts under. */
export interface Stratum {
  readonly kind: GroundTruth['kind'];
  readonly subtype: GroundTruth['subtype'];
  readonly masPresent: boolean;
}

export type ComparisonId = 'sjia-mas-vs-flare' | 'mas-vs-sepsis' | 'misc-mas-vs-misc' | 'mas-vs-non-mas';

/** A two-group comparison: which strata are the positives and which the negatives (others are left out). */
export interface Comparison {
  readonly id: ComparisonId;
  readonly label: string;
  readonly positives: string;
  readonly negatives: string;
  readonly role: (s: Stratum) => 'positive' | 'negative' | undefined;
}

const SJIA_MAS_SUBTYPES: readonly GroundTruth['subtype'][] = [
  'sjia-onset-mas',
  'known-sjia-mas',
  'infection-triggered-mas-in-sjia',
];

/** The comparisons the publications made, in report order. */
export const COMPARISONS: readonly Comparison[] = [
  {
    id: 'sjia-mas-vs-flare',
    label: 'sJIA-MAS vs sJIA flare',
    positives: 'MAS in sJIA (new-onset, known, infection-triggered)',
    negatives: 'sJIA flare without MAS',
    role: (s) =>
      s.kind === 'mas' && SJIA_MAS_SUBTYPES.includes(s.subtype)
        ? 'positive'
        : s.kind === 'sjia-flare'
          ? 'negative'
          : undefined,
  },
  {
    id: 'mas-vs-sepsis',
    label: 'MAS vs sepsis',
    positives: 'every MAS case',
    negatives: 'every sepsis case',
    role: (s) => (s.kind === 'mas' ? 'positive' : s.kind === 'sepsis' ? 'negative' : undefined),
  },
  {
    id: 'misc-mas-vs-misc',
    label: 'MIS-C with MAS vs without',
    positives: 'MIS-C with MAS',
    negatives: 'MIS-C without MAS',
    role: (s) => (s.kind === 'misc' ? (s.masPresent ? 'positive' : 'negative') : undefined),
  },
  {
    id: 'mas-vs-non-mas',
    label: 'all MAS vs all non-MAS',
    positives: 'every case with MAS (including MIS-C with MAS)',
    negatives: 'every case without MAS',
    role: (s) => (s.masPresent ? 'positive' : 'negative'),
  },
];

export function stratumKey(s: Stratum): string {
  return `${s.kind}/${s.subtype}/${s.masPresent ? 'mas' : 'no-mas'}`;
}

export function parseStratumKey(key: string): Stratum {
  const [kind, subtype, mas] = key.split('/');
  return { kind: kind as Stratum['kind'], subtype: subtype as Stratum['subtype'], masPresent: mas === 'mas' };
}
