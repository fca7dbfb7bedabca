import { caseStream, formatMix, resolveMix, type Difficulty, type Mix } from '@masdrill/generator';
import { createSession, expertAnswers, hashSeed, sessionReducer, type SessionState } from '@masdrill/quiz';
import { ACTIONS, planAnswerOf, type Case, type Scenario, type ScenarioStage } from '@masdrill/rules';
import { checkedOrThrow } from './checked.js';
import { criteriaItem } from './criteria-item.js';
import { diagnosisItem } from './diagnosis-item.js';
import { doseItem } from './dose-item.js';
import { escalationItem } from './escalation-item.js';
import { ITEM_TOPICS, type ExamItem, type ItemSource, type ItemTopic } from './exam-item.js';
import { itemProblems } from './check-item.js';
import type { DraftItem, ItemContext } from './item-context.js';
import { nextStepItem } from './next-step-item.js';
import { pitfallItem } from './pitfall-item.js';

export interface ExamSpec {
  /** Items from generated cases. */
  readonly n: number;
  readonly mix: Mix | string;
  readonly seed: number;
  readonly difficulty?: Difficulty;
  /** Authored scenarios (with their resolved case): one key-features item per question each stage asks. */
  readonly scenarios?: readonly { readonly scenario: Scenario; readonly baseCase: Case }[];
}

export interface RejectedItem {
  readonly id: string;
  readonly problems: readonly string[];
}

export interface Exam {
  readonly title: string;
  /** The options that rebuild this exam, in words (booklet header, manifest). */
  readonly description: string;
  readonly seed: number;
  readonly items: readonly ExamItem[];
  /** Candidate items the checks refused (the exam drew further cases instead). */
  readonly rejected: readonly RejectedItem[];
}

const BUILDERS: { readonly [K in ItemTopic]: (ctx: ItemContext) => DraftItem | undefined } = {
  diagnosis: diagnosisItem,
  criteria: criteriaItem,
  'next-step': nextStepItem,
  dose: doseItem,
  escalation: escalationItem,
  pitfall: pitfallItem,
};

/** Stages of a generated patient: presentation, and a 12-hour reassessment after a first plan. */
const EXAM_STAGES: ScenarioStage[] = [
  { id: 'presentation', hour: 0, title: 'Presentation', asks: ['diagnosis', 'criteria', 'plan'] },
  { id: 'reassess-12h', hour: 12, title: '12-hour reassessment', asks: ['escalation', 'plan'] },
];

/** How many cases the exam may draw per item asked for before it gives up (every candidate refused). */
const MAX_DRAWS_PER_ITEM = 10;

function contextOf(
  state: SessionState,
  idBase: string,
  source: Omit<ItemSource, 'hour' | 'caseId'>,
  orderSeed: number,
): ItemContext {
  const view = state.current!;
  const planInForce = state.plans[state.plans.length - 1];
  return {
    idBase,
    hour: view.hour,
    visible: view.visible,
    caseNow: view.caseNow,
    expected: view.expected,
    orderSeed,
    source: { ...source, caseId: view.caseNow.id, hour: view.hour },
    ...(planInForce && view.index > 0
      ? {
          reassessment: {
            planInForce,
            expectedEscalation: view.expectedEscalation,
            reasons: view.courseReasons,
            planStage: view.planStage,
            masTreatment: view.masTreatment,
          },
        }
      : {}),
  };
}

/** Answers the current stage (the expert's, or the given plan) and moves on to the next stage. */
export function advance(
  state: SessionState,
  planOverride?: (s: SessionState) => ReturnType<typeof planAnswerOf>,
): SessionState {
  const a = expertAnswers(state);
  let s = state;
  if (a.diagnosis !== undefined) s = sessionReducer(s, { type: 'answerDiagnosis', diagnosis: a.diagnosis });
  if (a.criteria !== undefined) s = sessionReducer(s, { type: 'answerCriteria', criteria: a.criteria });
  if (a.escalation !== undefined) s = sessionReducer(s, { type: 'answerEscalation', escalation: a.escalation });
  const plan = planOverride ? planOverride(state) : a.plan;
  if (plan !== undefined) s = sessionReducer(s, { type: 'submitPlan', plan });
  if (s.error) throw new Error(`exam session refused an answer: ${s.error}`);
  return sessionReducer(s, { type: 'advance' });
}

/**
 * The first plan for a reassessment item: the expert's plan without its second agents
 * (immunomodulators), as a team that starts a glucocorticoid alone would write it. Whether that is
 * enough is the patient's course to say, so the key goes either way.
 */
