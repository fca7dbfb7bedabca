import type { ActionId, Dose, Frequency, Route } from '../generated/plan.js';
import type { CaseFeatures } from './case-features.js';
import type { Basis } from './provenance.js';

export type ActionCategory =
  | 'glucocorticoid'
  | 'immunomodulator'
  | 'antithrombotic'
  | 'anti-infective'
  | 'supportive'
  | 'escalation'
  | 'monitoring'
  | 'diagnostic';

export type DoseBasis = 'per-kg' | 'per-m2' | 'absolute';
export type DoseScope = 'per-dose' | 'per-day' | 'per-course';

/** A condition on the case, with the words a report shows for it. */
export interface When {
  readonly label: string;
  readonly test: (f: CaseFeatures) => boolean;
}

/**
 * One published dose: a range in the unit the source prints, with maxima, frequencies, routes and
 * duration. Masses are in mg (g × 1000), volumes in mL. A planned dose passes an action when it
 * passes any of its applicable rules.
 */
export interface DoseRule {
  readonly id: string;
  readonly label: string;
  readonly when?: When;
  readonly basis: DoseBasis;
  readonly scope: DoseScope;
  readonly measure: 'mass' | 'volume';
  readonly min: number;
  readonly max: number;
  /** The unit of min/max as printed, e.g. "mg/kg/day". */
  readonly unitLabel: string;
  /** Shown amounts are divided by this (1000 for rules printed in g). */
  readonly unitDivisor?: number;
  readonly maxPerDoseMg?: number;
  readonly maxPerDayMg?: number;
  readonly maxPerCourseMg?: number;
  readonly frequencies?: readonly Frequency[];
  readonly routes?: readonly Route[];
  readonly durationDays?: { readonly min: number; readonly max: number };
  /** The dose the expert plan writes (before maxima are applied for this patient). */
  readonly expert: Dose;
  /** The expert plan uses this rule first when the condition holds (e.g. IV cyclosporine in critical care). */
  readonly preferredWhen?: When;
  readonly basisOf: Basis;
  readonly note?: string;
}

/** Something that must come with an action (prophylaxis, surveillance), when the case calls for it. */
export interface Companion {
  readonly id: string;
  readonly label: string;
  readonly satisfiers: readonly ActionId[];
  readonly when?: When;
  readonly basisOf: Basis;
  readonly teachingPoint: string;
  readonly expertAction: string;
  readonly pitfallId?: string;
}

export interface ActionDefinition {
  readonly id: ActionId;
  readonly name: string;
  readonly category: ActionCategory;
  readonly description: string;
  /** Usual routes; a planned route outside these is flagged when the action has dose rules with routes. */
  readonly routes?: readonly Route[];
  readonly doseRules: readonly DoseRule[];
  readonly companions?: readonly Companion[];
  /** Monitoring and reassessment: the plan states an interval (everyHours). */
  readonly repeated?: boolean;
  /** The dose units that make sense for this action (for input checks). */
  readonly units?: readonly Dose['unit'][];
  readonly basisOf: Basis;
  /** Teaching text resting on facts marked [U] in clinical-reference.md: shown, never scored. */
  readonly unverified?: string;
  /** Actions that suppress the immune system (INF-1, INF-3 and the sepsis rules read this). */
  readonly immunosuppressive?: boolean;
  /** What an overdose harms and what to monitor: added to the feedback on a harmful dose. */
  readonly toxicity?: { readonly teachingPoint: string; readonly basisOf: Basis };
}

/**
 * How an order lasts (issue 9, orders in force): continuing until stopped (drugs given daily, and
 * places of care: an ICU admission lasts until the child is stepped down, CC-1/CC-2); a course with
 * an end (methylprednisolone pulses 3–5 days, GC-1; then taper or maintenance); or a one-off, done
 * once (IVIG 2 g/kg, split over 2 days allowed; infliximab 5–10 mg/kg × 1, clinical-reference §3.1;
 * cultures, PCR, echo, marrow, …).
 */
export type OrderKind = 'continuing' | 'course' | 'one-off';

const ONE_OFF: ReadonlySet<ActionId> = new Set<ActionId>([
  'ivig',
  'infliximab',
  'bone-marrow-exam',
  'scd25',
  'nk-cell-activity',
  'blood-cultures',
  'viral-pcr',
  'echocardiogram',
  'lumbar-puncture',
  'brain-mri',
  'multidisciplinary-consult',
  'fluid-bolus',
]);
const COURSE: ReadonlySet<ActionId> = new Set<ActionId>(['methylprednisolone-pulse']);

/** How an order of this action lasts. */
export function orderKindOf(action: ActionId): OrderKind {
  return ONE_OFF.has(action) ? 'one-off' : COURSE.has(action) ? 'course' : 'continuing';
}

