import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { oxygenationRatio, phoenix } from '../../src/criteria/phoenix.js';
import {
  PHOENIX_LOOK_BACK_HOURS,
  currentValue,
  phoenixSnapshots,
  type PhoenixSnapshot,
} from '../../src/criteria/phoenix-time-points.js';
import type { CriteriaResult } from '../../src/criteria/criteria-result.js';
import type { TimeWindow } from '../../src/case/time-window.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

/*
 * The Phoenix score at time points, with last-observation-carried-forward limited by each input's
 * look-back (CU-DBMI-Peds/phoenix articles/ehr_implementation_notes.md), and the worst TOTAL at one
 * time point rather than the sum of per-item worsts (articles/phoenix.md, "Worst in first 24 hours").
 *
 * evaluate(c, { window: { fromHour: t, toHour: t } }) is the score AT time t: the only time point is t
 * (recorded there, or the window's first hour with values carried into it), and later values are ignored.
 */

const points = (r: CriteriaResult, id: string) => item(r, id).points;
const at = (c: Case, hour: number) => phoenix.evaluate(c, { window: { fromHour: hour, toHour: hour } });
const clock = (hh: number, mm: number) => hh + mm / 60;
const snapshotAt = (c: Case, hour: number): PhoenixSnapshot => {
  const s = phoenixSnapshots(c, { fromHour: 0, toHour: 48 }).find((x) => x.hour === hour);
  if (!s) throw new Error(`no time point at ${hour}`);
  return s;
};

// Every Phoenix input assessed and normal, for a 6-year-old.
const NORMAL_OBS: Omit<Observation, 'hour'> = {
  respiratorySupport: 'none',
  fio2: 0.21,
  spo2: 99,
  vasoactiveCount: 0,
  sbp: 100,
  dbp: 60,
  gcs: 15,
  pupils: 'both-reactive',
};
const NORMAL_LABS: Omit<LabPanel, 'hour'> = { lactate: 1, platelets: 250, inr: 1.0, dDimer: 0.3, fibrinogen: 300 };

describe('the look-back table is the authors\' (ehr_implementation_notes.md "Look Back")', () => {
  it('6 h respiratory, lactate, MAP, pupils; 12 h vasoactives, GCS; 24 h coagulation', () => {
    expect(PHOENIX_LOOK_BACK_HOURS).toEqual({
      respiratorySupport: 6,
      fio2: 6,
      spo2: 6,
      pao2: 6,
      lactate: 6,
      map: 6,
      pupils: 6,
      vasoactiveCount: 12,
      gcs: 12,
      platelets: 24,
      inr: 24,
      dDimer: 24,
      fibrinogen: 24,
    });
  });
});

