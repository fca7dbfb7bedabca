import {
  ACTIONS,
  ACTION_IDS,
  ANALYTES,
  CRITERIA_SETS,
  DIAGNOSIS_LABELS,
  NUMERIC_ANALYTES,
  STATEMENTS,
  UNIT_INFO,
  bodySurfaceAreaM2,
  caseFeatures,
  checkDose,
  fromCanonical,
  isStatementId,
  referenceLimit,
  unitFor,
  type ActionCategory,
  type ActionId,
  type Case,
  type CriteriaJudgement,
  type CriteriaSetId,
  type DiagnosisId,
  type Dose,
  type Escalation,
  type FeedbackItem,
  type Frequency,
  type NumericAnalyte,
  type PlannedAction,
  type Question,
  type Route,
  type UnitSystem,
} from '@masdrill/rules';
import { respondToPlans } from '@masdrill/generator';
import { judgementText } from './judgement-text.js';
import { isChangeable, orderStatus, type OrderStatus } from './orders.js';
import { sessionReport } from './report.js';
import { FINAL_COURSE_AFTER_HOURS } from './session.js';
import { visibleCase } from './visible-case.js';
import { searchActions } from './action-search.js';
import type { SessionAction, SessionState } from './session-types.js';

/**
 * The one adapter between the session engine and any front end (the Ink quiz, the --plain line
 * mode): what the trainee may see now — never `caseNow`, the expected plan or the truth — and the
 * actions a front end dispatches. Everything clinical a screen shows is computed here from the
 * visible case and the rules; a front end only lays it out.
 */

/** What a front end dispatches: the reducer's actions. */
export type QuizAction = SessionAction;

/** H above, L below the reference range; '' within it; '?' no reference range on file (not judged: never read as normal). */
export type LabFlag = 'H' | 'L' | '' | '?';

/** One analyte's row in the lab table, in the chosen unit system. */
export interface LabRow {
  readonly analyte: NumericAnalyte;
  readonly label: string;
  readonly unit: string;
  /** The newest value and the hour it was drawn (older than `hour` when the newest panel lacks it). */
  readonly value: number;
  readonly atHour: number;
  readonly flag: LabFlag;
  /** The reference limits in the chosen unit, where known. */
  readonly lower?: number;
  readonly upper?: number;
  /** Change since the value at the last stage / since the first value from admission on. */
  readonly sinceLast?: number;
  readonly sinceBaseline?: number;
  /** Every value from admission on (hour ≥ 0), oldest first, for a sparkline. */
  readonly series: readonly { readonly hour: number; readonly value: number }[];
  /** Drawn before but not in the newest panel: the result is not back yet. */
  readonly pending: boolean;
}

export interface PatientView {
  readonly ageYears: number;
  readonly sex: string;
  readonly weightKg?: number;
  readonly heightCm?: number;
  readonly bsaM2?: number;
  readonly history: readonly string[];
  readonly examination: readonly string[];
  readonly vitals: readonly string[];
  readonly place: string;
}

export interface Choice<T extends string> {
  readonly id: T;
  readonly label: string;
}

export interface StageQuestions {
  readonly index: number;
  readonly count: number;
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly hour: number;
  readonly asks: readonly Question[];
  readonly diagnosisOptions: readonly Choice<DiagnosisId>[];
  readonly criteriaSets: readonly Choice<CriteriaSetId>[];
  readonly escalationOptions: readonly Choice<Escalation>[];
}

/** An order the trainee is writing or has in force (a plan action in the plan schema's terms). */
export interface OrderDraft {
  readonly action: ActionId;
  readonly atHour: number;
  readonly dose?: Dose;
  readonly everyHours?: number;
}

/** One line of the order sheet. */
export interface OrderRow {
  readonly id: string;
  readonly order: OrderDraft;
  readonly text: string;
  /** As an order sheet says it: "in force", "day 2 of 3", "given", "starts h24", "stopped now". */
  readonly status: string;
  /** Can be stopped or changed now. */
  readonly changeable: boolean;
  /** Stopped or replaced at this stage (continueOrder undoes it). */
  readonly stoppedNow: boolean;
  /** Written at this stage. */
  readonly writtenNow: boolean;
}

