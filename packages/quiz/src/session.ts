import { respondToPlans, type PatientResponse } from '@masdrill/generator';
import { expectedPlan, formatProblem, validatePlan, type Case, type Scenario, type StageAnswers } from '@masdrill/rules';
import { escalationFor, planStageFor } from './course-stage.js';
import { ALL_CRITERIA_SETS, defaultDiagnosisOptions, scenarioSeed } from './questions.js';
import type { CourseEntry, SessionAction, SessionState, StageView } from './session-types.js';
import { scoreStage, stagePlan } from './stage-score.js';
import { visibleCase } from './visible-case.js';

/** How long after the last stage the final course is read, in hours. */
export const FINAL_COURSE_AFTER_HOURS = 24;

/** A new session over a scenario and its (resolved) case, before start. */
export function createSession(scenario: Scenario, baseCase: Case): SessionState {
  return { scenario, baseCase, phase: 'ready', stageIndex: -1, answers: [], plans: [], reports: [], courses: [] };
}

function courseEntry(stageId: string, r: PatientResponse): CourseEntry {
  return { stageId, hour: r.hour, course: r.course, inadequate: r.inadequate, masTreatment: r.masTreatment, reasons: r.reasons };
}

function stageView(state: SessionState, index: number): { view: StageView; course?: CourseEntry } {
  const stage = state.scenario.stages[index]!;
  // The patient as of this hour after the plans so far (at presentation: the case up to hour 0).
  const r = respondToPlans(state.baseCase, state.plans, stage.hour);
  const caseNow = r.case;
  const response = index > 0 ? r : undefined;
  const course = response ? courseEntry(stage.id, response) : undefined;
  const coursePlanStage = planStageFor(response, index > 0 ? state.current?.coursePlanStage : undefined);
  const planStage = stage.planStage ?? coursePlanStage;
  const expected = expectedPlan(caseNow, planStage, stage.hour);
  const view: StageView = {
    index, stage, hour: stage.hour, visible: visibleCase(caseNow, stage.hour), caseNow,
    ...(course ? { course: course.course } : {}), courseReasons: course?.reasons ?? [], planStage, coursePlanStage,
    expectedEscalation: escalationFor(response), expected,
    diagnosisOptions: stage.diagnosisOptions ?? defaultDiagnosisOptions(expected.diagnoses.full[0]!, (scenarioSeed(state.scenario) + index) >>> 0),
    criteriaSets: stage.criteriaSets ?? ALL_CRITERIA_SETS,
  };
  return course ? { view, course } : { view };
}

function refuse(state: SessionState, error: string): SessionState {
  return { ...state, error };
}

function withAnswer(state: SessionState, patch: StageAnswers): SessionState {
  const answers = [...state.answers];
  answers[state.stageIndex] = { ...(answers[state.stageIndex] ?? {}), ...patch };
  const { error: _error, ...rest } = state;
  return { ...rest, answers };
}

/**
 * The session reducer: (state, action) → state. Pure — time moves only on "advance", randomness
 * only from the scenario's seed. A refused action returns the state unchanged but for `error`.
 */
export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  if (action.type === 'start') {
    if (state.phase !== 'ready') return refuse(state, 'the session has already started');
    const { view, course } = stageView(state, 0);
    const { error: _error, ...rest } = state;
    return { ...rest, phase: 'stage', stageIndex: 0, current: view, courses: course ? [course] : [] };
  }
  if (state.phase !== 'stage' || !state.current) return refuse(state, state.phase === 'ready' ? 'start the session first' : 'the session is finished');
  const view = state.current;
  const asks = view.stage.asks;
  const notAsked = (q: string) => refuse(state, `stage "${view.stage.id}" does not ask "${q}" (it asks ${asks.join(', ')})`);
  switch (action.type) {
    case 'answerDiagnosis':
      if (!asks.includes('diagnosis')) return notAsked('diagnosis');
      if (!view.diagnosisOptions.includes(action.diagnosis)) return refuse(state, `"${action.diagnosis}" is not one of the choices: ${view.diagnosisOptions.join(', ')}`);
      return withAnswer(state, { diagnosis: action.diagnosis });
    case 'answerCriteria': {
      if (!asks.includes('criteria')) return notAsked('criteria');
      const unknown = action.criteria.filter((c) => !view.criteriaSets.includes(c));
      if (unknown.length) return refuse(state, `not asked about here: ${unknown.join(', ')} (the sets: ${view.criteriaSets.join(', ')})`);
      return withAnswer(state, { criteria: [...new Set(action.criteria)] });
    }
    case 'answerEscalation':
      if (!asks.includes('escalation')) return notAsked('escalation');
      return withAnswer(state, { escalation: action.escalation });
    case 'submitPlan': {
      if (!asks.includes('plan')) return notAsked('plan');
      const candidate = withAnswer(state, { plan: action.plan });
      const plan = stagePlan(view, candidate.answers[state.stageIndex]!, state.answers.slice(0, state.stageIndex));
      const v = validatePlan(plan, `stage ${view.stage.id} plan`);
      if (!v.ok) return refuse(state, v.problems.map(formatProblem).join('\n'));
      return candidate;
    }
    case 'advance': {
      const idx = state.stageIndex;
      const answers = state.answers[idx] ?? {};
      const earlier = state.answers.slice(0, idx);
      const report = scoreStage(view, answers, earlier);
      const plan = stagePlan(view, answers, earlier);
      const { error: _error, ...rest } = state;
      const next: SessionState = { ...rest, answers: Array.from({ length: idx + 1 }, (_, i) => state.answers[i] ?? {}), plans: plan ? [...state.plans, plan] : state.plans, reports: [...state.reports, report] };
      if (idx + 1 < state.scenario.stages.length) {
        const entered = stageView(next, idx + 1);
        return { ...next, stageIndex: idx + 1, current: entered.view, courses: entered.course ? [...next.courses, entered.course] : next.courses };
      }
      const finalHour = view.hour + FINAL_COURSE_AFTER_HOURS;
      const { current: _current, ...done } = next;
      return { ...done, phase: 'finished', finalCourse: courseEntry('end', respondToPlans(state.baseCase, next.plans, finalHour)) };
    }
  }
}