function firstPlanWithoutSecondAgents(state: SessionState) {
  const answer = planAnswerOf(state.current!.expected.plan);
  return {
    ...answer,
    actions: answer.actions.filter(
      (a) => ACTIONS[(a as { action: keyof typeof ACTIONS }).action].category !== 'immunomodulator',
    ),
  };
}

function generatedCandidate(c: Case, topic: ItemTopic, seed: number, index: number): DraftItem | undefined {
  const scenario: Scenario = {
    schemaVersion: 1,
    id: `exam-${seed}-${index}`,
    title: 'Exam case',
    summary: 'A generated patient for an exam item.',
    teaches: ['DX-3'],
    case: 'generated',
    stages: EXAM_STAGES as Scenario['stages'],
  };
  let state = sessionReducer(createSession(scenario, c), { type: 'start' });
  if (topic === 'escalation') state = advance(state, firstPlanWithoutSecondAgents);
  const idBase = `s${seed}-c${String(index).padStart(4, '0')}`;
  return BUILDERS[topic](contextOf(state, idBase, { seed, index }, (hashSeed(idBase) ^ seed) >>> 0));
}

function scenarioCandidates(scenario: Scenario, baseCase: Case): DraftItem[] {
  const out: DraftItem[] = [];
  // The scenario id can name the diagnosis ("sjia-mas-classic"): item ids carry a hash of it instead.
  const tag = `sc${hashSeed(scenario.id).toString(36)}`;
  let state = sessionReducer(createSession(scenario, baseCase), { type: 'start' });
  while (state.phase === 'stage') {
    const view = state.current!;
    const idBase = `${tag}-${view.stage.id}`;
    const ctx = contextOf(state, idBase, { scenarioId: scenario.id, stageId: view.stage.id }, hashSeed(idBase));
    for (const ask of view.stage.asks) {
      const topics: ItemTopic[] = ask === 'plan' ? ['next-step', 'dose'] : [ask];
      for (const t of topics) {
        const item = BUILDERS[t](ctx);
        if (item) {
          out.push(item);
          break;
        }
      }
    }
    state = advance(state);
  }
  return out;
}

/**
 * Builds an exam: `n` items from a generated cohort (case i of the seed's mix; topics in rotation,
 * each item checked, a refused or impossible item replaced from the next case), then the
 * scenarios' key-features items. Pure and deterministic: same spec, same exam.
 */
export function buildExam(spec: ExamSpec): Exam {
  const mix = resolveMix({ mix: spec.mix });
  const items: DraftItem[] = [];
  const rejected: RejectedItem[] = [];
  const seen = new Set<string>();
  const accept = (item: DraftItem): boolean => {
    const problems = itemProblems(item);
    if (seen.has(item.id)) problems.push('id repeats an earlier item');
    if (problems.length) {
      rejected.push({ id: item.id, problems });
      return false;
    }
    seen.add(item.id);
    items.push(item);
    return true;
  };
  const maxCases = Math.max(spec.n * MAX_DRAWS_PER_ITEM, 10);
  let made = 0;
  let index = 0;
  for (const c of caseStream({ mix, n: maxCases, seed: spec.seed, difficulty: spec.difficulty ?? 'standard' })) {
    if (made >= spec.n) break;
    const first = made % ITEM_TOPICS.length;
    for (let k = 0; k < ITEM_TOPICS.length; k++) {
      const item = generatedCandidate(c, ITEM_TOPICS[(first + k) % ITEM_TOPICS.length]!, spec.seed, index);
      if (item && accept(item)) {
        made++;
        break;
      }
    }
    index++;
  }
  if (made < spec.n) throw new RangeError(`only ${made} of ${spec.n} items could be built from ${maxCases} cases`);
  for (const s of spec.scenarios ?? []) for (const item of scenarioCandidates(s.scenario, s.baseCase)) accept(item);
  const numbered = checkedOrThrow(items.map((item, i) => ({ ...item, number: i + 1 })));
  const scenarioNote = spec.scenarios?.length
    ? `, scenarios ${spec.scenarios.map((s) => s.scenario.id).join(', ')}`
    : '';
  return {
    title: `masdrill exam, seed ${spec.seed}`,
    description: `${spec.n} items from generated cases (mix ${formatMix(mix)}, seed ${spec.seed}, difficulty ${spec.difficulty ?? 'standard'})${scenarioNote}; ${numbered.length} items in all.`,
    seed: spec.seed,
    items: numbered,
    rejected,
  };
}
