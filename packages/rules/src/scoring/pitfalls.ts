import type { ActionId } from '../generated/plan.js';
import type { FeedbackItem } from '../generated/score-report.js';
import { feedback, type PitfallFinding, type PlanInstance, type ScoringContext } from './context.js';
import { absolutePerDoseMg } from './dose-check.js';
import { SCORING_FORMULA } from './formula.js';
import { evaluate } from '../criteria/evaluate.js';
import { MAS_CRITERIA } from '../guideline/chart-diagnosis.js';
import { ACTIONS, type Companion } from '../guideline/actions.js';
import { DIAGNOSIS_LABELS } from '../guideline/diagnoses.js';
import type { Basis } from '../guideline/provenance.js';

/** A pitfall of guideline.md, detected in a plan. */
export interface PitfallDetector {
  readonly id: string;
  readonly label: string;
  readonly basisOf: Basis;
  readonly detect: (ctx: ScoringContext) => PitfallFinding;
}

/** GC-1: methylprednisolone at most 1 g per infusion — read from the dose rule that carries it, so the number lives in one place. */
const GC1_MAX_PER_INFUSION_MG: number = (() => {
  const mg = ACTIONS['methylprednisolone-pulse'].doseRules.find((r) => r.id === 'mp-pulse-mas')?.maxPerDoseMg;
  if (mg === undefined) throw new Error('dose rule mp-pulse-mas has lost its GC-1 maximum (maxPerDoseMg)');
  return mg;
})();

const NONE: PitfallFinding = { items: [], claims: [] };
const earliest = (ctx: ScoringContext, actions: readonly ActionId[]) => {
  const hours = ctx.instances.filter((i) => actions.includes(i.planned.action)).map((i) => i.planned.atHour);
  return hours.length ? Math.min(...hours) : undefined;
};

/** Feedback for each planned action that lacks a companion this pitfall watches for (PJP prophylaxis, liver tests…). */
function missingCompanionFeedback(
  ctx: ScoringContext,
  pitfallId: string,
  title: (actionName: string, companion: Companion) => string,
): { items: FeedbackItem[]; claims: string[] } {
  const items: FeedbackItem[] = [];
  const claims: string[] = [];
  for (const o of ctx.outcomes.values()) {
    if (!o.best) continue;
    for (const comp of o.missingCompanions) {
      if (comp.pitfallId !== pitfallId) continue;
      claims.push(`companion:${o.best.index}:${comp.id}`);
      items.push(
        feedback({
          severity: 'suboptimal',
          pitfallId,
          requirementId: o.requirement.id,
          actionIds: [o.best.planned.action],
          component: 'safety',
          basis: comp.basisOf,
          title: title(o.best.def.name, comp),
          teachingPoint: comp.teachingPoint,
          expertAction: comp.expertAction,
        }),
      );
    }
  }
  return { items, claims };
}

/** The MAS criteria sets read on the chart from presentation to the decision hour: those met, and each one's status in words. */
function masCriteriaOnChart(ctx: ScoringContext): { met: string[]; words: string } {
  const results = evaluate(ctx.chart, {
    window: { fromHour: 0, toHour: Math.max(0, ctx.decisionHour) },
    only: MAS_CRITERIA,
  }).results;
  return {
    met: results.filter((r) => r.status === 'met').map((r) => r.name),
    words: results.map((r) => `${r.name} ${r.status.replace('-', ' ')}`).join(', '),
  };
}

/** A finding for orders the sources advise against on this chart: one feedback item for them all, and the weak-plan cap. */
function advisedAgainst(
  detector: PitfallDetector,
  orders: readonly PlanInstance[],
  words: {
    readonly reason: string;
    readonly title: string;
    readonly teachingPoint: string;
    readonly expertAction: string;
  },
): PitfallFinding {
  return {
    claims: orders.map((i) => `extra:${i.index}`),
    cap: { percent: SCORING_FORMULA.advisedAgainstCap, reason: `advised against: ${words.reason}` },
    items: [
      feedback({
        severity: 'suboptimal',
        pitfallId: detector.id,
        actionIds: [...new Set(orders.map((i) => i.planned.action))],
        component: 'safety',
        basis: detector.basisOf,
        title: words.title,
        teachingPoint: words.teachingPoint,
        expertAction: words.expertAction,
      }),
    ],
  };
}

