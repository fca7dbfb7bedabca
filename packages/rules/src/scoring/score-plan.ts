import type { Case } from '../generated/case.js';
import type { Plan } from '../generated/plan.js';
import type { FeedbackItem, ScoreReport } from '../generated/score-report.js';
import { caseFeatures } from '../guideline/case-features.js';
import { componentScores } from './components.js';
import type { PitfallFinding, RequirementOutcome, ScoringContext } from './context.js';
import { diagnosisCredit, diagnosisFeedback } from './diagnosis-feedback.js';
import { expectedPlanFor, type PlanOptions } from './expected-plan.js';
import { extrasFeedback, harmFeedback } from './extras-feedback.js';
import { SCORING_FORMULA, formulaText } from './formula.js';
import { PITFALLS } from './pitfalls.js';
import { instancesOf } from './plan-instances.js';
import { requirementFeedback } from './requirement-feedback.js';
import { outcomeFor } from './requirement-outcome.js';
import { bySeverity } from './severity.js';

export const SCORE_DISCLAIMER = 'For education and simulation only: synthetic patients, not clinical decision support.';

const round1 = (x: number) => Math.round(x * 10) / 10;

type Cap = NonNullable<PitfallFinding['cap']>;

/** The pitfalls found in the plan, the feedback they claim from the generic passes, and the caps they set. */
function pitfallsIn(ctx: ScoringContext): { items: FeedbackItem[]; claims: Set<string>; caps: Cap[] } {
  const items: FeedbackItem[] = [];
  const claims = new Set<string>();
  const caps: Cap[] = [];
  for (const p of PITFALLS) {
    const found = p.detect(ctx);
    items.push(...found.items);
    for (const claim of found.claims) claims.add(claim);
    if (found.cap) caps.push(found.cap);
  }
  return { items, claims, caps };
}

/**
 * Scores a plan against the guideline for this case. Pure. `options.priorOrders`: what was ordered
 * before this decision (one-offs done and courses finished are not expected again).
 */
export function scorePlan(c: Case, plan: Plan, options: PlanOptions = {}): ScoreReport {
  const stage = plan.stage ?? 'presentation';
  const decisionHour = plan.decisionHour ?? 0;
  const f = caseFeatures(c, stage, decisionHour, options.priorOrders, 'chart');
  const expected = expectedPlanFor(f);
  const instances = instancesOf(plan, f);
  const usable = instances.filter((i) => !i.harmful);
  const outcomes = new Map<string, RequirementOutcome>();
  for (const r of expected.requirements) outcomes.set(r.id, outcomeFor(r, usable, decisionHour, f));
  const outcomeList = [...outcomes.values()];
  const ctx: ScoringContext = { chart: c, features: f, expected, plan, decisionHour, instances, outcomes };

  // Pitfalls first: they claim the feedback the generic passes would otherwise repeat.
  const pitfalls = pitfallsIn(ctx);
  const claims = pitfalls.claims;
  const harmfulInstances = instances.filter((i) => i.harmful);
  const harmItems = harmfulInstances
    .filter((i) => !(claims.has(`dose:${i.index}`) && i.dose.harmful))
    .map((i) => harmFeedback(i, f));
  const satisfierIds = new Set<string>(expected.requirements.flatMap((r) => r.satisfiers));
  const bestIndices = new Set(outcomeList.flatMap((o) => (o.best ? [o.best.index] : [])));
  const extras = extrasFeedback(
    instances.filter((i) => !claims.has(`dose:${i.index}`)),
    bestIndices,
    satisfierIds,
    f,
    claims,
  );
  // A claimed overdose of a non-best copy still costs safety, as before the pitfall spoke.
  const risky = [
    ...extras.risky,
    ...instances.filter(
      (i) => claims.has(`dose:${i.index}`) && !i.harmful && !bestIndices.has(i.index) && i.dose.status === 'error',
    ),
  ];

  const diagCredit = diagnosisCredit(plan, expected.diagnoses);
  const diagItems = claims.has('diagnosis') ? [] : [diagnosisFeedback(plan, expected.diagnoses, f)];
  const reqItems = requirementFeedback(outcomeList, decisionHour, claims);
  const scores = componentScores(plan, expected.diagnoses, diagCredit, outcomeList, harmfulInstances, risky);
  // The lowest cap applies: a harmful action's, a dangerous omission's, a treatment advised against.
  const caps: Cap[] = [
    ...(scores.harmful
      ? [
          {
            percent: SCORING_FORMULA.harmfulCap,
            reason: `harmful: ${harmfulInstances.map((i) => i.planned.action).join(', ')}`,
          },
        ]
      : []),
    ...pitfalls.caps,
  ];
  const capPercent = caps.length ? Math.min(...caps.map((cap) => cap.percent)) : 100;
  const overall = (scores.raw * capPercent) / 100;

  const report: ScoreReport = {
    schemaVersion: 1,
    caseId: c.id,
    stage,
    decisionHour,
    overall: Math.min(100, Math.max(0, round1(overall))),
    rawOverall: Math.min(100, Math.max(0, round1(scores.raw))),
    capped: caps.length > 0,
    components: scores.components,
    formula: {
      text: formulaText(),
      componentWeights: { ...SCORING_FORMULA.componentWeights },
      requirementWeights: { ...SCORING_FORMULA.requirementWeights },
      harmfulCap: SCORING_FORMULA.harmfulCap,
      riskyExtraPenalty: SCORING_FORMULA.riskyExtraPenalty,
      roundingAllowance: SCORING_FORMULA.roundingAllowance,
    },
    caseReading: f.readings.map((r) => ({ ...r })),
    expected: {
      diagnoses: [...expected.diagnoses.full],
      requirements: outcomeList.map((o) => ({
        id: o.requirement.id,
        label: o.requirement.label,
        level: o.requirement.level,
        satisfiedBy: [...o.requirement.satisfiers],
        present: o.present,
        doseOk: o.doseOk,
        onTime: o.onTime,
        safeguarded: o.safeguarded,
        ...(o.requirement.byHour !== undefined ? { byHour: decisionHour + o.requirement.byHour } : {}),
        statementIds: [...o.requirement.basisOf.statementIds],
        citations: [...o.requirement.basisOf.citations],
      })),
    },
    feedback: bySeverity([...diagItems, ...pitfalls.items, ...harmItems, ...extras.items, ...reqItems]),
    disclaimer: SCORE_DISCLAIMER,
  };
  if (caps.length)
    report.capReason = `${caps.map((cap) => cap.reason).join('; ')} — score scaled to at most ${capPercent}`;
  return report;
}