describe('authors\' example: FiO₂ carried to later lactate rows (ehr_implementation_notes.md, "Missing values")', () => {
  // | T₀ | 0.40 | 6.8 | ; T₁, T₂: lactate 7.3, 7.1 with FiO₂ "0.40 (Assuming T - T₀ < 6 hours; NULL Otherwise)";
  // T₃: FiO₂ 0.80 (good new value), lactate 7.1 "(Assuming T₃ - T₂ < 6 hours; NULL Otherwise)".
  const table = (t1: number, t2: number, t3: number) =>
    makeCase({
      observations: [
        { hour: 0, fio2: 0.4 },
        { hour: t3, fio2: 0.8 },
      ],
      labs: [
        { hour: 0, lactate: 6.8 },
        { hour: t1, lactate: 7.3 },
        { hour: t2, lactate: 7.1 },
      ],
    });

  it('within 6 h: FiO₂ 0.40 is carried to T₁ and T₂; at T₃ the new FiO₂ 0.80 is used and lactate 7.1 is carried', () => {
    const c = table(2, 5, 9);
    expect(currentValue(snapshotAt(c, 2), 'fio2')).toMatchObject({ value: 0.4, hour: 0 });
    expect(currentValue(snapshotAt(c, 5), 'fio2')).toMatchObject({ value: 0.4, hour: 0 });
    expect(currentValue(snapshotAt(c, 5), 'lactate')).toMatchObject({ value: 7.1, hour: 5 });
    expect(currentValue(snapshotAt(c, 9), 'fio2')).toMatchObject({ value: 0.8, hour: 9 });
    expect(currentValue(snapshotAt(c, 9), 'lactate')).toMatchObject({ value: 7.1, hour: 5 });
  });

  it('not beyond: FiO₂ is NULL at T₂ = T₀ + 6 h ("< 6 hours"), lactate NULL at T₃ = T₂ + 7 h', () => {
    const c = table(2, 6, 13);
    expect(currentValue(snapshotAt(c, 2), 'fio2')).toMatchObject({ value: 0.4 });
    expect(snapshotAt(c, 6).values.fio2.state).toBe('lapsed');
    expect(currentValue(snapshotAt(c, 13), 'fio2')).toMatchObject({ value: 0.8, hour: 13 });
    expect(snapshotAt(c, 13).values.lactate.state).toBe('lapsed');
  });

  it('the carried FiO₂ 0.40 implies oxygen support at T₁, and no longer once it has lapsed', () => {
    const c = makeCase({
      observations: [
        { hour: 0, fio2: 0.4 },
        { hour: 2, spo2: 90 },
        { hour: 7, spo2: 90 },
      ],
      labs: [{ hour: 0, lactate: 6.8 }],
    });
    expect(points(at(c, 2), 'respiratory')).toBe(1); // 90 / 0.40 = 225 < 292 on (implied) oxygen
    expect(item(at(c, 2), 'respiratory.oxygenation')).toMatchObject({ value: 225, unit: 'SpO₂:FiO₂', hour: 2 });
    expect(points(at(c, 7), 'respiratory')).toBe(0);
    expect(item(at(c, 7), 'respiratory.oxygenation').value).toBeNull();
  });
});

describe("authors' PFR example: PaO₂:FiO₂ only when the FiO₂ is as old as or older than the PaO₂", () => {
  // ehr_implementation_notes.md, PFR caveats: the table 11:31 … 18:30.
  const c = makeCase({
    observations: [
      { hour: clock(11, 31), respiratorySupport: 'invasive', fio2: 0.3 },
      { hour: clock(11, 45), pao2: 118 },
      { hour: clock(11, 59), respiratorySupport: 'invasive', fio2: 0.4 },
      { hour: clock(12, 10), pao2: 152 },
    ],
  });
  const pfr = (hh: number, mm: number) => item(at(c, clock(hh, mm)), 'respiratory.oxygenation');

  it.each([
    [11, 45, 393.3],
    [11, 47, 393.3],
    [11, 59, null], // "No PFR, FiO₂ is newer than PaO₂"
    [12, 10, 380],
    [12, 15, 380],
    [17, 45, 380],
    [18, 0, null], // "No PFR, FiO₂ carry forward window expired"
    [18, 30, null], // "No PFR, FiO₂ and PaO₂ carry forward windows have expired"
  ])('%s:%s → PFR %s', (hh, mm, expected) => {
    expect(pfr(hh, mm).value).toBe(expected);
    if (expected !== null) expect(pfr(hh, mm).unit).toBe('PaO₂:FiO₂');
  });

  it('at 11:59 the note says why, and the PaO₂ carried from 11:45 keeps its own hour when valid', () => {
    expect(pfr(11, 59).note).toMatch(/newer than the PaO₂/);
    expect(pfr(11, 47).hour).toBeCloseTo(clock(11, 45), 9);
  });
});

