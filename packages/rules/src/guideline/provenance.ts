import type { CitationKey } from '../citations/citations.js';
import type { StatementId } from './statements.js';

/** What a rule, dose or indication rests on: guideline statement IDs and/or citation keys. */
export interface Basis {
  readonly statementIds: readonly StatementId[];
  readonly citations: readonly CitationKey[];
}

/**
 * A design choice made where the sources are silent (not a clinical fact). Every one is listed by
 * DESIGN_CHOICES so the report and the inventory can show it.
 */
export interface DesignChoice {
  readonly id: string;
  readonly choice: string;
  readonly why: string;
}

export const DESIGN_CHOICES: readonly DesignChoice[] = [
  {
    id: 'rounding-allowance',
    choice:
      'A dose passes when it lies within the published range widened by 5% on either side; a published maximum (GC-1 1 g per infusion, aspirin 81 mg/day, MIS-C IVIG 100 g) is not widened.',
    why: 'Prescriptions are rounded to vial and tablet sizes; a single-value dose (IVIG 2 g/kg, dexamethasone 10 mg/m²/day) would otherwise fail on rounding alone. A grading allowance, not a clinical threshold.',
  },
  {
    id: 'immediately',
    choice:
      '"Immediately upon diagnosis" (HEAD-1) and "alongside immunosuppression" (INF-1) mean at the decision hour itself: a later start hour is late.',
    why: 'The guideline gives no number of hours; any delay after the decision is a delay.',
  },
  {
    id: 'unit-slip',
    choice:
      "A dose 1000× the top of the range, that would be in range if its mg and g were swapped — judged against the published range as well as this patient's range under a maximum — is a mg-vs-g slip and is harmful (capped). A dose more than 10,000× off the range is rejected as input, not graded.",
    why: 'Separates the classic unit slip from a typo the grader can only guess at.',
  },
  {
    id: 'severity-fallback',
    choice:
      'On the chart (every expectation, and a case without ground truth), a case is severe when it shows shock, vasoactive support, invasive ventilation, a GCS ≤10, CNS involvement or hemorrhage.',
    why: 'The guideline says "severe cases" (HEAD-1, CSA-1) without defining them; these features are the ones the guideline and criteria treat as grave (CC-2, GC-2, MS score, Phoenix). The hidden severity label drives only the course.',
  },
  {
    id: 'icu-features',
    choice:
      'CC-2 applies when the chart shows shock (documented, vasoactives, or Phoenix septic shock at the decision hour), invasive ventilation or a GCS ≤10 (Phoenix neurological dysfunction).',
    why: 'CC-2 names shock and severe organ dysfunction without thresholds; Phoenix supplies sourced organ-dysfunction cut-offs; grade ≥3 neurotoxicity has no mapping in the case schema.',
  },
  {
    id: 'cardiac-dysfunction',
    choice:
      'For IVIG splitting in MIS-C, cardiac dysfunction means an echo LVEF <55% (the CDC 2023 cardiac criterion) or shock/vasoactive support (fluid concerns).',
    why: 'ACR says "cardiac dysfunction" without a number; the CDC definition supplies the only sourced cut-off.',
  },
  {
    id: 'mp-max-in-misc',
    choice: 'The 1 g per infusion maximum of GC-1 is also applied to methylprednisolone pulses in MIS-C.',
    why: "ACR/NIH give the MIS-C pulse range but no maximum; the guideline's maximum is the only sourced one.",
  },
  {
    id: 'aspirin-platelets-any-kind',
    choice:
      'Aspirin at platelets ≤80×10⁹/L or with hemorrhage is flagged harmful in every kind of case, not only MIS-C.',
    why: 'The ACR MIS-C guidance is the only source that sets the threshold; the bleeding risk it guards against does not depend on the diagnosis.',
  },
  {
    id: 'viral-trigger-antimicrobial',
    choice: 'For a viral trigger, an antiviral or empirical antibiotics both satisfy INF-1.',
    why: 'INF-1 says "appropriate antimicrobial therapy" without naming agents; no specific antiviral for EBV or adenovirus is sourced.',
  },
  {
    id: 'misc-overt-mas',
    choice:
      'In MIS-C (a MIS-C definition met on the chart; for the course, ground truth MIS-C with MAS), MAS counts from the decision hour at which the laboratory part of the 2016 criteria (ferritin >684 ng/mL and 2 of platelets ≤181, AST >48, triglycerides >156, fibrinogen ≤360) is met on the labs from presentation to that hour; before that the case is treated as MIS-C.',
    why: 'MISC-1 changes treatment "when overt MAS develops" without defining overt; Buda 2022 identified MAS in MIS-C with these criteria, applied outside sJIA.',
  },
  {
    id: 'teachable-drill',
    choice:
      "A random drill takes the seed's first generated patient, from index 0 on (at most 25), that the expert — answering from the chart alone — plays to 100. Cohorts, exams and sweeps are not filtered.",
    why: 'About 1% of generated MAS patients keep a chart that meets no MAS criteria set until they die untreated (the truth drives the course, the chart never shows it): no one could treat them, so as drills they would mark a right answer wrong (issue 9, a fair examiner).',
  },
  {
    id: 'chart-diagnosis',
    choice:
      'Expectations read the working diagnosis from the chart at the decision hour, in this order: a MIS-C definition met (CDC 2023 or WHO 2020) → MIS-C; a MAS/HLH criteria set met in the population it applies to (HLH-2004 and the HScore; EULAR/ACR/PRINTO 2016 and the MS score in sJIA), or a known HLH genetic diagnosis → MAS (on top of sepsis when Phoenix sepsis is met); Phoenix sepsis met → sepsis; sJIA → a flare; infection suspected (the encounter, a positive culture or viral test, a febrile neonate) → sepsis; otherwise undetermined.',
    why: 'The trainee decides on the chart, not on the hidden label (issue 9). The guideline names the mimics (DX-3) and the definitions decide each one; MIS-C comes first because MAS complicating it is judged inside MIS-C (MISC-1), and MAS before sepsis because both are treated when both are met (INF-1).',
  },
  {
    id: 'infection-not-excluded',
    choice:
      'In sJIA without MAS criteria met, when infection is suspected on the chart (the encounter, a positive culture or viral test) the chart cannot tell a flare from early sepsis: empirical antibiotics are critical, without the SSC hour deadline unless Phoenix sepsis is met, beside the serial MAS labs.',
    why: 'A flare and early sepsis overlap (DX-3) and a negative culture at presentation does not exclude infection; immunosuppressing a possibly septic child is the harm the guideline warns of (INF-3, PIT-3). The SSC deadlines are for sepsis with organ dysfunction, so none is set before Phoenix is met.',
  },
  {
    id: 'diagnosis-key-chart',
    choice:
      'The diagnosis question keys what the chart supports at the decision hour: every diagnosis the chart cannot tell apart earns full credit (a flare or sepsis while infection is not excluded); a chart with MAS criteria met keys MAS, with sepsis beside it half credit when Phoenix sepsis is met too; a chart on which nothing decides accepts every answer. The debrief still reveals the truth.',
    why: 'A fair examiner marks what the findings at that hour support (DX-3), not the label the course later reveals.',
  },
  {
    id: 'steroid-inadequate-stage',
    choice:
      'The "steroid-inadequate" stage is a reassessment at which MAS has not responded to a high-dose glucocorticoid given alone: cyclosporine A (or anakinra) becomes critical now.',
    why: 'HEAD-1 and CSA-1 add cyclosporine "for severe cases or inadequate initial response"; the second half needs a decision point of its own, distinct from refractoriness to the combination.',
  },
  {
    id: 'refractory-stage',
    choice:
      'The "refractory" stage means a reassessment at which MAS (or MIS-C) has not responded adequately to first-line therapy (glucocorticoids with cyclosporine or anakinra; IVIG with glucocorticoids in MIS-C).',
    why: 'The guideline speaks of "inadequate response" and "refractory" without a time; the quiz decides when that point is reached.',
  },
  {
    id: 'harmful-cap',
    choice: 'A harmful action scales the whole score into 0–40 (overall = raw × 0.4) and sets safety to zero.',
    why: 'Key-features practice caps a plan that could harm; scaling (rather than min(raw, 40)) keeps every other change in the plan visible in the score.',
  },
  {
    id: 'high-dose-anakinra',
    choice:
      'Anakinra counts as the second-line "high dose" of ANK-2 from 10 mg/kg/day (the top of ANK-1\'s 2–10 mg/kg/day) up to the 48 mg/kg/day reported, beside cyclosporine or tocilizumab; below that it is the first-line partner.',
    why: 'ANK-2 gives no number; the top of the guideline\'s own usual range is the lowest dose that is "higher" than it. Scorer and response model read it from the treatment-control table.',
  },
  {
    id: 'twice-maximum',
    choice:
      'A dose at least twice the published maximum of every rule that applies to the patient (per kg or m², per infusion, per day or per course), or a per-dose amount written where the rule is per day, is harmful (capped); between the maximum and twice it, a dose error.',
    why: 'Issue 9: an examiner fails a plan that doubles a published maximum; a smaller excess is an error to correct, not a danger by itself.',
  },
  {
    id: 'lp-unsafe',
    choice:
      'A lumbar puncture is harmful with platelets <50×10⁹/L (AABB), INR >1.3 or fibrinogen <100 mg/dL (the Phoenix coagulation-dysfunction thresholds stand in for "coagulopathy"), GCS ≤10 (Phoenix neurological dysfunction) or a GCS lower than the reading before it (falling).',
    why: 'The sources give an LP platelet threshold but no LP-specific INR, fibrinogen or GCS cut-off; Phoenix supplies sourced organ-dysfunction thresholds, and a falling GCS needs no number.',
  },
  {
    id: 'risky-extra',
    choice:
      'An action with no indication in this case that still carries risk (immunosuppression without MAS, chemotherapy-level escalation at presentation, a second IVIG in MIS-C, an overdose of an extra) costs half the safety component each (floored at zero), but does not cap.',
    why: 'Key-features practice does not penalize harmless extras; these are not harmless.',
  },
];
