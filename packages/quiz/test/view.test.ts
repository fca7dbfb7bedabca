import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, type Kind } from '@masdrill/generator';
import { CRITERIA_SETS, NUMERIC_ANALYTES, referenceLimit, type Case, type CriteriaSetId } from '@masdrill/rules';
import {
  attemptStats,
  createSession,
  debriefOf,
  teachableDrill,
  expertAnswers,
  generatedCaseOf,
  labRows,
  orderEntryCheck,
  parseAttemptLog,
  sessionReducer,
  viewOf,
  type SessionState,
} from '../src/index.js';
import { splitKeys } from '../src/ui/keys.js';
import { heavyMasDrillSeed, PULSE_TOP_MG_PER_KG } from './support/drill-seeds.js';

const started = (kind: Kind, seed: number): SessionState => {
  const s = teachableDrill(kind, seed);
  return sessionReducer(createSession(s, generatedCaseOf(s)!), { type: 'start' });
};

/** Plays the expert's answers for the current stage and advances. */
function expertStage(state: SessionState): SessionState {
  const a = expertAnswers(state);
  let s = state;
  if (a.diagnosis) s = sessionReducer(s, { type: 'answerDiagnosis', diagnosis: a.diagnosis });
  if (a.criteria) s = sessionReducer(s, { type: 'answerCriteria', criteria: a.criteria });
  if (a.escalation) s = sessionReducer(s, { type: 'answerEscalation', escalation: a.escalation });
  if (a.plan) s = sessionReducer(s, { type: 'submitPlan', plan: a.plan });
  return sessionReducer(s, { type: 'advance' });
}

describe('viewOf: what a front end may show', () => {
  it('never carries the truth, the full case, the expected plan or the outcome, at any stage of any kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 10_000 }), (kind, seed) => {
        let s = started(kind, seed);
        while (s.phase === 'stage') {
          const text = JSON.stringify(viewOf(s, 'si'));
          for (const leak of [
            '"truth"',
            'caseNow',
            'masPresent',
            '"expected',
            'died',
            'planStage',
            'expectedEscalation',
            'subtype',
          ])
            expect(text).not.toContain(leak);
          // Only what is known by now: no lab drawn after the stage's hour.
          expect(viewOf(s).labs.every((r) => r.series.every((p) => p.hour <= s.current!.hour))).toBe(true);
          s = expertStage(s);
        }
        expect(debriefOf(s).overall).toBe(100);
      }),
      { numRuns: 12 },
    );
  });

  it('flags H only above the upper limit and L only below the lower (the limit itself is not flagged), in words not colour', () => {
    const s = started('mas', 7);
    const c = s.current!.visible;
    const hi = referenceLimit(c, 'ferritin', 'upper')!.value;
    const at = (v: number): Case => ({ ...c, labs: [{ hour: 0, ferritin: v }] });
    expect(labRows(at(hi), 0, undefined, 'conventional')[0]!.flag).toBe('');
    expect(labRows(at(hi + 1), 0, undefined, 'conventional')[0]!.flag).toBe('H');
    const analyte = (['platelets', 'hemoglobin', 'fibrinogen', 'albumin', 'sodium'] as const).find((a) =>
      referenceLimit(c, a, 'lower'),
    )!;
    const lo = referenceLimit(c, analyte, 'lower')!.value;
    expect(labRows({ ...c, labs: [{ hour: 0, [analyte]: lo }] }, 0, undefined, 'si')[0]!.flag).toBe('');
    expect(labRows({ ...c, labs: [{ hour: 0, [analyte]: lo * 0.99 }] }, 0, undefined, 'si')[0]!.flag).toBe('L');
  });

  it('marks a value with no reference range on file "?", never blank (blank would read as normal)', () => {
    const c = started('mas', 7).current!.visible;
    const unranged = NUMERIC_ANALYTES.find((a) => !referenceLimit(c, a, 'lower') && !referenceLimit(c, a, 'upper'))!;
    expect(unranged).toBeDefined();
    expect(labRows({ ...c, labs: [{ hour: 0, [unranged]: 1 }] }, 0, undefined, 'conventional')[0]!.flag).toBe('?');
    const ranged = NUMERIC_ANALYTES.find((a) => referenceLimit(c, a, 'upper'))!;
    expect(
      labRows(
        { ...c, labs: [{ hour: 0, [ranged]: referenceLimit(c, ranged, 'upper')!.value }] },
        0,
        undefined,
        'conventional',
      )[0]!.flag,
    ).toBe('');
  });

  it('switches units at the edge only (fibrinogen mg/dL → g/L), shows change since the last stage and baseline, and marks a result not back as pending', () => {
    const c: Case = {
      ...started('mas', 7).current!.visible,
      labs: [
        { hour: 0, fibrinogen: 300, ferritin: 1000 },
        { hour: 12, fibrinogen: 150, ferritin: 5000 },
        { hour: 24, ferritin: 9000 },
      ],
    };
    const conv = labRows(c, 24, 12, 'conventional');
    const si = labRows(c, 24, 12, 'si');
    const fib = (rows: typeof conv) => rows.find((r) => r.analyte === 'fibrinogen')!;
    expect(fib(conv)).toMatchObject({ value: 150, unit: 'mg/dL', pending: true, sinceBaseline: -150 });
    expect(fib(si)).toMatchObject({ value: 1.5, unit: 'g/L', pending: true });
    const ferritin = conv.find((r) => r.analyte === 'ferritin')!;
    expect(ferritin).toMatchObject({ value: 9000, sinceLast: 4000, sinceBaseline: 8000, pending: false });
  });

  it('checks an order like an order-entry system: a dose over the maximum is flagged with the weight and the computed total', () => {
    const s = started('mas', heavyMasDrillSeed());
    const over = orderEntryCheck(s, {
      action: 'methylprednisolone-pulse',
      atHour: 0,
      dose: { amount: PULSE_TOP_MG_PER_KG, unit: 'mg/kg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
    });
    expect(over.weightKg).toBe(s.current!.visible.patient.weightKg);
    expect(over.computed).toMatch(/mg per day/);
    expect(over.flags.join(' ')).toMatch(/exceeds the maximum/);
    const ok = orderEntryCheck(s, {
      action: 'methylprednisolone-pulse',
      atHour: 0,
      dose: { amount: 1000, unit: 'mg/day', frequency: 'q24h', route: 'iv', durationDays: 3 },
    });
    expect(ok.flags).toEqual([]);
    expect(orderEntryCheck(s, { action: 'icu-admission', atHour: 0 }).flags).toEqual([]);
  });
});

