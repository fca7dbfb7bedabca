import { debriefOf, orderEntryCheck, searchCatalogue, viewOf, type QuizView } from '../view.js';
import { formFields, formOrder, type QuizUi } from './controller.js';
import { line, wrapLine, type Line } from './line.js';
import { changeLines, debriefLines, labLines, orderCheckLines, patientLines } from './lines.js';
import { WELCOME_FOOTER, WELCOME_LINES, welcomeHeader } from './welcome.js';

const HELP: Record<QuizUi['screen'], string[]> = {
  welcome: ['Enter starts the case.', 'q quits.'],
  patient: [
    '↑↓ / j k scroll the labs.',
    'Enter (or Tab) goes to the questions; Esc back.',
    'H/L: above/below the reference range; ?: no reference range on file, judge it yourself (never read as normal).',
    'Δ stage: change since the last stage; Δ admit: since admission. * pending.',
    'u switches SI / conventional units.',
  ],
  time: ['What changed since the last stage. Enter shows the patient.'],
  diagnosis: ['↑↓ / j k move, 1-9 pick, Enter chooses the leading diagnosis.', 'p shows the patient; Esc goes back.'],
  criteria: [
    'Space (or →) cycles a set: not met → met → not assessable.',
    '1-9 cycles that set. Enter confirms (the sets marked met are your answer).',
  ],
  escalation: ['Continue the current plan or escalate: ↑↓, Enter.'],
  plan: [
    'Orders stay in force until stopped: Enter changes one, x (or Delete) stops it, c undoes a stop.',
    'a adds an order from the catalogue; s submits the plan.',
    'Status: in force, day n of a course, given, pending. ⚠: the order-entry dose check.',
  ],
  search: ['Type to search the actions; ↑↓ move; Enter picks; Esc back.'],
  order: [
    'Tab / ↓ next field, Shift-Tab / ↑ previous.',
    '←/→ or Space change a choice; type numbers; Backspace deletes.',
    'Enter saves the order; Esc cancels.',
  ],
  debrief: ['↑↓ / j k / Space scroll.', 'n next case · r retry the same case · q quit.'],
};

function header(v: QuizView, ui: QuizUi): Line[] {
  const st = v.stage;
  if (!st && v.phase !== 'finished') return [welcomeHeader(ui.units)];
  const where = st ? `Stage ${st.index + 1}/${st.count}: ${st.title} · hour ${st.hour}` : 'Debrief';
  return [line(`${where} · units: ${ui.units === 'si' ? 'SI' : 'conventional'}`, 'title')];
}

const FOOTER: Record<QuizUi['screen'], string> = {
  welcome: WELCOME_FOOTER,
  patient: 'j/k scroll · Enter questions · u units · ? help · q quit',
  time: 'j/k scroll · Enter patient · u units · q quit',
  diagnosis: '↑↓/1-9 move · Enter choose · p patient · Esc back · ? help',
  criteria: '↑↓ move · Space cycle · Enter confirm · p patient · Esc back',
  escalation: '↑↓/1-2 move · Enter choose · p patient · Esc back',
  plan: '↑↓ move · Enter change · a add · x stop · c undo · s submit · p patient',
  search: 'type to search · ↑↓ move · Enter pick · Esc back',
  order: 'Tab next field · ←→ change · Enter save · Esc cancel',
  debrief: 'j/k/Space scroll · n next case · r retry · q quit',
};

const choiceLine = (selected: boolean, n: number, text: string, picked = false): Line =>
  line(`${selected ? '›' : ' '} ${n}. ${picked ? '(•)' : '( )'} ${text}`, selected ? 'selected' : undefined);

