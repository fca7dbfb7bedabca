import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'masdrill-evaluate-'));

function baseCase(id: string, labs: Record<string, unknown>) {
  return {
    schemaVersion: 1,
    id,
    provenance: { source: 'authored', author: 'test' },
    patient: { ageYears: 8, sex: 'male', weightKg: 26, heightCm: 128 },
    background: { sjia: 'known' },
    encounter: { hospitalized: true },
    observations: [{ hour: 0, temperatureC: 39.6, splenomegaly: true, hepatomegaly: true }],
    labs: [{ hour: 0, ...labs }],
    investigations: {},
  };
}

const mas = baseCase('sjia-mas', {
  ferritin: 9000,
  platelets: 120,
  ast: 160,
  triglycerides: 280,
  fibrinogen: 140,
  esr: 20,
});
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('masdrill evaluate (built bin)', () => {
  it('prints a table with every criteria set for one JSON case', () => {
    const r = runCli(['evaluate', file('one.json', JSON.stringify(mas, null, 2))]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Case sjia-mas: 8 y male');
    for (const name of [
      'HLH-2004',
      'EULAR/ACR/PRINTO',
      'HScore',
      'MS score',
      'Ferritin:ESR',
      'Phoenix',
      'CSTE/CDC 2023',
      'WHO 2020',
    ]) {
      expect(r.stdout).toContain(name);
    }
  });

  it('streams JSONL from standard input, one JSON result per case with --json', () => {
    const lines =
      [mas, { ...mas, id: 'second' }, { ...mas, id: 'third' }].map((c) => JSON.stringify(c)).join('\n') + '\n';
    const r = runCli(['evaluate', '-', '--json'], { input: lines });
    expect(r.code).toBe(0);
    const results = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { caseId: string; results: { id: string }[] });
    expect(results.map((x) => x.caseId)).toEqual(['sjia-mas', 'second', 'third']);
    expect(results[0]!.results.map((x) => x.id)).toEqual([
      'hlh-2004',
      'eular-acr-2016',
      'hscore',
      'ms-score',
      'ferritin-esr',
      'phoenix',
      'misc-cdc-2023',
      'misc-who-2020',
    ]);
  });

  it('reads SI input with --units si and converts at the edge', () => {
    // 3.0 mmol/L triglycerides is 265.71 mg/dL canonical; 1.4 g/L fibrinogen is 140 mg/dL.
    const si = baseCase('si-case', { ferritin: 9000, triglycerides: 3.0, fibrinogen: 1.4 });
    const r = runCli([
      'evaluate',
      file('si.json', JSON.stringify(si)),
      '--json',
      '--units',
      'si',
      '--only',
      'hlh-2004',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"caseId":"si-case"');
  });

  it('restricts to the chosen criteria sets with --only', () => {
    const r = runCli(['evaluate', file('only.json', JSON.stringify(mas)), '--json', '--only', 'hscore,phoenix']);
    const result = JSON.parse(r.stdout) as { results: { id: string }[] };
    expect(result.results.map((x) => x.id)).toEqual(['hscore', 'phoenix']);
  });

  describe('bad input: one clear message, exit 2, no stack trace', () => {
    const cases: [string, string[], string | undefined, RegExp][] = [
      [
        'an unknown flag',
        ['evaluate', '--jsn', 'x.json'],
        undefined,
        /Unknown option '--jsn'.*masdrill evaluate --help/,
      ],
      ['a missing file', ['evaluate', join(dir, 'nope.json')], undefined, /nope\.json: no such case file\. Fix:/],
      ['no input', ['evaluate'], undefined, /give exactly one input/],
      [
        'a bad --units',
        ['evaluate', '-', '--units', 'imperial'],
        '{}',
        /--units "imperial" is not a unit system\. Fix: use one of canonical, conventional, si/,
      ],
      ['a bad --window', ['evaluate', '-', '--window', '24:0'], '{}', /--window "24:0" is not FROM:TO/],
      ['a bad --only', ['evaluate', '-', '--only', 'hlh-1994'], '{}', /unknown criteria set "hlh-1994"/],
      [
        'malformed JSON on line 2 of a JSONL',
        ['evaluate', '-'],
        JSON.stringify(mas) + '\n{"schemaVersion": 1,\n',
        /<stdin>:2: \$: not valid JSON at column \d+/,
      ],
      [
        'an invalid case',
        ['evaluate', '-'],
        JSON.stringify({ ...mas, labs: [{ hour: 0, feritin: 9000 }] }),
        /<stdin>:1: \$\.labs\[0\]\.feritin: unknown property "feritin"\. Fix: did you mean "ferritin"/,
      ],
      ['an empty input', ['evaluate', '-'], '', /<stdin>: \$: is empty\. Fix:/],
    ];
    for (const [what, args, input, pattern] of cases) {
      it(`rejects ${what}`, () => {
        const r = runCli(args, input === undefined ? {} : { input });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(pattern);
        expect(r.stderr).not.toMatch(/\n\s+at /);
      });
    }
  });
});

describe('masdrill --help', () => {
  it('prints help with the education-only disclaimer (with no arguments masdrill starts a drill: test/quiz-cli.test.ts)', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('For education and simulation only');
    expect(r.stdout).toContain('evaluate');
  });

  it('rejects an unknown command with exit 2', () => {
    const r = runCli(['evalute']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "evalute"');
  });
});

describe('masdrill evaluate lints meaning after shape', () => {
  it('rejects a hemoglobin given in g/L as g/dL, and says to use --units si', () => {
    const c = baseCase('slip', { hemoglobin: 95 });
    const r = runCli(['evaluate', '-'], { input: JSON.stringify(c) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('$.labs[0].hemoglobin: 95 g/dL is outside the plausible range');
    expect(r.stderr).toContain('say so with "units": "si" in the case or --units si');
  });

  it('does not hint at --units si when --units si was given', () => {
    const r = runCli(['evaluate', '-', '--units', 'si'], {
      input: JSON.stringify(baseCase('si-slip', { hemoglobin: 9500 })),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('9500 g/L (950 g/dL) is outside the plausible range');
    expect(r.stderr).toContain('the file is in si units');
    expect(r.stderr).not.toContain('or --units si');
  });

  it('accepts the same value as SI input', () => {
    const c = baseCase('si-hb', { hemoglobin: 95 });
    const r = runCli(['evaluate', '-', '--units', 'si', '--json', '--only', 'hscore'], { input: JSON.stringify(c) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('masdrill evaluate --json --statuses', () => {
  it('keeps each verdict and drops the item evidence', () => {
    const c = JSON.stringify(
      baseCase('brief', { ferritin: 9000, platelets: 120, ast: 160, triglycerides: 280, fibrinogen: 140, esr: 20 }),
    );
    const full = JSON.parse(runCli(['evaluate', '-', '--json'], { input: c }).stdout) as {
      results: { id: string; status: string; items: unknown[] }[];
    };
    const r = runCli(['evaluate', '-', '--json', '--statuses'], { input: c });
    expect(r.code).toBe(0);
    const brief = JSON.parse(r.stdout) as {
      caseId: string;
      results: { id: string; status: string; items?: unknown }[];
    };
    expect(brief.caseId).toBe('brief');
    expect(brief.results.map((x) => [x.id, x.status])).toEqual(full.results.map((x) => [x.id, x.status]));
    expect(brief.results.every((x) => x.items === undefined)).toBe(true);
    expect(r.stdout.length * 5).toBeLessThan(JSON.stringify(full).length);
  });

  it('refuses --statuses without --json', () => {
    const r = runCli(['evaluate', '-', '--statuses'], { input: '{}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--statuses goes with --json');
  });
});
