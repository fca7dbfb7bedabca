import fc from 'fast-check';
import { expect } from 'vitest';
import {
  ACTION_IDS,
  UNIT_INFO,
  classifyExtra,
  expertDose,
  expertRule,
  planSchema,
  type Case,
  type CaseFeatures,
  type Dose,
  type ExpectedPlan,
  type FeedbackItem,
  type GroundTruth,
  type LabPanel,
  type Observation,
  type PlannedAction,
  type Requirement,
  type Stage,
} from '../../src/index.js';
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
  mas: (s) =>
    s.trigger === 'bacterial' || s.trigger === 'EBV' || s.trigger === 'CMV'
      ? 'infection-triggered-mas-previously-well'
      : 'known-sjia-mas',
  'sjia-flare': () => 'sjia-flare',
  sepsis: (s) => (s.shock ? 'septic-shock' : 'bacterial-sepsis'),
  misc: (s) => (s.masPresent ? 'misc-with-mas' : 'misc'),
};

/** A severe, known-sJIA MAS at presentation without shock or CNS involvement: the shape the scoring tests vary one field at a time. */
export const SEVERE_SJIA_MAS: CaseShape = {
  kind: 'mas',
  masPresent: true,
  trigger: 'active-sjia',
  severity: 'severe',
  cns: false,
  hemorrhage: false,
  sjia: 'known',
  shock: false,
  ageYears: 8,
  weightKg: 25,
  heightCm: 128,
  platelets: 120,
  ferritin: 12000,
  lvef: undefined,
  coronaryZ: undefined,
  withTruth: true,
};

/**
 * A hand-made case from a few features: truth (optional), and a chart that shows what the truth
 * says, since expectations read only the chart (design choice chart-diagnosis): MIS-C meets the
 * WHO 2020 definition (and the 2016 laboratory items once MAS is overt); MAS meets the 2016 criteria
 * in sJIA or HLH-2004 outside it; sepsis shows a positive culture; a flare happens in sJIA; a severe
 * or critical case is on invasive ventilation (severity-fallback).
 */
export function caseFrom(s: CaseShape, id = 'prop-case'): Case {
  const sjia: Case['background']['sjia'] =
    s.kind === 'sepsis' || s.kind === 'misc' ? 'none' : s.kind === 'sjia-flare' && s.sjia === 'none' ? 'known' : s.sjia;
  const mas = s.kind === 'mas' || (s.kind === 'misc' && s.masPresent);
  const obs: Observation = {
    hour: 0,
    temperatureC: 39.5,
    cnsInvolvement: s.cns,
    hemorrhage: s.hemorrhage,
    shock: s.shock,
    vasoactiveCount: s.shock ? 1 : 0,
    ...(s.severity !== 'moderate' ? { respiratorySupport: 'invasive' as const } : {}),
    ...(s.kind === 'misc' ? { feverDays: 3, rash: true, conjunctivitis: true, giSymptoms: true } : {}),
    ...(s.kind === 'mas' && sjia === 'none' ? { splenomegaly: true } : {}),
  };
  const lab: LabPanel = { hour: 0, ferritin: mas ? Math.max(s.ferritin, 1000) : s.ferritin };
  if (s.platelets !== undefined) lab.platelets = s.platelets;
  if (s.kind === 'misc') lab.crp = 180;
  // MAS on the chart: the 2016 items (in sJIA, and overt MAS in MIS-C), or HLH-2004 (cytopenias, fibrinogen) outside sJIA.
  if (mas && (sjia !== 'none' || s.kind === 'misc')) Object.assign(lab, { ast: 100, fibrinogen: 300 });
  else if (mas) Object.assign(lab, { hemoglobin: 8, anc: 0.5, fibrinogen: 140 });
  const echo =
    s.lvef !== undefined || s.coronaryZ !== undefined
      ? [
          {
            hour: 0,
            ...(s.lvef !== undefined ? { lvefPercent: s.lvef } : {}),
            ...(s.coronaryZ !== undefined ? { coronaryZMax: s.coronaryZ } : {}),
          },
        ]
      : undefined;
  // The chart shows the trigger the truth names: a positive culture, or a positive viral PCR.
  const trigger = s.kind === 'sepsis' ? 'bacterial' : s.kind === 'misc' ? 'SARS-CoV-2' : s.trigger;
  const cultures =
    s.withTruth && trigger === 'bacterial'
      ? [{ hour: 0, specimen: 'blood' as const, result: 'positive' as const }]
      : undefined;
  const viralTests =
    s.withTruth && (trigger === 'EBV' || trigger === 'CMV' || trigger === 'adenovirus')
      ? [{ hour: 0, virus: trigger, method: 'pcr' as const, result: 'positive' as const }]
      : undefined;
  const c = makeCase({
    id,
    background: {
      sjia,
      ...(s.kind === 'misc'
        ? { sarsCov2: { rnaOrAntigen: 'positive' as const, severeRespiratoryCovid19: false } }
        : {}),
    },
    observations: [obs],
    labs: [lab],
    investigations: {
      ...(echo ? { echo } : {}),
      ...(cultures ? { cultures } : {}),
      ...(viralTests ? { viralTests } : {}),
    },
  });
  if (s.kind === 'misc') c.encounter = { moreLikelyAlternativeDiagnosis: null };
  c.patient = {
    ageYears: s.ageYears,
    sex: 'female',
    ...(s.weightKg !== undefined ? { weightKg: s.weightKg } : {}),
    ...(s.heightCm !== undefined ? { heightCm: s.heightCm } : {}),
  };
  if (s.withTruth) {
    c.truth = {
      kind: s.kind,
      subtype: SUBTYPE[s.kind](s),
      masPresent: s.kind === 'sepsis' || s.kind === 'sjia-flare' ? false : s.kind === 'mas' ? true : s.masPresent,
      trigger,
      severity: s.severity,
      cnsInvolvement: s.cns,
      hemorrhage: s.hemorrhage,
    };
  } else {
    c.encounter = { ...c.encounter, suspectedInfection: s.trigger === 'bacterial' };
  }
  return c;
}

