import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/progress.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

describe('progress is honest', () => {
  it('shows no ETA until a few samples past the first batch, whose start-up costs would inflate it', () => {
    let t = 0;
    const { stream, text } = capture();
    const p = createProgress({
      total: 100,
      label: 'g',
      stream,
      enabled: true,
      term: 'xterm',
      intervalMs: 0,
      now: () => t,
    });
    t = 60_000;
    p.tick(1); // a slow first batch (workers starting)
    t = 60_100;
    p.tick(1);
    expect(text()).not.toMatch(/ETA \d/);
    t = 61_100;
    p.tick(1);
    // Steady rate after the first batch: 2 per 1.1 s → 97 left ≈ 53 s, not 97 × 30 s.
    expect(text()).toMatch(/ETA 00:5\d\x1b\[K$/);
  });

  it('prints plain lines, no escape codes, on a terminal that cannot redraw (TERM=dumb)', () => {
    let t = 0;
    const { stream, text } = capture();
    const p = createProgress({
      total: 10,
      label: 'g',
      unit: 'cases',
      stream,
      enabled: true,
      term: 'dumb',
      now: () => (t += 6000),
    });
    p.tick(5);
    p.tick(5);
    p.done();
    expect(text()).not.toMatch(/\x1b|\r/);
    expect(text().split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it('ends with a summary line', () => {
    let t = 0;
    const { stream, text } = capture();
    const p = createProgress({
      total: 2000,
      label: 'generate',
      unit: 'cases',
      destination: 'c.jsonl',
      stream,
      enabled: true,
      term: 'xterm',
      now: () => (t += 500),
    });
    p.tick(1000);
    p.tick(1000);
    p.done();
    expect(text()).toMatch(/generate: wrote 2,000 cases to c\.jsonl in 00:0\d\n$/);
  });

  it('stays silent when stderr is not a terminal', () => {
    const { stream, text } = capture();
    const p = createProgress({ total: 10, label: 'g', stream });
    p.tick(10);
    p.done();
    expect(text()).toBe('');
  });
});