describe("authors' SFR example: SpO₂:FiO₂ only for SpO₂ ≤ 97 and a FiO₂ as old as or older than the SpO₂", () => {
  const c = makeCase({
    observations: [
      { hour: clock(10, 15), respiratorySupport: 'invasive', fio2: 0.25, spo2: 92 },
      { hour: clock(10, 20), spo2: 98 },
      { hour: clock(11, 31), respiratorySupport: 'invasive', fio2: 0.3 },
      { hour: clock(11, 45), spo2: 87 },
      { hour: clock(11, 59), respiratorySupport: 'invasive', fio2: 0.4 },
      { hour: clock(12, 10), spo2: 85 },
    ],
  });
  it.each([
    [10, 15, 368],
    [10, 20, null], // SpO₂ > 97
    [11, 31, null], // SpO₂ > 97 and FiO₂ newer than SpO₂
    [11, 45, 290],
    [11, 47, 290],
    [11, 59, null], // FiO₂ newer than SpO₂
    [12, 10, 212.5],
    [12, 15, 212.5],
    [17, 45, 212.5],
    [18, 0, null], // FiO₂ carry-forward window expired
    [18, 30, null],
  ])('%s:%s → SFR %s', (hh, mm, expected) => {
    expect(item(at(c, clock(hh, mm)), 'respiratory.oxygenation').value).toBe(expected);
  });
});

describe('authors\' example: per-item worsts overstate the score (articles/phoenix.md, "Worst in first 24 hours")', () => {
  // | 0 min | resp 1 | card 0 | coag 0 | neuro 1 | total 2 |
  // | 120   | 0      | 1      | 0      | 1       | 2       |
  // | 720   | 0      | 0      | 0      | 1       | 1       |
  // "The correct signal score for the patient in the above example is 2, not 3."
  const c = makeCase({
    encounter: { suspectedInfection: true },
    observations: [
      { hour: 0, ...NORMAL_OBS, respiratorySupport: 'oxygen', fio2: 0.4, spo2: 90, gcs: 9 }, // S/F 225 on oxygen → 1; GCS 9 → 1
      { hour: 2, respiratorySupport: 'none', fio2: 0.21, spo2: 99, vasoactiveCount: 1, gcs: 9 },
      { hour: 12, ...NORMAL_OBS, gcs: 9 },
    ],
    labs: [
      { hour: 0, ...NORMAL_LABS },
      { hour: 12, ...NORMAL_LABS },
    ],
  });

  it('totals 2, 2, 1 at the three time points; the score is 2, not 3', () => {
    expect([0, 2, 12].map((h) => at(c, h).score?.value)).toEqual([2, 2, 1]);
    expect(perItemWorstSum(c, { fromHour: 0, toHour: 24 })).toBe(3);
    const r = phoenix.evaluate(c);
    expect(r.score?.value).toBe(2);
    expect(r.status).toBe('met');
  });

  it('the evidence is the earliest worst time point, each item at the hour it was measured', () => {
    const r = phoenix.evaluate(c);
    expect(r.summary).toContain('Phoenix Sepsis Score 2 at hour 0');
    expect(points(r, 'respiratory')).toBe(1);
    expect(points(r, 'cardiovascular')).toBe(0);
    expect(item(r, 'neurological.gcs')).toMatchObject({ value: 9, hour: 0 });
  });

  it('the time point scores carried values at their own hour (GCS 9 from hour 2 at a lab-only hour 3)', () => {
    const withLab = { ...c, labs: [...c.labs, { hour: 3, lactate: 1 }] };
    const r = at(withLab, 3);
    expect(item(r, 'neurological.gcs')).toMatchObject({ value: 9, hour: 2 });
    expect(item(r, 'cardiovascular.vasoactives')).toMatchObject({ value: 1, hour: 2, points: 1 });
    expect(item(r, 'cardiovascular.lactate')).toMatchObject({ value: 1, hour: 3 });
  });
});

