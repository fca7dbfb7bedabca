import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'masdrill-threads-'));

describe('masdrill generate on worker threads (built bin)', () => {
  for (const format of ['jsonl', 'csv', 'json'] as const) {
    it(`gives the same ${format} bytes on 2 worker threads as on the main thread`, () => {
      const out = (t: number) => join(dir, `cohort-${t}.${format}`);
      const args = (t: number) => [
        'generate',
        '--mix',
        'mas:2,sjia-flare:1,sepsis:1,misc:1',
        '--n',
        '1500',
        '--seed',
        '77',
        '--difficulty',
        'hard',
        '--format',
        format,
        '--units',
        'si',
        '--threads',
        String(t),
        '--quiet',
        '--out',
        out(t),
      ];
      for (const t of [0, 2]) {
        const r = runCli(args(t));
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const single = readFileSync(out(0), 'utf8');
      expect(single.length).toBeGreaterThan(100_000);
      expect(readFileSync(out(2), 'utf8')).toBe(single);
    });
  }
});
