import type { ActionId } from '../generated/plan.js';
import { orderKindOf } from './actions.js';
import type { MasRole } from './treatment-control.js';
import { lumbarPunctureHazards } from './procedure-safety.js';
import type { CaseFeatures } from './case-features.js';
import type { Basis } from './provenance.js';
import type { StatementId } from './statements.js';
import type { CitationKey } from '../citations/citations.js';

export type RequirementLevel = 'critical' | 'recommended';

/** One thing the guideline expects in this patient's plan: one of `satisfiers`, by a deadline or at an interval. */
export interface Requirement {
  readonly id: string;
  readonly label: string;
  readonly level: RequirementLevel;
  /** Actions that satisfy it; the first is the expert's choice, the rest are the alternatives the guideline allows. */
  readonly satisfiers: readonly ActionId[];
  /** Deadline: start at or before decisionHour + byHour. */
  readonly byHour?: number;
  /** Interval: everyHours at most this. */
  readonly maxEveryHours?: number;
  /** Serial monitoring: the plan must give an interval (the guideline sets no number). */
  readonly repeat?: boolean;
  readonly basisOf: Basis;
  readonly teachingPoint: string;
  readonly expertAction: string;
  readonly unverified?: string;
  /**
   * The MAS role (treatment-control table) an order must give to satisfy this requirement, e.g.
   * "second-line" (anakinra counts only at high dose, ANK-2): the scorer and the response model
   * read the same definition of adequate.
   */
  readonly controlRole?: MasRole;
}

/** Indications as data: when an action becomes critical or recommended, with the statement it rests on. */
export interface IndicationRule {
  readonly id: string;
  /** The condition, in words (shown in inventories and reports). */
  readonly when: string;
  readonly applies: (f: CaseFeatures) => boolean;
  readonly requirement: (f: CaseFeatures) => Requirement;
}

export type ExtraLevel = 'acceptable' | 'unnecessary' | 'harmful';

/** What an action that answers no requirement is, in this case: acceptable, unnecessary (harmless or risky) or harmful. */
export interface ExtraRule {
  readonly id: string;
  readonly actions: readonly ActionId[];
  readonly level: ExtraLevel;
  /** For "unnecessary": true when the extra still carries risk (costs safety). */
  readonly risky?: boolean;
  readonly when: string;
  readonly applies: (f: CaseFeatures) => boolean;
  readonly basisOf: Basis;
  readonly teachingPoint: string;
  readonly expertAction: string;
  readonly pitfallId?: string;
  /** What on this chart makes the rule apply, with the numbers (e.g. "platelets 45×10⁹/L …"). */
  readonly explain?: (f: CaseFeatures) => string;
}

const b = (statementIds: readonly StatementId[], citations: readonly CitationKey[]): Basis => ({
  statementIds,
  citations,
});

const mas = (f: CaseFeatures) => f.masPresent;
const miscAny = (f: CaseFeatures) => f.kind === 'misc';
const miscStandard = (f: CaseFeatures) => f.kind === 'misc' && !f.masPresent;
const sepsisAny = (f: CaseFeatures) => f.kind === 'sepsis';
const flare = (f: CaseFeatures) => f.kind === 'sjia-flare' && !f.masPresent;
/** The chart cannot tell an sJIA flare from early sepsis (design choice infection-not-excluded). */
const flareOrSepsis = (f: CaseFeatures) => flare(f) && f.supported?.includes('sepsis') === true;
const presentation = (f: CaseFeatures) => f.stage === 'presentation';
const refractory = (f: CaseFeatures) => f.stage === 'refractory';
const steroidInadequate = (f: CaseFeatures) => f.stage === 'steroid-inadequate';
const infected = (f: CaseFeatures) => f.infectionTrigger !== 'none';
/** ACR: aspirin is withheld with active bleeding or platelets ≤80×10⁹/L; unknown platelets cannot clear it. */
export const aspirinSafe = (f: CaseFeatures) => f.platelets !== undefined && f.platelets > 80 && !f.hemorrhage;
export const aspirinUnsafe = (f: CaseFeatures) => (f.platelets !== undefined && f.platelets <= 80) || f.hemorrhage;
const under2Months = (f: CaseFeatures) => f.ageYears < 2 / 12;
/** GC-1: pulses for 3–5 days, then moderate dosing (≈1–2 mg/kg/day, UpToDate, Halyabar): a finished pulse course is followed, not repeated. */
const pulseFinished = (f: CaseFeatures) =>
  f.history.completed.has('methylprednisolone-pulse') && !f.history.running.has('methylprednisolone-pulse');