export interface QuizView {
  readonly phase: SessionState['phase'];
  readonly scenario: { readonly id: string; readonly title: string; readonly summary?: string };
  readonly units: UnitSystem;
  readonly stage?: StageQuestions;
  readonly patient: PatientView;
  readonly labs: readonly LabRow[];
  /** The order sheet at this hour: every order not stopped before now, with its status. */
  readonly orders: readonly OrderRow[];
  readonly reassessEveryHours?: number;
  readonly answers: {
    readonly diagnosis?: DiagnosisId;
    readonly criteria?: CriteriaJudgement;
    readonly escalation?: Escalation;
    readonly planSubmitted: boolean;
  };
  readonly error?: string;
}

const fmt = (x: number): string => {
  const a = Math.abs(x);
  const r =
    a >= 100
      ? Math.round(x)
      : a >= 10
        ? Math.round(x * 10) / 10
        : a >= 1
          ? Math.round(x * 100) / 100
          : Math.round(x * 1000) / 1000;
  return String(r);
};
/** A number as a report prints it (3 significant figures or so, no trailing zeros). */
export const formatValue = fmt;

const ESCALATIONS: readonly Choice<Escalation>[] = [
  { id: 'continue', label: 'continue the current plan' },
  { id: 'escalate', label: 'escalate treatment' },
];

function placeOf(c: Case, hour: number): string {
  const now = [...c.observations].reverse().find((o) => o.hour <= hour);
  if (now && ((now.vasoactiveCount ?? 0) > 0 || now.respiratorySupport === 'invasive')) return 'intensive care';
  return c.encounter.hospitalized === false ? 'emergency department' : 'hospital ward';
}

const yes = (b: boolean | undefined, word: string) => (b === undefined ? undefined : `${word}: ${b ? 'yes' : 'no'}`);

function patientOf(c: Case, hour: number): PatientView {
  const p = c.patient;
  const obs = [...c.observations].reverse().find((o) => o.hour <= hour);
  const history: string[] = [];
  const bg = c.background;
  history.push(
    bg.sjia === 'known'
      ? `Known systemic JIA${bg.sjiaDurationYears !== undefined ? ` for ${fmt(bg.sjiaDurationYears)} years` : ''}`
      : bg.sjia === 'suspected'
        ? 'Systemic JIA suspected, not yet diagnosed'
        : 'No systemic JIA',
  );
  if (bg.immunosuppressiveTherapy?.length) history.push(`On ${bg.immunosuppressiveTherapy.join(', ')}`);
  if (obs?.feverDays !== undefined) history.push(`Fever for ${fmt(obs.feverDays)} days`);
  if (c.encounter.suspectedInfection) history.push('Infection suspected by the admitting team');
  const examination = obs
    ? [
        yes(obs.hepatomegaly, 'hepatomegaly'),
        yes(obs.splenomegaly, 'splenomegaly'),
        yes(obs.lymphadenopathy, 'lymphadenopathy'),
        yes(obs.activeArthritis, 'arthritis'),
        yes(obs.rash, 'rash'),
        yes(obs.conjunctivitis, 'conjunctivitis'),
        yes(obs.mucosalChanges, 'mucosal changes'),
        yes(obs.giSymptoms, 'GI symptoms'),
        yes(obs.cnsInvolvement, 'CNS involvement'),
        yes(obs.hemorrhage, 'bleeding'),
        obs.pupils ? `pupils: ${obs.pupils}` : undefined,
      ].filter((x): x is string => x !== undefined)
    : [];
  const vitals = obs
    ? [
        obs.temperatureC !== undefined ? `T ${fmt(obs.temperatureC)} °C` : undefined,
        obs.heartRate !== undefined ? `HR ${obs.heartRate}/min` : undefined,
        obs.respiratoryRate !== undefined ? `RR ${obs.respiratoryRate}/min` : undefined,
        obs.sbp !== undefined ? `BP ${obs.sbp}/${obs.dbp ?? '?'} mmHg` : undefined,
        obs.spo2 !== undefined
          ? `SpO2 ${obs.spo2}%${obs.fio2 !== undefined ? ` on FiO2 ${fmt(obs.fio2)}` : ''}`
          : undefined,
        obs.gcs !== undefined ? `GCS ${obs.gcs}` : undefined,
        obs.respiratorySupport && obs.respiratorySupport !== 'none'
          ? `resp. support: ${obs.respiratorySupport}`
          : undefined,
        obs.vasoactiveCount ? `vasoactives: ${obs.vasoactiveCount}` : undefined,
        obs.shock !== undefined ? `shock: ${obs.shock ? 'yes' : 'no'}` : undefined,
      ].filter((x): x is string => x !== undefined)
    : [];
  const bsa =
    p.heightCm !== undefined && p.weightKg !== undefined ? bodySurfaceAreaM2(p.heightCm, p.weightKg) : undefined;
  return {
    ageYears: p.ageYears,
    sex: p.sex,
    ...(p.weightKg !== undefined ? { weightKg: p.weightKg } : {}),
    ...(p.heightCm !== undefined ? { heightCm: p.heightCm } : {}),
    ...(bsa !== undefined ? { bsaM2: Math.round(bsa * 100) / 100 } : {}),
    history,
    examination,
    vitals,
    place: placeOf(c, hour),
  };
}

