import type { CriteriaAnswer, Dose, Escalation, UnitSystem } from '@masdrill/rules';
import { createSession, sessionReducer } from '../session.js';
import type { SessionState } from '../session-types.js';
import {
  ACTION_CATALOGUE,
  orderRows,
  searchCatalogue,
  viewOf,
  type CatalogueEntry,
  type OrderDraft,
  type QuizAction,
} from '../view.js';

/**
 * The quiz's interaction as a pure function: (state, key) → state. The Ink app only renders the
 * state and feeds it keys, so every screen can be driven and fuzzed without a terminal. Clinical
 * decisions stay in the session reducer; this only moves between screens and builds answers.
 */

/** A key press, in Ink's terms. */
export interface KeyPress {
  readonly input: string;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
}

export type CriterionMark = 'not met' | 'met' | 'not assessable';

/** The fields of the order form, in Tab order. */
export type OrderField = 'amount' | 'unit' | 'frequency' | 'route' | 'days' | 'atHour' | 'everyHours';

export interface OrderForm {
  readonly entry: CatalogueEntry;
  /** The id of the order being changed, when editing one. */
  readonly editing?: string;
  readonly field: number;
  readonly amount: string;
  readonly unit: number;
  readonly frequency: number;
  readonly route: number;
  readonly days: string;
  readonly atHour: string;
  readonly everyHours: string;
  readonly problem?: string;
}

export type Screen =
  | { readonly name: 'welcome' }
  | { readonly name: 'patient' }
  | { readonly name: 'time' }
  | { readonly name: 'diagnosis' }
  | { readonly name: 'criteria' }
  | { readonly name: 'escalation' }
  | { readonly name: 'plan' }
  | { readonly name: 'search' }
  | { readonly name: 'order' }
  | { readonly name: 'debrief' };

export interface QuizUi {
  readonly session: SessionState;
  readonly screen: Screen['name'];
  /** The screen to go back to from the patient/help screens. */
  readonly back?: Screen['name'];
  readonly units: UnitSystem;
  /** Order-entry dose flags (off for exams). */
  readonly doseChecks: boolean;
  readonly cursor: number;
  readonly scroll: number;
  readonly criteria: readonly CriterionMark[];
  readonly query: string;
  readonly form?: OrderForm;
  readonly help: boolean;
  readonly confirmQuit: boolean;
  /** Set when the user asked to leave: 'quit', or after the debrief 'next' / 'retry'. */
  readonly exit?: 'quit' | 'next' | 'retry';
  /** A message for the user (a refused answer, a bad field). */
  readonly message?: string;
}

export function initialUi(session: SessionState, options: { units?: UnitSystem; doseChecks?: boolean } = {}): QuizUi {
  return {
    session,
    screen: 'welcome',
    units: options.units ?? 'conventional',
    doseChecks: options.doseChecks ?? true,
    cursor: 0,
    scroll: 0,
    criteria: [],
    query: '',
    help: false,
    confirmQuit: false,
  };
}

/** The same patient again from the start. */
export function retryUi(ui: QuizUi): QuizUi {
  return enterStage(
    { ...initialUi(createSession(ui.session.scenario, ui.session.baseCase), ui), screen: 'patient' },
    true,
  );
}

const QUESTION_SCREENS = ['diagnosis', 'criteria', 'escalation', 'plan'] as const;

function dispatch(ui: QuizUi, action: QuizAction): QuizUi {
  const session = sessionReducer(ui.session, action);
  if (session.error !== undefined) {
    const { error: _e, ...rest } = session;
    return { ...ui, session: rest, message: session.error };
  }
  const { message: _m, ...clean } = ui;
  return { ...clean, session };
}

/** Starts (when needed) and opens the stage: cursor and criteria marks reset. */
function enterStage(ui: QuizUi, start: boolean): QuizUi {
  const s = start ? dispatch(ui, { type: 'start' }) : ui;
  const v = viewOf(s.session, s.units);
  const { back: _back, ...rest } = s;
  return { ...rest, cursor: 0, scroll: 0, criteria: (v.stage?.criteriaSets ?? []).map(() => 'not met'), query: '' };
}