const SECOND_LINE: readonly ActionId[] = [
  'emapalumab',
  'anakinra',
  'ivig',
  'tocilizumab',
  'ruxolitinib',
  'baricitinib',
  'etoposide',
];

export const INDICATIONS: readonly IndicationRule[] = [
  {
    id: 'mas-glucocorticoid',
    when: 'MAS (at presentation: critical, now; at a later reassessment: continue)',
    applies: mas,
    requirement: (f) => ({
      id: 'mas-glucocorticoid',
      label: f.cns
        ? 'Dexamethasone (CNS involvement)'
        : pulseFinished(f)
          ? 'Glucocorticoid after the pulse course: moderate dose (or a further pulse)'
          : 'High-dose IV methylprednisolone',
      level: presentation(f) ? 'critical' : 'recommended',
      satisfiers: f.cns
        ? ['dexamethasone']
        : pulseFinished(f)
          ? ['methylprednisolone-low-moderate', 'methylprednisolone-pulse', 'dexamethasone']
          : ['methylprednisolone-pulse', 'dexamethasone'],
      ...(presentation(f) ? { byHour: 0 } : {}),
      basisOf: b(
        [
          ...(f.cns ? (['GC-2', 'HEAD-1'] as const) : (['HEAD-1', 'GC-1'] as const)),
          'DX-2',
          'PIT-1',
          ...(miscAny(f) ? (['MISC-1', 'MISC-2'] as const) : []),
        ],
        ['guideline', ...(pulseFinished(f) ? (['uptodate-mas', 'halyabar-2019'] as const) : [])],
      ),
      teachingPoint: f.cns
        ? 'With CNS involvement the glucocorticoid should be dexamethasone: it crosses the blood-brain barrier better than methylprednisolone (GC-2). Start it as soon as MAS is recognized, without waiting for the full work-up (HEAD-1, DX-2).'
        : pulseFinished(f)
          ? 'Pulses run 3–5 days (GC-1); the course then continues at a moderate dose, about 1–2 mg/kg/day (UpToDate, Halyabar), tapered as MAS settles.'
          : 'High-dose glucocorticoid is the first-line treatment and starts as soon as MAS is recognized, without waiting for the full work-up (HEAD-1, DX-2, PIT-1).',
      expertAction: f.cns
        ? 'Start dexamethasone 10 mg/m²/day now.'
        : pulseFinished(f)
          ? 'Continue methylprednisolone at 1–2 mg/kg/day after the pulse course.'
          : 'Start IV methylprednisolone 30 mg/kg/day (at most 1 g per infusion) now, daily for 3–5 days.',
    }),
  },
  {
    id: 'mas-second-agent',
    when: 'MAS at presentation, severe (critical) or sJIA / MIS-C (recommended): cyclosporine or anakinra within 48 h; MAS not responding to a glucocorticoid alone: now (critical)',
    applies: (f) => mas(f) && ((presentation(f) && (f.severe || f.sjia || miscAny(f))) || steroidInadequate(f)),
    requirement: (f) => ({
      id: 'mas-second-agent',
      label: miscAny(f)
        ? 'Anakinra or cyclosporine with the glucocorticoid'
        : f.sjia
          ? 'Cyclosporine A (or anakinra, or tocilizumab in sJIA)'
          : 'Cyclosporine A (or anakinra)',
      level: f.severe || steroidInadequate(f) ? 'critical' : 'recommended',
      satisfiers: miscAny(f)
        ? ['anakinra', 'cyclosporine']
        : f.sjia
          ? ['cyclosporine', 'anakinra', 'tocilizumab']
          : ['cyclosporine', 'anakinra'],
      byHour: steroidInadequate(f) ? 0 : 48,
      basisOf: b(
        [
          'HEAD-1',
          'CSA-1',
          'ANK-1',
          'PIT-4',
          ...(f.sjia ? (['SJIA-1', 'SJIA-2', 'CSA-3'] as const) : []),
          ...(miscAny(f) ? (['MISC-2'] as const) : []),
        ],
        miscAny(f) ? ['guideline', 'acr-misc-2021', 'nih-misc'] : ['guideline'],
      ),
      teachingPoint: steroidInadequate(f)
        ? 'MAS has not responded to the glucocorticoid alone: an inadequate response is the signal to add cyclosporine A (or anakinra) now (HEAD-1, CSA-1, ANK-1).'
        : f.severe
          ? 'In severe MAS steroids alone are not enough: cyclosporine A is added within 24–48 hours, or anakinra as an alternative or addition; combination therapy from the start is often needed (HEAD-1, CSA-1, ANK-1, PIT-4).'
          : 'Cyclosporine (or anakinra) alongside the glucocorticoid works particularly well in sJIA-associated MAS and is the step if steroids alone fall short (CSA-1, SJIA-2).',
      expertAction: `${miscAny(f) ? 'Add anakinra (preferred with MAS features in MIS-C) or cyclosporine' : 'Add cyclosporine A 5 mg/kg/day in two doses (IV 3 mg/kg/day in critical care), or anakinra,'} ${steroidInadequate(f) ? 'now' : 'within 24–48 h'}.`,
    }),
  },
  {
    id: 'mas-refractory-second-line',
    when: 'MAS refractory to first-line therapy: escalate now',
    applies: (f) => mas(f) && refractory(f),
    requirement: (f) => ({
      id: 'mas-refractory-second-line',
      label: 'Second-line therapy for refractory MAS',
      level: 'critical',
      controlRole: 'second-line',
      satisfiers: f.sjia ? [...SECOND_LINE, 'etanercept'] : SECOND_LINE,
      byHour: 0,
      basisOf: b(
        ['CC-1', 'EMA-1', 'ANK-2', 'IVIG-1', 'TCZ-1', 'JAK-1', 'ETO-1', ...(f.sjia ? (['SJIA-3'] as const) : [])],
        ['guideline', 'de-benedetti-2023'],
      ),
      teachingPoint:
        'When the reassessment shows an inadequate response, escalate at once: emapalumab, high-dose anakinra (at least 10 mg/kg/day, the top of the usual 2–10, with the calcineurin inhibitor), IVIG on a high-dose glucocorticoid, tocilizumab, a JAK inhibitor or, in severe refractory disease, etoposide (EMA-1, ANK-2, IVIG-1, TCZ-1, JAK-1, ETO-1).',
      expertAction:
        'Add emapalumab 6 mg/kg IV (then 3 mg/kg every 3 days) with PJP prophylaxis and viral surveillance, or escalate anakinra to high dose.',
    }),
  },
  {
    id: 'mas-refractory-keep-combination',
    when: 'MAS refractory to first-line therapy: keep the calcineurin inhibitor or IL-1 blockade',
    applies: (f) => mas(f) && refractory(f),
    requirement: () => ({
      id: 'mas-refractory-keep-combination',
      label: 'Cyclosporine or anakinra in the combination',
      level: 'recommended',
      satisfiers: ['cyclosporine', 'anakinra'],
      basisOf: b(['CSA-1', 'PIT-4', 'PRO-2'], ['guideline']),
      teachingPoint:
        'Refractory MAS is treated with combinations on a glucocorticoid background; the second-line agent is added, not swapped in (PIT-4, PRO-2).',
      expertAction: 'Continue cyclosporine (or anakinra) with the glucocorticoid.',
    }),
  },
  {
    id: 'antimicrobials',
    when: 'an infection triggered MAS (INF-1: alongside immunosuppression), sepsis (SSC: within 1 h in septic shock, 3 h otherwise), or an sJIA flare the chart cannot tell from early sepsis (DX-3)',
    applies: (f) => infected(f) && (mas(f) || sepsisAny(f) || flareOrSepsis(f)),
    requirement: (f) => {
      const sepsisWindow = sepsisAny(f) ? (f.shock ? 1 : 3) : undefined;
      const byHour = mas(f) ? 0 : sepsisWindow;
      const uncertain = !mas(f) && flareOrSepsis(f);
      return {
        id: 'antimicrobials',
        label:
          f.infectionTrigger === 'viral'
            ? 'Antimicrobial therapy for the triggering infection'
            : 'Empirical antibiotics',
        level: 'critical',
        satisfiers:
          f.infectionTrigger === 'viral' ? ['antiviral-therapy', 'empirical-antibiotics'] : ['empirical-antibiotics'],
        ...(byHour !== undefined ? { byHour } : {}),
        basisOf: b(mas(f) ? ['INF-1'] : uncertain ? ['DX-3'] : [], [
          ...(mas(f) || uncertain ? (['guideline'] as const) : []),
          ...(sepsisAny(f) || uncertain ? (['ssc-peds-2020'] as const) : []),
          ...(f.febrileNeonate ? (['uptodate-febrile-neonate'] as const) : []),
        ]),
        teachingPoint: mas(f)
          ? 'When infection triggered MAS, immunosuppression without treating the infection lets it run: antimicrobials start alongside the first immunosuppressive dose (INF-1).'
          : uncertain
            ? 'An sJIA flare and early sepsis look alike (DX-3) and the chart cannot tell them apart yet: while infection is not excluded, cultures and empirical antibiotics go with the watch for MAS; stop them when cultures are negative.'
            : f.shock
              ? 'In septic shock antimicrobials are given as soon as possible, within 1 hour of recognition (Surviving Sepsis Campaign 2020).'
              : 'In sepsis with organ dysfunction but no shock, antimicrobials are given within 3 hours, after appropriate evaluation (Surviving Sepsis Campaign 2020).',
        expertAction:
          f.infectionTrigger === 'viral'
            ? 'Treat the triggering virus where an antiviral exists, with empirical antibiotics until bacterial infection is excluded, at the same time as the first immunosuppressive dose.'
            : `Take cultures and give empirical IV antibiotics${byHour === undefined ? '' : byHour === 0 ? ' now' : ` within ${byHour} h`}.`,
      };
    },
  },
  {
    id: 'icu',
    when: 'shock, vasoactive support, invasive ventilation or critical illness (CC-2)',
    applies: (f) => f.icuLevel,
    requirement: () => ({
      id: 'icu',
      label: 'ICU admission',
      level: 'critical',
      satisfiers: ['icu-admission'],
      byHour: 0,
      basisOf: b(['CC-2'], ['guideline']),
      teachingPoint: 'Shock or severe organ dysfunction belongs in intensive care (CC-2).',
      expertAction: 'Admit to the ICU now.',
    }),
  },
  {
    id: 'reassessment',
    when: 'every case: reassess at least every 12 hours (critical in MAS and MIS-C)',
    applies: () => true,
    requirement: (f) => ({
      id: 'reassessment',
      label: 'Reassessment at least every 12 h',
      level: mas(f) || miscAny(f) ? 'critical' : 'recommended',
      satisfiers: ['reassessment'],
      maxEveryHours: 12,
      basisOf: b(['CC-1'], ['guideline']),
      teachingPoint: 'Reassess at least every 12 hours: the decision to escalate depends on it (CC-1).',
      expertAction: 'Plan a clinical reassessment every 12 hours or more often.',
    }),
  },
  {
    id: 'mas-labs',
    when: 'MAS; sJIA flare or hyperferritinemic sepsis (watching for MAS)',
    applies: (f) => mas(f) || flare(f) || (sepsisAny(f) && f.ferritin !== undefined && f.ferritin > 500),
    requirement: (f) => ({
      id: 'mas-labs',
      label: 'Serial ferritin, CBC, coagulation and liver tests',
      level: 'recommended',
      satisfiers: ['monitor-mas-labs'],
      repeat: true,
      basisOf: b(mas(f) ? ['MON-1'] : ['MON-1', 'DX-3'], [
        'guideline',
        ...(sepsisAny(f) ? (['carcillo-2023'] as const) : []),
      ]),
      teachingPoint: mas(f)
        ? 'Trends in ferritin, platelets, fibrinogen and liver tests show whether MAS is responding (MON-1).'
        : 'MAS hides behind sepsis and disease flares (DX-3): serial ferritin, counts, fibrinogen and liver tests catch it turning.',
      expertAction: 'Repeat ferritin, CBC, coagulation (fibrinogen, D-dimer) and liver tests serially.',
    }),
  },
  {
    id: 'infection-watch',
    when: 'MAS treated with immunosuppression',
    applies: mas,
    requirement: (f) => ({
      id: 'infection-watch',
      label: 'Opportunistic-infection watch or PJP prophylaxis',
      level: 'recommended',
      satisfiers: under2Months(f)
        ? ['opportunistic-infection-surveillance']
        : ['opportunistic-infection-surveillance', 'pjp-prophylaxis'],
      basisOf: b(['INF-3', 'PIT-3'], ['guideline']),
      teachingPoint:
        'High-dose immunosuppression opens the door to opportunistic infection, Pneumocystis among them (INF-3, PIT-3).',
      expertAction:
        'Plan surveillance for opportunistic infection (and PJP prophylaxis when immunosuppression is prolonged or escalated).',
    }),
  },
  {
    id: 'multidisciplinary',
    when: 'MAS',
    applies: mas,
    requirement: () => ({
      id: 'multidisciplinary',
      label: 'Multidisciplinary team',
      level: 'recommended',
      satisfiers: ['multidisciplinary-consult'],
      basisOf: b(['PIT-1'], ['guideline']),
      teachingPoint:
        'MAS is worked up in parallel with treatment by a multidisciplinary team (rheumatology, hematology, infectious diseases, critical care) (PIT-1).',
      expertAction: 'Involve rheumatology, hematology, infectious diseases and critical care early.',
    }),
  },
  {
    id: 'mas-trigger-workup',
    when: 'MAS at presentation: look for an infectious trigger in parallel',
    applies: (f) => mas(f) && presentation(f),
    requirement: (f) => ({
      id: 'mas-trigger-workup',
      label: 'Search for an infectious trigger (cultures, viral PCR)',
      level: 'recommended',
      satisfiers: ['viral-pcr', 'blood-cultures'],
      basisOf: b(['DX-3', 'PIT-1', ...(f.sjia ? (['INF-2'] as const) : [])], ['guideline']),
      teachingPoint: f.sjia
        ? 'EBV and adenovirus often trigger MAS in sJIA (INF-2), and sepsis looks like MAS (DX-3): look for the trigger while treating.'
        : 'Sepsis and MAS overlap (DX-3): look for an infectious trigger while treating (PIT-1).',
      expertAction: 'Send blood cultures and viral PCR (EBV, CMV, adenovirus) now.',
    }),
  },
  {
    id: 'misc-ivig',
    when: 'MIS-C without MAS, at presentation',
    applies: (f) => miscStandard(f) && presentation(f),
    requirement: (f) => ({
      id: 'misc-ivig',
      label: f.cardiacDysfunction ? 'IVIG 1 g/kg/day × 2 days (cardiac dysfunction)' : 'IVIG 2 g/kg',
      level: 'critical',
      satisfiers: ['ivig'],
      basisOf: b([], ['acr-misc-2021', 'nih-misc']),
      teachingPoint: f.cardiacDysfunction
        ? 'IVIG is first-tier MIS-C therapy; with cardiac dysfunction it is split into 1 g/kg on each of 2 days because it is a volume load (ACR).'
        : 'IVIG 2 g/kg is first-tier MIS-C therapy (ACR, NIH).',
      expertAction: f.cardiacDysfunction
        ? 'Give IVIG 1 g/kg/day on 2 days (at most 100 g in total).'
        : 'Give IVIG 2 g/kg (at most 100 g).',
    }),
  },
  {
    id: 'misc-glucocorticoid',
    when: 'MIS-C without MAS, at presentation',
    applies: (f) => miscStandard(f) && presentation(f),
    requirement: () => ({
      id: 'misc-glucocorticoid',
      label: 'Low-to-moderate methylprednisolone with IVIG',
      level: 'critical',
      satisfiers: ['methylprednisolone-low-moderate'],
      basisOf: b([], ['acr-misc-2021', 'nih-misc']),
      teachingPoint:
        'MIS-C is treated with IVIG plus low-to-moderate glucocorticoids (1–2 mg/kg/day); NIH advises against IVIG alone unless steroids are contraindicated.',
      expertAction: 'Give methylprednisolone 1–2 mg/kg/day with the IVIG.',
    }),
  },
  {
    id: 'misc-escalation',
    when: 'MIS-C without MAS that has not improved (refractory)',
    applies: (f) => miscStandard(f) && refractory(f),
    requirement: () => ({
      id: 'misc-escalation',
      label: 'Escalation for refractory MIS-C',
      level: 'critical',
      satisfiers: ['anakinra', 'methylprednisolone-pulse', 'infliximab'],
      byHour: 0,
      basisOf: b([], ['nih-misc', 'acr-misc-2021']),
      teachingPoint:
        'MIS-C that has not improved on IVIG and glucocorticoids is escalated: high-dose anakinra, pulse methylprednisolone or infliximab (NIH, ACR). A second IVIG dose is not recommended.',
      expertAction:
        'Add anakinra 5–10 mg/kg/day (or pulse methylprednisolone 10–30 mg/kg/day, or infliximab 5–10 mg/kg once).',
    }),
  },
  {
    id: 'misc-aspirin',
    when: 'MIS-C with platelets known >80×10⁹/L and no bleeding (critical with coronary z ≥2.5)',
    applies: (f) =>
      miscAny(f) && aspirinSafe(f) && (miscStandard(f) || (f.coronaryZMax !== undefined && f.coronaryZMax >= 2.5)),
    requirement: (f) => ({
      id: 'misc-aspirin',
      label: 'Low-dose aspirin',
      level: f.coronaryZMax !== undefined && f.coronaryZMax >= 2.5 ? 'critical' : 'recommended',
      satisfiers: ['aspirin'],
      basisOf: b([], ['acr-misc-2021']),
      teachingPoint:
        'Low-dose aspirin (3–5 mg/kg/day, at most 81 mg) is given in MIS-C, and is required with coronary dilatation (z ≥2.5), unless there is bleeding or platelets are ≤80×10⁹/L (ACR).',
      expertAction: 'Give aspirin 3–5 mg/kg/day (at most 81 mg/day).',
    }),
  },
  {
    id: 'misc-anticoagulation',
    when: 'MIS-C with LVEF <35% or coronary z ≥10',
    applies: (f) =>
      miscAny(f) &&
      ((f.lvefMin !== undefined && f.lvefMin < 35) || (f.coronaryZMax !== undefined && f.coronaryZMax >= 10)),
    requirement: () => ({
      id: 'misc-anticoagulation',
      label: 'Therapeutic enoxaparin',
      level: 'critical',
      satisfiers: ['enoxaparin-therapeutic'],
      basisOf: b([], ['acr-misc-2021']),
      teachingPoint:
        'An ejection fraction below 35%, a giant coronary aneurysm (z ≥10) or a documented thrombosis calls for therapeutic anticoagulation (enoxaparin to anti-Xa 0.5–1.0) (ACR).',
      expertAction: 'Start therapeutic enoxaparin (anti-Xa 0.5–1.0).',
    }),
  },
  {
    id: 'misc-echo',
    when: 'MIS-C at presentation',
    applies: (f) => miscAny(f) && presentation(f),
    requirement: () => ({
      id: 'misc-echo',
      label: 'Echocardiogram',
      level: 'recommended',
      satisfiers: ['echocardiogram'],
      basisOf: b([], ['acr-misc-2021']),
      teachingPoint:
        'Cardiac function and fluid status are assessed before IVIG, and the coronaries decide antithrombotic therapy (ACR).',
      expertAction: 'Get an echocardiogram (function, coronary z-scores).',
    }),
  },
  {
    id: 'cardiac-markers',
    when: 'MIS-C',
    applies: miscAny,
    requirement: () => ({
      id: 'cardiac-markers',
      label: 'Serial inflammation markers, BNP/NT-proBNP and troponin',
      level: 'recommended',
      satisfiers: ['monitor-cardiac-markers'],
      repeat: true,
      basisOf: b(['MON-2'], ['guideline']),
      teachingPoint:
        'Sequential inflammation markers, BNP/NT-proBNP and troponin follow the heart and the inflammation (MON-2).',
      expertAction: 'Repeat CRP, BNP/NT-proBNP and troponin serially.',
    }),
  },
  {
    id: 'ekg',
    when: 'MIS-C in hospital',
    applies: miscAny,
    requirement: () => ({
      id: 'ekg',
      label: 'EKG at least every 48 h',
      level: 'recommended',
      satisfiers: ['ekg'],
      maxEveryHours: 48,
      basisOf: b(['MON-3'], ['guideline']),
      teachingPoint:
        'Conduction abnormalities appear during the illness: an EKG at least every 48 hours in hospital (MON-3).',
      expertAction: 'Record an EKG now and at least every 48 hours.',
    }),
  },
  {
    id: 'sepsis-fluids',
    when: 'septic shock at presentation',
    applies: (f) => sepsisAny(f) && f.shock && presentation(f),
    requirement: () => ({
      id: 'sepsis-fluids',
      label: 'Fluid resuscitation in boluses',
      level: 'recommended',
      satisfiers: ['fluid-bolus'],
      basisOf: b([], ['ssc-peds-2020']),
      teachingPoint:
        "Septic shock is resuscitated with fluid boluses, titrated to perfusion and stopped at signs of overload (Surviving Sepsis Campaign 2020, as the CHOP and Children's Mercy pathways give it).",
      expertAction: 'Give crystalloid boluses, reassessing after each.',
      unverified:
        'The SSC wording — 10–20 mL/kg boluses up to 40–60 mL/kg over the first hour — is unverified in clinical-reference.md: neither the volumes nor the first-hour deadline is scored.',
    }),
  },
];

