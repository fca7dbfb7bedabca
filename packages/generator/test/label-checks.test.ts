import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERIA_SETS, FIRST_24_HOURS, type Case, type LabPanel, type Observation } from '@masdrill/rules';
import { DIFFICULTIES, generateCase, KINDS } from '../src/index.js';
import { miscCategoryCount, phoenixParts, type PhoenixParts } from '../src/label-checks.js';

// The label checks read the rules' compiled status path; the generator's cases stay byte-identical
// only if it answers exactly as the evidence engine does. Here the engine is the reference.

/** Phoenix parts as the evidence engine gives them: the decisive time point's system items, and the score. */
function enginePhoenixParts(c: Case): PhoenixParts {
  const probe: Case = {
    ...c,
    background: { sjia: 'none' },
    encounter: { suspectedInfection: true },
    investigations: {},
  };
  const result = CRITERIA_SETS.phoenix.evaluate(probe);
  const points = (id: string) => result.items.find((i) => i.id === id)?.points ?? 0;
  return {
    respiratory: points('respiratory'),
    cardiovascular: points('cardiovascular'),
    coagulation: points('coagulation'),
    neurological: points('neurological'),
    total: result.score?.value ?? 0,
  };
}

const MISC_CATEGORIES = ['cardiac', 'mucocutaneous', 'shock', 'gastrointestinal', 'hematologic'];
/** CSTE/CDC 2023 organ categories met in hours 0–24, counted from the engine's items. */
function engineMiscCount(c: Case): number {
  const probe: Case = {
    ...c,
    background: { sjia: 'none' },
    encounter: {},
    investigations: { echo: c.investigations.echo ?? [] },
  };
  const items = CRITERIA_SETS['misc-cdc-2023'].evaluate(probe, { window: FIRST_24_HOURS }).items;
  return MISC_CATEGORIES.filter((id) => items.find((i) => i.id === id)?.status === 'met').length;
}

function expectSameAnswers(c: Case): void {
  expect(phoenixParts(c.patient, c.observations, c.labs)).toEqual(enginePhoenixParts(c));
  const echo = c.investigations.echo ?? [];
  expect(miscCategoryCount({ ...c, echo })).toBe(engineMiscCount(c));
}

/** Canonical values on (and beside) the Phoenix and CDC 2023 cut-offs. */
const LAB_EDITS: Readonly<Record<string, readonly number[]>> = {
  lactate: [4.99, 5, 11],
  platelets: [99, 100, 149, 150],
  inr: [1.3, 1.31],
  dDimer: [2, 2.01],
  fibrinogen: [99, 100],
  alc: [0.99, 1],
  troponin: [14, 15, 16, 100],
};
const OBSERVATION_EDITS: Readonly<Record<string, readonly unknown[]>> = {
  fio2: [0.21, 0.22, 0.5, 1],
  spo2: [88, 97, 98],
  pao2: [40, 80, 160],
  respiratorySupport: ['none', 'oxygen', 'noninvasive', 'invasive'],
  vasoactiveCount: [0, 1, 2],
  sbp: [40, 60, 90],
  dbp: [17, 31, 45],
  gcs: [10, 11, 15],
  pupils: ['both-reactive', 'one-fixed', 'both-fixed'],
  rash: [true, false],
  mucosalChanges: [true, false],
  conjunctivitis: [true, false],
  extremityChanges: [true, false],
  giSymptoms: [true, false],
  shock: [true, false],
};

interface Edit {
  readonly lab: boolean;
  readonly row: number;
  readonly field: number;
  readonly pick: number;
  readonly remove: boolean;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  lab: fc.boolean(),
  row: fc.nat(20),
  field: fc.nat(20),
  pick: fc.nat(10),
  remove: fc.boolean(),
});

/** A generated case, cut at an hour as a case under construction may be, then edited onto cut-offs or with values removed. */
function edited(c: Case, cutAtHour: number | null, edits: readonly Edit[]): Case {
  const keep = (row: { hour: number }) => cutAtHour === null || row.hour <= cutAtHour;
  const labs = c.labs.filter(keep).map((p) => ({ ...p }));
  const observations = c.observations.filter(keep).map((o) => ({ ...o }));
  for (const e of edits) {
    const table = e.lab ? LAB_EDITS : OBSERVATION_EDITS;
    const fields = Object.keys(table);
    const field = fields[e.field % fields.length]!;
    const rows = (e.lab ? labs : observations) as unknown as Record<string, unknown>[];
    if (rows.length === 0) continue;
    const row = rows[e.row % rows.length]!;
    if (e.remove) delete row[field];
    else row[field] = table[field]![e.pick % table[field]!.length];
  }
  return { ...c, labs: labs as LabPanel[], observations: observations as Observation[] };
}

describe("the label checks answer as the rules' evidence engine", () => {
  it('on generated cases of every kind and difficulty: Phoenix total and points per system, MIS-C categories', () => {
    for (const difficulty of DIFFICULTIES)
      for (const kind of KINDS)
        for (let index = 0; index < 150; index++) expectSameAnswers(generateCase({ kind, seed: 7, index, difficulty }));
  }, 120_000); // ~2,400 cases through the evidence engine twice: generous on a shared machine

  it('on generated cases cut short and edited onto the cut-offs (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        fc.constantFrom(...DIFFICULTIES),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.nat(10_000),
        fc.option(fc.constantFrom(-1, 0, 4, 12, 24, 36), { nil: null }),
        fc.array(editArb, { maxLength: 8 }),
        (kind, difficulty, seed, index, cutAtHour, edits) => {
          expectSameAnswers(edited(generateCase({ kind, seed, index, difficulty }), cutAtHour, edits));
        },
      ),
      { numRuns: 1500 },
    );
  }, 120_000);
});
