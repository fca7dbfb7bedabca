import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keysFor, newPlayer } from '../packages/quiz/test/ui/play-by-keys.js';
import { BIN } from './support/run-cli.js';

// The built bin in a real terminal: tmux at 80×24, CI unset (Ink draws nothing until exit when CI
// is set). Under CI a missing tmux fails (.ci/run installs it); locally the test says so and skips.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.CI)
  throw new Error('tmux is needed for the real-terminal quiz test: .ci/run installs it with apt-get');
if (!hasTmux) console.warn('quiz-terminal: tmux not found; skipping the real-terminal test (apt-get install -y tmux)');

const socket = `masdrill-test-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'masdrill-tmux-'));
const tmux = (...args: string[]) =>
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'quiz');

async function waitFor(test: (s: string) => boolean, what: string, ms = 60_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen();
    if (test(s)) return s;
    if (Date.now() > end) throw new Error(`waited for ${what}; the terminal shows:\n${s}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The frame's visible lines (the pane is 24 rows; Ink's frame is shorter). */
const rows = (s: string) => s.replace(/\n+$/, '').split('\n');

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('masdrill in a real terminal (tmux, 80×24)', () => {
  it('plays a case by keys from the first screen to the debrief, each screen fitting, and quits', async () => {
    const exit = join(dir, 'exit-code');
    tmux(
      'new-session',
      '-d',
      '-s',
      'quiz',
      '-x',
      '80',
      '-y',
      '24',
      `env -u CI MASDRILL_DATA_DIR=${join(dir, 'data')} ${process.execPath} ${BIN} quiz --kind mas --seed 7; echo $? > ${exit}; sleep 600`,
    );
    let s = await waitFor((x) => x.includes('Press Enter to meet the patient'), 'the first screen');
    expect(s).toContain('For education and simulation only');
    const seen: string[] = [];
    const p = newPlayer();
    for (let i = 0; i < 120; i++) {
      seen.push(s);
      // Every screen fits: its header is on the first row, no row is wider than the terminal.
      expect(rows(s)[0]).toMatch(/^(Welcome|Stage \d\/4|Debrief)/);
      expect(rows(s).length).toBeLessThanOrEqual(23);
      const keys = keysFor(s, p);
      if (keys === undefined) break;
      const before = s;
      tmux('send-keys', '-t', 'quiz', '-l', keys);
      // A new, whole frame (Ink erases the first screen the CLI printed before it draws its own).
      s = await waitFor(
        (x) => x !== before && /^(Welcome|Stage \d\/4|Debrief)/.test(x),
        `a change after ${JSON.stringify(keys)}`,
      );
    }
    const all = seen.join('\n');
    expect(all).toMatch(/Ferritin +\d+ ng\/mL +H/);
    expect(all).toContain('What is the leading diagnosis?');
    expect(all).toMatch(/\[day 1 of 3\]/);
    expect(all).toContain('Time passes: hour 12');
    expect(s).toMatch(/Score \d+(\.\d)?\/100/);
    // Resize: the debrief redraws to the new size.
    tmux('resize-window', '-t', 'quiz', '-x', '100', '-y', '30');
    await waitFor((x) => rows(x).length > 24 || /of \d+\)/.test(x), 'a redraw at 100×30');
    tmux('send-keys', '-t', 'quiz', 'q');
    await waitFor(() => {
      try {
        return readFileSync(exit, 'utf8').trim() !== '';
      } catch {
        return false;
      }
    }, 'the quiz to exit');
    expect(readFileSync(exit, 'utf8').trim()).toBe('0');
    expect(
      readFileSync(join(dir, 'data', 'attempts.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
    expect(screen()).not.toMatch(/internal error|\n\s+at /);
  }, 300_000);

  it('survives a burst of random keys and Ctrl-C in the real terminal', async () => {
    const exit = join(dir, 'exit-fuzz');
    tmux(
      'new-session',
      '-d',
      '-s',
      'fuzz',
      '-x',
      '80',
      '-y',
      '24',
      `env -u CI MASDRILL_DATA_DIR=${join(dir, 'fuzz')} ${process.execPath} ${BIN} quiz --kind sepsis --seed 3 2>&1; echo $? > ${exit}; sleep 600`,
    );
    const fuzzScreen = () => tmux('capture-pane', '-p', '-t', 'fuzz');
    const end = Date.now() + 60_000;
    while (!fuzzScreen().includes('Press Enter') && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const keys = [
      'Enter',
      'Up',
      'Down',
      'Left',
      'Right',
      'Tab',
      'BTab',
      'Escape',
      'Space',
      'BSpace',
      'j',
      'k',
      '1',
      '2',
      '3',
      'a',
      's',
      'x',
      'c',
      'u',
      'p',
      '?',
      'n',
    ];
    let x = 12345;
    for (let burst = 0; burst < 40; burst++) {
      const batch = Array.from({ length: 10 }, () => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return keys[x % keys.length]!;
      });
      tmux('send-keys', '-t', 'fuzz', ...batch);
      if (burst % 10 === 5)
        tmux('resize-window', '-t', 'fuzz', '-x', String(60 + burst), '-y', String(18 + (burst % 12)));
    }
    tmux('send-keys', '-t', 'fuzz', 'C-c');
    const done = Date.now() + 60_000;
    const read = () => {
      try {
        return readFileSync(exit, 'utf8').trim();
      } catch {
        return '';
      }
    };
    while (read() === '' && Date.now() < done) await new Promise((r) => setTimeout(r, 50));
    expect(read()).toBe('0');
    expect(fuzzScreen()).not.toMatch(/internal error|\n\s+at |Error:/);
  }, 300_000);
});
