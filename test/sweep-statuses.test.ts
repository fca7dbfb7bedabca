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
  // Phoenix and MIS-C cut-offs (canonical units).
  lactate: [5, 11],
  inr: [1.3, 1.1],
  dDimer: [2, 0.5],
  crp: [30, 7, 9],
  alc: [1],
  troponin: [15],
  ntProBnp: [125],
  procalcitonin: [0.1],
  fio2: [0.21, 0.5, 1],
  spo2: [97, 98, 88],
  pao2: [40, 80, 160],
  vasoactiveCount: [0, 1, 2],
  sbp: [60, 70, 90, 84],
  dbp: [17, 31, 45],
  gcs: [10, 11, 15],
  feverDays: [0, 3],
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
  'lactate',
  'inr',
  'dDimer',
  'crp',
  'alc',
  'troponin',
  'ntProBnp',
  'procalcitonin',
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
  'fio2',
  'spo2',
  'pao2',
  'respiratorySupport',
  'vasoactiveCount',
  'sbp',
  'dbp',
  'gcs',
  'pupils',
  'rash',
  'conjunctivitis',
  'mucosalChanges',
  'extremityChanges',
  'giSymptoms',
  'shock',
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
      else if (e.field === 'respiratorySupport')
        row[e.field] = (['none', 'oxygen', 'noninvasive', 'invasive'] as const)[e.pick % 4];
      else if (e.field === 'pupils') row[e.field] = (['both-reactive', 'one-fixed', 'both-fixed'] as const)[e.pick % 3];
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

