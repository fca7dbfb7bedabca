import { respondToPlans, type CourseReason, type PatientResponse } from '@masdrill/generator';
import {
  CRITERIA_ANSWERS,
  completePlan,
  criteriaJudgement,
  criteriaNamed,
  expectedPlan,
  formatProblem,
  validatePlan,
  type Case,
  type PlannedAction,
  type Plan,
  type Scenario,
  type ScenarioStage,
} from '@masdrill/rules';
import { escalationFor, planStageFor } from './course-stage.js';
import { isChangeable, isDone, makeOrder, notStopped, priorOrdersAt, reconcile, type Order } from './orders.js';
import { ALL_CRITERIA_SETS, defaultDiagnosisOptions, scenarioSeed } from './questions.js';
import type {
  CourseEntry,
  GivenAnswers,
  OrderInput,
  SessionAction,
  SessionState,
  StageFeedback,
  StageReport,
  StageView,
} from './session-types.js';
import { stageOrderLines, stageSituation } from './stage-situation.js';
import { scoreStage, workingDiagnosis } from './stage-score.js';
import { visibleCase } from './visible-case.js';

/** How long after the last stage the final course is read, in hours. */
export const FINAL_COURSE_AFTER_HOURS = 24;

/** A new session over a scenario and its (resolved) case, before start. */
export function createSession(scenario: Scenario, baseCase: Case): SessionState {
  return {
    scenario,
    baseCase,
    phase: 'ready',
    stageIndex: -1,
    answers: [],
    orders: [],
    plans: [],
    reports: [],
    courses: [],
  };
}

function courseEntry(stageId: string, r: PatientResponse): CourseEntry {
  return {
    stageId,
    hour: r.hour,
    course: r.course,
    inadequate: r.inadequate,
    masTreatment: r.masTreatment,
    reasons: r.reasons,
  };
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
  const priorOrders = priorOrdersAt(state.orders, index, stage.hour);
  const expected = expectedPlan(caseNow, planStage, stage.hour, { priorOrders });
  const visible = visibleCase(caseNow, stage.hour);
  const view: StageView = {
    index,
    stage,
    hour: stage.hour,
    visible,
    caseNow,
    ...(course ? { course: course.course } : {}),
    courseReasons: course?.reasons ?? [],
    masTreatment: course?.masTreatment ?? 'none',
    planStage,
    coursePlanStage,
    situation: stageSituation(
      visible,
      state.orders,
      index > 0 ? state.scenario.stages[index - 1]!.hour : 0,
      stage.hour,
      course?.course,
    ),
    expectedEscalation: escalationFor(response),
    priorOrders,
    expected,
    diagnosisOptions:
      stage.diagnosisOptions ??
      defaultDiagnosisOptions(expected.diagnoses.full[0]!, (scenarioSeed(state.scenario) + index) >>> 0),
    criteriaSets: stage.criteriaSets ?? ALL_CRITERIA_SETS,
  };
  return course ? { view, course } : { view };
}

/** A stage the patient did not live to: 0, with why. */
function unreachedStage(stage: ScenarioStage, diedAtHour: number, reasons: readonly CourseReason[]): StageReport {
  const ids = [...new Set(reasons.flatMap((r) => r.statementIds))].sort();
  const feedback: StageFeedback = {
    question: 'plan',
    severity: 'critical-omission',
    title: `The patient died at hour ${diedAtHour}, before this stage (hour ${stage.hour}).`,
    teachingPoint: reasons.map((r) => r.text).join(' '),
    expertAction: 'Treat what is on the chart at once: the patient could not wait for the next reassessment.',
    statementIds: ids,
    citations: [...new Set(reasons.flatMap((r) => r.citations))],
  };
  return {
    stageId: stage.id,
    title: stage.title,
    hour: stage.hour,
    planStage: 'presentation',
    coursePlanStage: 'presentation',
    course: 'worsening',
    score: 0,
    questions: [],
    feedback: [feedback],
    problemStatementIds: ids,
    statementIds: ids,
  };
}

