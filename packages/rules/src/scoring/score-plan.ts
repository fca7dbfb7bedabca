import type { Case } from '../generated/case.js';
import type { Plan, PlannedAction } from '../generated/plan.js';
import type { ComponentId, FeedbackItem, ScoreComponent, ScoreReport } from '../generated/score-report.js';
import { ACTIONS, type Companion } from '../guideline/actions.js';
import { caseFeatures } from '../guideline/case-features.js';
import { DIAGNOSIS_LABELS } from '../guideline/diagnoses.js';
import { classifyExtra, type Requirement } from '../guideline/indications.js';
import { PITFALLS } from '../guideline/pitfalls.js';
import { feedback, type PlanInstance, type RequirementOutcome, type ScoringContext } from './context.js';
import { checkDose } from './dose-check.js';
import { controlOrdersOf, controlPatientOf, underdosed } from './control-orders.js';
import { treatmentControl } from '../guideline/treatment-control.js';
import { expectedPlanFor, type PlanOptions } from './expected-plan.js';
import { COMPONENT_LABELS, SCORING_FORMULA, formulaText } from './formula.js';

export const SCORE_DISCLAIMER = 'For education and simulation only: synthetic patients, not clinical decision support.';

const okDose = (i: PlanInstance) => i.dose.status === 'ok' || i.dose.status === 'not-assessable' || i.dose.status === 'no-rule';

function instancesOf(plan: Plan, f: ReturnType<typeof caseFeatures>): PlanInstance[] {
  const list: { index: number; planned: PlannedAction }[] = plan.actions.map((planned, index) => ({ index, planned }));
  if (plan.reassessEveryHours !== undefined) {
    list.push({ index: -1, planned: { action: 'reassessment', atHour: plan.decisionHour ?? 0, everyHours: plan.reassessEveryHours } });
  }
  return list.map(({ index, planned }) => {
    const def = ACTIONS[planned.action];
    const dose = checkDose(planned.action, planned.dose, f);
    const harmful = classifyExtra(planned.action, f).level === 'harmful' || dose.harmful;
    return { index, planned, def, dose, harmful };
  });
}

function companionsMissing(i: PlanInstance, usable: readonly PlanInstance[], f: ReturnType<typeof caseFeatures>): Companion[] {
  const missing: Companion[] = [];
  for (const comp of i.def.companions ?? []) {
    if (comp.when && !comp.when.test(f)) continue;
    const allowed = comp.satisfiers.filter((a) => classifyExtra(a, f).level !== 'harmful');
    if (allowed.length === 0) continue;
    if (!usable.some((u) => allowed.includes(u.planned.action))) missing.push(comp);
  }
  return missing;
}

function outcomeFor(r: Requirement, usable: readonly PlanInstance[], decisionHour: number, f: ReturnType<typeof caseFeatures>): RequirementOutcome {
  const dosed = r.satisfiers.some((a) => ACTIONS[a].doseRules.length > 0);
  const timed = r.byHour !== undefined || r.maxEveryHours !== undefined || r.repeat === true;
  const named = usable.filter((i) => r.satisfiers.includes(i.planned.action));
  // The treatment-control table decides what is adequate (e.g. anakinra as second line only at high dose, ANK-2).
  const role = r.controlRole;
  const control = role ? treatmentControl(controlOrdersOf(usable, f), controlPatientOf(f)) : undefined;
  const adequate = (i: PlanInstance) => !role || (!underdosed(i) && control!.mas.byRole[role].includes(i.planned.action));
  const candidates = named.filter(adequate);
  const inadequate = named.filter((i) => !adequate(i));
  const w = SCORING_FORMULA.componentWeights;
  let best: RequirementOutcome = { requirement: r, present: false, doseOk: dosed ? false : null, onTime: timed ? false : null, safeguarded: false, missingCompanions: [], inadequate };
  let bestCredit = -1;
  for (const i of candidates) {
    const doseOk = dosed ? okDose(i) : null;
    let onTime: boolean | null = null;
    if (timed) {
      onTime = true;
      if (r.byHour !== undefined && i.planned.atHour > decisionHour + r.byHour) onTime = false;
      if (r.maxEveryHours !== undefined && (i.planned.everyHours === undefined || i.planned.everyHours > r.maxEveryHours)) onTime = false;
      if (r.repeat && i.planned.everyHours === undefined) onTime = false;
    }
    const missingCompanions = companionsMissing(i, usable, f);
    const safeguarded = missingCompanions.length === 0;
    const credit = w.keyActions + (doseOk ? w.dosing : 0) + (onTime ? w.timing : 0) + (safeguarded ? w.safety : 0)
      // Ties: the expert's first choice, then the earliest start.
      - r.satisfiers.indexOf(i.planned.action) * 1e-3 - i.planned.atHour * 1e-6;
    if (credit > bestCredit) {
      bestCredit = credit;
      best = { requirement: r, present: true, doseOk, onTime, safeguarded, best: i, missingCompanions, inadequate };
    }
  }
  return best;
}