const DAILY: readonly Frequency[] = ['q4h', 'q6h', 'q8h', 'q12h', 'q24h'];
const MASS_UNITS: readonly Dose['unit'][] = [
  'mg/kg',
  'mg/kg/day',
  'g/kg',
  'g/kg/day',
  'mg/m2',
  'mg/m2/day',
  'mg',
  'mg/day',
  'g',
  'g/day',
];
const b = (statementIds: Basis['statementIds'], citations: Basis['citations']): Basis => ({ statementIds, citations });

const misc = (f: CaseFeatures) => f.kind === 'misc';
const miscWithoutMas = (f: CaseFeatures) => f.kind === 'misc' && !f.masPresent;
const under3 = (f: CaseFeatures) => f.ageYears < 3;

const PJP_COMPANION = (citations: Basis['citations'], why: string): Companion => ({
  id: 'pjp-prophylaxis',
  label: 'PJP prophylaxis',
  satisfiers: ['pjp-prophylaxis'],
  basisOf: b(['INF-3', 'PIT-3'], citations),
  teachingPoint: `${why} Pneumocystis is the opportunistic infection the guideline names (INF-3).`,
  expertAction:
    'Add TMP-SMX prophylaxis (TMP 150 mg/m²/day in two doses on 3 consecutive days a week, at most 320 mg TMP a day).',
  pitfallId: 'no-infection-watch',
});

const LIVER_UNDER_3: Companion = {
  id: 'liver-watch-under-3',
  label: 'liver tests under 3 years of age',
  satisfiers: ['monitor-mas-labs'],
  when: { label: 'age under 3 years', test: under3 },
  basisOf: b(['PIT-2', 'MON-1'], ['guideline']),
  teachingPoint:
    'In children under 3, interferon-targeted therapy can raise AST/ALT 2- to 25-fold within about a week (PIT-2).',
  expertAction: 'Order serial liver tests with the ferritin/CBC/coagulation panel.',
  pitfallId: 'no-liver-watch-under-3',
};

