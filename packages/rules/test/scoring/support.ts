import fc from 'fast-check';
import type { Case, GroundTruth, LabPanel, Observation } from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

export interface CaseShape {
  kind: GroundTruth['kind'];
  masPresent: boolean;
  trigger: NonNullable<GroundTruth['trigger']>;
  severity: NonNullable<GroundTruth['severity']>;
  cns: boolean;
  hemorrhage: boolean;
  sjia: Case['background']['sjia'];
  shock: boolean;
  ageYears: number;
  weightKg: number | undefined;
  heightCm: number | undefined;
  platelets: number | undefined;
  ferritin: number;
  lvef: number | undefined;
  coronaryZ: number | undefined;
  withTruth: boolean;
}

const SUBTYPE: Record<GroundTruth['kind'], (s: CaseShape) => GroundTruth['subtype']> = {
  mas: (s) => (s.trigger === 'bacterial' || s.trigger === 'EBV' || s.trigger === 'CMV' ? 'infection-triggered-mas-previously-well' : 'known-sjia-mas'),
  'sjia-flare': () => 'sjia-flare',
  sepsis: (s) => (s.shock ? 'septic-shock' : 'bacterial-sepsis'),
  misc: (s) => (s.masPresent ? 'misc-with-mas' : 'misc'),
};

/** A hand-made case from a few features: truth (optional), observations, labs and echo that agree with it. */
export function caseFrom(s: CaseShape, id = 'prop-case'): Case {
  const obs: Observation = { hour: 0, temperatureC: 39.5, cnsInvolvement: s.cns, hemorrhage: s.hemorrhage, shock: s.shock, vasoactiveCount: s.shock ? 1 : 0 };
  const lab: LabPanel = { hour: 0, ferritin: s.ferritin };
  if (s.platelets !== undefined) lab.platelets = s.platelets;
  const echo = s.lvef !== undefined || s.coronaryZ !== undefined ? [{ hour: 0, ...(s.lvef !== undefined ? { lvefPercent: s.lvef } : {}), ...(s.coronaryZ !== undefined ? { coronaryZMax: s.coronaryZ } : {}) }] : undefined;
  const c = makeCase({ id, background: { sjia: s.sjia }, observations: [obs], labs: [lab], investigations: echo ? { echo } : {} });
  c.patient = { ageYears: s.ageYears, sex: 'female', ...(s.weightKg !== undefined ? { weightKg: s.weightKg } : {}), ...(s.heightCm !== undefined ? { heightCm: s.heightCm } : {}) };
  if (s.withTruth) {
    c.truth = {
      kind: s.kind, subtype: SUBTYPE[s.kind](s), masPresent: s.kind === 'sepsis' || s.kind === 'sjia-flare' ? false : s.kind === 'mas' ? true : s.masPresent,
      trigger: s.kind === 'sepsis' ? 'bacterial' : s.kind === 'misc' ? 'SARS-CoV-2' : s.trigger, severity: s.severity, cnsInvolvement: s.cns, hemorrhage: s.hemorrhage,
    };
  } else {
    c.encounter = { suspectedInfection: s.trigger === 'bacterial' };
  }
  return c;
}

export const caseShape: fc.Arbitrary<CaseShape> = fc.record({
  kind: fc.constantFrom<GroundTruth['kind']>('mas', 'sjia-flare', 'sepsis', 'misc'),
  masPresent: fc.boolean(),
  trigger: fc.constantFrom<NonNullable<GroundTruth['trigger']>>('active-sjia', 'EBV', 'CMV', 'adenovirus', 'bacterial', 'none'),
  severity: fc.constantFrom<NonNullable<GroundTruth['severity']>>('moderate', 'severe', 'critical'),
  cns: fc.boolean(),
  hemorrhage: fc.boolean(),
  sjia: fc.constantFrom<Case['background']['sjia']>('known', 'suspected', 'none'),
  shock: fc.boolean(),
  ageYears: fc.oneof(fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 3, max: 18, noNaN: true })),
  weightKg: fc.option(fc.double({ min: 3, max: 90, noNaN: true }), { nil: undefined, freq: 6 }),
  heightCm: fc.option(fc.double({ min: 50, max: 185, noNaN: true }), { nil: undefined, freq: 6 }),
  platelets: fc.option(fc.integer({ min: 10, max: 600 }), { nil: undefined, freq: 5 }),
  ferritin: fc.integer({ min: 100, max: 60000 }),
  lvef: fc.option(fc.integer({ min: 20, max: 70 }), { nil: undefined, freq: 3 }),
  coronaryZ: fc.option(fc.double({ min: -1, max: 15, noNaN: true }), { nil: undefined, freq: 3 }),
  withTruth: fc.constant(true),
});

export const caseShapeMaybeNoTruth: fc.Arbitrary<CaseShape> = fc.tuple(caseShape, fc.boolean()).map(([s, t]) => ({ ...s, withTruth: t }));
export const stageArb = fc.constantFrom<'presentation' | 'refractory'>('presentation', 'refractory');