/** Case-level facts Phoenix and the MIS-C definitions read, each left as generated or set (to a value or removed). */
interface CaseEdit {
  readonly age?: number;
  readonly gestationalAgeWeeks?: number | null;
  readonly birthHospitalization?: boolean | null;
  readonly suspectedInfection?: boolean | null;
  readonly hospitalized?: boolean | null;
  readonly died?: boolean | null;
  readonly alternative?: string | null | 'absent';
  readonly sarsCov2?: {
    rnaOrAntigen?: 'positive' | 'negative' | 'not-tested';
    serology?: 'positive' | 'negative' | 'not-tested';
    closeContact?: 'yes' | 'no' | 'unknown';
    contactDaysBeforeHospitalization?: number;
  } | null;
  /** A positive SARS-CoV-2 PCR at this hour (-1,440 is 60 days before presentation). */
  readonly positivePcrHour?: number;
  readonly echo?: {
    hour: number;
    lvefPercent?: number;
    coronaryZMax?: number;
    pericardialEffusion?: boolean;
    valvulitis?: boolean;
  };
  readonly positiveCulture?: { hour: number; specimen: 'blood' | 'urine' };
  /** The laboratory's own upper limits (canonical units). */
  readonly upperLimits?: { troponin?: number; crp?: number; inr?: number; dDimer?: number };
}
const maybeNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const caseEdit: fc.Arbitrary<CaseEdit> = fc.record(
  {
    age: fc.constantFrom(0.01, 0.05, 0.5, 1, 9.99, 10, 17.99, 18, 19.99, 20, 20.5),
    gestationalAgeWeeks: maybeNull(fc.constantFrom(24, 30, 36, 37, 40)),
    birthHospitalization: maybeNull(fc.boolean()),
    suspectedInfection: maybeNull(fc.boolean()),
    hospitalized: maybeNull(fc.boolean()),
    died: maybeNull(fc.boolean()),
    alternative: fc.constantFrom('absent' as const, null, 'Kawasaki disease'),
    sarsCov2: maybeNull(
      fc.record(
        {
          rnaOrAntigen: fc.constantFrom('positive' as const, 'negative' as const, 'not-tested' as const),
          serology: fc.constantFrom('positive' as const, 'negative' as const, 'not-tested' as const),
          closeContact: fc.constantFrom('yes' as const, 'no' as const, 'unknown' as const),
          contactDaysBeforeHospitalization: fc.constantFrom(0, 60, 61),
        },
        { requiredKeys: [] },
      ),
    ),
    positivePcrHour: fc.constantFrom(-1441, -1440, 0, 12, 30),
    echo: fc.record(
      {
        hour: fc.constantFrom(-1, 0, 6, 30),
        lvefPercent: fc.constantFrom(50, 55, 60),
        coronaryZMax: fc.constantFrom(1.9, 2, 2.5),
        pericardialEffusion: fc.boolean(),
        valvulitis: fc.boolean(),
      },
      { requiredKeys: ['hour'] },
    ),
    positiveCulture: fc.record({
      hour: fc.constantFrom(-5, 0, 12, 30),
      specimen: fc.constantFrom('blood' as const, 'urine' as const),
    }),
    upperLimits: fc.record(
      {
        troponin: fc.constantFrom(15, 50),
        crp: fc.constantFrom(7, 30),
        inr: fc.constantFrom(1.1, 1.3),
        dDimer: fc.constantFrom(0.5, 2),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Sets (null: removes) each fact the edit names. */
function applyCaseEdit(c: Case, e: CaseEdit): void {
  const set = <T extends object>(target: T, key: keyof T, value: unknown) => {
    if (value === undefined) return;
    if (value === null) delete target[key];
    else (target as Record<keyof T, unknown>)[key] = value;
  };
  set(c.patient, 'ageYears', e.age);
  set(c.patient, 'gestationalAgeWeeks', e.gestationalAgeWeeks);
  set(c.background, 'birthHospitalization', e.birthHospitalization);
  set(c.encounter, 'suspectedInfection', e.suspectedInfection);
  set(c.encounter, 'hospitalized', e.hospitalized);
  set(c.encounter, 'died', e.died);
  if (e.alternative === 'absent') delete c.encounter.moreLikelyAlternativeDiagnosis;
  else if (e.alternative !== undefined) c.encounter.moreLikelyAlternativeDiagnosis = e.alternative;
  set(c.background, 'sarsCov2', e.sarsCov2);
  if (e.positivePcrHour !== undefined)
    (c.investigations.viralTests ??= []).push({
      hour: e.positivePcrHour,
      virus: 'SARS-CoV-2',
      method: 'pcr',
      result: 'positive',
    });
  if (e.echo) (c.investigations.echo ??= []).push(e.echo);
  if (e.positiveCulture) (c.investigations.cultures ??= []).push({ ...e.positiveCulture, result: 'positive' });
  if (e.upperLimits) {
    const ranges = (c.labReferenceRanges ??= {}) as Record<string, { upper?: number }>;
    for (const [analyte, upper] of Object.entries(e.upperLimits)) ranges[analyte] = { ...ranges[analyte], upper };
  }
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
        fc.constantFrom<Kind>('mas', 'mas', 'sjia-flare', 'sepsis', 'sepsis', 'misc', 'misc'),
        fc.nat(1000),
        fc.nat(100_000),
        fc.boolean(),
        fc.array(edit, { maxLength: 12 }),
        caseEdit,
        windowArb,
        (kind, seed, index, hard, edits, facts, window) => {
          // A copy: generated records may share frozen parts (reference ranges).
          const c = structuredClone(editedCase(kind, seed, index, hard, edits));
          applyCaseEdit(c, facts);
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
      { numRuns: 2000 },
    );
  }, 600_000);

  it('gives each of several windows computed in one pass the same rows as the engine in that window', () => {
    const statuses = new CaseStatuses();
    const reference = new StatusRow();
    fc.assert(
      fc.property(
        fc.constantFrom<Kind>('mas', 'sjia-flare', 'sepsis', 'misc'),
        fc.nat(1000),
        fc.nat(100_000),
        fc.boolean(),
        fc.array(edit, { maxLength: 8 }),
        caseEdit,
        fc.array(windowArb, { minLength: 1, maxLength: 3 }),
        (kind, seed, index, hard, edits, facts, windows) => {
          const c = structuredClone(editedCase(kind, seed, index, hard, edits));
          applyCaseEdit(c, facts);
          statuses.computeWindows(c, windows);
          windows.forEach((window, w) => {
            evaluate(c, { window }).results.forEach((r, i) => {
              statusRowOf(r, reference);
              if (!same(reference, statuses.rowsAt(w)[i]!))
                throw new Error(
                  `${CRITERIA_SET_IDS[i]} of ${c.id} in window ${w} of ${JSON.stringify(windows)}: engine ${JSON.stringify(reference)}, plan ${JSON.stringify(statuses.rowsAt(w)[i])}`,
                );
            });
          });
        },
      ),
      { numRuns: 600 },
    );
  }, 600_000);

  it('reads an analyte present with the value undefined as not measured (fixed-shape records)', () => {
    const statuses = new CaseStatuses();
    for (const kind of KINDS)
      for (let index = 0; index < 10; index++) {
        const c = generateCase({ kind, seed: 5, index });
        const padded = structuredClone(c);
        const keys = [...new Set([...c.labs.flatMap((p) => Object.keys(p)), 'ferritin', 'esr', 'sCd25'])];
        padded.labs = padded.labs.map((p) => {
          const row: Record<string, unknown> = {};
          for (const key of keys) row[key] = (p as unknown as Record<string, unknown>)[key];
          return row as unknown as typeof p;
        });
        const windows = [
          { fromHour: 0, toHour: 0 },
          { fromHour: 0, toHour: 24 },
        ];
        statuses.computeWindows(c, windows);
        const expected = windows.map((_, w) => statuses.rowsAt(w).map((r) => ({ ...r })));
        statuses.computeWindows(padded, windows);
        expect(windows.map((_, w) => statuses.rowsAt(w).map((r) => ({ ...r })))).toEqual(expected);
      }
  });

  it('agrees with the engine on cases with more Phoenix records than the timeline first holds', () => {
    const statuses = new CaseStatuses();
    const reference = new StatusRow();
    for (const kind of ['sepsis', 'misc'] as const)
      for (let index = 0; index < 4; index++) {
        const c = generateCase({ kind, seed: 6, index });
        // 40 hourly observations and panels (the timeline starts with room for 16 records per input).
        for (let hour = 0; hour < 40; hour++) {
          c.observations.push({ hour, fio2: 0.3 + (hour % 7) / 10, spo2: 90 + (hour % 9), sbp: 70 + hour, dbp: 40 });
          c.labs.push({ hour, lactate: 1 + (hour % 5), platelets: 90 + hour });
        }
        const windows = [
          { fromHour: 0, toHour: 0 },
          { fromHour: 0, toHour: 24 },
          { fromHour: 10, toHour: 48 },
        ];
        statuses.computeWindows(c, windows);
        windows.forEach((window, w) => {
          evaluate(c, { window }).results.forEach((r, i) => {
            expect(statuses.rowsAt(w)[i], `${CRITERIA_SET_IDS[i]} in ${JSON.stringify(window)}`).toEqual(
              statusRowOf(r, reference),
            );
          });
        });
      }
  }, 120_000);

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