/** The action catalogue. The mapped type makes it complete: every ActionId of the plan schema has an entry. */
export const ACTIONS: { readonly [K in ActionId]: ActionDefinition } = {
  'methylprednisolone-pulse': {
    id: 'methylprednisolone-pulse',
    name: 'IV methylprednisolone pulse',
    category: 'glucocorticoid',
    immunosuppressive: true,
    description: 'High-dose IV methylprednisolone, once daily for 3–5 days.',
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b(['HEAD-1', 'GC-1', 'GC-3'], ['guideline', 'uptodate-mas']),
    doseRules: [
      {
        id: 'mp-pulse-mas',
        label: '15–30 mg/kg/day IV once daily, at most 1 g per infusion, for 3–5 days',
        when: { label: 'MAS, or any case other than MIS-C without MAS', test: (f) => !miscWithoutMas(f) },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 15,
        max: 30,
        unitLabel: 'mg/kg/day',
        maxPerDoseMg: 1000,
        frequencies: ['q24h'],
        routes: ['iv'],
        durationDays: { min: 3, max: 5 },
        expert: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
        basisOf: b(['GC-1', 'HEAD-1'], ['guideline', 'uptodate-mas']),
        note: 'Once daily: the maximum is per infusion (GC-1) and per day (UpToDate).',
      },
      {
        id: 'mp-pulse-misc',
        label: 'MIS-C refractory: 10–30 mg/kg/day IV for 1–3 days (at most 1 g per infusion)',
        when: { label: 'MIS-C without MAS', test: miscWithoutMas },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 10,
        max: 30,
        unitLabel: 'mg/kg/day',
        maxPerDoseMg: 1000,
        frequencies: ['q24h'],
        routes: ['iv'],
        durationDays: { min: 1, max: 3 },
        expert: { amount: 30, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
        basisOf: b(['GC-1'], ['acr-misc-2021', 'nih-misc']),
        note: 'Maximum from GC-1 applied by analogy (design choice mp-max-in-misc).',
      },
    ],
  },
  'methylprednisolone-low-moderate': {
    id: 'methylprednisolone-low-moderate',
    name: 'Methylprednisolone, low-to-moderate dose',
    category: 'glucocorticoid',
    immunosuppressive: true,
    description: 'Methylprednisolone 1–2 mg/kg/day: with IVIG in MIS-C, and after a pulse course in MAS.',
    routes: ['iv', 'po'],
    units: MASS_UNITS,
    basisOf: b([], ['acr-misc-2021', 'nih-misc', 'uptodate-mas', 'halyabar-2019']),
    doseRules: [
      {
        id: 'mp-low-moderate',
        label: '1–2 mg/kg/day IV',
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 1,
        max: 2,
        unitLabel: 'mg/kg/day',
        frequencies: DAILY,
        routes: ['iv', 'po'],
        expert: { amount: 2, unit: 'mg/kg/day', frequency: 'q12h', route: 'iv' },
        basisOf: b([], ['acr-misc-2021', 'nih-misc']),
      },
    ],
  },
  dexamethasone: {
    id: 'dexamethasone',
    name: 'Dexamethasone',
    category: 'glucocorticoid',
    immunosuppressive: true,
    description: 'Dexamethasone 10 mg/m²/day (HLH-94 induction dose); the glucocorticoid for CNS involvement.',
    routes: ['iv', 'po'],
    units: MASS_UNITS,
    basisOf: b(['GC-2'], ['guideline', 'hlh-94-2011']),
    unverified:
      'The HLH-94 taper (5 mg/m² weeks 3–4, 2.5 weeks 5–6, 1.25 week 7) is unverified in clinical-reference.md and is not scored.',
    doseRules: [
      {
        id: 'dex-hlh94',
        label: '10 mg/m²/day (HLH-94 induction)',
        basis: 'per-m2',
        scope: 'per-day',
        measure: 'mass',
        min: 10,
        max: 10,
        unitLabel: 'mg/m2/day',
        frequencies: DAILY,
        routes: ['iv', 'po'],
        expert: { amount: 10, unit: 'mg/m2/day', frequency: 'q12h', route: 'iv' },
        basisOf: b(['GC-2'], ['hlh-94-2011']),
      },
    ],
  },
  cyclosporine: {
    id: 'cyclosporine',
    name: 'Cyclosporine A',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Cyclosporine A by mouth or IV, in two doses a day.',
    routes: ['po', 'iv'],
    units: MASS_UNITS,
    basisOf: b(['HEAD-1', 'CSA-1', 'CSA-2', 'CSA-3', 'SJIA-2'], ['guideline', 'halyabar-2019']),
    toxicity: {
      teachingPoint:
        'Cyclosporine causes hypertension and nephrotoxicity: monitor its levels, the blood pressure and kidney function.',
      basisOf: b([], ['cyclosporine-toxicity']),
    },
    doseRules: [
      {
        id: 'csa-po',
        label: '3–7 mg/kg/day by mouth, every 12 h',
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 3,
        max: 7,
        unitLabel: 'mg/kg/day',
        frequencies: ['q12h'],
        routes: ['po'],
        expert: { amount: 5, unit: 'mg/kg/day', frequency: 'q12h', route: 'po' },
        basisOf: b(['CSA-2'], ['halyabar-2019']),
      },
      {
        id: 'csa-iv',
        label: '3–5 mg/kg/day IV, every 12 h',
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 3,
        max: 5,
        unitLabel: 'mg/kg/day',
        frequencies: ['q12h'],
        routes: ['iv'],
        expert: { amount: 3, unit: 'mg/kg/day', frequency: 'q12h', route: 'iv' },
        basisOf: b(['CSA-2'], ['halyabar-2019']),
        preferredWhen: { label: 'critical care (CSA-2)', test: (f) => f.icuLevel },
        note: 'IV especially in critical care (CSA-2); levels, kidney function and blood pressure need watching.',
      },
    ],
  },
  anakinra: {
    id: 'anakinra',
    name: 'Anakinra (IL-1 blockade)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Anakinra in divided doses, SC or IV; higher doses when refractory.',
    routes: ['sc', 'iv'],
    units: MASS_UNITS,
    basisOf: b(['ANK-1', 'ANK-2', 'SJIA-1'], ['guideline', 'halyabar-2019']),
    doseRules: [
      {
        id: 'anakinra-mas',
        label: '2–10 mg/kg/day SC (or IV) in divided doses',
        when: { label: 'not MIS-C without MAS', test: (f) => !miscWithoutMas(f) },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 2,
        max: 10,
        unitLabel: 'mg/kg/day',
        frequencies: ['q6h', 'q8h', 'q12h', 'q24h'],
        routes: ['sc', 'iv'],
        expert: { amount: 4, unit: 'mg/kg/day', frequency: 'q12h', route: 'sc' },
        basisOf: b(['ANK-1'], ['guideline', 'halyabar-2019']),
        note: 'Halyabar allows every 12–24 h at moderate doses, so a daily dose is not flagged.',
      },
      {
        id: 'anakinra-critical',
        label: 'Critical MAS: 2–4 mg/kg/dose every 6–24 h and higher, up to 48 mg/kg/day reported, IV preferred',
        when: {
          label:
            'critical illness on the chart (CC-2: shock, vasoactives, invasive ventilation, GCS ≤10), not MIS-C without MAS',
          test: (f) => f.icuLevel && !miscWithoutMas(f),
        },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 2,
        max: 48,
        unitLabel: 'mg/kg/day',
        frequencies: ['q4h', 'q6h', 'q8h', 'q12h', 'q24h', 'continuous'],
        routes: ['iv', 'sc'],
        expert: { amount: 4, unit: 'mg/kg/day', frequency: 'q12h', route: 'sc' },
        basisOf: b(['ANK-1'], ['halyabar-2019']),
        note: 'Halyabar: critical cases q6–24 h and "can go higher"; 1–48 mg/kg/day reported — a dose in that range is not harmful here.',
      },
      {
        id: 'anakinra-refractory',
        label: 'Refractory MAS: high dose, up to 48 mg/kg/day reported, IV preferred, divided or continuous',
        when: {
          label: 'refractory stage, not MIS-C without MAS',
          test: (f) => f.stage === 'refractory' && !miscWithoutMas(f),
        },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 2,
        max: 48,
        unitLabel: 'mg/kg/day',
        frequencies: ['q4h', 'q6h', 'q8h', 'q12h', 'continuous'],
        routes: ['iv', 'sc'],
        expert: { amount: 10, unit: 'mg/kg/day', frequency: 'q6h', route: 'iv' },
        basisOf: b(['ANK-2'], ['halyabar-2019']),
        preferredWhen: { label: 'refractory stage (ANK-2)', test: (f) => f.stage === 'refractory' },
      },
      {
        id: 'anakinra-misc',
        label: 'MIS-C: 5–10 mg/kg/day IV or SC',
        when: { label: 'MIS-C without MAS', test: miscWithoutMas },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 5,
        max: 10,
        unitLabel: 'mg/kg/day',
        frequencies: ['q6h', 'q8h', 'q12h', 'q24h'],
        routes: ['iv', 'sc'],
        expert: { amount: 10, unit: 'mg/kg/day', frequency: 'q12h', route: 'iv' },
        basisOf: b([], ['nih-misc']),
      },
    ],
  },
  ivig: {
    id: 'ivig',
    name: 'Intravenous immunoglobulin',
    category: 'immunomodulator',
    description: 'IVIG 2 g/kg as one dose or as 1 g/kg/day on 2 days; in MIS-C by ideal body weight, at most 100 g.',
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b(['IVIG-1', 'IVIG-2'], ['guideline', 'uptodate-mas', 'acr-misc-2021']),
    unverified: 'MIS-C IVIG is dosed by ideal body weight; how to compute it is unverified, so actual weight is used.',
    doseRules: [
      {
        id: 'ivig-2gkg',
        label: '2 g/kg per course: once, or 1 g/kg/day on 2 days',
        when: { label: 'not MIS-C', test: (f) => !misc(f) },
        basis: 'per-kg',
        scope: 'per-course',
        measure: 'mass',
        min: 2000,
        max: 2000,
        unitLabel: 'g/kg per course',
        unitDivisor: 1000,
        frequencies: ['once', 'q24h'],
        routes: ['iv'],
        durationDays: { min: 1, max: 2 },
        expert: { amount: 2, unit: 'g/kg', frequency: 'once', route: 'iv' },
        basisOf: b(['IVIG-1'], ['uptodate-mas', 'acr-misc-2021']),
      },
      {
        id: 'ivig-misc-max',
        label: 'MIS-C: at most 100 g per course',
        when: { label: 'MIS-C without cardiac dysfunction', test: (f) => misc(f) && !f.cardiacDysfunction },
        basis: 'per-kg',
        scope: 'per-course',
        measure: 'mass',
        min: 2000,
        max: 2000,
        unitLabel: 'g/kg per course',
        unitDivisor: 1000,
        maxPerCourseMg: 100_000,
        frequencies: ['once', 'q24h'],
        routes: ['iv'],
        durationDays: { min: 1, max: 2 },
        expert: { amount: 2, unit: 'g/kg', frequency: 'once', route: 'iv' },
        basisOf: b([], ['acr-misc-2021', 'nih-misc']),
      },
      {
        id: 'ivig-misc-split',
        label: 'MIS-C with cardiac dysfunction: 1 g/kg/day on 2 days (at most 100 g per course)',
        when: {
          label: 'MIS-C with cardiac dysfunction (LVEF <55% or shock)',
          test: (f) => misc(f) && f.cardiacDysfunction,
        },
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 1000,
        max: 1000,
        unitLabel: 'g/kg/day',
        unitDivisor: 1000,
        maxPerCourseMg: 100_000,
        frequencies: ['q24h'],
        routes: ['iv'],
        durationDays: { min: 2, max: 2 },
        expert: { amount: 1, unit: 'g/kg/day', frequency: 'q24h', route: 'iv', durationDays: 2 },
        basisOf: b([], ['acr-misc-2021']),
        note: 'IVIG is a volume load: split it when the heart is struggling.',
      },
    ],
  },
  tocilizumab: {
    id: 'tocilizumab',
    name: 'Tocilizumab (IL-6 blockade)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Tocilizumab IV every 2 weeks, weight-banded (sJIA label).',
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b(['TCZ-1', 'SJIA-1'], ['guideline', 'tocilizumab-label']),
    doseRules: [
      {
        id: 'tcz-under-30',
        label: '<30 kg: 12 mg/kg IV every 2 weeks',
        when: { label: 'weight under 30 kg', test: (f) => f.weightKg !== undefined && f.weightKg < 30 },
        basis: 'per-kg',
        scope: 'per-dose',
        measure: 'mass',
        min: 12,
        max: 12,
        unitLabel: 'mg/kg',
        frequencies: ['q2w', 'once'],
        routes: ['iv'],
        expert: { amount: 12, unit: 'mg/kg', frequency: 'q2w', route: 'iv' },
        basisOf: b(['TCZ-1'], ['tocilizumab-label']),
      },
      {
        id: 'tcz-30-plus',
        label: '≥30 kg: 8 mg/kg IV every 2 weeks, at most 800 mg per infusion',
        when: { label: 'weight 30 kg or more', test: (f) => f.weightKg !== undefined && f.weightKg >= 30 },
        basis: 'per-kg',
        scope: 'per-dose',
        measure: 'mass',
        min: 8,
        max: 8,
        unitLabel: 'mg/kg',
        maxPerDoseMg: 800,
        frequencies: ['q2w', 'once'],
        routes: ['iv'],
        expert: { amount: 8, unit: 'mg/kg', frequency: 'q2w', route: 'iv' },
        basisOf: b(['TCZ-1'], ['tocilizumab-label']),
      },
    ],
  },
  emapalumab: {
    id: 'emapalumab',
    name: 'Emapalumab (anti-interferon-γ)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description:
      "Emapalumab IV: in Still's-MAS 6 mg/kg loading then 3 mg/kg every 3 days; primary-HLH label 1 mg/kg twice weekly, up to 10 mg/kg.",
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b(['EMA-1', 'EMA-2'], ['guideline', 'de-benedetti-2023', 'emapalumab-label']),
    companions: [
      PJP_COMPANION(['emapalumab-label'], 'The emapalumab label asks for PJP, herpes-zoster and fungal prophylaxis.'),
      {
        id: 'viral-surveillance',
        label: 'infection surveillance (TB, CMV, EBV, adenovirus)',
        satisfiers: ['opportunistic-infection-surveillance'],
        basisOf: b(['INF-3', 'PIT-3'], ['emapalumab-label', 'de-benedetti-2023']),
        teachingPoint:
          'Interferon-γ is a defence against viruses and TB: the label asks for TB screening and CMV/EBV/adenovirus monitoring; the MAS trial saw viral infections including CMV.',
        expertAction: 'Screen for TB and monitor CMV, EBV and adenovirus about every 2 weeks.',
        pitfallId: 'no-infection-watch',
      },
      LIVER_UNDER_3,
    ],
    doseRules: [
      {
        id: 'emapalumab',
        label:
          "1–10 mg/kg IV per dose (6 mg/kg loading then 3 mg/kg every 3 days in Still's-MAS; 1 mg/kg twice weekly per label)",
        basis: 'per-kg',
        scope: 'per-dose',
        measure: 'mass',
        min: 1,
        max: 10,
        unitLabel: 'mg/kg',
        frequencies: ['once', 'q3d', 'twice-weekly'],
        routes: ['iv'],
        expert: { amount: 6, unit: 'mg/kg', frequency: 'once', route: 'iv' },
        basisOf: b(['EMA-1'], ['de-benedetti-2023', 'emapalumab-label']),
      },
    ],
  },
  ruxolitinib: {
    id: 'ruxolitinib',
    name: 'Ruxolitinib (JAK inhibitor)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Ruxolitinib by mouth twice daily; sourced dose for 12 years and older only.',
    routes: ['po'],
    units: MASS_UNITS,
    basisOf: b(['JAK-1'], ['guideline', 'uptodate-mas', 'zhang-2022-ruxolitinib']),
    unverified: 'Weight-band dosing under 12 years is unverified: the dose is not checked below 12.',
    companions: [PJP_COMPANION(['uptodate-mas'], 'Ruxolitinib needs PJP and antifungal prophylaxis.')],
    doseRules: [
      {
        id: 'ruxo-kg',
        label: '≥12 y: 0.5 mg/kg per dose by mouth twice daily',
        when: { label: 'age 12 or older', test: (f) => f.ageYears >= 12 },
        basis: 'per-kg',
        scope: 'per-dose',
        measure: 'mass',
        min: 0.5,
        max: 0.5,
        unitLabel: 'mg/kg',
        frequencies: ['q12h'],
        routes: ['po'],
        expert: { amount: 0.5, unit: 'mg/kg', frequency: 'q12h', route: 'po' },
        basisOf: b(['JAK-1'], ['uptodate-mas']),
      },
      {
        id: 'ruxo-m2',
        label: '≥12 y: 25 mg/m² per dose by mouth twice daily',
        when: { label: 'age 12 or older', test: (f) => f.ageYears >= 12 },
        basis: 'per-m2',
        scope: 'per-dose',
        measure: 'mass',
        min: 25,
        max: 25,
        unitLabel: 'mg/m2',
        frequencies: ['q12h'],
        routes: ['po'],
        expert: { amount: 25, unit: 'mg/m2', frequency: 'q12h', route: 'po' },
        basisOf: b(['JAK-1'], ['uptodate-mas']),
      },
    ],
  },
  baricitinib: {
    id: 'baricitinib',
    name: 'Baricitinib (JAK inhibitor)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Baricitinib by mouth; no pediatric MAS dose in the sources, so the dose is not checked.',
    routes: ['po'],
    units: MASS_UNITS,
    basisOf: b(['JAK-1'], ['guideline']),
    doseRules: [],
  },
  etoposide: {
    id: 'etoposide',
    name: 'Etoposide',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Etoposide IV (HLH-94: 150 mg/m² twice weekly, then weekly; secondary HLH 50–100 mg/m² weekly).',
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b(['ETO-1', 'EMA-2'], ['guideline', 'hlh-94-2011']),
    companions: [
      PJP_COMPANION(
        ['uptodate-mas'],
        'Etoposide is chemotherapy-level immunosuppression: PJP and antifungal prophylaxis come with it.',
      ),
    ],
    doseRules: [
      {
        id: 'etoposide',
        label: '50–150 mg/m² IV per dose, weekly or twice weekly',
        basis: 'per-m2',
        scope: 'per-dose',
        measure: 'mass',
        min: 50,
        max: 150,
        unitLabel: 'mg/m2',
        frequencies: ['weekly', 'twice-weekly'],
        routes: ['iv'],
        expert: { amount: 150, unit: 'mg/m2', frequency: 'twice-weekly', route: 'iv' },
        basisOf: b(['ETO-1'], ['hlh-94-2011']),
        note: 'Myelosuppression and a cumulative-dose limit for secondary malignancy.',
      },
    ],
  },
  etanercept: {
    id: 'etanercept',
    name: 'Etanercept (TNF blockade)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Etanercept for steroid- and cyclosporine-resistant sJIA-MAS; no dose in the sources, not checked.',
    routes: ['sc'],
    units: MASS_UNITS,
    basisOf: b(['SJIA-3'], ['guideline']),
    doseRules: [],
  },
  infliximab: {
    id: 'infliximab',
    name: 'Infliximab (MIS-C)',
    category: 'immunomodulator',
    immunosuppressive: true,
    description: 'Infliximab 5–10 mg/kg IV once for refractory MIS-C; not with MAS features.',
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b([], ['nih-misc', 'acr-misc-2021']),
    doseRules: [
      {
        id: 'infliximab',
        label: '5–10 mg/kg IV once',
        basis: 'per-kg',
        scope: 'per-dose',
        measure: 'mass',
        min: 5,
        max: 10,
        unitLabel: 'mg/kg',
        frequencies: ['once'],
        routes: ['iv'],
        expert: { amount: 10, unit: 'mg/kg', frequency: 'once', route: 'iv' },
        basisOf: b([], ['nih-misc']),
      },
    ],
  },
  aspirin: {
    id: 'aspirin',
    name: 'Low-dose aspirin (MIS-C)',
    category: 'antithrombotic',
    description: 'Aspirin 3–5 mg/kg/day, at most 81 mg/day; withheld with bleeding or platelets ≤80×10⁹/L.',
    routes: ['po'],
    units: MASS_UNITS,
    basisOf: b([], ['acr-misc-2021']),
    doseRules: [
      {
        id: 'aspirin-misc',
        label: '3–5 mg/kg/day by mouth, at most 81 mg/day',
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 3,
        max: 5,
        unitLabel: 'mg/kg/day',
        maxPerDayMg: 81,
        frequencies: DAILY,
        routes: ['po'],
        expert: { amount: 3, unit: 'mg/kg/day', frequency: 'q24h', route: 'po' },
        basisOf: b([], ['acr-misc-2021']),
      },
    ],
  },
  'enoxaparin-therapeutic': {
    id: 'enoxaparin-therapeutic',
    name: 'Therapeutic enoxaparin',
    category: 'antithrombotic',
    description:
      'Therapeutic enoxaparin to an anti-Xa of 0.5–1.0 (MIS-C: coronary z ≥10, documented thrombosis, or LVEF <35%). Dosed to the anti-Xa level, so the starting dose is not checked.',
    routes: ['sc'],
    units: MASS_UNITS,
    basisOf: b([], ['acr-misc-2021']),
    doseRules: [],
  },
  'empirical-antibiotics': {
    id: 'empirical-antibiotics',
    name: 'Empirical broad-spectrum antibiotics',
    category: 'anti-infective',
    description: 'Empirical IV antibiotics after cultures; the agent is left to local policy and not checked.',
    routes: ['iv'],
    units: MASS_UNITS,
    basisOf: b(['INF-1'], ['guideline', 'ssc-peds-2020']),
    doseRules: [],
  },
  'antiviral-therapy': {
    id: 'antiviral-therapy',
    name: 'Antiviral therapy for the triggering virus',
    category: 'anti-infective',
    description: 'Antiviral treatment of a triggering virus where one exists; agent not checked.',
    units: MASS_UNITS,
    basisOf: b(['INF-1'], ['guideline']),
    doseRules: [],
  },
  'pjp-prophylaxis': {
    id: 'pjp-prophylaxis',
    name: 'PJP prophylaxis (TMP-SMX)',
    category: 'anti-infective',
    description:
      'TMP-SMX: TMP 150 mg/m²/day (≈5 mg/kg/day) in two doses on 3 consecutive days a week, at most 320 mg TMP/day; not under 2 months of age.',
    routes: ['po'],
    units: MASS_UNITS,
    basisOf: b(['INF-3', 'PIT-3'], ['guideline', 'sickkids-tmp-smx']),
    doseRules: [
      {
        id: 'tmp-smx-m2',
        label: 'TMP 150 mg/m²/day in two doses, 3 days a week (at most 320 mg TMP/day)',
        basis: 'per-m2',
        scope: 'per-day',
        measure: 'mass',
        min: 150,
        max: 150,
        unitLabel: 'mg/m2/day',
        maxPerDayMg: 320,
        frequencies: ['q12h-3-days-weekly', 'q12h'],
        routes: ['po'],
        expert: { amount: 150, unit: 'mg/m2/day', frequency: 'q12h-3-days-weekly', route: 'po' },
        basisOf: b(['INF-3'], ['sickkids-tmp-smx']),
      },
      {
        id: 'tmp-smx-kg',
        label: 'TMP ≈5 mg/kg/day in two doses, 3 days a week (at most 320 mg TMP/day)',
        basis: 'per-kg',
        scope: 'per-day',
        measure: 'mass',
        min: 5,
        max: 5,
        unitLabel: 'mg/kg/day',
        maxPerDayMg: 320,
        frequencies: ['q12h-3-days-weekly', 'q12h'],
        routes: ['po'],
        expert: { amount: 5, unit: 'mg/kg/day', frequency: 'q12h-3-days-weekly', route: 'po' },
        basisOf: b(['INF-3'], ['sickkids-tmp-smx']),
      },
    ],
  },
  'opportunistic-infection-surveillance': {
    id: 'opportunistic-infection-surveillance',
    name: 'Opportunistic-infection surveillance',
    category: 'monitoring',
    repeated: true,
    description:
      'A planned watch for opportunistic infection during immunosuppression (clinical review, viral PCR surveillance such as CMV/EBV/adenovirus, TB screening before anti-IFN-γ).',
    basisOf: b(['INF-3', 'PIT-3'], ['guideline']),
    doseRules: [],
  },
  'fluid-bolus': {
    id: 'fluid-bolus',
    name: 'Crystalloid fluid bolus',
    category: 'supportive',
    routes: ['iv'],
    units: ['mL/kg'],
    description: 'Fluid resuscitation in boluses, titrated to perfusion and stopped at signs of fluid overload.',
    basisOf: b([], ['ssc-peds-2020']),
    doseRules: [],
    unverified:
      'The volumes (10–20 mL/kg boluses, up to 40–60 mL/kg in the first hour) are unverified wording of SSC 2020: shown, not scored.',
  },
  'vasoactive-infusion': {
    id: 'vasoactive-infusion',
    name: 'Vasoactive infusion',
    category: 'supportive',
    routes: ['iv'],
    units: ['mcg/kg/min'],
    description: 'A vasoactive infusion for shock that persists after fluids.',
    basisOf: b([], ['ssc-peds-2020']),
    doseRules: [],
    unverified:
      'The choice of epinephrine or norepinephrine over dopamine is unverified in clinical-reference.md: shown, not scored.',
  },
  'icu-admission': {
    id: 'icu-admission',
    name: 'ICU admission',
    category: 'escalation',
    description: 'Admission to intensive care.',
    basisOf: b(['CC-2'], ['guideline']),
    doseRules: [],
  },
  'multidisciplinary-consult': {
    id: 'multidisciplinary-consult',
    name: 'Multidisciplinary team (rheumatology, hematology, infectious diseases, critical care)',
    category: 'escalation',
    description:
      'Early involvement of the specialists who manage MAS, working the diagnosis up in parallel with treatment.',
    basisOf: b(['PIT-1'], ['guideline']),
    doseRules: [],
  },
  reassessment: {
    id: 'reassessment',
    name: 'Scheduled clinical reassessment',
    category: 'escalation',
    repeated: true,
    description: "Planned reassessment to decide on escalation (also written as the plan's reassessEveryHours).",
    basisOf: b(['CC-1'], ['guideline']),
    doseRules: [],
  },
  'monitor-mas-labs': {
    id: 'monitor-mas-labs',
    name: 'Serial ferritin, CBC, coagulation and liver tests',
    category: 'monitoring',
    repeated: true,
    description: 'Serial ferritin, complete blood count, coagulation (fibrinogen, D-dimer) and liver function tests.',
    basisOf: b(['MON-1'], ['guideline']),
    doseRules: [],
  },
  'monitor-cardiac-markers': {
    id: 'monitor-cardiac-markers',
    name: 'Serial inflammation markers, BNP/NT-proBNP and troponin',
    category: 'monitoring',
    repeated: true,
    description: 'Sequential CRP/ESR, BNP or NT-proBNP and troponin T.',
    basisOf: b(['MON-2'], ['guideline']),
    doseRules: [],
  },
  ekg: {
    id: 'ekg',
    name: 'EKG',
    category: 'monitoring',
    repeated: true,
    description: 'EKG at least every 48 hours in hospital, looking for conduction abnormalities.',
    basisOf: b(['MON-3'], ['guideline']),
    doseRules: [],
  },
  'bone-marrow-exam': {
    id: 'bone-marrow-exam',
    name: 'Bone marrow aspirate',
    category: 'diagnostic',
    description:
      'Marrow aspirate for hemophagocytosis and to exclude malignancy; a negative marrow does not exclude MAS.',
    basisOf: b(['DX-1', 'DX-4'], ['guideline']),
    doseRules: [],
  },
  scd25: {
    id: 'scd25',
    name: 'Soluble CD25 (sIL-2Rα)',
    category: 'diagnostic',
    description: 'Soluble IL-2 receptor α (HLH-2004 item ≥2400 U/mL).',
    basisOf: b(['DX-1'], ['guideline', 'henter-2007-hlh2004']),
    doseRules: [],
  },
  'nk-cell-activity': {
    id: 'nk-cell-activity',
    name: 'NK-cell activity',
    category: 'diagnostic',
    description: 'NK-cell function (HLH-2004 item).',
    basisOf: b(['DX-1'], ['guideline', 'henter-2007-hlh2004']),
    doseRules: [],
  },
  'blood-cultures': {
    id: 'blood-cultures',
    name: 'Blood (and other) cultures',
    category: 'diagnostic',
    description: 'Cultures before antibiotics where possible.',
    basisOf: b(['DX-3', 'PIT-1'], ['guideline']),
    doseRules: [],
  },
  'viral-pcr': {
    id: 'viral-pcr',
    name: 'Viral PCR (EBV, CMV, adenovirus, SARS-CoV-2…)',
    category: 'diagnostic',
    description: 'Search for a viral trigger.',
    basisOf: b(['INF-2'], ['guideline']),
    doseRules: [],
  },
  echocardiogram: {
    id: 'echocardiogram',
    name: 'Echocardiogram',
    category: 'diagnostic',
    description: 'Ventricular function and coronary arteries (z-scores).',
    basisOf: b([], ['acr-misc-2021']),
    doseRules: [],
  },
  'lumbar-puncture': {
    id: 'lumbar-puncture',
    name: 'Lumbar puncture',
    category: 'diagnostic',
    description: 'CSF for pleocytosis/protein (supportive of HLH) and infection.',
    basisOf: b(['DX-1'], ['henter-2007-hlh2004']),
    doseRules: [],
  },
  'brain-mri': {
    id: 'brain-mri',
    name: 'Brain MRI',
    category: 'diagnostic',
    description: 'Imaging for CNS involvement.',
    basisOf: b(['GC-2'], ['guideline']),
    doseRules: [],
  },
};

export const ACTION_IDS = Object.keys(ACTIONS) as readonly ActionId[];

export function isActionId(id: string): id is ActionId {
  return Object.hasOwn(ACTIONS, id);
}