/** The lab table of the visible case at `hour`, the change measured against the value at `lastHour`. */
export function labRows(c: Case, hour: number, lastHour: number | undefined, units: UnitSystem): LabRow[] {
  const panels = c.labs.filter((l) => l.hour >= 0 && l.hour <= hour);
  const newest = panels[panels.length - 1];
  const rows: LabRow[] = [];
  for (const analyte of NUMERIC_ANALYTES) {
    const unit = unitFor(analyte, units);
    const conv = (v: number) => fromCanonical(analyte, v, unit);
    const raw = panels.flatMap((l) =>
      typeof l[analyte] === 'number' ? [{ hour: l.hour, canonical: l[analyte] as number }] : [],
    );
    if (!raw.length) continue;
    const last = raw[raw.length - 1]!;
    const lo = referenceLimit(c, analyte, 'lower');
    const hi = referenceLimit(c, analyte, 'upper');
    const flag: LabFlag =
      hi !== undefined && last.canonical > hi.value
        ? 'H'
        : lo !== undefined && last.canonical < lo.value
          ? 'L'
          : lo === undefined && hi === undefined
            ? '?'
            : '';
    const atLast = lastHour === undefined ? undefined : [...raw].reverse().find((r) => r.hour <= lastHour);
    rows.push({
      analyte,
      label: ANALYTES[analyte].label,
      unit,
      value: conv(last.canonical),
      atHour: last.hour,
      flag,
      ...(lo ? { lower: conv(lo.value) } : {}),
      ...(hi ? { upper: conv(hi.value) } : {}),
      ...(atLast && atLast.hour !== last.hour ? { sinceLast: conv(last.canonical) - conv(atLast.canonical) } : {}),
      ...(raw.length > 1 ? { sinceBaseline: conv(last.canonical) - conv(raw[0]!.canonical) } : {}),
      series: raw.map((r) => ({ hour: r.hour, value: conv(r.canonical) })),
      pending: newest !== undefined && last.hour !== newest.hour,
    });
  }
  return rows;
}

function visibleOf(state: SessionState): Case {
  // Before start and after the end, the trainee sees the case at presentation / at the last stage.
  if (state.current) return state.current.visible;
  return state.baseCase;
}

function statusText(st: OrderStatus): string {
  switch (st.state) {
    case 'pending':
      return 'pending';
    case 'active':
      return st.until ? `in force until ${st.until}` : 'in force';
    case 'course':
      return `day ${st.day} of ${st.of}`;
    case 'course-done':
      return `course done (${st.of} d)${st.followOn ? `, then ${st.followOn}` : ''}`;
    case 'given':
      return 'given';
    case 'stopped':
      return `stopped at h${st.atHour}`;
  }
}

