import {
  STATEMENTS,
  bySeverity,
  criteriaKeyOf,
  isStatementId,
  scorePlan,
  type DiagnosisId,
  type FeedbackItem,
  type Question,
  type ScoreReport,
} from '@masdrill/rules';
import { escalationFeedback } from './escalation-feedback.js';
import { criteriaFeedback, diagnosisFeedback, planNotes } from './question-feedback.js';
import { criteriaAt } from './questions.js';
import type {
  GivenAnswers,
  QuestionResult,
  StageFeedback,
  StageReport,
  StageShown,
  StageView,
} from './session-types.js';
import { planLines } from './stage-situation.js';

/** How much each question weighs in a stage's score (the questions a stage asks, renormalised). */
export const QUESTION_WEIGHTS: { readonly [K in Question]: number } = {
  diagnosis: 15,
  criteria: 15,
  escalation: 10,
  plan: 60,
};

/**
 * The diagnosis a stage's plan is made under: this stage's answer; where the stage does not ask for
 * one, the expected diagnosis (the plan is not marked down for a question not asked now); where it
 * asks but gets no answer, the last one given.
 */
export function workingDiagnosis(
  view: StageView,
  answers: GivenAnswers,
  earlier: readonly GivenAnswers[],
): DiagnosisId {
  const expected = () => view.expected.diagnoses.full[0]!;
  if (answers.diagnosis !== undefined) return answers.diagnosis;
  if (!view.stage.asks.includes('diagnosis')) return expected();
  return [...earlier].reverse().find((a) => a.diagnosis !== undefined)?.diagnosis ?? expected();
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The latest vital signs and lab panel the chart shows at the stage's hour. */
function shownAt(view: StageView): StageShown {
  const vitals = view.visible.observations.filter((o) => o.hour <= view.hour).pop();
  const labs = view.visible.labs.filter((l) => l.hour <= view.hour).pop();
  return { ...(vitals ? { vitals } : {}), ...(labs ? { labs } : {}) };
}

/** Scores one stage's answers (the plan as stored when it was submitted). Pure. */
export function scoreStage(
  view: StageView,
  answers: GivenAnswers,
  _earlier: readonly GivenAnswers[] = [],
): StageReport {
  const asks = view.stage.asks;
  const expected = view.expected;
  const f = expected.features;
  const questions: QuestionResult[] = [];
  const feedback: StageFeedback[] = [];
  const add = (question: Question, items: readonly FeedbackItem[]) => {
    for (const i of items) feedback.push({ ...i, question });
  };
  let planReport: ScoreReport | undefined;

  for (const q of asks) {
    const weight = QUESTION_WEIGHTS[q];
    switch (q) {
      case 'diagnosis': {
        const a = answers.diagnosis;
        const fraction =
          a === undefined
            ? 0
            : expected.diagnoses.full.includes(a)
              ? 1
              : expected.diagnoses.partial.includes(a)
                ? 0.5
                : 0;
        questions.push({ question: q, weight, fraction, answer: a ?? null, expected: [...expected.diagnoses.full] });
        add(q, diagnosisFeedback(a, expected.diagnoses, f, view.visible));
        break;
      }
      case 'criteria': {
        // Per set: right when the judgement (met, not-met, not-assessable) equals the key on the chart by now.
        const results = criteriaAt(view.visible, view.hour, view.criteriaSets);
        const said = answers.criteria;
        const right = said === undefined ? 0 : results.filter((r) => said[r.id] === criteriaKeyOf(r.status)).length;
        questions.push({
          question: q,
          weight,
          fraction: results.length ? right / results.length : 1,
          answer: said ? { ...said } : null,
          expected: Object.fromEntries(results.map((r) => [r.id, criteriaKeyOf(r.status)])),
        });
        add(q, criteriaFeedback(said, results, f));
        break;
      }
      case 'escalation': {
        const exp = view.expectedEscalation;
        questions.push({
          question: q,
          weight,
          fraction: answers.escalation === exp ? 1 : 0,
          answer: answers.escalation ?? null,
          expected: exp,
        });
        add(
          q,
          escalationFeedback(answers.escalation, exp, {
            features: f,
            planStage: view.planStage,
            masTreatment: view.masTreatment,
            reasons: view.courseReasons,
          }),
        );
        break;
      }
      case 'plan': {
        const plan = answers.plan;
        if (!plan) {
          questions.push({ question: q, weight, fraction: 0, answer: null, expected: expected.plan });
          add(q, [
            {
              severity: 'critical-omission',
              title: 'No management plan given.',
              teachingPoint: 'Do not delay treatment while the work-up is completed (PIT-1).',
              expertAction: 'Give the plan for this stage.',
              statementIds: ['PIT-1'],
              citations: ['guideline'],
            },
          ]);
          break;
        }
        planReport = scorePlan(view.caseNow, plan, { priorOrders: view.priorOrders });
        questions.push({
          question: q,
          weight,
          fraction: planReport.overall / 100,
          answer: plan,
          expected: expected.plan,
        });
        add(q, planReport.feedback);
        add(q, planNotes(plan, f));
        break;
      }
    }
  }
  const totalWeight = questions.reduce((s, x) => s + x.weight, 0);
  const score =
    totalWeight === 0 ? 100 : round1((questions.reduce((s, x) => s + x.weight * x.fraction, 0) / totalWeight) * 100);
  const quoted = feedback.map(
    (item): StageFeedback => ({
      ...item,
      quotes: item.statementIds.filter(isStatementId).map((id) => ({ id, text: STATEMENTS[id].paraphrase })),
    }),
  );
  const sorted = bySeverity(quoted);
  const uniq = (items: readonly StageFeedback[]) => [...new Set(items.flatMap((i) => i.statementIds))].sort();
  return {
    stageId: view.stage.id,
    title: view.stage.title,
    hour: view.hour,
    ...(view.stage.prompt ? { prompt: view.stage.prompt } : {}),
    ...(view.situation ? { situation: view.situation } : {}),
    shown: shownAt(view),
    expertOrders: view.stage.asks.includes('plan') ? planLines(view.expected.plan.actions) : [],
    planStage: view.planStage,
    coursePlanStage: view.coursePlanStage,
    ...(view.course ? { course: view.course } : {}),
    score,
    questions,
    ...(planReport ? { plan: planReport } : {}),
    feedback: sorted,
    problemStatementIds: uniq(sorted.filter((i) => i.severity !== 'good')),
    statementIds: uniq(sorted),
  };
}