function questionsOf(ui: QuizUi): readonly (typeof QUESTION_SCREENS)[number][] {
  const asks = ui.session.current?.stage.asks ?? [];
  return QUESTION_SCREENS.filter((q) => (asks as readonly string[]).includes(q));
}

function goTo(ui: QuizUi, screen: Screen['name']): QuizUi {
  let cursor = 0;
  const a = ui.session.current ? (ui.session.answers[ui.session.current.index] ?? {}) : {};
  const st = viewOf(ui.session, ui.units).stage;
  if (screen === 'diagnosis' && a.diagnosis && st)
    cursor = Math.max(
      0,
      st.diagnosisOptions.findIndex((o) => o.id === a.diagnosis),
    );
  if (screen === 'escalation' && a.escalation && st)
    cursor = Math.max(
      0,
      st.escalationOptions.findIndex((o) => o.id === a.escalation),
    );
  const { message: _m, ...rest } = ui;
  return { ...rest, screen, cursor, scroll: 0 };
}

/** After a question is answered: the next one, or time moves on (advance) to the next stage or the debrief. */
function nextQuestion(ui: QuizUi, from: Screen['name']): QuizUi {
  const qs = questionsOf(ui);
  const i = qs.indexOf(from as never);
  if (i >= 0 && i + 1 < qs.length) return goTo(ui, qs[i + 1]!);
  const advanced = dispatch(ui, { type: 'advance' });
  if (advanced.message) return advanced;
  if (advanced.session.phase === 'finished') return goTo(advanced, 'debrief');
  return { ...enterStage(advanced, false), screen: 'time' };
}

function prevQuestion(ui: QuizUi, from: Screen['name']): QuizUi {
  const qs = questionsOf(ui);
  const i = qs.indexOf(from as never);
  return goTo(ui, i > 0 ? qs[i - 1]! : 'patient');
}

const isDigit = (s: string) => /^[1-9]$/.test(s);
const up = (k: KeyPress) => k.upArrow || (!k.ctrl && k.input === 'k');
const down = (k: KeyPress) => k.downArrow || (!k.ctrl && k.input === 'j');
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Moves a list cursor by arrows/j/k; digits jump (1-based). Returns undefined when the key is not a move. */
function moveCursor(cursor: number, count: number, k: KeyPress): number | undefined {
  if (count === 0) return undefined;
  if (up(k)) return (cursor - 1 + count) % count;
  if (down(k)) return (cursor + 1) % count;
  if (isDigit(k.input) && Number(k.input) <= count) return Number(k.input) - 1;
  return undefined;
}

const FIELDS_DOSED: readonly OrderField[] = ['amount', 'unit', 'frequency', 'route', 'days', 'atHour'];
export function formFields(entry: CatalogueEntry): readonly OrderField[] {
  if (entry.dosed) return FIELDS_DOSED;
  return entry.repeated ? ['atHour', 'everyHours'] : ['atHour'];
}

export function newForm(entry: CatalogueEntry, hour: number, from?: OrderDraft, editing?: string): OrderForm {
  const d = from?.dose;
  return {
    entry,
    ...(editing !== undefined ? { editing } : {}),
    field: 0,
    amount: d ? String(d.amount) : '',
    unit: d ? Math.max(0, entry.units.indexOf(d.unit)) : 0,
    frequency: d ? Math.max(0, entry.frequencies.indexOf(d.frequency)) : Math.max(0, entry.frequencies.indexOf('q24h')),
    route: d?.route ? Math.max(0, entry.routes.indexOf(d.route)) : 0,
    days: d?.durationDays !== undefined ? String(d.durationDays) : '',
    // A changed order starts now at the earliest (an order cannot start in the past).
    atHour: String(Math.max(from?.atHour ?? hour, hour)),
    everyHours: from?.everyHours !== undefined ? String(from.everyHours) : entry.repeated ? '24' : '',
  };
}