/** The order sheet at the current stage's hour. */
export function orderRows(state: SessionState): OrderRow[] {
  const cur = state.current;
  if (!cur) return [];
  const hour = cur.hour;
  return (
    state.orders
      .filter((o) => o.stoppedAtHour === undefined || o.stoppedAtHour > hour || o.stoppedAtStage === cur.index)
      // An order written and stopped at this same stage was never given: it is simply gone.
      .filter((o) => !(o.stoppedAtStage === cur.index && o.writtenAtStage === cur.index))
      .map((o) => {
        const stoppedNow = o.stoppedAtStage === cur.index;
        const draft = ordersOf([o.planned])[0]!;
        const st = orderStatus(o, hour);
        return {
          id: o.id,
          order: draft,
          text: orderText(draft),
          status: stoppedNow
            ? state.orders.some((x) => x.replaces === o.id)
              ? 'changed now (c undoes)'
              : 'stopped now (c undoes)'
            : statusText(st),
          changeable: !stoppedNow && isChangeable(o, hour),
          stoppedNow,
          writtenNow: o.writtenAtStage === cur.index,
        };
      })
  );
}

function ordersOf(actions: readonly unknown[] | undefined): OrderDraft[] {
  return (actions ?? []).map((a) => {
    const x = a as PlannedAction;
    return {
      action: x.action,
      atHour: x.atHour,
      ...(x.dose ? { dose: { ...x.dose } } : {}),
      ...(x.everyHours !== undefined ? { everyHours: x.everyHours } : {}),
    };
  });
}

/** What a front end may show of a session now. */
export function viewOf(state: SessionState, units: UnitSystem = 'conventional'): QuizView {
  const cur = state.current;
  const c = cur ? cur.visible : visibleOf(state);
  const hour = cur?.hour ?? 0;
  const lastHour = cur && cur.index > 0 ? state.scenario.stages[cur.index - 1]!.hour : undefined;
  const a = cur ? (state.answers[cur.index] ?? {}) : {};
  const stage: StageQuestions | undefined = cur
    ? {
        index: cur.index,
        count: state.scenario.stages.length,
        id: cur.stage.id,
        title: cur.stage.title,
        prompt: cur.stage.prompt ?? '',
        hour: cur.hour,
        asks: cur.stage.asks,
        diagnosisOptions: cur.diagnosisOptions.map((id) => ({ id, label: DIAGNOSIS_LABELS[id] })),
        criteriaSets: cur.criteriaSets.map((id) => ({ id, label: CRITERIA_SETS[id].name })),
        escalationOptions: ESCALATIONS,
      }
    : undefined;
  return {
    phase: state.phase,
    scenario: {
      id: state.scenario.id,
      title: state.scenario.title,
      ...(state.scenario.summary ? { summary: state.scenario.summary } : {}),
    },
    units,
    ...(stage ? { stage } : {}),
    patient: patientOf(c, hour),
    labs: state.phase === 'ready' ? [] : labRows(c, hour, lastHour, units),
    orders: orderRows(state),
    ...(state.reassessEveryHours !== undefined ? { reassessEveryHours: state.reassessEveryHours } : {}),
    answers: {
      ...(a.diagnosis !== undefined ? { diagnosis: a.diagnosis } : {}),
      ...(a.criteria !== undefined ? { criteria: a.criteria } : {}),
      ...(a.escalation !== undefined ? { escalation: a.escalation } : {}),
      planSubmitted: a.plan !== undefined,
    },
    ...(state.error !== undefined ? { error: state.error } : {}),
  };
}

// ---- The plan builder: the action catalogue and an order-entry check -------------------------

export interface CatalogueEntry {
  readonly id: ActionId;
  readonly name: string;
  readonly category: ActionCategory;
  readonly description: string;
  /** Whether the action takes a dose (it has published dose rules). */
  readonly dosed: boolean;
  readonly units: readonly Dose['unit'][];
  readonly routes: readonly Route[];
  readonly frequencies: readonly Frequency[];
  /** Monitoring and reassessment: an interval in hours. */
  readonly repeated: boolean;
}

const ALL_FREQUENCIES = Object.keys({
  once: 1,
  q4h: 1,
  q6h: 1,
  q8h: 1,
  q12h: 1,
  q24h: 1,
  q48h: 1,
  q3d: 1,
  'twice-weekly': 1,
  weekly: 1,
  q2w: 1,
  'q12h-3-days-weekly': 1,
  continuous: 1,
} satisfies Record<Frequency, 1>) as Frequency[];
const ALL_ROUTES: readonly Route[] = ['iv', 'po', 'sc', 'im', 'inhaled', 'other'];