function refuse(state: SessionState, error: string): SessionState {
  return { ...state, error };
}

function withAnswer(state: SessionState, patch: GivenAnswers): SessionState {
  const answers = [...state.answers];
  const before = answers[state.stageIndex] ?? {};
  let next: GivenAnswers = { ...before, ...patch };
  // The stored plan carries the working diagnosis: a diagnosis answered after it moves it along.
  if (patch.diagnosis !== undefined && before.plan && !patch.plan)
    next = { ...next, plan: { ...before.plan, diagnosis: { ...before.plan.diagnosis, leading: patch.diagnosis } } };
  answers[state.stageIndex] = next;
  const { error: _error, ...rest } = state;
  return { ...rest, answers };
}

/** The orders changed at this stage: the submitted plan no longer says what is in force. */
function withOrders(
  state: SessionState,
  orders: readonly Order[],
  reassessEveryHours = state.reassessEveryHours,
): SessionState {
  const answers = [...state.answers];
  const { plan: _plan, ...kept } = answers[state.stageIndex] ?? {};
  answers[state.stageIndex] = kept;
  const { error: _error, reassessEveryHours: _r, ...rest } = state;
  return { ...rest, answers, orders, ...(reassessEveryHours !== undefined ? { reassessEveryHours } : {}) };
}

const orderNumber = (orders: readonly Order[]) => orders.length + 1;

/** An order input checked as a one-action plan (schema, catalogue, dose shape); the message names what is wrong. */
function checkOrder(view: StageView, input: OrderInput): { planned: PlannedAction } | { error: string } {
  const planned = { ...input, atHour: input.atHour ?? view.hour } as PlannedAction;
  if (planned.atHour < view.hour)
    return { error: `an order cannot start in the past (atHour ${planned.atHour}, now hour ${view.hour})` };
  const v = validatePlan(
    completePlan({ actions: [planned as never] }, { stage: view.planStage, decisionHour: view.hour, leading: 'other' }),
    `stage ${view.stage.id} order`,
  );
  if (!v.ok) return { error: v.problems.map(formatProblem).join('\n') };
  return { planned };
}

/**
 * The plan the orders make at this stage: the orders in force from now on (running, pending and new;
 * not what is done — one-offs given and courses run are the rules' priorOrders), the interval and
 * the working diagnosis.
 */
export function planOfOrders(state: SessionState, view: StageView, answers: GivenAnswers): Plan {
  const actions = notStopped(state.orders, view.hour)
    .filter((o) => !isDone(o, view.hour))
    .map((o) => ({ ...o.planned }));
  const earlier = state.answers.slice(0, view.index);
  return completePlan(
    {
      actions: actions as never,
      ...(state.reassessEveryHours !== undefined ? { reassessEveryHours: state.reassessEveryHours } : {}),
    },
    {
      caseId: view.caseNow.id,
      stage: view.planStage,
      decisionHour: view.hour,
      leading: workingDiagnosis(view, answers, earlier),
    },
  );
}

/** What the patient receives from this stage on: every order not stopped, as written (a run course's follow-on carries on). */
function ordersInForce(state: SessionState, view: StageView): Plan {
  return completePlan(
    { actions: notStopped(state.orders, view.hour).map((o) => ({ ...o.planned })) as never },
    { caseId: view.caseNow.id, stage: view.planStage, decisionHour: view.hour, leading: 'other' },
  );
}