export const caseShape: fc.Arbitrary<CaseShape> = fc.record({
  kind: fc.constantFrom<GroundTruth['kind']>('mas', 'sjia-flare', 'sepsis', 'misc'),
  masPresent: fc.boolean(),
  trigger: fc.constantFrom<NonNullable<GroundTruth['trigger']>>(
    'active-sjia',
    'EBV',
    'CMV',
    'adenovirus',
    'bacterial',
    'none',
  ),
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

export const caseShapeMaybeNoTruth: fc.Arbitrary<CaseShape> = fc
  .tuple(caseShape, fc.boolean())
  .map(([s, t]) => ({ ...s, withTruth: t }));
/** Every plan stage the schema knows (read from it, so a new stage is covered without touching the tests). */
export const STAGES: readonly Stage[] = planSchema.definitions.Stage.enum;
export const stageArb: fc.Arbitrary<Stage> = fc.constantFrom(...STAGES);

/** The g unit a mg unit becomes when mg and g are swapped, and back (mg/m² has no g counterpart in the plan schema). */
const G_OF: Partial<Record<Dose['unit'], Dose['unit']>> = {
  'mg/kg': 'g/kg',
  'mg/kg/day': 'g/kg/day',
  mg: 'g',
  'mg/day': 'g/day',
};

/**
 * The dose written with the mg number under a g unit: 30 mg/kg/day → 30 g/kg/day, 1000 mg/day → 1000 g/day,
 * 2 g/kg (2000 mg/kg) → 2000 g/kg, 10 mg/m²/day (no g/m² unit) → its absolute mg/day as g/day. Undefined when a
 * per-m² dose cannot be made absolute (no BSA).
 */
export function mgForGSlip(dose: Dose, f: CaseFeatures): Dose | undefined {
  const g = G_OF[dose.unit];
  if (g) return { ...dose, unit: g };
  const info = UNIT_INFO[dose.unit];
  if (info.measure !== 'mass') return undefined;
  if (info.factor === 1000) return { ...dose, amount: dose.amount * 1000 };
  if (info.basis === 'per-m2' && f.bsaM2 !== undefined)
    return { ...dose, amount: dose.amount * f.bsaM2, unit: info.scope === 'per-dose' ? 'g' : 'g/day' };
  return undefined;
}

/**
 * Additions that are harmful in this case, never empty: each action an extra rule calls harmful here (infliximab in
 * MIS-C with MAS, aspirin at platelets ≤80×10⁹/L or bleeding, TMP-SMX under 2 months) with its expert dose; a
 * mg-for-g slip of each expert dose of the plan, in the unit the expert wrote it (mg/kg/day, mg/day under a maximum,
 * g/kg, mg/m²/day…); and a slipped methylprednisolone pulse, which has a dose rule in every case.
 */
export function harmfulAdditions(exp: ExpectedPlan): PlannedAction[] {
  const f = exp.features;
  const at = f.decisionHour;
  const out: PlannedAction[] = [];
  for (const action of ACTION_IDS) {
    if (classifyExtra(action, f).level !== 'harmful') continue;
    const rule = expertRule(action, f);
    out.push({ action, atHour: at, ...(rule ? { dose: expertDose(rule, f) } : {}) });
  }
  for (const a of exp.plan.actions) {
    const slip = a.dose ? mgForGSlip(a.dose, f) : undefined;
    if (slip) out.push({ ...a, dose: slip });
  }
  // The rule's own expert dose (per kg, checkable without a weight), slipped.
  const pulse = expertRule('methylprednisolone-pulse', f)?.expert;
  const pulseSlip = pulse ? mgForGSlip(pulse, f) : undefined;
  if (pulseSlip) out.push({ action: 'methylprednisolone-pulse', atHour: at, dose: pulseSlip });
  return out;
}

/** The omission cites the dropped requirement's own basis: all of it from the generic pass, at least its first reference from a pitfall. */
export function expectOwnBasis(item: FeedbackItem, r: Requirement): void {
  if (item.pitfallId === undefined) {
    expect(item.statementIds).toEqual([...r.basisOf.statementIds]);
    expect(item.citations).toEqual([...r.basisOf.citations]);
  } else {
    expect([...item.statementIds, ...item.citations]).toEqual(
      expect.arrayContaining([...r.basisOf.statementIds, ...r.basisOf.citations].slice(0, 1)),
    );
  }
}