describe('a value older than its look-back no longer counts', () => {
  it('lactate 6 mmol/L counts 5 h later, not 6 h later (look-back 6 h): NULL there, 0 points, not "not assessed"', () => {
    const c = (hour: number) =>
      makeCase({ observations: [{ hour, vasoactiveCount: 2 }], labs: [{ hour: 0, lactate: 6 }] });
    const r5 = phoenix.evaluate(c(5));
    expect(r5.score?.value).toBe(3);
    expect(item(r5, 'cardiovascular.lactate')).toMatchObject({ value: 6, hour: 0, points: 1, status: 'met' });
    const r6 = phoenix.evaluate(c(6));
    expect(r6.score?.value).toBe(2); // hour 6: vasoactives 2, lactate lapsed; hour 0: lactate 1
    expect(r6.summary).toContain('at hour 6');
    const lapsed = item(r6, 'cardiovascular.lactate');
    expect(lapsed).toMatchObject({ value: null, hour: null, points: 0, status: 'not-met' });
    expect(lapsed.note).toMatch(/6 h look-back at hour 6 \(last 6 mmol\/L at hour 0\)/);
  });

  it('platelets count 23 h later, not 24 h later (look-back 24 h)', () => {
    const c = makeCase({
      observations: [
        { hour: 23, gcs: 15 },
        { hour: 24, gcs: 15 },
      ],
      labs: [{ hour: 0, platelets: 50 }],
    });
    expect(points(at(c, 23), 'coagulation')).toBe(1);
    expect(points(at(c, 24), 'coagulation')).toBe(0);
  });

  it('GCS 9 and platelets 50 thirteen hours apart never meet at one time point: 1, not the per-item-worst 2', () => {
    const c = makeCase({
      encounter: { suspectedInfection: true },
      observations: [
        { hour: 0, ...NORMAL_OBS, gcs: 9 },
        { hour: 13, ...NORMAL_OBS, gcs: undefined },
      ], // GCS 9 is 13 h old at hour 13
      labs: [
        { hour: 0, ...NORMAL_LABS },
        { hour: 13, ...NORMAL_LABS, platelets: 50 },
      ],
    });
    expect(perItemWorstSum(c, { fromHour: 0, toHour: 24 })).toBe(2);
    const r = phoenix.evaluate(c);
    expect(r.score).toMatchObject({ value: 1, min: 1, max: 1 });
    expect(r.status).toBe('not-met');
    expect(r.classifications).toEqual({ sepsis: 'not-met', 'septic-shock': 'not-met' });
  });

  it("a value from before the window is carried into it within its look-back, and scored at the window's first hour", () => {
    const labs = (hour: number) => [{ hour, platelets: 50, inr: 2 }];
    const inside = phoenix.evaluate(makeCase({ encounter: { suspectedInfection: true }, labs: labs(-10) }));
    expect(inside.score?.value).toBe(2);
    expect(item(inside, 'coagulation.platelets')).toMatchObject({ hour: -10, points: 1 });
    expect(inside.summary).toContain('at hour 0');
    const tooOld = phoenix.evaluate(makeCase({ encounter: { suspectedInfection: true }, labs: labs(-24) }));
    expect(tooOld.score).toMatchObject({ value: 0, max: 13 }); // nothing current in the window: not assessed
  });
});

describe('vasoactives are carried 12 h', () => {
  const c = (labHour: number) =>
    makeCase({
      encounter: { suspectedInfection: true },
      observations: [{ hour: 0, ...NORMAL_OBS, vasoactiveCount: 1 }],
      labs: [
        { hour: 0, ...NORMAL_LABS },
        { hour: labHour, ...NORMAL_LABS, platelets: 50 },
      ],
    });

  it('an infusion charted at hour 0 still counts at hour 11 (total 2, septic shock), not at hour 12', () => {
    expect(item(at(c(11), 11), 'cardiovascular.vasoactives')).toMatchObject({ value: 1, hour: 0, points: 1 });
    const r11 = phoenix.evaluate(c(11));
    expect(r11.score?.value).toBe(2);
    expect(r11.classifications).toEqual({ sepsis: 'met', 'septic-shock': 'met' });
    expect(points(at(c(12), 12), 'cardiovascular.vasoactives')).toBe(0);
    expect(phoenix.evaluate(c(12)).score?.value).toBe(1);
  });

  it('while lactate, with a 6 h look-back, from the same hour has lapsed at hour 7', () => {
    const r = at(
      makeCase({
        labs: [{ hour: 0, lactate: 6 }],
        observations: [
          { hour: 0, vasoactiveCount: 1 },
          { hour: 7, gcs: 15 },
        ],
      }),
      7,
    );
    expect(points(r, 'cardiovascular.vasoactives')).toBe(1);
    expect(points(r, 'cardiovascular.lactate')).toBe(0);
  });

  it('septic shock needs the cardiovascular point at a time point whose total is ≥ 2', () => {
    // Vasoactive at hour 0 (total 1); coagulation 2 at hour 13, when the infusion record has lapsed (total 2, no cardiovascular point).
    const split = makeCase({
      encounter: { suspectedInfection: true },
      observations: [
        { hour: 0, ...NORMAL_OBS, vasoactiveCount: 1 },
        { hour: 13, ...NORMAL_OBS, vasoactiveCount: undefined },
      ],
      labs: [
        { hour: 0, ...NORMAL_LABS },
        { hour: 13, ...NORMAL_LABS, platelets: 50, inr: 2 },
      ],
    });
    const r = phoenix.evaluate(split);
    expect(r.score?.value).toBe(2);
    expect(r.classifications).toEqual({ sepsis: 'met', 'septic-shock': 'not-met' });
  });
});

