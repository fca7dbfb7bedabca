import type { CriteriaAnswer, Escalation, UnitSystem } from '@masdrill/rules';
import { sessionReducer } from '../session.js';
import type { SessionState } from '../session-types.js';
import {
  debriefOf,
  orderEntryCheck,
  orderRows,
  searchCatalogue,
  viewOf,
  type OrderDraft,
  type QuizAction,
} from '../view.js';
import { formOrder, newForm } from './controller.js';
import type { Line } from './line.js';
import { changeLines, debriefLines, labLines, orderCheckLines, patientLines } from './lines.js';
import { NOTICE } from './welcome.js';

/**
 * The --plain quiz: the same reducer, line by line — numbered choices, typed answers, output only
 * ever appended — for screen readers, pipes and scripts. No Ink, no cursor movement, no colour.
 */
export interface PlainOptions {
  readonly session: SessionState;
  /** The next line typed, or undefined at the end of input. */
  readonly readLine: () => Promise<string | undefined>;
  readonly write: (text: string) => void;
  /** Echo answers (when the input is not a terminal, so a transcript reads as a dialogue). */
  readonly echo?: boolean;
  readonly units?: UnitSystem;
  readonly doseChecks?: boolean;
  readonly onFinished?: (state: SessionState) => void;
}

export type PlainOutcome = 'finished' | 'quit' | 'end-of-input';

/** A typed answer not understood: the message says what to type. */
export class Retry {
  constructor(readonly message: string) {}
}
const no = (message: string) => new Retry(message);

class Quit extends Error {
  constructor(readonly outcome: PlainOutcome) {
    super(outcome);
  }
}

const HELP = [
  'Answer each question by typing its number(s) and Enter.',
  'Anywhere: u switches SI/conventional units, p shows the patient again, ? this help, q quits.',
  'Plan: a adds an order (search the actions by name), x N stops order N, e N changes it, c N undoes a stop, s submits.',
];