/** The order a form describes, or why it cannot be one yet. */
export function formOrder(form: OrderForm): OrderDraft | string {
  const e = form.entry;
  const atHour = Number(form.atHour);
  if (form.atHour === '' || !Number.isFinite(atHour)) return 'give the start hour';
  const base = { action: e.id, atHour };
  if (!e.dosed) {
    if (!e.repeated) return base;
    const every = Number(form.everyHours);
    if (!(every > 0)) return 'give the interval in hours';
    return { ...base, everyHours: every };
  }
  const amount = Number(form.amount);
  if (form.amount === '' || !Number.isFinite(amount) || amount <= 0) return 'give the dose amount (a number above 0)';
  const dose: Dose = {
    amount,
    unit: e.units[form.unit]!,
    frequency: e.frequencies[form.frequency]!,
    route: e.routes[form.route]!,
  };
  if (form.days !== '') {
    const days = Number(form.days);
    if (!Number.isInteger(days) || days <= 0) return 'days must be a whole number above 0 (or empty)';
    dose.durationDays = days;
  }
  return { ...base, dose };
}

function editText(value: string, k: KeyPress, allowDot: boolean): string | undefined {
  if (k.backspace || k.delete) return value.slice(0, -1);
  if (/^[0-9]$/.test(k.input) || (allowDot && k.input === '.' && !value.includes('.')))
    return (value + k.input).slice(0, 8);
  return undefined;
}

function formKey(ui: QuizUi, k: KeyPress): QuizUi {
  const form = ui.form!;
  const fields = formFields(form.entry);
  const field = fields[form.field]!;
  const set = (patch: Partial<OrderForm>): QuizUi => ({
    ...ui,
    form: { ...form, ...patch, problem: undefined } as OrderForm,
  });
  if (k.escape) return { ...ui, screen: 'plan', form: undefined } as QuizUi;
  if (k.tab || k.downArrow) return set({ field: (form.field + (k.shift ? fields.length - 1 : 1)) % fields.length });
  if (k.upArrow) return set({ field: (form.field + fields.length - 1) % fields.length });
  if (k.return) {
    const order = formOrder(form);
    if (typeof order === 'string') return { ...ui, form: { ...form, problem: order } };
    const done = dispatch(
      ui,
      form.editing !== undefined ? { type: 'modifyOrder', orderId: form.editing, order } : { type: 'addOrder', order },
    );
    if (done.message) return { ...ui, form: { ...form, problem: done.message.split('\n')[0]! } };
    const { form: _f, ...rest } = done;
    return { ...rest, screen: 'plan', cursor: Math.max(0, orderRows(done.session).length - 1) };
  }
  const choices =
    field === 'unit'
      ? form.entry.units.length
      : field === 'frequency'
        ? form.entry.frequencies.length
        : field === 'route'
          ? form.entry.routes.length
          : 0;
  if (choices) {
    const step = k.leftArrow ? -1 : k.rightArrow || k.input === ' ' ? 1 : 0;
    if (step)
      return set({ [field]: ((form[field as 'unit'] as number) + step + choices) % choices } as Partial<OrderForm>);
    return ui;
  }
  const text = editText(form[field as 'amount'] as string, k, field === 'amount');
  return text === undefined ? ui : set({ [field]: text } as Partial<OrderForm>);
}

/** The lists each list screen moves over (their lengths). */
export function listLength(ui: QuizUi): number {
  const st = viewOf(ui.session, ui.units).stage;
  switch (ui.screen) {
    case 'diagnosis':
      return st?.diagnosisOptions.length ?? 0;
    case 'criteria':
      return st?.criteriaSets.length ?? 0;
    case 'escalation':
      return st?.escalationOptions.length ?? 0;
    case 'plan':
      return orderRows(ui.session).length + 2; // the orders, "add an order", "submit the plan"
    case 'search':
      return searchCatalogue(ui.query).length;
    default:
      return 0;
  }
}