describe('honest bounds across time points', () => {
  it('an input never measured is not assessed at every time point and raises score.max', () => {
    const c = makeCase({
      encounter: { suspectedInfection: true },
      observations: [
        { hour: 0, ...NORMAL_OBS, gcs: undefined, pupils: undefined },
        { hour: 4, ...NORMAL_OBS, gcs: undefined, pupils: undefined },
      ],
      labs: [{ hour: 0, ...NORMAL_LABS }],
    });
    const r = phoenix.evaluate(c);
    expect(r.score).toMatchObject({ value: 0, max: 2 }); // GCS ≤ 10 and fixed pupils: neurological up to 2
    expect(item(r, 'neurological.gcs').status).toBe('not-assessed');
    expect(item(r, 'neurological.pupils').status).toBe('not-assessed');
    // Decided on the data known (the authors' rule); the missing inputs could still make it sepsis.
    expect(r.status).toBe('not-met');
    expect(r.reachable).toEqual({ sepsis: true, 'septic-shock': false });
  });

  it('a value measured at one time point and lapsed at another scores 0 there without leaving the score open', () => {
    const c = makeCase({
      encounter: { suspectedInfection: true },
      observations: [
        { hour: 0, ...NORMAL_OBS },
        { hour: 20, gcs: 15 },
      ],
      labs: [{ hour: 0, ...NORMAL_LABS }],
    });
    const r = phoenix.evaluate(c);
    expect(r.score).toMatchObject({ value: 0, min: 0, max: 0 });
    expect(r.status).toBe('not-met');
  });
});

// ── The old per-item-worst sum, from the authors' scoring formulas (ehr_implementation_notes.md) ──