/** Plays one case in plain mode; resolves with how it ended. */
export async function runPlain(o: PlainOptions): Promise<{ outcome: PlainOutcome; state: SessionState }> {
  let state = o.session;
  let units: UnitSystem = o.units ?? 'conventional';
  const doseChecks = o.doseChecks ?? true;
  const print = (lines: readonly (Line | string)[]) =>
    o.write(lines.map((l) => (typeof l === 'string' ? l : l.text)).join('\n') + '\n');
  const showPatient = () => {
    const v = viewOf(state, units);
    print([
      `-- The patient, hour ${v.stage?.hour ?? 0} (units: ${units === 'si' ? 'SI' : 'conventional'}) --`,
      ...patientLines(v.patient, v.stage?.hour ?? 0),
      ...labLines(v.labs),
    ]);
  };
  /** Asks until `parse` accepts; handles the keys that work anywhere. */
  const ask = async <T>(prompt: string, parse: (answer: string) => T | Retry): Promise<T> => {
    for (;;) {
      o.write(`${prompt}\n> `);
      const got = await o.readLine();
      if (got === undefined) {
        o.write('\n');
        throw new Quit('end-of-input');
      }
      const answer = got.trim();
      if (o.echo) o.write(`${answer}\n`);
      if (answer === 'q') throw new Quit('quit');
      if (answer === '?') {
        print(HELP);
        continue;
      }
      if (answer === 'p') {
        showPatient();
        continue;
      }
      if (answer === 'u') {
        units = units === 'si' ? 'conventional' : 'si';
        showPatient();
        continue;
      }
      const r = parse(answer);
      if (r instanceof Retry) {
        o.write(`Not understood: ${r.message}\n`);
        continue;
      }
      return r;
    }
  };
  const pickOne =
    (n: number) =>
    (a: string): number | Retry =>
      /^\d+$/.test(a) && Number(a) >= 1 && Number(a) <= n ? Number(a) - 1 : no(`type a number from 1 to ${n}`);
  const act = (action: QuizAction): boolean => {
    const next = sessionReducer(state, action);
    if (next.error !== undefined) {
      o.write(`Refused: ${next.error}\n`);
      return false;
    }
    state = next;
    return true;
  };

  const writeOrder = async (hour: number, from?: OrderDraft): Promise<OrderDraft | undefined> => {
    let entry = from ? searchCatalogue('').find((e) => e.id === from.action) : undefined;
    if (!entry) {
      const query = await ask('Search the actions (a name, brand or abbreviation; Enter lists all):', (a) => a);
      const found = searchCatalogue(query);
      if (!found.length) {
        o.write('Nothing matches.\n');
        return undefined;
      }
      print(found.map((e, i) => `  ${i + 1}. ${e.name} — ${e.category}`));
      entry = found[await ask(`Which action? (1-${found.length})`, pickOne(found.length))]!;
    }
    let form = newForm(entry, hour, from);
    const choose = async (label: string, options: readonly string[], current: number) =>
      ask(`${label}: ${options.map((x, i) => `${i + 1} ${x}`).join(', ')} (Enter: ${options[current]})`, (a) =>
        a === '' ? current : pickOne(options.length)(a),
      );
    if (entry.dosed) {
      const amount = await ask(`Dose amount${form.amount ? ` (Enter: ${form.amount})` : ''}:`, (a) =>
        a === '' && form.amount ? form.amount : /^\d+(\.\d+)?$/.test(a) && Number(a) > 0 ? a : no('a number above 0'),
      );
      form = { ...form, amount };
      form = { ...form, unit: await choose('Unit', entry.units, form.unit) };
      form = { ...form, frequency: await choose('Frequency', entry.frequencies, form.frequency) };
      form = { ...form, route: await choose('Route', entry.routes, form.route) };
      form = {
        ...form,
        days: await ask(`Duration in days (Enter: ${form.days || 'not stated'}):`, (a) =>
          a === '' ? form.days : /^\d+$/.test(a) && Number(a) > 0 ? a : no('a whole number of days'),
        ),
      };
    }
    form = {
      ...form,
      atHour: await ask(`Start hour (Enter: ${form.atHour}):`, (a) =>
        a === '' ? form.atHour : /^-?\d+$/.test(a) ? a : no('a whole hour'),
      ),
    };
    if (entry.repeated)
      form = {
        ...form,
        everyHours: await ask(`Every how many hours (Enter: ${form.everyHours}):`, (a) =>
          a === '' ? form.everyHours : /^\d+$/.test(a) && Number(a) > 0 ? a : no('a whole number of hours'),
        ),
      };
    const order = formOrder(form);
    if (typeof order === 'string') {
      o.write(`Order not written: ${order}\n`);
      return undefined;
    }
    print(orderCheckLines(orderEntryCheck(state, order), doseChecks));
    return order;
  };

  try {
    print([NOTICE, `Case: ${state.scenario.title}`, 'Type ? for help at any prompt.']);
    if (state.phase === 'ready' && !act({ type: 'start' })) return { outcome: 'quit', state };
    while (state.phase === 'stage') {
      const v = viewOf(state, units);
      const st = v.stage!;
      if (st.index > 0) print(['', ...changeLines(v)]);
      print(['', `== Stage ${st.index + 1}/${st.count}: ${st.title} — hour ${st.hour} ==`, st.prompt]);
      showPatient();
      for (const q of st.asks) {
        if (q === 'diagnosis') {
          print(['Leading diagnosis:', ...st.diagnosisOptions.map((c, i) => `  ${i + 1}. ${c.label}`)]);
          const i = await ask(
            `Your leading diagnosis? (1-${st.diagnosisOptions.length})`,
            pickOne(st.diagnosisOptions.length),
          );
          act({ type: 'answerDiagnosis', diagnosis: st.diagnosisOptions[i]!.id });
        } else if (q === 'criteria') {
          print([
            'Criteria sets (a set missing data that could change its answer is not assessable; missing is never normal):',
            ...st.criteriaSets.map((c, i) => `  ${i + 1}. ${c.label}`),
          ]);
          const n = st.criteriaSets.length;
          const judged = await ask(
            'Which are met? (numbers separated by spaces; a number with ? is not assessable, e.g. "1 3?"; 0 for none met; the rest are not met)',
            (a) => parseCriteriaMarks(a, n),
          );
          act({
            type: 'answerCriteria',
            criteria: Object.fromEntries(st.criteriaSets.map((c, i) => [c.id, judged[i] ?? 'not-met'])),
          });
        } else if (q === 'escalation') {
          print(['Escalation:', ...st.escalationOptions.map((c, i) => `  ${i + 1}. ${c.label}`)]);
          const i = await ask('Continue or escalate? (1-2)', pickOne(st.escalationOptions.length));
          act({ type: 'answerEscalation', escalation: st.escalationOptions[i]!.id as Escalation });
        } else if (q === 'plan') {
          for (;;) {
            const rows = orderRows(state);
            print([
              `Orders at hour ${st.hour} (orders stay in force until stopped):`,
              ...(rows.length
                ? rows.map((x, i) => {
                    const c = orderEntryCheck(state, x.order);
                    return `  ${i + 1}. ${x.text} [${x.writtenNow && !x.stoppedNow ? 'new' : x.status}]${doseChecks && c.flags.length && !x.stoppedNow ? `  ⚠ ${c.flags.join('; ')}` : ''}`;
                  })
                : ['  (none)']),
            ]);
            const cmd = await ask('Plan: a add, x N stop, e N change, c N undo a stop, s submit', (a) =>
              /^(a|s|[xec]\s*\d+)$/.test(a) ? a : no('a, x N, e N, c N or s'),
            );
            if (cmd === 'a') {
              const order = await writeOrder(st.hour);
              if (order) act({ type: 'addOrder', order });
              continue;
            }
            if (cmd === 's') {
              if (act({ type: 'submitPlan' })) break;
              continue;
            }
            const row = rows[Number(cmd.slice(1).trim()) - 1];
            if (!row) {
              o.write(`No order ${cmd.slice(1).trim()}.\n`);
              continue;
            }
            if (cmd.startsWith('x')) {
              act({ type: 'stopOrder', orderId: row.id });
              continue;
            }
            if (cmd.startsWith('c')) {
              act({ type: 'continueOrder', orderId: row.id });
              continue;
            }
            const edited = await writeOrder(st.hour, row.order);
            if (edited) act({ type: 'modifyOrder', orderId: row.id, order: edited });
          }
        }
      }
      act({ type: 'advance' });
    }
    o.onFinished?.(state);
    print(['', ...debriefLines(debriefOf(state, units))]);
    return { outcome: 'finished', state };
  } catch (error) {
    if (error instanceof Quit) {
      o.write(
        error.outcome === 'quit'
          ? 'Quit: the case was not finished.\n'
          : 'The input ended before the case was finished.\n',
      );
      return { outcome: error.outcome, state };
    }
    throw error;
  }
}

/**
 * A typed criteria answer: "0" for none met, else numbers (1 to n) of the sets met, each with "?"
 * when it is not assessable ("1 3?"). Sets not named are not met.
 */
export function parseCriteriaMarks(typed: string, n: number): Partial<Record<number, CriteriaAnswer>> | Retry {
  const words = typed.split(/[\s,]+/).filter(Boolean);
  if (!words.length) return no('type 0 for none met, or the numbers met (with ? for not assessable)');
  if (words.length === 1 && words[0] === '0') return {};
  const out: Partial<Record<number, CriteriaAnswer>> = {};
  for (const w of words) {
    const m = /^(\d+)(\?)?$/.exec(w);
    const k = m ? Number(m[1]) : Number.NaN;
    if (!m || !Number.isInteger(k) || k < 1 || k > n)
      return no(`numbers from 1 to ${n}, each with ? if not assessable`);
    out[k - 1] = m[2] ? 'not-assessable' : 'met';
  }
  return out;
}