/** Applies a whole plan's actions to the orders (continue, modify, stop, add). */
function applyWholePlan(state: SessionState, view: StageView, actions: readonly PlannedAction[]): readonly Order[] {
  const r = reconcile(state.orders, actions, view.hour);
  let orders = state.orders.map((o) =>
    r.stop.includes(o.id) || r.modify.some((m) => m.id === o.id)
      ? { ...o, stoppedAtHour: view.hour, stoppedAtStage: view.index }
      : o,
  );
  for (const m of r.modify)
    orders = [
      ...orders,
      makeOrder(
        `o${orderNumber(orders)}`,
        { ...m.planned, atHour: Math.max(m.planned.atHour, view.hour) },
        view.index,
        m.id,
      ),
    ];
  for (const a of r.add) orders = [...orders, makeOrder(`o${orderNumber(orders)}`, a, view.index)];
  return orders;
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
  if (state.phase !== 'stage' || !state.current)
    return refuse(state, state.phase === 'ready' ? 'start the session first' : 'the session is finished');
  const view = state.current;
  const asks = view.stage.asks;
  const notAsked = (q: string) =>
    refuse(state, `stage "${view.stage.id}" does not ask "${q}" (it asks ${asks.join(', ')})`);
  const findOrder = (id: string) => state.orders.find((o) => o.id === id);
  switch (action.type) {
    case 'answerDiagnosis':
      if (!asks.includes('diagnosis')) return notAsked('diagnosis');
      if (!view.diagnosisOptions.includes(action.diagnosis))
        return refuse(state, `"${action.diagnosis}" is not one of the choices: ${view.diagnosisOptions.join(', ')}`);
      return withAnswer(state, { diagnosis: action.diagnosis });
    case 'answerCriteria': {
      if (!asks.includes('criteria')) return notAsked('criteria');
      const unknown = criteriaNamed(action.criteria).filter((c) => !view.criteriaSets.includes(c));
      if (unknown.length)
        return refuse(state, `not asked about here: ${unknown.join(', ')} (the sets: ${view.criteriaSets.join(', ')})`);
      const wrong = Object.values(Array.isArray(action.criteria) ? {} : action.criteria).filter(
        (a) => !CRITERIA_ANSWERS.includes(a),
      );
      if (wrong.length)
        return refuse(state, `a criteria set is judged ${CRITERIA_ANSWERS.join(', ')}, not ${wrong.join(', ')}`);
      return withAnswer(state, { criteria: criteriaJudgement(action.criteria, view.criteriaSets) });
    }
    case 'answerEscalation':
      if (!asks.includes('escalation')) return notAsked('escalation');
      return withAnswer(state, { escalation: action.escalation });
    case 'addOrder': {
      if (!asks.includes('plan')) return notAsked('plan');
      const c = checkOrder(view, action.order);
      if ('error' in c) return refuse(state, c.error);
      return withOrders(state, [...state.orders, makeOrder(`o${orderNumber(state.orders)}`, c.planned, view.index)]);
    }
    case 'stopOrder':
    case 'modifyOrder': {
      if (!asks.includes('plan')) return notAsked('plan');
      const o = findOrder(action.orderId);
      if (!o)
        return refuse(
          state,
          `no order "${action.orderId}" (the orders: ${state.orders.map((x) => x.id).join(', ') || 'none'})`,
        );
      if (!isChangeable(o, view.hour) || (o.stoppedAtHour !== undefined && o.stoppedAtHour <= view.hour))
        return refuse(
          state,
          `order ${o.id} (${o.planned.action}) is not in force: it cannot be ${action.type === 'stopOrder' ? 'stopped' : 'changed'}`,
        );
      const stopped = state.orders.map((x) =>
        x.id === o.id ? { ...x, stoppedAtHour: view.hour, stoppedAtStage: view.index } : x,
      );
      if (action.type === 'stopOrder') return withOrders(state, stopped);
      const c = checkOrder(view, { ...action.order, action: action.order.action ?? o.planned.action });
      if ('error' in c) return refuse(state, c.error);
      return withOrders(state, [...stopped, makeOrder(`o${orderNumber(stopped)}`, c.planned, view.index, o.id)]);
    }
    case 'continueOrder': {
      if (!asks.includes('plan')) return notAsked('plan');
      const o = findOrder(action.orderId);
      if (!o) return refuse(state, `no order "${action.orderId}"`);
      if (o.stoppedAtStage !== view.index) return withOrders(state, state.orders); // already continuing
      const orders = state.orders
        .filter((x) => !(x.replaces === o.id && x.writtenAtStage === view.index))
        .map((x) => {
          if (x.id !== o.id) return x;
          const { stoppedAtHour: _h, stoppedAtStage: _s, ...kept } = x;
          return kept;
        });
      return withOrders(state, orders);
    }
    case 'setReassessment':
      if (!asks.includes('plan')) return notAsked('plan');
      if (!(action.everyHours > 0 && action.everyHours <= 720))
        return refuse(state, `reassess every ${action.everyHours} h: give a number of hours above 0 and at most 720`);
      return withOrders(state, state.orders, action.everyHours);
    case 'submitPlan': {
      if (!asks.includes('plan')) return notAsked('plan');
      let next = state;
      if (action.plan) {
        const whole = completePlan(action.plan, {
          caseId: view.caseNow.id,
          stage: view.planStage,
          decisionHour: view.hour,
          leading: 'other',
        });
        const v = validatePlan(whole, `stage ${view.stage.id} plan`);
        if (!v.ok) return refuse(state, v.problems.map(formatProblem).join('\n'));
        next = withOrders(
          state,
          applyWholePlan(state, view, whole.actions),
          action.plan.reassessEveryHours ?? state.reassessEveryHours,
        );
      }
      const plan = planOfOrders(next, view, next.answers[state.stageIndex] ?? {});
      const v = validatePlan(plan, `stage ${view.stage.id} plan`);
      if (!v.ok) return refuse(state, v.problems.map(formatProblem).join('\n'));
      return withAnswer(next, { plan });
    }
    case 'advance': {
      const idx = state.stageIndex;
      const answers = state.answers[idx] ?? {};
      const report: StageReport = {
        ...scoreStage(view, answers, state.answers.slice(0, idx)),
        orders: stageOrderLines(state.orders, idx, view.hour),
      };
      const changedHere = state.orders.some((o) => o.writtenAtStage === idx || o.stoppedAtStage === idx);
      // The patient gets the orders in force whether or not they were submitted: orders persist.
      const inForce = answers.plan || changedHere ? ordersInForce(state, view) : undefined;
      const { error: _error, ...rest } = state;
      const next: SessionState = {
        ...rest,
        answers: Array.from({ length: idx + 1 }, (_, i) => state.answers[i] ?? {}),
        plans: inForce ? [...state.plans, inForce] : state.plans,
        reports: [...state.reports, report],
      };
      if (idx + 1 < state.scenario.stages.length) {
        const died = respondToPlans(state.baseCase, next.plans, state.scenario.stages[idx + 1]!.hour).diedAtHour;
        if (died !== undefined) {
          // The patient died before the next stage: the session ends there; the stages not reached score 0.
          const end = respondToPlans(state.baseCase, next.plans, died);
          const missed = state.scenario.stages.slice(idx + 1).map((stage) => unreachedStage(stage, died, end.reasons));
          const { current: _current, ...done } = next;
          return {
            ...done,
            phase: 'finished',
            reports: [...next.reports, ...missed],
            diedAtHour: died,
            finalCourse: courseEntry('end', end),
          };
        }
        const entered = stageView(next, idx + 1);
        return {
          ...next,
          stageIndex: idx + 1,
          current: entered.view,
          courses: entered.course ? [...next.courses, entered.course] : next.courses,
        };
      }
      const finalHour = view.hour + FINAL_COURSE_AFTER_HOURS;
      const { current: _current, ...done } = next;
      return {
        ...done,
        phase: 'finished',
        finalCourse: courseEntry('end', respondToPlans(state.baseCase, next.plans, finalHour)),
      };
    }
  }
}