/** Each item's worst value in the window, scored with the authors' R formulas, summed per system: what phoenix.ts did before. */
function perItemWorstSum(c: Case, window: TimeWindow): number {
  const obs = c.observations.filter((o) => o.hour >= window.fromHour && o.hour <= window.toHour);
  const labs = c.labs.filter((l) => l.hour >= window.fromHour && l.hour <= window.toHour);
  const lt = (a: number | undefined, b: number) => a !== undefined && a < b;
  // imv * (((pfr < 100) | (sfr < 148)) + ((pfr < 200) | (sfr < 220))) + ors * ((pfr < 400) | (sfr < 292)), one observation at a time;
  // ORS: recorded support, or FiO₂ > 0.21 where support is not recorded.
  const resp = Math.max(
    0,
    ...obs.map((o) => {
      const pfr = o.pao2 !== undefined && o.fio2 !== undefined ? oxygenationRatio(o.pao2, o.fio2) : undefined;
      const sfr =
        o.spo2 !== undefined && o.spo2 <= 97 && o.fio2 !== undefined ? oxygenationRatio(o.spo2, o.fio2) : undefined;
      const imv = o.respiratorySupport === 'invasive' ? 1 : 0;
      const ors = (o.respiratorySupport !== undefined ? o.respiratorySupport !== 'none' : (o.fio2 ?? 0) > 0.21) ? 1 : 0;
      return (
        imv * (+(lt(pfr, 100) || lt(sfr, 148)) + +(lt(pfr, 200) || lt(sfr, 220))) +
        ors * +(lt(pfr, 400) || lt(sfr, 292))
      );
    }),
  );
  const max = (xs: (number | undefined)[]) => {
    const v = xs.filter((x): x is number => x !== undefined);
    return v.length ? Math.max(...v) : undefined;
  };
  const min = (xs: (number | undefined)[]) => {
    const v = xs.filter((x): x is number => x !== undefined);
    return v.length ? Math.min(...v) : undefined;
  };
  const vas = max(obs.map((o) => o.vasoactiveCount)) ?? 0;
  const lct = max(labs.map((l) => l.lactate));
  const map = min(
    obs.map((o) => (o.sbp !== undefined && o.dbp !== undefined ? o.dbp + (o.sbp - o.dbp) / 3 : undefined)),
  );
  const age = c.patient.ageYears * 12;
  // map_score: the age bands of the authors' phoenix_cardiovascular.
  const bands: [number, number, number, number][] = [
    [0, 1, 17, 31],
    [1, 12, 25, 39],
    [12, 24, 31, 44],
    [24, 60, 32, 45],
    [60, 144, 36, 49],
    [144, 216.0001, 38, 52],
  ];
  const band = bands.find(([from, to]) => age >= from && age < to);
  const mapScore = band && map !== undefined ? +(map < band[2]) + +(map < band[3]) : 0;
  const card = +(vas > 1) + +(vas > 0) + +((lct ?? 0) >= 11) + +((lct ?? 0) >= 5) + mapScore;
  const coag = Math.min(
    2,
    +lt(min(labs.map((l) => l.platelets)), 100) +
      +((max(labs.map((l) => l.inr)) ?? 0) > 1.3) +
      +((max(labs.map((l) => l.dDimer)) ?? 0) > 2) +
      +lt(min(labs.map((l) => l.fibrinogen)), 100),
  );
  const fpl = obs.some((o) => o.pupils === 'both-fixed') ? 1 : 0;
  const neuro = Math.min(2, fpl * 2 + +((min(obs.map((o) => o.gcs)) ?? 99) <= 10));
  return resp + card + coag + neuro;
}

// ── Properties ──────────────────────────────────────────────────────────────────────────────

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const hundredth = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Observations whose respiratory inputs are charted together: support and FiO₂ both or neither, SpO₂
 * and PaO₂ only with them. (Otherwise carrying values forward can pair a ventilator setting with a later
 * saturation that no single observation holds, and the time-point score may exceed the per-row worst.)
 */
const observation = (hour: fc.Arbitrary<number>): fc.Arbitrary<Observation> =>
  fc
    .record({
      hour,
      resp: opt(
        fc.record({
          respiratorySupport: fc.constantFrom('none', 'oxygen', 'noninvasive', 'invasive') as fc.Arbitrary<
            NonNullable<Observation['respiratorySupport']>
          >,
          fio2: hundredth(0.21, 1),
          spo2: opt(fc.integer({ min: 50, max: 100 })),
          pao2: opt(fc.integer({ min: 30, max: 500 })),
        }),
      ),
      vasoactiveCount: opt(fc.integer({ min: 0, max: 3 })),
      dbp: opt(fc.integer({ min: 5, max: 80 })),
      pulse: opt(fc.integer({ min: 1, max: 60 })),
      gcs: opt(fc.integer({ min: 3, max: 15 })),
      pupils: opt(
        fc.constantFrom('both-reactive', 'one-fixed', 'both-fixed') as fc.Arbitrary<NonNullable<Observation['pupils']>>,
      ),
    })
    .map(({ resp, pulse, ...o }) =>
      compact({
        ...o,
        ...(resp ? compact({ ...resp, fio2: resp.respiratorySupport === 'none' ? 0.21 : resp.fio2 }) : {}),
        sbp: o.dbp !== undefined && pulse !== undefined ? o.dbp + pulse : undefined,
      }),
    );

const panel = (hour: fc.Arbitrary<number>): fc.Arbitrary<LabPanel> =>
  fc
    .record({
      hour,
      lactate: opt(fc.integer({ min: 5, max: 200 }).map((n) => n / 10)),
      platelets: opt(fc.integer({ min: 5, max: 500 })),
      inr: opt(hundredth(0.8, 4)),
      dDimer: opt(hundredth(0, 15)),
      fibrinogen: opt(fc.integer({ min: 30, max: 600 })),
    })
    .map(compact);