const IMMUNOSUPPRESSANTS: readonly ActionId[] = [
  'methylprednisolone-pulse',
  'methylprednisolone-low-moderate',
  'dexamethasone',
  'cyclosporine',
  'anakinra',
  'tocilizumab',
  'emapalumab',
  'ruxolitinib',
  'baricitinib',
  'etoposide',
  'etanercept',
  'infliximab',
];
const HARMLESS_WORKUP: readonly ActionId[] = [
  'bone-marrow-exam',
  'scd25',
  'nk-cell-activity',
  'blood-cultures',
  'viral-pcr',
  'echocardiogram',
  'lumbar-puncture',
  'brain-mri',
  'monitor-mas-labs',
  'monitor-cardiac-markers',
  'ekg',
  'opportunistic-infection-surveillance',
  'multidisciplinary-consult',
  'reassessment',
  'icu-admission',
];

/** Extras, first match wins; harmful rules come first. */
export const EXTRA_RULES: readonly ExtraRule[] = [
  {
    id: 'lumbar-puncture-unsafe',
    actions: ['lumbar-puncture'],
    level: 'harmful',
    when: 'platelets <50×10⁹/L, coagulopathy (INR >1.3 or fibrinogen <100 mg/dL) or a GCS ≤10 or falling',
    applies: (f) => lumbarPunctureHazards(f).length > 0,
    explain: (f) =>
      lumbarPunctureHazards(f)
        .map((h) => h.reason)
        .join('; '),
    basisOf: b(['PIT-1'], ['kaufman-2015-aabb', 'schlapbach-2024-phoenix']),
    teachingPoint:
      'A lumbar puncture can wait; a spinal haematoma or herniation cannot be undone. With platelets below 50×10⁹/L (AABB), a coagulopathy or a depressed or falling level of consciousness it is deferred, and treatment does not wait for it (PIT-1).',
    expertAction: 'Defer the lumbar puncture until platelets, coagulation and consciousness allow it; treat meanwhile.',
  },
  {
    id: 'infliximab-with-mas',
    actions: ['infliximab'],
    level: 'harmful',
    when: 'MIS-C with MAS features',
    applies: (f) => miscAny(f) && f.masPresent,
    basisOf: b(['MISC-1', 'MISC-2'], ['nih-misc', 'acr-misc-2021']),
    teachingPoint:
      'Infliximab should not be used in MIS-C with MAS features (NIH, ACR); MAS calls for MAS-specific therapy (MISC-2).',
    expertAction: 'Use anakinra with high-dose glucocorticoid instead.',
  },
  {
    id: 'aspirin-bleeding-risk',
    actions: ['aspirin'],
    level: 'harmful',
    when: 'platelets ≤80×10⁹/L or bleeding',
    applies: aspirinUnsafe,
    basisOf: b([], ['acr-misc-2021']),
    teachingPoint:
      'Aspirin is withheld with active bleeding, a significant bleeding risk or platelets ≤80×10⁹/L (ACR).',
    expertAction: 'Hold aspirin until platelets recover and bleeding has stopped.',
  },
  {
    id: 'tmp-smx-under-2-months',
    actions: ['pjp-prophylaxis'],
    level: 'harmful',
    when: 'age under 2 months',
    applies: under2Months,
    basisOf: b([], ['sickkids-tmp-smx']),
    teachingPoint: 'TMP-SMX is not given under 2 months of age (SickKids formulary).',
    expertAction: 'Use surveillance, and ask infectious diseases about an alternative.',
  },
  {
    id: 'escalation-agents-without-mas',
    actions: ['etoposide', 'emapalumab', 'ruxolitinib', 'baricitinib'],
    level: 'unnecessary',
    risky: true,
    when: 'no MAS in this case',
    applies: (f) => !f.masPresent,
    basisOf: b(['ETO-1', 'EMA-1', 'JAK-1', 'INF-3'], ['guideline']),
    teachingPoint:
      'Etoposide, emapalumab and JAK inhibitors are for refractory MAS (ETO-1, EMA-1, JAK-1); without MAS they add infection risk and no benefit (INF-3).',
    expertAction: 'Leave them out; treat the actual diagnosis.',
  },
  {
    id: 'immunosuppression-in-sepsis',
    actions: IMMUNOSUPPRESSANTS,
    level: 'unnecessary',
    risky: true,
    when: 'sepsis without MAS',
    applies: (f) => sepsisAny(f) && !f.masPresent,
    basisOf: b(['DX-3', 'INF-3', 'PIT-3'], ['guideline']),
    teachingPoint:
      'Nothing in this case points to MAS; treating sepsis as MAS (DX-3) adds immunosuppression and its infection risk (INF-3, PIT-3) to a child fighting an infection.',
    expertAction: 'Treat the sepsis; keep watching ferritin, counts and fibrinogen for MAS.',
    pitfallId: 'sepsis-mas-mislabel',
  },
  {
    id: 'etoposide-at-presentation',
    actions: ['etoposide'],
    level: 'unnecessary',
    risky: true,
    when: 'MAS not yet refractory to first-line combination therapy',
    applies: (f) => mas(f) && !refractory(f),
    basisOf: b(['ETO-1'], ['guideline', 'hlh-94-2011']),
    teachingPoint:
      'Etoposide is chemotherapy-level immunosuppression kept for severe refractory disease (ETO-1); it is not a first-line drug in MAS.',
    expertAction: 'Start with glucocorticoid plus cyclosporine or anakinra; escalate at reassessment if refractory.',
  },
  {
    id: 'second-ivig-misc',
    actions: ['ivig'],
    level: 'unnecessary',
    risky: true,
    when: 'MIS-C without MAS, refractory or already given IVIG',
    applies: (f) => miscStandard(f) && (refractory(f) || f.history.given.has('ivig')),
    basisOf: b([], ['acr-misc-2021']),
    teachingPoint: 'A second IVIG dose is not recommended in refractory MIS-C (ACR): it adds volume without benefit.',
    expertAction: 'Escalate with anakinra, pulse methylprednisolone or infliximab instead.',
  },
  {
    id: 'combination-in-severe-mas',
    actions: ['emapalumab', 'ruxolitinib', 'baricitinib', 'tocilizumab', 'ivig', 'anakinra', 'cyclosporine'],
    level: 'acceptable',
    when: 'severe MAS at presentation',
    applies: (f) => mas(f) && f.severe,
    basisOf: b(['PIT-4'], ['guideline']),
    teachingPoint:
      'In severe cases several agents on a background of high-dose glucocorticoids may be used from the start (PIT-4).',
    expertAction: 'Acceptable as part of initial combination therapy.',
  },
  {
    id: 'first-line-options-sjia',
    actions: ['anakinra', 'tocilizumab', 'cyclosporine', 'methylprednisolone-pulse', 'dexamethasone'],
    level: 'acceptable',
    when: 'sJIA (MAS or flare)',
    applies: (f) => f.sjia,
    basisOf: b(['SJIA-1'], ['guideline']),
    teachingPoint:
      "Glucocorticoids, cyclosporine, anakinra and tocilizumab are the first-line options in Still's disease (SJIA-1).",
    expertAction: 'Acceptable.',
  },
  {
    id: 'vasoactive-in-septic-shock',
    actions: ['vasoactive-infusion'],
    level: 'acceptable',
    when: 'shock (septic shock, or shock with MAS or MIS-C)',
    applies: (f) => f.shock,
    basisOf: b(['CC-2'], ['ssc-peds-2020']),
    teachingPoint:
      'A vasoactive infusion supports shock that persists after fluids (Surviving Sepsis Campaign 2020); the SSC drug choices are unverified in clinical-reference.md, so masdrill neither requires nor scores one.',
    expertAction:
      'Acceptable: start a vasoactive infusion for shock that persists after fluids, in intensive care (CC-2).',
  },
  {
    id: 'aspirin-misc',
    actions: ['aspirin'],
    level: 'acceptable',
    when: 'MIS-C',
    applies: miscAny,
    basisOf: b([], ['acr-misc-2021']),
    teachingPoint:
      'Low-dose aspirin is part of MIS-C care when platelets are above 80×10⁹/L and there is no bleeding (ACR): check the count first.',
    expertAction: 'Give it once platelets are known to be above 80×10⁹/L.',
  },
  {
    id: 'antibiotics-while-uncertain',
    actions: ['empirical-antibiotics', 'antiviral-therapy'],
    level: 'acceptable',
    when: 'any case',
    applies: () => true,
    basisOf: b(['DX-3'], ['guideline']),
    teachingPoint: 'Sepsis and MAS overlap (DX-3): empirical antibiotics while cultures are pending are reasonable.',
    expertAction: 'Acceptable; stop when cultures are negative.',
  },
  {
    id: 'work-up-and-monitoring',
    actions: HARMLESS_WORKUP,
    level: 'acceptable',
    when: 'any case',
    applies: () => true,
    basisOf: b(['PIT-1', 'DX-1'], ['guideline']),
    teachingPoint: 'Investigations and monitoring run in parallel with treatment (PIT-1).',
    expertAction: 'Acceptable, as long as treatment does not wait for them.',
  },
];