const MARKS: readonly CriterionMark[] = ['not met', 'met', 'not assessable'];
/** Each mark as the answer the session scores (scenario schema CriteriaAnswer). */
const ANSWER_OF: { readonly [K in CriterionMark]: CriteriaAnswer } = {
  'not met': 'not-met',
  met: 'met',
  'not assessable': 'not-assessable',
};

/** Where typed letters are text, not commands. */
export function typing(ui: QuizUi): boolean {
  return ui.screen === 'search' || (ui.screen === 'order' && ui.form !== undefined);
}

/** One key. Pure; never throws for any key in any state. */
export function quizKey(ui: QuizUi, k: KeyPress): QuizUi {
  if (ui.exit) return ui;
  if (k.ctrl && k.input === 'c') return { ...ui, exit: 'quit' };
  if (ui.confirmQuit) {
    if (k.input === 'y' || k.input === 'Y' || k.input === 'q') return { ...ui, confirmQuit: false, exit: 'quit' };
    return { ...ui, confirmQuit: false };
  }
  if (ui.help) return { ...ui, help: false };
  if (!typing(ui)) {
    if (k.input === 'q') {
      const midCase = ui.session.phase === 'stage';
      return midCase ? { ...ui, confirmQuit: true } : { ...ui, exit: 'quit' };
    }
    if (k.input === '?') return { ...ui, help: true };
    if (k.input === 'u') return { ...ui, units: ui.units === 'si' ? 'conventional' : 'si' };
  }
  const s = ui.screen;
  const move = (count: number) => moveCursor(ui.cursor, count, k);
  const scrollBy = (): QuizUi | undefined => {
    if (up(k)) return { ...ui, scroll: Math.max(0, ui.scroll - 1) };
    if (down(k)) return { ...ui, scroll: ui.scroll + 1 };
    if (k.pageUp) return { ...ui, scroll: Math.max(0, ui.scroll - 10) };
    if (k.pageDown || k.input === ' ') return { ...ui, scroll: ui.scroll + 10 };
    return undefined;
  };
  switch (s) {
    case 'welcome':
      if (k.return || k.input === ' ') return { ...enterStage(ui, ui.session.phase === 'ready'), screen: 'patient' };
      return ui;
    case 'time':
      if (k.return) return goTo(ui, 'patient');
      return scrollBy() ?? ui;
    case 'patient': {
      // Back to the question the trainee came from (p), else the stage's first question.
      const { back, ...rest } = ui;
      if (k.return || k.tab) return goTo(rest, back && back !== 'patient' ? back : (questionsOf(ui)[0] ?? 'patient'));
      if (k.escape && back) return goTo(rest, back);
      return scrollBy() ?? ui;
    }
    case 'debrief': {
      if (k.input === 'n') return { ...ui, exit: 'next' };
      if (k.input === 'r') return { ...ui, exit: 'retry' };
      return scrollBy() ?? ui;
    }
    default:
      break;
  }
  // Question screens: p (or Tab) shows the patient and comes back.
  if (!typing(ui) && (k.input === 'p' || (k.tab && s !== 'order'))) return { ...goTo(ui, 'patient'), back: s };
  const st = viewOf(ui.session, ui.units).stage;
  if (!st) return ui;
  switch (s) {
    case 'diagnosis': {
      const c = move(st.diagnosisOptions.length);
      if (c !== undefined) return { ...ui, cursor: c };
      if (k.escape) return prevQuestion(ui, s);
      if (k.return || k.input === ' ') {
        const next = dispatch(ui, { type: 'answerDiagnosis', diagnosis: st.diagnosisOptions[ui.cursor]!.id });
        return next.message ? next : nextQuestion(next, s);
      }
      return ui;
    }
    case 'criteria': {
      if (k.escape) return prevQuestion(ui, s);
      const n = st.criteriaSets.length;
      const cycle = (i: number) =>
        ui.criteria.map((m, j) => (j === i ? MARKS[(MARKS.indexOf(m) + 1) % MARKS.length]! : m));
      if (isDigit(k.input) && Number(k.input) <= n)
        return { ...ui, cursor: Number(k.input) - 1, criteria: cycle(Number(k.input) - 1) };
      const c = up(k) || down(k) ? move(n) : undefined;
      if (c !== undefined) return { ...ui, cursor: c };
      if (k.input === ' ' || k.rightArrow) return { ...ui, criteria: cycle(ui.cursor) };
      if (k.return) {
        const judged = Object.fromEntries(
          st.criteriaSets.map((x, i) => [x.id, ANSWER_OF[ui.criteria[i] ?? 'not met']]),
        );
        const next = dispatch(ui, { type: 'answerCriteria', criteria: judged });
        return next.message ? next : nextQuestion(next, s);
      }
      return ui;
    }
    case 'escalation': {
      const c = move(st.escalationOptions.length);
      if (c !== undefined) return { ...ui, cursor: c };
      if (k.escape) return prevQuestion(ui, s);
      if (k.return || k.input === ' ') {
        const next = dispatch(ui, {
          type: 'answerEscalation',
          escalation: st.escalationOptions[ui.cursor]!.id as Escalation,
        });
        return next.message ? next : nextQuestion(next, s);
      }
      return ui;
    }
    case 'plan': {
      const rows = orderRows(ui.session);
      const n = rows.length + 2;
      const c = up(k) || down(k) ? move(n) : undefined;
      if (c !== undefined) return { ...ui, cursor: c };
      if (k.escape) return prevQuestion(ui, s);
      if (k.input === 'a' || (k.return && ui.cursor === rows.length))
        return { ...ui, screen: 'search', query: '', cursor: 0 };
      const row = rows[ui.cursor];
      if (row && (k.input === 'x' || k.input === 'd' || k.delete || k.backspace)) {
        if (!row.changeable) return { ...ui, message: `${row.text}: ${row.status}, nothing to stop` };
        const next = dispatch(ui, { type: 'stopOrder', orderId: row.id });
        return { ...next, cursor: clamp(ui.cursor, 0, orderRows(next.session).length + 1) };
      }
      if (row && k.input === 'c') {
        if (!row.stoppedNow) return { ...ui, message: `${row.text} is not stopped` };
        const next = dispatch(ui, { type: 'continueOrder', orderId: row.id });
        return { ...next, cursor: clamp(ui.cursor, 0, orderRows(next.session).length + 1) };
      }
      if (row && k.return) {
        if (!row.changeable)
          return { ...ui, message: `${row.text}: ${row.status}; write a new order to give it again` };
        const entry = ACTION_CATALOGUE.find((e) => e.id === row.order.action);
        if (!entry) return ui;
        return { ...ui, screen: 'order', form: newForm(entry, st.hour, row.order, row.id) };
      }
      if (k.input === 's' || (k.return && ui.cursor === rows.length + 1)) {
        const next = dispatch(ui, { type: 'submitPlan' });
        return next.message ? next : nextQuestion(next, s);
      }
      return ui;
    }
    case 'search': {
      const found = searchCatalogue(ui.query);
      if (k.escape) return { ...ui, screen: 'plan', cursor: orderRows(ui.session).length };
      if (k.upArrow || k.downArrow)
        return { ...ui, cursor: found.length ? (ui.cursor + (k.upArrow ? found.length - 1 : 1)) % found.length : 0 };
      if (k.return) {
        const entry = found[ui.cursor];
        if (!entry) return ui;
        return { ...ui, screen: 'order', form: newForm(entry, st.hour) };
      }
      if (k.backspace || k.delete) return { ...ui, query: ui.query.slice(0, -1), cursor: 0 };
      if (!k.ctrl && !k.tab && k.input.length === 1 && k.input >= ' ' && ui.query.length < 30)
        return { ...ui, query: ui.query + k.input, cursor: 0 };
      return ui;
    }
    case 'order':
      return ui.form ? formKey(ui, k) : { ...ui, screen: 'plan' };
    default:
      return ui;
  }
}