const age = hundredth(0, 215.99).map((months) => ({ ageYears: months / 12 }));

/** Several time points in the window, one observation / panel per hour (as the case lint requires). */
const severalTimePoints: fc.Arbitrary<Case> = fc
  .record({
    patient: age,
    observations: fc.uniqueArray(observation(fc.integer({ min: 0, max: 24 })), {
      selector: (o) => o.hour,
      maxLength: 5,
    }),
    labs: fc.uniqueArray(panel(fc.integer({ min: 0, max: 24 })), { selector: (l) => l.hour, maxLength: 3 }),
  })
  .map((parts) => makeCase(parts));

/** One observation and one panel at the same hour. */
const oneTimePoint: fc.Arbitrary<Case> = fc
  .integer({ min: 0, max: 24 })
  .chain((hour) =>
    fc.record({
      patient: age,
      observations: fc.array(observation(fc.constant(hour)), { maxLength: 1 }),
      labs: fc.array(panel(fc.constant(hour)), { maxLength: 1 }),
    }),
  )
  .map((parts) => makeCase(parts));

describe('a ratio exactly on a cut-off stays on it (112 / 0.28 is 399.99999999999994 in binary)', () => {
  it.each([
    [112, 0.28],
    [136, 0.34],
    [228, 0.57],
  ])('PaO₂ %i on FiO₂ %d is a PaO₂:FiO₂ of 400: 0 points (the band is < 400); one mmHg less scores 1', (pao2, fio2) => {
    const onCutOff = makeCase({
      observations: [{ ...NORMAL_OBS, hour: 0, respiratorySupport: 'oxygen', fio2, pao2, spo2: 98 }],
      labs: [{ hour: 0, ...NORMAL_LABS }],
    });
    const below = makeCase({
      observations: [{ ...NORMAL_OBS, hour: 0, respiratorySupport: 'oxygen', fio2, pao2: pao2 - 1, spo2: 98 }],
      labs: [{ hour: 0, ...NORMAL_LABS }],
    });
    expect(item(phoenix.evaluate(onCutOff), 'respiratory.oxygenation').value).toBe(400);
    expect(points(phoenix.evaluate(onCutOff), 'respiratory')).toBe(0);
    expect(points(phoenix.evaluate(below), 'respiratory')).toBe(1);
  });

  it('oxygenationRatio keeps exact quotients exact', () => {
    expect(oxygenationRatio(112, 0.28)).toBe(400);
    expect(oxygenationRatio(121, 0.55)).toBe(220);
    expect(oxygenationRatio(90, 0.4)).toBe(225);
  });
});

describe('properties: the time-point total against the per-item-worst sum', () => {
  const window: TimeWindow = { fromHour: 0, toHour: 24 };

  it('never exceeds the per-item-worst sum', () => {
    let below = 0;
    fc.assert(
      fc.property(severalTimePoints, (c) => {
        const value = phoenix.evaluate(c).score!.value;
        const old = perItemWorstSum(c, window);
        expect(value).toBeLessThanOrEqual(old);
        if (value < old) below += 1;
      }),
      { numRuns: 2000 },
    );
    expect(below).toBeGreaterThan(0); // the two differ in some generated cases
  });

  it('equals it at a single time point', () => {
    fc.assert(
      fc.property(oneTimePoint, (c) => {
        expect(phoenix.evaluate(c).score!.value).toBe(perItemWorstSum(c, window));
      }),
      { numRuns: 2000 },
    );
  });

  it('the score is the highest total of the time points, each scored on its own', () => {
    fc.assert(
      fc.property(severalTimePoints, (c) => {
        const hours = [...new Set([...c.observations, ...c.labs].map((row) => row.hour))];
        const totals = hours.map((h) => at(c, h).score!.value);
        expect(phoenix.evaluate(c).score!.value).toBe(Math.max(0, ...totals));
      }),
      { numRuns: 500 },
    );
  });
});
