import fc from 'fast-check';
import { generateCase, KINDS, type Kind } from '@masdrill/generator';
import {
  CaseStatuses,
  CRITERIA_SET_IDS,
  evaluate,
  statusRowOf,
  StatusRow,
  type Case,
  type TimeWindow,
} from '@masdrill/rules';
import { readCase, readCaseWithEvidence } from '@masdrill/sweep';
import { describe, expect, it } from 'vitest';

/** Canonical values on the criteria's cut-offs (the boundaries where > and ≥ differ), per field. */
const BOUNDARIES: Readonly<Record<string, readonly number[]>> = {
  ferritin: [500, 684, 2000, 6000],
  platelets: [100, 110, 181],
  fibrinogen: [100, 150, 250, 360],
  triglycerides: [132.7, 132.855, 156, 265, 265.71, 354, 354.28],
  ast: [30, 48],
  hemoglobin: [9, 9.2, 10],
  wbc: [5],
  anc: [1],
  sCd25: [2400],
  ldh: [1000],
  esr: [0, 1, 50],
  temperatureC: [38, 38.4, 38.5, 39.4],
};
const LAB_FIELDS = [
  'ferritin',
  'platelets',
  'fibrinogen',
  'triglycerides',
  'ast',
  'hemoglobin',
  'wbc',
  'anc',
  'sCd25',
  'ldh',
  'esr',
  'triglyceridesFasting',
  'nkCellActivity',
];
const OBSERVATION_FIELDS = [
  'temperatureC',
  'feverDays',
  'subjectiveFever',
  'splenomegaly',
  'hepatomegaly',
  'cnsInvolvement',
  'hemorrhage',
  'activeArthritis',
];

interface Edit {
  readonly row: number;
  readonly field: string;
  readonly action: 'delete' | 'boundary' | 'boundary-everywhere' | 'flip';
  readonly pick: number;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  row: fc.nat(10),
  field: fc.constantFrom(...LAB_FIELDS, ...OBSERVATION_FIELDS),
  action: fc.constantFrom('delete', 'boundary', 'boundary-everywhere', 'flip'),
  pick: fc.nat(10),
});

/** A generated case, then edited: fields removed, set exactly on a cut-off (in one row or all), yes/no findings and fasting flipped. */
function editedCase(kind: Kind, seed: number, index: number, hard: boolean, edits: readonly Edit[]): Case {
  const c = generateCase({ kind, seed, index, difficulty: hard ? 'hard' : 'standard' });
  for (const e of edits) {
    const isLab = LAB_FIELDS.includes(e.field);
    const rows = (isLab ? c.labs : c.observations) as unknown as Record<string, unknown>[];
    if (rows.length === 0) continue;
    const row = rows[e.row % rows.length]!;
    if (e.action === 'delete') delete row[e.field];
    else if (e.action === 'boundary' && BOUNDARIES[e.field])
      row[e.field] = BOUNDARIES[e.field]![e.pick % BOUNDARIES[e.field]!.length];
    // The worst value in the window is then exactly on the cut-off, wherever the window falls.
    else if (e.action === 'boundary-everywhere' && BOUNDARIES[e.field])
      for (const r of rows) r[e.field] = BOUNDARIES[e.field]![e.pick % BOUNDARIES[e.field]!.length];
    else if (e.action === 'flip') {
      if (e.field === 'nkCellActivity') row[e.field] = (['normal', 'low', 'absent'] as const)[e.pick % 3];
      else if (e.field === 'feverDays') row[e.field] = e.pick % 3;
      else if (typeof row[e.field] === 'boolean' || row[e.field] === undefined) row[e.field] = e.pick % 2 === 0;
    }
  }
  // A marrow recorded as malignant (HLH-2004 counts hemophagocytosis only without malignancy).
  const marrow = c.investigations.boneMarrow?.[0];
  if (marrow && edits.length % 5 === 2) {
    marrow.malignancy = true;
    marrow.hemophagocytosis = edits.length % 2 === 0;
  }
  if (edits.length % 3 === 1)
    c.background.immunosuppressiveTherapy = (['glucocorticoid', 'other', 'methotrexate'] as const).slice(
      0,
      edits.length % 4,
    ) as never;
  return c;
}

const windowArb: fc.Arbitrary<TimeWindow> = fc.oneof(
  fc.constant({ fromHour: 0, toHour: 0 }),
  fc.constant({ fromHour: 0, toHour: 24 }),
  fc
    .tuple(fc.integer({ min: -200, max: 72 }), fc.nat(120))
    .map(([from, span]) => ({ fromHour: from, toHour: from + span })),
);

const same = (a: StatusRow, b: StatusRow): boolean =>
  a.status === b.status && Object.is(a.value, b.value) && Object.is(a.min, b.min) && Object.is(a.max, b.max);

describe('the compiled status path (sweeps) against the evidence engine', () => {
  it('gives every set the same status, count or score and reachable range, on generated and edited cases in any window', () => {
    const statuses = new CaseStatuses();
    const reference = new StatusRow();
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>('mas', 'mas', 'sjia-flare', 'sepsis', 'misc'),
        fc.nat(1000),
        fc.nat(100_000),
        fc.boolean(),
        fc.array(edit, { maxLength: 12 }),
        windowArb,
        (kind, seed, index, hard, edits, window) => {
          const c = editedCase(kind, seed, index, hard, edits);
          statuses.compute(c, window);
          const results = evaluate(c, { window }).results;
          results.forEach((r, i) => {
            statusRowOf(r, reference);
            if (!same(reference, statuses.rows[i]!))
              throw new Error(
                `${CRITERIA_SET_IDS[i]} of ${c.id} in ${JSON.stringify(window)}: engine ${JSON.stringify(reference)}, plan ${JSON.stringify(statuses.rows[i])}`,
              );
          });
        },
      ),
      { numRuns: 1000 },
    );
  }, 300_000);

  it('fails when a plan differs (the comparison can see a difference)', () => {
    const c = generateCase({ kind: 'mas', seed: 1, index: 3 });
    const statuses = new CaseStatuses().compute(c, { fromHour: 0, toHour: 0 });
    const other = evaluate(c).results; // the first day, not hour 0
    expect(other.some((r, i) => !same(statusRowOf(r), statuses.rows[i]!))).toBe(true);
  });

  it('gives the sweep the same readings as reading the evidence', () => {
    for (const kind of KINDS)
      for (let index = 0; index < 25; index++) {
        const c = generateCase({ kind, seed: 4, index, difficulty: index % 2 === 0 ? 'hard' : 'standard' });
        expect(readCase(c)).toEqual(readCaseWithEvidence(c));
      }
  }, 120_000);
});