export interface ExtraClassification {
  readonly level: ExtraLevel;
  readonly risky: boolean;
  readonly rule?: ExtraRule;
}

/** How an action that answers no requirement counts in this case. Default: unnecessary and harmless. */
export function classifyExtra(action: ActionId, f: CaseFeatures): ExtraClassification {
  const rule = EXTRA_RULES.find((r) => r.actions.includes(action) && r.applies(f));
  if (!rule) return { level: 'unnecessary', risky: false };
  return { level: rule.level, risky: rule.level === 'unnecessary' && rule.risky === true, rule };
}

/** A requirement met by a one-off already done (cultures, echo, IVIG given): not asked again (PriorOrder). */
export function alreadyDone(r: Requirement, f: CaseFeatures): boolean {
  return r.satisfiers.some((a) => orderKindOf(a) === 'one-off' && f.history.completed.has(a));
}

/** The requirements that apply to this case at this stage, harmful satisfiers removed, one-offs already done left out. */
export function requirementsFor(f: CaseFeatures): Requirement[] {
  const out: Requirement[] = [];
  for (const rule of INDICATIONS) {
    if (!rule.applies(f)) continue;
    const r = rule.requirement(f);
    if (alreadyDone(r, f)) continue;
    const satisfiers = r.satisfiers.filter((a) => classifyExtra(a, f).level !== 'harmful');
    if (satisfiers.length) out.push({ ...r, satisfiers });
  }
  return out;
}