const weightOf = (r: Requirement) => SCORING_FORMULA.requirementWeights[r.level];

function fraction(outcomes: readonly RequirementOutcome[], pick: (o: RequirementOutcome) => boolean | null): { value: number; counted: number } {
  let num = 0;
  let den = 0;
  for (const o of outcomes) {
    const v = pick(o);
    if (v === null) continue;
    den += weightOf(o.requirement);
    if (v) num += weightOf(o.requirement);
  }
  return { value: den === 0 ? 1 : num / den, counted: den };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Scores a plan against the guideline for this case. Pure. */
export function scorePlan(c: Case, plan: Plan, options: PlanOptions = {}): ScoreReport {
  const stage = plan.stage ?? 'presentation';
  const decisionHour = plan.decisionHour ?? 0;
  const f = caseFeatures(c, stage, decisionHour, options.priorOrders);
  const expected = expectedPlanFor(f);
  const instances = instancesOf(plan, f);
  const usable = instances.filter((i) => !i.harmful);
  const outcomes = new Map<string, RequirementOutcome>();
  for (const r of expected.requirements) outcomes.set(r.id, outcomeFor(r, usable, decisionHour, f));
  const outcomeList = [...outcomes.values()];
  const ctx: ScoringContext = { features: f, expected, plan, decisionHour, instances, outcomes };

  // Extras: actions that answer no requirement, and harmful ones.
  const satisfierIds = new Set(expected.requirements.flatMap((r) => r.satisfiers));
  const bestIndices = new Set(outcomeList.flatMap((o) => (o.best ? [o.best.index] : [])));
  const harmfulInstances = instances.filter((i) => i.harmful);
  const riskyInstances: PlanInstance[] = [];
  const extraFeedback: FeedbackItem[] = [];
  for (const i of instances) {
    if (i.harmful) {
      const cls = classifyExtra(i.planned.action, f);
      extraFeedback.push(cls.level === 'harmful' && cls.rule
        ? feedback({ severity: 'harmful', actionIds: [i.planned.action], component: 'safety', basis: cls.rule.basisOf, title: `${i.def.name} is harmful here (${cls.rule.when}).`, teachingPoint: cls.rule.teachingPoint, expertAction: cls.rule.expertAction })
        : feedback({ severity: 'harmful', actionIds: [i.planned.action], component: 'safety', basis: i.dose.rule?.basisOf ?? i.def.basisOf,
          title: `${i.def.name}: ${i.dose.problems.map((p) => p.message).join('; ')}.`,
          teachingPoint: 'A dose a thousand times the intended one is the classic mg-vs-g slip: check the unit against the published dose before prescribing.',
          expertAction: `Prescribe ${i.dose.rule?.label ?? 'the published dose'}.` }));
      continue;
    }
    if (bestIndices.has(i.index)) continue;
    const overdosed = i.dose.problems.some((p) => p.kind === 'above-range' || p.kind === 'above-maximum');
    if (satisfierIds.has(i.planned.action)) {
      if (overdosed) riskyInstances.push(i);
      continue;
    }
    const cls = classifyExtra(i.planned.action, f);
    if (cls.risky || overdosed) {
      riskyInstances.push(i);
      const basis = (cls.risky ? cls.rule?.basisOf : undefined) ?? i.dose.rule?.basisOf ?? i.def.basisOf;
      extraFeedback.push(feedback({ severity: overdosed && !cls.risky ? 'dose-error' : 'suboptimal', actionIds: [i.planned.action], component: 'safety', basis,
        ...(cls.rule?.pitfallId ? { pitfallId: cls.rule.pitfallId } : {}),
        title: cls.risky ? `${i.def.name} is not indicated here (${cls.rule?.when ?? ''}).` : `${i.def.name}: ${i.dose.problems.map((p) => p.message).join('; ')}.`,
        teachingPoint: cls.risky && cls.rule ? cls.rule.teachingPoint : `The published dose for this patient is ${i.dose.rule?.label ?? 'different'}${i.dose.rule?.note ? ` — ${i.dose.rule.note.replace(/\.$/, '')}` : ''}.`,
        expertAction: cls.risky && cls.rule ? cls.rule.expertAction : `Prescribe ${i.dose.rule?.label ?? 'the published dose'}.` }));
    }
  }

  // Pitfalls first: they claim the feedback the generic pass would otherwise repeat.
  const claims = new Set<string>();
  const pitfallFeedback: FeedbackItem[] = [];
  for (const p of PITFALLS) {
    const found = p.detect(ctx);
    for (const item of found.items) pitfallFeedback.push(item);
    for (const claim of found.claims) claims.add(claim);
  }
  for (const i of instances) if (claims.has(`dose:${i.index}`)) {
    const at = extraFeedback.findIndex((x) => x.actionIds?.[0] === i.planned.action && x.severity === 'harmful' && !x.pitfallId);
    if (at >= 0 && i.dose.harmful) extraFeedback.splice(at, 1);
  }

  // Diagnosis.
  const leading = plan.diagnosis.leading;
  const diagCredit = expected.diagnoses.full.includes(leading) ? SCORING_FORMULA.diagnosisCredit.full
    : expected.diagnoses.partial.includes(leading) ? SCORING_FORMULA.diagnosisCredit.partial : SCORING_FORMULA.diagnosisCredit.wrong;
  const diagFeedback: FeedbackItem[] = [];
  if (!claims.has('diagnosis')) {
    const dxBasis = { statementIds: ['DX-3'] as const, citations: ['guideline'] as const };
    const expertDx = DIAGNOSIS_LABELS[expected.diagnoses.full[0]!];
    diagFeedback.push(feedback({
      severity: diagCredit === 1 ? 'good' : diagCredit > 0 ? 'suboptimal' : 'critical-omission', component: 'diagnosis', basis: { statementIds: [...dxBasis.statementIds, ...(f.kind === 'misc' && f.masPresent ? ['MISC-1'] as const : [])], citations: [...dxBasis.citations] },
      title: diagCredit === 1 ? `Leading diagnosis ${DIAGNOSIS_LABELS[leading]}: right.` : `Leading diagnosis ${DIAGNOSIS_LABELS[leading]}: ${diagCredit > 0 ? 'partly right' : 'not supported by this case'}.`,
      teachingPoint: f.kind === 'misc' && f.masPresent ? 'About one child in five with MIS-C meets MAS criteria; naming MAS changes the treatment (MISC-1).' : 'MAS overlaps with sepsis, disease flares and MIS-C (DX-3): name the one the findings support.',
      expertAction: `Lead with ${expertDx}.`,
    }));
  }

  // Requirement feedback.
  const reqFeedback: FeedbackItem[] = [];
  for (const o of outcomeList) {
    const r = o.requirement;
    const base = { requirementId: r.id, basis: r.basisOf, expertAction: r.expertAction, ...(r.unverified ? { unverified: true } : {}) };
    const teaching = r.unverified ? `${r.teachingPoint} (Unverified detail, not scored: ${r.unverified})` : r.teachingPoint;
    if (!o.present) {
      if (claims.has(`omission:${r.id}`)) continue;
      const short = o.inadequate.map((i) => `${i.def.name}${i.dose.computed ? ` ${i.dose.computed}` : ''}`);
      reqFeedback.push(feedback({ ...base, severity: r.level === 'critical' ? 'critical-omission' : 'suboptimal', component: 'keyActions',
        ...(o.inadequate.length ? { actionIds: o.inadequate.map((i) => i.planned.action) } : {}),
        title: `Missing: ${r.label}${r.satisfiers.length > 1 ? ` (any of ${r.satisfiers.join(', ')})` : ''}${short.length ? ` — ${short.join(', ')} does not count as ${r.controlRole} therapy here` : ''}.`, teachingPoint: teaching }));
      continue;
    }
    const i = o.best!;
    // A problem about this requirement's action — from a pitfall (claimed) or from the generic pass below — rules out a
    // GOOD item about it: the report must not praise what it criticizes.
    let flagged = claims.has(`dose:${i.index}`) || claims.has(`late:${r.id}`) || claims.has(`omission:${r.id}`);
    if (o.doseOk === false && !claims.has(`dose:${i.index}`)) {
      flagged = true;
      const dose = i.dose;
      reqFeedback.push(feedback({ ...base, basis: dose.rule?.basisOf ?? r.basisOf, severity: 'dose-error', component: 'dosing', actionIds: [i.planned.action],
        title: `${i.def.name}: ${dose.problems.map((p) => p.message).join('; ')}.`,
        teachingPoint: `The published dose for this patient is ${dose.rule?.label ?? ACTIONS[i.planned.action].doseRules.map((x) => x.label).join(' or ')}${dose.rule?.note ? ` — ${dose.rule.note.replace(/\.$/, '')}` : ''}.`,
        expertAction: `Prescribe ${dose.rule?.label ?? 'the published dose'}.` }));
    }
    if (o.doseOk !== false && i.dose.minor.length > 0 && !claims.has(`dose:${i.index}`)) {
      // Shown, not scored: the dose passes, but the plan leaves out part of the course (e.g. a pulse without its 3–5 days).
      flagged = true;
      const rule = i.dose.rule;
      reqFeedback.push(feedback({ ...base, basis: rule?.basisOf ?? r.basisOf, severity: 'suboptimal', component: 'dosing', actionIds: [i.planned.action],
        title: `${i.def.name}${i.dose.computed ? ` ${i.dose.computed}` : ''}: ${i.dose.minor.map((p) => p.message).join('; ')}.`,
        teachingPoint: `The published course is ${rule?.label ?? 'in the dose rule'}: a prescription states how many days it runs.`,
        expertAction: `Prescribe ${rule?.label ?? 'the published course'}.` }));
    }
    if (o.onTime === false && !claims.has(`late:${r.id}`)) {
      flagged = true;
      const when = r.byHour !== undefined ? `by hour ${decisionHour + r.byHour}` : r.maxEveryHours !== undefined ? `at least every ${r.maxEveryHours} h` : 'with a stated interval';
      reqFeedback.push(feedback({ ...base, severity: 'late', component: 'timing', actionIds: [i.planned.action],
        title: `${r.label}: planned ${r.byHour !== undefined ? `at hour ${i.planned.atHour}` : i.planned.everyHours !== undefined ? `every ${i.planned.everyHours} h` : 'once'}, expected ${when}.`, teachingPoint: teaching }));
    }
    for (const comp of o.missingCompanions) {
      flagged = true;
      if (claims.has(`companion:${i.index}:${comp.id}`)) continue;
      reqFeedback.push(feedback({ severity: 'suboptimal', requirementId: r.id, component: 'safety', actionIds: [i.planned.action], basis: comp.basisOf,
        title: `${i.def.name} without ${comp.label}.`, teachingPoint: comp.teachingPoint, expertAction: comp.expertAction }));
    }
    if (!flagged) {
      reqFeedback.push(feedback({ ...base, severity: 'good', component: 'keyActions', actionIds: [i.planned.action],
        title: `${r.label}: ${i.def.name}${i.dose.computed ? `, ${i.dose.computed}` : ''}${r.byHour !== undefined ? `, at hour ${i.planned.atHour}` : ''}.`, teachingPoint: teaching }));
    }
    for (const note of i.dose.notes) {
      reqFeedback.push(feedback({ severity: 'suboptimal', requirementId: r.id, component: 'dosing', actionIds: [i.planned.action], basis: i.def.basisOf,
        title: `${i.def.name}: dose not checked — ${note}.`, teachingPoint: 'A dose can only be checked against a weight- or BSA-based rule when the weight (and height) are recorded.', expertAction: 'Record weight and height, then dose by them.' }));
    }
  }

  // Components.
  const W = SCORING_FORMULA.componentWeights;
  const keyActions = fraction(outcomeList, (o) => o.present);
  const dosing = fraction(outcomeList, (o) => o.doseOk);
  const timing = fraction(outcomeList, (o) => o.onTime);
  const safeguarded = fraction(outcomeList, (o) => o.safeguarded);
  const harmful = harmfulInstances.length > 0;
  const riskFactor = Math.max(0, 1 - SCORING_FORMULA.riskyExtraPenalty * riskyInstances.length);
  const safety = harmful ? 0 : safeguarded.value * riskFactor;
  const fractions: { readonly [K in ComponentId]: number } = { diagnosis: diagCredit, keyActions: keyActions.value, dosing: dosing.value, timing: timing.value, safety };
  const explanations: { readonly [K in ComponentId]: string } = {
    diagnosis: `leading diagnosis "${leading}"; accepted: ${expected.diagnoses.full.join(', ')}${expected.diagnoses.partial.length ? `; partly right: ${expected.diagnoses.partial.join(', ')}` : ''}`,
    keyActions: `${outcomeList.filter((o) => o.present).length} of ${outcomeList.length} expected requirements present (weighted)`,
    dosing: dosing.counted === 0 ? 'no dosed requirement' : `${outcomeList.filter((o) => o.doseOk === true).length} of ${outcomeList.filter((o) => o.doseOk !== null).length} dosed requirements within the sourced dose`,
    timing: timing.counted === 0 ? 'no timed requirement' : `${outcomeList.filter((o) => o.onTime === true).length} of ${outcomeList.filter((o) => o.onTime !== null).length} timed requirements on time`,
    safety: harmful ? `harmful action present: ${harmfulInstances.map((i) => i.planned.action).join(', ')}` : `${outcomeList.filter((o) => o.safeguarded).length} of ${outcomeList.length} requirements safeguarded; ${riskyInstances.length} risky extra(s)`,
  };
  const components: ScoreComponent[] = (Object.keys(W) as ComponentId[]).map((id) => ({
    id, label: COMPONENT_LABELS[id], weight: W[id], fraction: round1(fractions[id] * 1000) / 1000, points: round1(W[id] * fractions[id]), explanation: explanations[id],
  }));
  const raw = (Object.keys(W) as ComponentId[]).reduce((sum, id) => sum + W[id] * fractions[id], 0);
  const overall = harmful ? (raw * SCORING_FORMULA.harmfulCap) / 100 : raw;

  const order: Record<FeedbackItem['severity'], number> = { harmful: 0, 'critical-omission': 1, 'dose-error': 2, late: 3, suboptimal: 4, good: 5 };
  const allFeedback = [...diagFeedback, ...pitfallFeedback, ...extraFeedback, ...reqFeedback]
    .map((item, n) => ({ item, n }))
    .sort((a, b) => order[a.item.severity] - order[b.item.severity] || a.n - b.n)
    .map(({ item }) => item);

  const report: ScoreReport = {
    schemaVersion: 1,
    caseId: c.id,
    stage,
    decisionHour,
    overall: Math.min(100, Math.max(0, round1(overall))),
    rawOverall: Math.min(100, Math.max(0, round1(raw))),
    capped: harmful,
    components,
    formula: {
      text: formulaText(),
      componentWeights: { ...W },
      requirementWeights: { ...SCORING_FORMULA.requirementWeights },
      harmfulCap: SCORING_FORMULA.harmfulCap,
      riskyExtraPenalty: SCORING_FORMULA.riskyExtraPenalty,
      roundingAllowance: SCORING_FORMULA.roundingAllowance,
    },
    caseReading: f.readings.map((r) => ({ ...r })),
    expected: {
      diagnoses: [...expected.diagnoses.full],
      requirements: outcomeList.map((o) => ({
        id: o.requirement.id, label: o.requirement.label, level: o.requirement.level, satisfiedBy: [...o.requirement.satisfiers], present: o.present,
        doseOk: o.doseOk, onTime: o.onTime, safeguarded: o.safeguarded,
        ...(o.requirement.byHour !== undefined ? { byHour: decisionHour + o.requirement.byHour } : {}),
        statementIds: [...o.requirement.basisOf.statementIds], citations: [...o.requirement.basisOf.citations],
      })),
    },
    feedback: allFeedback,
    disclaimer: SCORE_DISCLAIMER,
  };
  if (harmful) report.capReason = `harmful: ${harmfulInstances.map((i) => i.planned.action).join(', ')} — score scaled to at most ${SCORING_FORMULA.harmfulCap}`;
  return report;
}
