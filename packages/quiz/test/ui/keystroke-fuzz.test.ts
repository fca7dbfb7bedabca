import fc from 'fast-check';
import { createElement } from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { createSession, drillScenario, generatedCaseOf, type SessionState } from '../../src/index.js';
import { initialUi, quizKey, retryUi } from '../../src/ui/controller.js';
import { splitKeys } from '../../src/ui/keys.js';
import { frameLines } from '../../src/ui/screens.js';
import { QuizApp } from '../../src/ui/index.js';

const session = (kind: 'mas' | 'sepsis' | 'misc' | 'sjia-flare', seed: number): SessionState => {
  const s = drillScenario(kind, seed);
  return createSession(s, generatedCaseOf(s)!);
};

// Every key the quiz knows, and some it does not: arrows, paging, Tab/Shift-Tab, Esc, Enter,
// Backspace, Delete, Space, digits, letters, punctuation, Ctrl-C.
const KEYS = [
  '\u001b[A',
  '\u001b[B',
  '\u001b[C',
  '\u001b[D',
  '\u001b[5~',
  '\u001b[6~',
  '\u001b[3~',
  '\u001b[Z',
  '\t',
  '\u001b',
  '\r',
  '\u007f',
  ' ',
  ...'0123456789'.split(''),
  ...'jkqyunrpasxcde?.-/'.split(''),
  'methyl',
  'pulse',
  'zz',
  '\u0003',
];
// Weighted towards the keys that move a case on, so the fuzz reaches every screen.
const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('\r', '\r', '1', '2', 's', 'a', '30', '\t', ' ') },
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
);

describe('keystroke fuzz', () => {
  it('the controller takes 6,000 random keys at random terminal sizes without throwing, and every frame fits', () => {
    const keys = fc.sample(fc.array(keyArb, { minLength: 6_000, maxLength: 6_000 }), { numRuns: 1, seed: 2026 })[0]!;
    const sizes = fc.sample(
      fc.record({ rows: fc.integer({ min: 5, max: 60 }), columns: fc.integer({ min: 20, max: 200 }) }),
      { numRuns: 64, seed: 7 },
    );
    let ui = initialUi(session('mas', 7));
    const screens = new Set<string>();
    let n = 0;
    for (const chunk of keys) {
      for (const k of splitKeys(chunk)) {
        ui = quizKey(ui, k);
        if (ui.exit)
          ui =
            ui.exit === 'next' || ui.exit === 'quit'
              ? initialUi(session((['mas', 'sepsis', 'misc', 'sjia-flare'] as const)[n % 4]!, n))
              : retryUi(ui);
        n++;
      }
      screens.add(ui.screen);
      const size = sizes[n % sizes.length]!;
      const frame = frameLines(ui, size.rows, size.columns);
      expect(frame.length).toBeLessThanOrEqual(Math.max(4, size.rows - 1));
    }
    expect(n).toBeGreaterThanOrEqual(6_000);
    // The fuzz reached every screen, the debrief included.
    for (const s of [
      'welcome',
      'patient',
      'time',
      'diagnosis',
      'criteria',
      'escalation',
      'plan',
      'search',
      'order',
      'debrief',
    ])
      expect(screens, s).toContain(s);
  }, 300_000);

  it('the Ink app takes 5,000 random keys in random chunks, resizes and Ctrl-C without an error, a stack trace or a hang', async () => {
    const chunks = fc.sample(
      fc.array(fc.array(keyArb, { minLength: 1, maxLength: 4 }), { minLength: 2_200, maxLength: 2_200 }),
      { numRuns: 1, seed: 99 },
    )[0]!;
    let app = render(createElement(QuizApp, { session: session('mas', 7) }));
    let keys = 0;
    let restarts = 0;
    let resizes = 0;
    for (const [i, chunk] of chunks.entries()) {
      const data = chunk.join('');
      keys += splitKeys(data).length;
      app.stdin.write(data);
      if (i % 50 === 25) {
        // A resize: the terminal reports a new size and Ink redraws.
        Object.defineProperty(app.stdout, 'columns', { value: 40 + (i % 120), configurable: true });
        Object.defineProperty(app.stdout, 'rows', { value: 8 + (i % 40), configurable: true });
        app.stdout.emit('resize');
        resizes++;
      }
      if (i % 100 === 0) await new Promise((r) => setTimeout(r, 0));
      const frame = app.lastFrame() ?? '';
      expect(frame).not.toMatch(/\n\s+at |ERROR|TypeError|RangeError/);
      if (data.includes('\u0003') || i % 300 === 299) {
        // Ctrl-C (or a quit) ends the app: start a fresh one, as a user would.
        app.unmount();
        app = render(
          createElement(QuizApp, { session: session((['sepsis', 'misc', 'mas'] as const)[restarts % 3]!, restarts) }),
        );
        restarts++;
      }
    }
    // Still answering: a fresh key changes the screen.
    app.stdin.write('?');
    await new Promise((r) => setTimeout(r, 20));
    expect(app.lastFrame()).toMatch(/Help: |Quit this case\?|\?/);
    app.unmount();
    expect(keys).toBeGreaterThanOrEqual(5_000);
    expect(restarts).toBeGreaterThan(0);
    expect(resizes).toBeGreaterThan(0);
  }, 300_000);
});