function body(ui: QuizUi, v: QuizView): Line[] {
  const st = v.stage;
  switch (ui.screen) {
    case 'welcome':
      return [...WELCOME_LINES];
    case 'patient':
      return [...patientLines(v.patient, st?.hour ?? 0), line(''), ...labLines(v.labs)];
    case 'time':
      return changeLines(v);
    case 'diagnosis':
      return [
        line(st?.prompt ?? ''),
        line('What is the leading diagnosis?', 'title'),
        ...(st?.diagnosisOptions ?? []).map((o, i) =>
          choiceLine(i === ui.cursor, i + 1, o.label, v.answers.diagnosis === o.id),
        ),
      ];
    case 'criteria':
      return [
        line('Which criteria sets are met on what you know now?', 'title'),
        line('Space cycles: [ ] not met · [x] met · [?] not assessable', 'dim'),
        ...(st?.criteriaSets ?? []).map((o, i) => {
          const m = ui.criteria[i] ?? 'not met';
          return line(
            `${i === ui.cursor ? '›' : ' '} ${i + 1}. ${m === 'met' ? '[x]' : m === 'not assessable' ? '[?]' : '[ ]'} ${o.label}${m === 'not assessable' ? ' (not assessable)' : ''}`,
            i === ui.cursor ? 'selected' : undefined,
          );
        }),
      ];
    case 'escalation':
      return [
        line('Is the plan in force enough?', 'title'),
        ...(st?.escalationOptions ?? []).map((o, i) =>
          choiceLine(i === ui.cursor, i + 1, o.label, v.answers.escalation === o.id),
        ),
      ];
    case 'plan': {
      const rows = v.orders;
      const out: Line[] = [
        line(
          `Orders at hour ${st?.hour ?? 0}: orders stay in force until stopped.${v.answers.planSubmitted ? ' (submitted)' : ''}`,
          'title',
        ),
      ];
      rows.forEach((o, i) => {
        const check = orderEntryCheck(ui.session, o.order);
        const flag = ui.doseChecks && check.flags.length && !o.stoppedNow ? ' ⚠' : '';
        out.push(
          line(
            `${i === ui.cursor ? '›' : ' '} ${i + 1}. ${o.text} [${o.writtenNow && !o.stoppedNow ? 'new' : o.status}]${flag}`,
            i === ui.cursor ? 'selected' : flag ? 'warn' : o.stoppedNow ? 'dim' : undefined,
          ),
        );
      });
      if (!rows.length) out.push(line('  (no orders yet)', 'dim'));
      out.push(
        line(
          `${ui.cursor === rows.length ? '›' : ' '} + add an order`,
          ui.cursor === rows.length ? 'selected' : undefined,
        ),
      );
      out.push(
        line(
          `${ui.cursor === rows.length + 1 ? '›' : ' '} ✓ submit the plan`,
          ui.cursor === rows.length + 1 ? 'selected' : undefined,
        ),
      );
      const cur = rows[ui.cursor];
      if (cur)
        out.push(
          line(''),
          ...orderCheckLines(orderEntryCheck(ui.session, cur.order), ui.doseChecks && !cur.stoppedNow),
        );
      return out;
    }
    case 'search': {
      const found = searchCatalogue(ui.query);
      return [
        line(`Search actions: ${ui.query}▏`, 'title'),
        ...found.map((e, i) =>
          line(`${i === ui.cursor ? '›' : ' '} ${e.name} — ${e.category}`, i === ui.cursor ? 'selected' : undefined),
        ),
        ...(found.length ? [] : [line('  nothing matches; Backspace to widen the search', 'dim')]),
      ];
    }
    case 'order': {
      const f = ui.form;
      if (!f) return [];
      const e = f.entry;
      const fields = formFields(e);
      const value = (name: string): string => {
        switch (name) {
          case 'amount':
            return `${f.amount}▏`;
          case 'unit':
            return `‹ ${e.units[f.unit]} ›`;
          case 'frequency':
            return `‹ ${e.frequencies[f.frequency]} ›`;
          case 'route':
            return `‹ ${e.routes[f.route]} ›`;
          case 'days':
            return `${f.days}▏ (days; empty: not stated)`;
          case 'atHour':
            return `${f.atHour}▏`;
          default:
            return `${f.everyHours}▏`;
        }
      };
      const LABEL: Record<string, string> = {
        amount: 'Dose',
        unit: 'Unit',
        frequency: 'Frequency',
        route: 'Route',
        days: 'Duration',
        atHour: 'Start hour',
        everyHours: 'Every (hours)',
      };
      const out: Line[] = [
        line(`${f.editing !== undefined ? 'Edit' : 'New'} order: ${e.name}`, 'title'),
        line(e.description, 'dim'),
      ];
      fields.forEach((name, i) =>
        out.push(
          line(
            `${i === f.field ? '›' : ' '} ${LABEL[name]!.padEnd(14)} ${value(name)}`,
            i === f.field ? 'selected' : undefined,
          ),
        ),
      );
      const order = formOrder(f);
      if (typeof order !== 'string')
        out.push(line(''), ...orderCheckLines(orderEntryCheck(ui.session, order), ui.doseChecks));
      if (f.problem) out.push(line(`✗ ${f.problem}`, 'bad'));
      return out;
    }
    case 'debrief':
      return ui.session.phase === 'finished' ? debriefLines(debriefOf(ui.session, ui.units)) : [];
  }
}

/** Scrolls lines so the selected one stays in view; screens without a selection scroll by ui.scroll. */
function window(lines: readonly Line[], height: number, scroll: number): { shown: Line[]; top: number } {
  if (lines.length <= height) return { shown: [...lines], top: 0 };
  const sel = lines.findIndex((l) => l.style === 'selected');
  const maxTop = lines.length - height;
  const top = sel >= 0 ? Math.max(0, Math.min(maxTop, sel - Math.floor(height / 2))) : Math.min(maxTop, scroll);
  return { shown: lines.slice(top, top + height), top };
}

/**
 * The whole frame for a terminal of `rows` lines: header, body (scrolled), message, footer. It is
 * kept one line shorter than the terminal (a frame as tall as the terminal makes Ink clear the screen).
 */
export function frameLines(ui: QuizUi, rows: number, columns = 80): Line[] {
  const v = viewOf(ui.session, ui.units);
  const height = Math.max(3, rows - 1);
  const top = header(v, ui);
  const bottom: Line[] = [];
  if (ui.message) bottom.push(line(`✗ ${ui.message.split('\n')[0]}`, 'bad'));
  if (ui.confirmQuit)
    bottom.push(line('Quit this case? Your answers so far are lost. y quit · any other key stays', 'warn'));
  bottom.push(line(FOOTER[ui.screen], 'dim'));
  const content = (
    ui.help
      ? [
          line(`Help: ${ui.screen}`, 'title'),
          ...HELP[ui.screen].map((h) => line(h)),
          line(''),
          line('Press any key to go back.', 'dim'),
        ]
      : body(ui, v)
  ).flatMap((l) => wrapLine(l, columns));
  const room = Math.max(1, height - top.length - bottom.length);
  const { shown, top: first } = window(content, room, ui.scroll);
  const more =
    content.length > room ? line(`  (${first + 1}–${first + shown.length} of ${content.length})`, 'dim') : undefined;
  if (more && shown.length > 1) shown[shown.length - 1] = more;
  return [...top, ...shown, ...bottom];
}
