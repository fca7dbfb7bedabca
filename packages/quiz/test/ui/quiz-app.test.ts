import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  criteriaKeyAt,
  drillScenario,
  generatedCaseOf,
  sessionReducer,
  type SessionState,
} from '../../src/index.js';
import { QuizApp } from '../../src/ui/index.js';
import { keysFor, newPlayer } from './play-by-keys.js';
import { waitFor } from './wait-for-frame.js';

const session = (kind: 'mas' | 'sepsis' | 'misc', seed: number): SessionState => {
  const s = drillScenario(kind, seed);
  return createSession(s, generatedCaseOf(s)!);
};

/** Plays a case by keys, reading each frame; returns every frame seen. */
async function playThrough(
  s: SessionState,
  keysOf: (frame: string, p: ReturnType<typeof newPlayer>) => string | undefined = keysFor,
): Promise<{ frames: string[]; finished: SessionState[] }> {
  const finished: SessionState[] = [];
  const app = render(createElement(QuizApp, { session: s, onFinished: (x: SessionState) => finished.push(x) }));
  const frames: string[] = [];
  const p = newPlayer();
  let frame = await waitFor(
    () => app.lastFrame() ?? '',
    (f) => f.includes('Press Enter'),
  );
  for (let i = 0; i < 200; i++) {
    frames.push(frame);
    const keys = keysOf(frame, p);
    if (keys === undefined) break;
    const before = frame;
    app.stdin.write(keys);
    frame = await waitFor(
      () => app.lastFrame() ?? '',
      (f) => f !== before,
    );
  }
  app.unmount();
  return { frames, finished };
}

describe('the Ink quiz, typed through by keys (ink-testing-library)', () => {
  for (const [kind, seed] of [
    ['mas', 7],
    ['sepsis', 11],
    ['misc', 13],
  ] as const) {
    it(`plays a generated ${kind} case (seed ${seed}) from the first screen to the debrief`, async () => {
      const { frames, finished } = await playThrough(session(kind, seed));
      const all = frames.join('\n');
      expect(frames[0]).toContain('For education and simulation only');
      expect(all).toMatch(/Stage 1\/4: Presentation/);
      expect(all).toMatch(/Lab +value unit/);
      expect(all).toContain('What is the leading diagnosis?');
      expect(all).toContain('Which criteria sets are met');
      expect(all).toContain('Is the plan in force enough?');
      expect(all).toMatch(/Orders at hour 12/);
      expect(all).toMatch(/IV methylprednisolone pulse 30 mg\/kg\/day q24h iv ×3 d from h0 \[day 1 of 3\]/);
      expect(all).toContain('Time passes: hour 12');
      const debrief = frames[frames.length - 1]!;
      expect(debrief).toMatch(/Score \d+(\.\d)?\/100/);
      expect(finished).toHaveLength(1);
      expect(finished[0]!.phase).toBe('finished');
      // Every frame fits 80 columns… ink-testing-library's terminal is 100 wide; 24 rows by default.
      for (const f of frames) expect(f.split('\n').length).toBeLessThanOrEqual(23);
    }, 120_000);
  }

  it('records "not assessable" as a criteria answer: 1 pressed twice marks set 1 [?], and the key scores it', async () => {
    const s = session('mas', 7);
    const first = sessionReducer(s, { type: 'start' }).current!;
    const key = criteriaKeyAt(first.visible, first.hour, first.criteriaSets);
    // Mark every set as the key has it: a set keyed not assessable gets its number pressed twice ([ ] → [x] → [?]).
    const marks = first.criteriaSets
      .map((id, i) => String(i + 1).repeat(key[id] === 'met' ? 1 : key[id] === 'not-assessable' ? 2 : 0))
      .join('');
    expect(marks).toMatch(/(\d)\1/);
    let marked = 0;
    const { frames, finished } = await playThrough(s, (frame, p) => {
      if (marked < 2 && /Which criteria sets are met/.test(frame)) {
        marked++;
        return marked === 1 ? marks : '\r'; // mark, then confirm on the marked screen
      }
      return keysFor(frame, p);
    });
    expect(frames.some((f) => /\[\?\] .*\(not assessable\)/.test(f))).toBe(true);
    const answered = finished[0]!.answers[0]!.criteria!;
    expect(answered).toEqual(key);
    const q = finished[0]!.reports[0]!.questions.find((x) => x.question === 'criteria')!;
    expect(q.fraction).toBe(1);
  }, 120_000);

  it('p shows the patient from a question and Enter returns to it; the next stage starts at its first question', async () => {
    const { initialUi, quizKey } = await import('../../src/ui/controller.js');
    const { splitKeys } = await import('../../src/ui/keys.js');
    let ui = initialUi(session('mas', 7));
    const press = (keys: string) => {
      for (const k of splitKeys(keys)) ui = quizKey(ui, k);
    };
    press('\r\r\r');
    expect(ui.screen).toBe('criteria');
    press('p');
    expect(ui.screen).toBe('patient');
    press('\r');
    expect(ui.screen).toBe('criteria');
    press('\r'); // criteria answered: the plan
    press('p\r');
    expect(ui.screen).toBe('plan');
    press('s\r\r'); // submit; time passes; the patient at 12 h
    expect(ui.screen).toBe('escalation');
  });

  it('asks before quitting mid-case; another key stays, y quits', async () => {
    const app = render(createElement(QuizApp, { session: session('mas', 7) }));
    await waitFor(
      () => app.lastFrame() ?? '',
      (f) => f.includes('Press Enter'),
    );
    app.stdin.write('\r');
    await waitFor(
      () => app.lastFrame() ?? '',
      (f) => f.includes('Stage 1/4'),
    );
    app.stdin.write('q');
    await waitFor(
      () => app.lastFrame() ?? '',
      (f) => f.includes('Quit this case?'),
    );
    app.stdin.write('n');
    await waitFor(
      () => app.lastFrame() ?? '',
      (f) => !f.includes('Quit this case?'),
    );
    app.stdin.write('u');
    await waitFor(
      () => app.lastFrame() ?? '',
      (f) => f.includes('units: SI') && f.includes('µg/L'),
    );
    app.unmount();
  });
});