describe('debriefOf: the criteria line', () => {
  it('names the sets judged met and not assessable, on both sides (it printed "none" for every answer)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.integer({ min: 0, max: 10_000 }), (kind, seed) => {
        let s = started(kind, seed);
        const keys: NonNullable<ReturnType<typeof expertAnswers>['criteria']>[] = [];
        while (s.phase === 'stage') {
          const a = expertAnswers(s);
          if (a.diagnosis) s = sessionReducer(s, { type: 'answerDiagnosis', diagnosis: a.diagnosis });
          if (a.criteria) {
            keys.push(a.criteria);
            // HScore and ferritin:ESR judged met, HLH-2004 not assessable, every other set not met.
            s = sessionReducer(s, {
              type: 'answerCriteria',
              criteria: { 'ferritin-esr': 'met', 'hlh-2004': 'not-assessable', hscore: 'met' },
            });
          }
          if (a.escalation) s = sessionReducer(s, { type: 'answerEscalation', escalation: a.escalation });
          if (a.plan) s = sessionReducer(s, { type: 'submitPlan', plan: a.plan });
          s = sessionReducer(s, { type: 'advance' });
        }
        const lines = debriefOf(s)
          .stages.flatMap((stage) => stage.questions)
          .filter((q) => q.question === 'criteria');
        expect(lines.length).toBe(keys.length);
        lines.forEach((q, i) => {
          expect(q.answer).toBe('met: HScore + Ferritin:ESR ratio · not assessable: HLH-2004 diagnostic guidelines');
          const key = keys[i]!;
          const named = (answer: string) =>
            Object.entries(key)
              .filter(([, a]) => a === answer)
              .map(([id]) => CRITERIA_SETS[id as CriteriaSetId].name);
          const met = named('met');
          const open = named('not-assessable');
          expect(q.expected.startsWith(met.length ? 'met: ' : 'none met')).toBe(true);
          for (const name of met) expect(q.expected.split(' · not assessable: ')[0]).toContain(name);
          if (open.length) for (const name of open) expect(q.expected).toContain(`${name}`);
          expect(q.expected.includes(' · not assessable: ')).toBe(open.length > 0);
        });
      }),
      { numRuns: 8 },
    );
  });
});

describe('attempt log (pure)', () => {
  it('never throws on any text: every line is an attempt or a reported problem', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.json(), fc.constant('{"masdrillAttempt":1}'))), (lines) => {
        const { attempts, problems } = parseAttemptLog(lines.join('\n'));
        expect(attempts.length + problems.length).toBeLessThanOrEqual(lines.length);
        const stats = attemptStats(attempts);
        for (const t of stats.topics) expect(t.accuracy).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('gives accuracy by topic, the trend as earlier and recent halves, and the statements most missed with their text', () => {
    const rec = (at: string, diagnosis: number, missed: string[]) =>
      JSON.stringify({
        masdrillAttempt: 1,
        at,
        scenario: 'x',
        overall: diagnosis * 100,
        answers: {},
        topics: { diagnosis },
        missed,
      });
    const { attempts } = parseAttemptLog(
      [rec('2026-01-02', 1, ['GC-1']), rec('2026-01-01', 0, ['GC-1', 'PIT-1']), rec('2026-01-03', 1, [])].join('\n'),
    );
    const s = attemptStats(attempts);
    expect(s.topics).toEqual([{ topic: 'diagnosis', attempts: 3, accuracy: 0.667, earlier: 0, recent: 1 }]);
    expect(s.mostMissed[0]).toMatchObject({ id: 'GC-1', count: 2 });
    expect(s.mostMissed[0]!.text.length).toBeGreaterThan(10);
    expect(s.overallByAttempt).toEqual([0, 100, 100]);
  });
});

describe('splitKeys', () => {
  it('splits keys that arrived together: digits, Enter, arrows, Shift-Tab, Esc, Backspace, Ctrl-C', () => {
    expect(splitKeys('2\r\u001b[A\u001b[Z\u001b\u007f\u0003x')).toEqual([
      { input: '2' },
      { input: '', return: true },
      { input: '', upArrow: true },
      { input: '', tab: true, shift: true },
      { input: '', escape: true },
      { input: '', backspace: true },
      { input: 'c', ctrl: true },
      { input: 'x' },
    ]);
  });
});