/**
 * The actions a trainee can order, from the rules' catalogue. The choices of unit, route and
 * frequency are every one the catalogue allows for the action (not just the expert's), so the list
 * never gives the answer away.
 */
export const ACTION_CATALOGUE: readonly CatalogueEntry[] = ACTION_IDS.map((id) => {
  const d = ACTIONS[id];
  const dosed = d.doseRules.length > 0;
  const units = d.units ?? (dosed ? [...new Set(d.doseRules.map((r) => r.expert.unit))] : []);
  return {
    id,
    name: d.name,
    category: d.category,
    description: d.description,
    dosed,
    units: dosed
      ? [
          ...new Set([
            ...units,
            ...(Object.keys(UNIT_INFO) as Dose['unit'][]).filter((u) =>
              units.some((x) => UNIT_INFO[x].measure === UNIT_INFO[u].measure),
            ),
          ]),
        ]
      : [],
    routes: dosed ? ALL_ROUTES : [],
    frequencies: dosed ? ALL_FREQUENCIES : [],
    repeated: d.repeated === true,
  };
});

/** The catalogue entries matching a search (name, id, category or synonym, every word), best first: action-search.ts. */
export function searchCatalogue(query: string): CatalogueEntry[] {
  return searchActions(ACTION_CATALOGUE, query);
}

/** What an order-entry system shows beside an order: the weight, the dose restated for this patient, and flags. */
export interface OrderCheck {
  readonly weightKg?: number;
  readonly bsaM2?: number;
  /** The dose as given, restated per dose / per day for this patient (e.g. "600 mg/day for 20 kg"). */
  readonly computed?: string;
  readonly flags: readonly string[];
}

/** Checks an order against the published dose rules for the patient the trainee sees now. */
export function orderEntryCheck(state: SessionState, order: OrderDraft): OrderCheck {
  const c = visibleOf(state);
  const p = c.patient;
  const base = {
    ...(p.weightKg !== undefined ? { weightKg: p.weightKg } : {}),
    ...(p.heightCm !== undefined && p.weightKg !== undefined
      ? { bsaM2: Math.round(bodySurfaceAreaM2(p.heightCm, p.weightKg) * 100) / 100 }
      : {}),
  };
  if (!ACTIONS[order.action].doseRules.length) return { ...base, flags: [] };
  const check = checkDose(order.action, order.dose, caseFeatures(c, 'presentation', state.current?.hour ?? 0));
  const flags = check.status === 'error' ? check.problems.map((x) => x.message) : check.minor.map((x) => x.message);
  return { ...base, ...(check.computed ? { computed: check.computed } : {}), flags };
}

// ---- The debrief ----------------------------------------------------------------------------

export interface DebriefFeedback {
  readonly severity: FeedbackItem['severity'];
  readonly question: Question;
  readonly title: string;
  readonly teachingPoint: string;
  readonly expertAction: string;
  /** Each statement cited, with its words (guideline.md holds the quote; STATEMENTS its paraphrase). */
  readonly statements: readonly { readonly id: string; readonly text: string }[];
}

export interface DebriefStage {
  readonly title: string;
  readonly hour: number;
  readonly score: number;
  readonly course?: string;
  readonly courseReasons: readonly string[];
  readonly questions: readonly {
    readonly question: Question;
    readonly weight: number;
    readonly percent: number;
    readonly answer: string;
    readonly expected: string;
  }[];
  readonly components: readonly {
    readonly label: string;
    readonly weight: number;
    readonly fraction: number;
    readonly points: number;
  }[];
  readonly planOverall?: number;
  /** The trainee's orders beside the expert's, action by action (either side may be missing). */
  readonly orders: readonly { readonly name: string; readonly you?: string; readonly expert?: string }[];
  readonly feedback: readonly DebriefFeedback[];
}