export const PITFALLS: readonly PitfallDetector[] = [
  {
    id: 'marrow-before-treatment',
    label: 'Treating only after the marrow confirms hemophagocytosis',
    basisOf: { statementIds: ['DX-4', 'PIT-1', 'DX-2'], citations: ['guideline'] },
    detect(ctx) {
      const gc = ctx.outcomes.get('mas-glucocorticoid');
      const marrow = earliest(ctx, ['bone-marrow-exam']);
      if (!gc || gc.requirement.byHour === undefined || marrow === undefined) return NONE;
      const basis = this.basisOf;
      const firstTreatment = earliest(
        ctx,
        ctx.instances.filter((i) => i.def.immunosuppressive).map((i) => i.planned.action),
      );
      if (!gc.present && firstTreatment === undefined) {
        return {
          claims: ['omission:mas-glucocorticoid'],
          items: [
            feedback({
              severity: 'critical-omission',
              pitfallId: this.id,
              requirementId: 'mas-glucocorticoid',
              component: 'keyActions',
              basis,
              title: 'A bone marrow is planned but no glucocorticoid: treatment is waiting for the marrow.',
              teachingPoint:
                'A marrow without hemophagocytosis does not exclude MAS (DX-4), and a life-threatening presentation is treated before the work-up is complete (PIT-1, DX-2).',
              expertAction: gc.requirement.expertAction,
            }),
          ],
        };
      }
      if (gc.best && gc.best.planned.atHour > marrow) {
        return {
          claims: ['late:mas-glucocorticoid'],
          items: [
            feedback({
              severity: 'late',
              pitfallId: this.id,
              requirementId: 'mas-glucocorticoid',
              component: 'timing',
              basis,
              title: `The glucocorticoid starts at hour ${gc.best.planned.atHour}, after the bone marrow at hour ${marrow}.`,
              teachingPoint:
                'Do not wait for marrow hemophagocytosis: its absence does not exclude MAS (DX-4); investigate in parallel with treatment (PIT-1).',
              expertAction: gc.requirement.expertAction,
            }),
          ],
        };
      }
      return NONE;
    },
  },
  {
    id: 'workup-before-treatment',
    label: 'Treatment waits for the full work-up in a life-threatening presentation',
    basisOf: { statementIds: ['DX-2', 'PIT-1'], citations: ['guideline'] },
    detect(ctx) {
      const gc = ctx.outcomes.get('mas-glucocorticoid');
      const workup = earliest(ctx, ['scd25', 'nk-cell-activity']);
      const marrow = earliest(ctx, ['bone-marrow-exam']);
      if (!gc?.best || gc.requirement.byHour === undefined || workup === undefined) return NONE;
      if (marrow !== undefined && gc.best.planned.atHour > marrow) return NONE; // the marrow pitfall speaks
      if (gc.best.planned.atHour <= workup) return NONE;
      return {
        claims: ['late:mas-glucocorticoid'],
        items: [
          feedback({
            severity: 'late',
            pitfallId: this.id,
            requirementId: 'mas-glucocorticoid',
            component: 'timing',
            basis: this.basisOf,
            title: `The glucocorticoid starts at hour ${gc.best.planned.atHour}, after sCD25/NK tests are sent at hour ${workup}.`,
            teachingPoint:
              'Criteria support the diagnosis but must not delay treatment: clinical judgement may start it before the criteria are complete (DX-2, PIT-1).',
            expertAction: gc.requirement.expertAction,
          }),
        ],
      };
    },
  },
  {
    id: 'methylprednisolone-despite-cns',
    label: 'Methylprednisolone where CNS involvement calls for dexamethasone',
    basisOf: { statementIds: ['GC-2'], citations: ['guideline'] },
    detect(ctx) {
      const f = ctx.features;
      if (!f.masPresent || !f.cns) return NONE;
      const mp = ctx.instances.find((i) => i.planned.action === 'methylprednisolone-pulse');
      if (!mp) return NONE;
      const gc = ctx.outcomes.get('mas-glucocorticoid');
      const dexPresent = gc?.present === true;
      return {
        claims: dexPresent ? [] : ['omission:mas-glucocorticoid'],
        items: [
          feedback({
            severity: dexPresent ? 'suboptimal' : 'critical-omission',
            pitfallId: this.id,
            requirementId: 'mas-glucocorticoid',
            actionIds: ['methylprednisolone-pulse'],
            component: 'keyActions',
            basis: { statementIds: ['GC-2', 'HEAD-1'], citations: ['guideline'] },
            title: dexPresent
              ? 'Methylprednisolone is planned on top of dexamethasone in a child with CNS involvement.'
              : 'Methylprednisolone is planned, but this child has CNS involvement: the glucocorticoid should be dexamethasone.',
            teachingPoint:
              'Dexamethasone crosses the blood-brain barrier better than methylprednisolone; with CNS involvement it replaces it (GC-2).',
            expertAction: 'Give dexamethasone 10 mg/m²/day instead of methylprednisolone.',
          }),
        ],
      };
    },
  },
  {
    id: 'pulse-above-1g',
    label: 'A methylprednisolone pulse above 1 g',
    basisOf: { statementIds: ['GC-1', 'HEAD-1'], citations: ['guideline'] },
    detect(ctx) {
      const items: FeedbackItem[] = [];
      const claims: string[] = [];
      for (const i of ctx.instances) {
        if (i.planned.action !== 'methylprednisolone-pulse' || !i.planned.dose) continue;
        const mg = absolutePerDoseMg(i.planned.dose, ctx.features);
        // The 1 g maximum is strict: the rounding allowance widens ranges, not maxima (1040 mg is above 1 g); 1e-9 absorbs float noise only.
        if (mg === undefined || mg <= GC1_MAX_PER_INFUSION_MG * (1 + 1e-9)) continue;
        claims.push(`dose:${i.index}`);
        items.push(
          feedback({
            severity: i.dose.harmful ? 'harmful' : 'dose-error',
            pitfallId: this.id,
            actionIds: ['methylprednisolone-pulse'],
            component: i.dose.harmful ? 'safety' : 'dosing',
            basis: this.basisOf,
            title: `Methylprednisolone ${Math.round(mg)} mg per infusion exceeds the 1 g maximum${i.dose.problems.length ? ` (${i.dose.problems.map((p) => p.message).join('; ')})` : ''}.`,
            teachingPoint:
              'Pulses are 15–30 mg/kg/day but never more than 1 g per infusion (GC-1): in a heavier child the maximum, not the mg/kg figure, sets the dose.',
            expertAction: 'Give 30 mg/kg/day up to 1 g, once daily for 3–5 days.',
          }),
        );
      }
      return { items, claims };
    },
  },
  {
    id: 'immunosuppression-without-antimicrobials',
    label: 'Immunosuppression without antimicrobials in infection-triggered MAS',
    basisOf: { statementIds: ['INF-1'], citations: ['guideline'] },
    detect(ctx) {
      const ab = ctx.outcomes.get('antimicrobials');
      if (!ab || !ctx.features.masPresent) return NONE;
      const imm = ctx.instances.filter((i) => i.def.immunosuppressive);
      if (imm.length === 0) return NONE;
      const firstImm = Math.min(...imm.map((i) => i.planned.atHour));
      if (!ab.present) {
        return {
          claims: ['omission:antimicrobials'],
          items: [
            feedback({
              severity: 'critical-omission',
              pitfallId: this.id,
              requirementId: 'antimicrobials',
              component: 'keyActions',
              basis: ab.requirement.basisOf,
              title: 'Immunosuppression is planned for infection-triggered MAS without any antimicrobial.',
              teachingPoint: ab.requirement.teachingPoint,
              expertAction: ab.requirement.expertAction,
            }),
          ],
        };
      }
      if (ab.best && ab.best.planned.atHour > firstImm) {
        return {
          claims: ['late:antimicrobials'],
          items: [
            feedback({
              severity: 'late',
              pitfallId: this.id,
              requirementId: 'antimicrobials',
              component: 'timing',
              basis: ab.requirement.basisOf,
              title: `Antimicrobials start at hour ${ab.best.planned.atHour}, after immunosuppression at hour ${firstImm}.`,
              teachingPoint: ab.requirement.teachingPoint,
              expertAction: ab.requirement.expertAction,
            }),
          ],
        };
      }
      return NONE;
    },
  },
  {
    id: 'misc-standard-protocol-despite-mas',
    label: 'The standard MIS-C protocol despite overt MAS',
    basisOf: { statementIds: ['MISC-1', 'MISC-2'], citations: ['guideline'] },
    detect(ctx) {
      const f = ctx.features;
      if (f.kind !== 'misc' || !f.masPresent) return NONE;
      const standard = ctx.instances.filter(
        (i) => i.planned.action === 'ivig' || i.planned.action === 'methylprednisolone-low-moderate',
      );
      const gc = ctx.outcomes.get('mas-glucocorticoid');
      if (standard.length === 0 || !gc || gc.present) return NONE;
      return {
        claims: ['omission:mas-glucocorticoid'],
        items: [
          feedback({
            severity: 'critical-omission',
            pitfallId: this.id,
            requirementId: 'mas-glucocorticoid',
            actionIds: standard.map((i) => i.planned.action),
            component: 'keyActions',
            basis: this.basisOf,
            title:
              'This MIS-C is complicated by MAS, but the plan follows the standard IVIG/low-dose glucocorticoid protocol.',
            teachingPoint:
              'When overt MAS develops in MIS-C, treatment leaves the standard protocol and follows the MAS recommendations: high-dose glucocorticoid with anakinra (MISC-1, MISC-2).',
            expertAction: gc.requirement.expertAction,
          }),
        ],
      };
    },
  },
  {
    id: 'no-12-hourly-reassessment',
    label: 'No reassessment at least every 12 hours',
    basisOf: { statementIds: ['CC-1'], citations: ['guideline'] },
    detect(ctx) {
      const r = ctx.outcomes.get('reassessment');
      if (!r) return NONE;
      if (!r.present) {
        return {
          claims: ['omission:reassessment'],
          items: [
            feedback({
              severity: r.requirement.level === 'critical' ? 'critical-omission' : 'suboptimal',
              pitfallId: this.id,
              requirementId: 'reassessment',
              component: 'keyActions',
              basis: this.basisOf,
              title: 'The plan does not say when the patient will be reassessed.',
              teachingPoint: r.requirement.teachingPoint,
              expertAction: r.requirement.expertAction,
            }),
          ],
        };
      }
      if (r.onTime === false) {
        return {
          claims: ['late:reassessment'],
          items: [
            feedback({
              severity: 'late',
              pitfallId: this.id,
              requirementId: 'reassessment',
              component: 'timing',
              basis: this.basisOf,
              title: `Reassessment every ${r.best?.planned.everyHours ?? '?'} h is less often than every 12 h.`,
              teachingPoint: r.requirement.teachingPoint,
              expertAction: r.requirement.expertAction,
            }),
          ],
        };
      }
      return NONE;
    },
  },
  {
    id: 'no-infection-watch',
    label: 'No PJP prophylaxis or infection watch on immunosuppression',
    basisOf: { statementIds: ['INF-3', 'PIT-3'], citations: ['guideline'] },
    detect(ctx) {
      const items: FeedbackItem[] = [];
      const claims: string[] = [];
      const r = ctx.outcomes.get('infection-watch');
      if (r && !r.present && ctx.instances.some((i) => i.def.immunosuppressive)) {
        claims.push('omission:infection-watch');
        items.push(
          feedback({
            severity: 'suboptimal',
            pitfallId: this.id,
            requirementId: 'infection-watch',
            component: 'keyActions',
            basis: this.basisOf,
            title: 'Immunosuppression is planned with no watch for opportunistic infection.',
            teachingPoint: r.requirement.teachingPoint,
            expertAction: r.requirement.expertAction,
          }),
        );
      }
      const companions = missingCompanionFeedback(
        ctx,
        this.id,
        (name, comp) => `${name} is planned without ${comp.label}.`,
      );
      return { items: [...items, ...companions.items], claims: [...claims, ...companions.claims] };
    },
  },
  {
    id: 'no-liver-watch-under-3',
    label: 'No liver watch in a child under 3 on interferon-targeted therapy',
    basisOf: { statementIds: ['PIT-2'], citations: ['guideline'] },
    detect(ctx) {
      const { items, claims } = missingCompanionFeedback(
        ctx,
        this.id,
        (name) => `${name} in a child under 3 without serial liver tests.`,
      );
      // The same risk when emapalumab is an extra (not answering a requirement).
      if (ctx.features.ageYears < 3 && !ctx.instances.some((i) => i.planned.action === 'monitor-mas-labs')) {
        for (const i of ctx.instances) {
          if (i.planned.action !== 'emapalumab' || claims.includes(`companion:${i.index}:liver-watch-under-3`))
            continue;
          if ([...ctx.outcomes.values()].some((o) => o.best?.index === i.index)) continue;
          claims.push(`companion:${i.index}:liver-watch-under-3`);
          items.push(
            feedback({
              severity: 'suboptimal',
              pitfallId: this.id,
              actionIds: ['emapalumab'],
              component: 'safety',
              basis: this.basisOf,
              title: 'Emapalumab in a child under 3 without serial liver tests.',
              teachingPoint:
                'In children under 3, interferon-targeted therapy can raise AST/ALT 2- to 25-fold within about a week (PIT-2).',
              expertAction: 'Order serial liver tests with the ferritin/CBC/coagulation panel.',
            }),
          );
        }
      }
      return { items, claims };
    },
  },
  {
    id: 'sepsis-mas-mislabel',
    label: 'Calling sepsis MAS, or MAS sepsis',
    basisOf: { statementIds: ['DX-3'], citations: ['guideline'] },
    detect(ctx) {
      const f = ctx.features;
      const leading = ctx.plan.diagnosis.leading;
      const accepted = [...ctx.expected.diagnoses.full, ...ctx.expected.diagnoses.partial];
      if (accepted.includes(leading)) return NONE;
      const masCall = leading === 'mas' || leading === 'misc-with-mas' || leading === 'primary-hlh';
      const sepsisOrFlareCall = leading === 'sepsis' || leading === 'septic-shock' || leading === 'sjia-flare';
      let title: string | undefined;
      if (f.masPresent && sepsisOrFlareCall)
        title = `Called ${DIAGNOSIS_LABELS[leading]}, but this is MAS${f.kind === 'sepsis' ? ' on top of sepsis' : ''}.`;
      else if (!f.masPresent && f.kind === 'sepsis' && masCall)
        title = `Called ${DIAGNOSIS_LABELS[leading]}, but this is ${f.shock ? 'septic shock' : 'sepsis'} without MAS.`;
      else if (!f.masPresent && f.kind === 'sjia-flare' && masCall)
        title = `Called ${DIAGNOSIS_LABELS[leading]}, but this is an sJIA flare without MAS.`;
      if (!title) return NONE;
      return {
        claims: ['diagnosis'],
        items: [
          feedback({
            severity: 'critical-omission',
            pitfallId: this.id,
            component: 'diagnosis',
            basis: this.basisOf,
            title,
            teachingPoint:
              'MAS and severe sepsis (and sJIA flares) share fever, cytopenias and high ferritin (DX-3). Falling platelets and fibrinogen with rising ferritin and AST point to MAS; a source of infection and organ dysfunction with preserved fibrinogen point to sepsis. Both can coexist.',
            expertAction: `Lead with ${DIAGNOSIS_LABELS[ctx.expected.diagnoses.full[0]!]}.`,
          }),
        ],
      };
    },
  },
  {
    id: 'immunosuppression-in-sepsis-without-mas',
    label: 'Immunosuppression in sepsis with no MAS criteria met on the chart',
    basisOf: { statementIds: ['DX-1', 'DX-3', 'INF-3', 'PIT-3'], citations: ['guideline'] },
    detect(ctx) {
      const f = ctx.features;
      if (f.kind !== 'sepsis' || f.masPresent) return NONE;
      const imm = ctx.instances.filter((i) => i.def.immunosuppressive && !i.harmful);
      if (imm.length === 0) return NONE;
      // DX-2: clinical judgement may treat with fewer criteria, so any MAS set met on the chart keeps this silent.
      const chart = masCriteriaOnChart(ctx);
      if (chart.met.length > 0) return NONE;
      const names = [...new Set(imm.map((i) => i.def.name))].join(', ');
      return advisedAgainst(this, imm, {
        reason: `${[...new Set(imm.map((i) => i.planned.action))].join(', ')} in sepsis with no MAS criteria met on the chart (DX-1, DX-3)`,
        title: `${names} in ${f.shock ? 'septic shock' : 'sepsis'} with no MAS criteria met on the chart at hour ${ctx.decisionHour} (${chart.words}): a weak plan.`,
        teachingPoint:
          'Immunomodulatory therapy follows a diagnosis of MAS (DX-1: confirm with HLH-2004; DX-2: fewer criteria on clinical judgement) — here no MAS criteria set is met. Treating sepsis as MAS (DX-3) adds immunosuppression and its opportunistic infections and organ failure (INF-3, PIT-3) to a child fighting an infection.',
        expertAction:
          'Treat the sepsis; keep watching ferritin, counts and fibrinogen for MAS, and treat MAS when the chart shows it.',
      });
    },
  },
  {
    id: 'second-ivig-in-misc',
    label: 'A second IVIG in MIS-C without MAS',
    basisOf: { statementIds: [], citations: ['acr-misc-2021'] },
    detect(ctx) {
      const f = ctx.features;
      // A course still running (1 g/kg/day × 2 days) is the first IVIG, not a second one.
      if (f.kind !== 'misc' || f.masPresent || !f.history.completed.has('ivig') || f.history.running.has('ivig'))
        return NONE;
      const ivig = ctx.instances.filter((i) => i.planned.action === 'ivig' && !i.harmful);
      if (ivig.length === 0) return NONE;
      return advisedAgainst(this, ivig, {
        reason: 'a second IVIG in MIS-C (ACR)',
        title: 'A second IVIG course in MIS-C without MAS, after the first was given: a weak plan.',
        teachingPoint:
          'IVIG 2 g/kg is the first tier of MIS-C treatment, given once: a second IVIG dose is not recommended (ACR), and IVIG is a volume load (split 1 g/kg × 2 days with poor LV function). A child who improves continues the plan; one who does not is escalated with high-dose glucocorticoid or anakinra (ACR, NIH).',
        expertAction:
          'Continue the plan if improving; if refractory, escalate with pulse methylprednisolone or anakinra, not a second IVIG.',
      });
    },
  },
  {
    id: 'septic-shock-without-antimicrobials',
    label: 'No antimicrobials in septic shock',
    basisOf: { statementIds: [], citations: ['ssc-peds-2020'] },
    detect(ctx) {
      const f = ctx.features;
      const ab = ctx.outcomes.get('antimicrobials');
      if (!ab || ab.present || !f.shock || f.infectionTrigger === 'none') return NONE;
      const shockReading = f.readings.find((r) => r.feature === 'shock')?.basis ?? 'shock';
      return {
        claims: ['omission:antimicrobials'],
        cap: {
          percent: SCORING_FORMULA.dangerousOmissionCap,
          reason: 'dangerous omission: no antimicrobials in septic shock (Surviving Sepsis Campaign 2020)',
        },
        items: [
          feedback({
            severity: 'critical-omission',
            pitfallId: this.id,
            requirementId: 'antimicrobials',
            component: 'keyActions',
            basis: { statementIds: ab.requirement.basisOf.statementIds, citations: ['ssc-peds-2020'] },
            title: `Septic shock on the chart (${shockReading}; infection ${f.infectionTrigger}) and no antimicrobial in the plan: a dangerous omission.`,
            teachingPoint:
              'Surviving Sepsis Campaign 2020 (children): in septic shock, start antimicrobial therapy as soon as possible, within 1 hour of recognition. Fluids, vasoactives and the ICU support the circulation; only the antimicrobial treats the cause.',
            expertAction: ab.requirement.expertAction,
          }),
        ],
      };
    },
  },
];