export interface Debrief {
  readonly title: string;
  readonly overall: number;
  readonly formula: readonly string[];
  readonly stages: readonly DebriefStage[];
  /** The course after the last plan. */
  readonly finalCourse?: string;
  /** The hour the patient died, when they did (the stages not reached score 0). */
  readonly diedAtHour?: number;
  /** Lab course against treatment: ferritin and platelets per hour (whole case the trainee saw, plus the final course), and when each treatment started. */
  readonly chart: {
    readonly series: readonly {
      readonly label: string;
      readonly unit: string;
      readonly points: readonly { readonly hour: number; readonly value: number }[];
    }[];
    readonly treatments: readonly { readonly hour: number; readonly name: string }[];
  };
  readonly pitfalls: readonly { readonly id: string; readonly text: string }[];
  readonly missedStatementIds: readonly string[];
  readonly disclaimer: string;
  /** Per-topic fractions (0…1) for the attempt log; a topic absent was not tested. */
  readonly topics: Readonly<Record<string, number>>;
}

const statementText = (id: string): string => (isStatementId(id) ? STATEMENTS[id].paraphrase : '');

/** An order's dose and timing, without the action's name. */
export function doseText(o: OrderDraft): string {
  const d = o.dose;
  const dose = d
    ? `${fmt(d.amount)} ${d.unit} ${d.frequency}${d.route ? ` ${d.route}` : ''}${d.durationDays !== undefined ? ` ×${d.durationDays} d` : ''} `
    : '';
  return `${dose}${o.everyHours !== undefined ? `every ${o.everyHours} h ` : ''}from h${o.atHour}`;
}

export function orderText(o: OrderDraft): string {
  return `${ACTIONS[o.action]?.name ?? o.action} ${doseText(o)}`;
}

function sideBySide(yours: readonly OrderDraft[], expert: readonly OrderDraft[]): DebriefStage['orders'] {
  const ids = [...new Set([...expert.map((o) => o.action), ...yours.map((o) => o.action)])];
  return ids.flatMap((id) => {
    const y = yours.filter((o) => o.action === id);
    const e = expert.filter((o) => o.action === id);
    return Array.from({ length: Math.max(y.length, e.length) }, (_, k) => ({
      name: ACTIONS[id]?.name ?? id,
      ...(y[k] ? { you: doseText(y[k]!) } : {}),
      ...(e[k] ? { expert: doseText(e[k]!) } : {}),
    }));
  });
}

function answerText(q: Question, v: unknown): string {
  if (v === null || v === undefined) return '(not answered)';
  if (q === 'diagnosis')
    return Array.isArray(v)
      ? v.map((x) => DIAGNOSIS_LABELS[x as DiagnosisId] ?? String(x)).join(' or ')
      : (DIAGNOSIS_LABELS[v as DiagnosisId] ?? String(v));
  if (q === 'criteria') return judgementText(v as CriteriaJudgement, (id) => CRITERIA_SETS[id]?.name ?? id);
  if (q === 'plan') return `${((v as { actions: unknown[] }).actions ?? []).length} order(s)`;
  return String(v);
}

/** Which topic of the attempt log each feedback item and question feeds. */
function topicsOf(raw: ReturnType<typeof sessionReport>): Record<string, number> {
  const acc: Record<string, { got: number; of: number }> = {};
  const add = (t: string, f: number) => {
    const x = (acc[t] ??= { got: 0, of: 0 });
    x.got += f;
    x.of += 1;
  };
  for (const s of raw.stages) {
    for (const q of s.questions) {
      if (q.question === 'diagnosis') add('diagnosis', q.fraction);
      if (q.question === 'criteria') add('criteria', q.fraction);
      if (q.question === 'escalation') add('escalation', q.fraction);
    }
    for (const comp of s.plan?.components ?? []) {
      if (comp.id === 'keyActions') add('first line', comp.fraction);
      if (comp.id === 'dosing') add('dosing', comp.fraction);
    }
    for (const f of s.feedback) {
      const ids = f.statementIds;
      const ok = f.severity === 'good' ? 1 : 0;
      if (ids.some((i) => i.startsWith('INF'))) add('infection', ok);
      if (ids.some((i) => i.startsWith('CC'))) add('critical care', ok);
      if (ids.some((i) => i.startsWith('PIT')) || f.pitfallId) add('pitfalls', ok);
    }
  }
  return Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, Math.round((v.got / v.of) * 1000) / 1000]));
}

/** The debrief of a finished session: what went wrong and which statement says so. */
export function debriefOf(state: SessionState, units: UnitSystem = 'conventional'): Debrief {
  const raw = sessionReport(state);
  const stages: DebriefStage[] = raw.stages.map((s, i) => {
    const course = raw.courses.find((c) => c.stageId === s.stageId);
    const planQ = s.questions.find((q) => q.question === 'plan');
    const expertPlan = planQ?.expected as { actions?: unknown[] } | undefined;
    return {
      title: s.title,
      hour: s.hour,
      score: s.score,
      ...(course ? { course: course.course } : {}),
      courseReasons:
        course?.reasons.map((r) => `${r.text}${r.statementIds.length ? ` (${r.statementIds.join(', ')})` : ''}`) ?? [],
      questions: s.questions.map((q) => ({
        question: q.question,
        weight: q.weight,
        percent: Math.round(q.fraction * 100),
        answer: answerText(q.question, q.answer),
        expected: q.question === 'plan' ? `plan score ${s.plan?.overall ?? 0}/100` : answerText(q.question, q.expected),
      })),
      components: (s.plan?.components ?? []).map((c) => ({
        label: c.label,
        weight: c.weight,
        fraction: c.fraction,
        points: c.points,
      })),
      ...(s.plan ? { planOverall: s.plan.overall } : {}),
      orders: sideBySide(ordersOf(state.answers[i]?.plan?.actions ?? []), ordersOf(expertPlan?.actions)),
      feedback: s.feedback.map((f) => ({
        severity: f.severity,
        question: f.question,
        title: f.title,
        teachingPoint: f.teachingPoint,
        expertAction: f.expertAction,
        statements: f.statementIds.map((id) => ({ id, text: statementText(id) })),
      })),
    };
  });
  // The labs as they turned out under the trainee's plans, up to the final course's hour.
  const lastHour =
    state.diedAtHour ?? state.scenario.stages[state.scenario.stages.length - 1]!.hour + FINAL_COURSE_AFTER_HOURS;
  const after = visibleCase(respondToPlans(state.baseCase, state.plans, lastHour).case, lastHour);
  const courseSeries = (analyte: NumericAnalyte) => {
    const unit = unitFor(analyte, units);
    const points = after.labs.flatMap((l) =>
      l.hour >= 0 && typeof l[analyte] === 'number'
        ? [{ hour: l.hour, value: fromCanonical(analyte, l[analyte] as number, unit) }]
        : [],
    );
    return { label: ANALYTES[analyte].label, unit, points };
  };
  const treatments = state.plans.flatMap((p) =>
    p.actions
      .filter((x) => ['glucocorticoid', 'immunomodulator'].includes(ACTIONS[x.action].category))
      .map((x) => ({ hour: x.atHour, name: ACTIONS[x.action].name })),
  );
  const uniqTreat = [...new Map(treatments.map((t) => [`${t.name}@${t.hour}`, t])).values()].sort(
    (x, y) => x.hour - y.hour,
  );
  const pitIds = [
    ...new Set(
      raw.stages.flatMap((s) =>
        s.feedback
          .filter((f) => f.severity !== 'good')
          .flatMap((f) => f.statementIds.filter((id) => id.startsWith('PIT'))),
      ),
    ),
  ].sort();
  return {
    title: raw.title,
    overall: raw.overall,
    formula: [
      `overall = mean of the ${raw.stages.length} stage scores; stage = Σ weight × question score / Σ weights (diagnosis 15, criteria 15, escalation 10, plan 60, of those asked)`,
      'plan score (rules):',
      ...(raw.stages.find((s) => s.plan)?.plan?.formula.text.split('\n') ?? []),
    ],
    stages,
    ...(raw.finalCourse ? { finalCourse: `hour ${raw.finalCourse.hour}: ${raw.finalCourse.course}` } : {}),
    ...(raw.diedAtHour !== undefined ? { diedAtHour: raw.diedAtHour } : {}),
    chart: { series: [courseSeries('ferritin'), courseSeries('platelets')], treatments: uniqTreat },
    pitfalls: pitIds.map((id) => ({ id, text: statementText(id) })),
    missedStatementIds: [...new Set(raw.stages.flatMap((s) => s.problemStatementIds))].sort(),
    disclaimer: raw.disclaimer,
    topics: topicsOf(raw),
  };
}
