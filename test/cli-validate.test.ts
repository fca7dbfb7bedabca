import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'masdrill-validate-'));
const good = {
  schemaVersion: 1,
  id: 'ok-case',
  provenance: { source: 'authored' },
  patient: { ageYears: 4, sex: 'female' },
  background: { sjia: 'none' },
  encounter: {},
  observations: [{ hour: 0, temperatureC: 39 }],
  labs: [{ hour: 0, ferritin: 800 }],
  investigations: {},
};

describe('masdrill validate (built bin)', () => {
  it('passes every committed case file', () => {
    const r = runCli(['validate', 'cases/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ok  ')).length).toBeGreaterThanOrEqual(
      readdirSync(`${REPO_ROOT}cases/canonical`).filter((f) => !f.endsWith('.expected.json')).length,
    );
  });

  it('names file, line, JSON path and fix for every problem, and exits 2', () => {
    const text = JSON.stringify(
      {
        ...good,
        labs: [
          { hour: 0, feritin: 800 },
          { hour: 12, hemoglobin: 'low' },
        ],
      },
      null,
      2,
    );
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    const lines = text.split('\n');
    const feritinLine = lines.findIndex((l) => l.includes('"feritin"')) + 1;
    const hbLine = lines.findIndex((l) => l.includes('"hemoglobin"')) + 1;
    expect(r.stderr).toContain(
      `${file}:${feritinLine}: $.labs[0].feritin: unknown property "feritin". Fix: did you mean "ferritin"`,
    );
    expect(r.stderr).toContain(`${file}:${hbLine}: $.labs[1].hemoglobin: expected a number, got the string "low"`);
    expect(r.stderr).toContain('2 problems in 1 file');
  });

  it('reports meaning problems (lint) with their line', () => {
    const text = JSON.stringify({ ...good, observations: [{ hour: 0, sbp: 50, dbp: 90 }] }, null, 2);
    const file = join(dir, 'swapped.json');
    writeFileSync(file, text);
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('"dbp"')) + 1;
    expect(r.stderr).toContain(
      `${file}:${line}: $.observations[0].dbp: diastolic 90 mmHg is not below systolic 50 mmHg`,
    );
  });

  it('gives the line of a JSON syntax error', () => {
    const file = join(dir, 'syntax.json');
    writeFileSync(file, '{\n  "schemaVersion": 1,\n  "id": "x"\n  "patient": {}\n}\n');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: \\$: not valid JSON`));
  });

  it('checks each line of a JSONL file and names the line', () => {
    const file = join(dir, 'cohort.jsonl');
    writeFileSync(file, [good, { ...good, id: 'bad id!' }, good].map((c) => JSON.stringify(c)).join('\n') + '\n');
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2: $.id: "bad id!" does not match`);
    expect(r.stderr).not.toContain(`${file}:1:`);
  });

  it('walks folders and says ok per valid file', () => {
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    writeFileSync(join(sub, 'a.json'), JSON.stringify(good));
    writeFileSync(join(sub, 'notes.txt'), 'ignored');
    const r = runCli(['validate', sub]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ok  ${join(sub, 'a.json')}\n`);
  });

  it('exits 2 on a path that does not exist, without a stack trace', () => {
    const r = runCli(['validate', join(dir, 'missing')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or directory\. Fix:/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('masdrill validate on plan files', () => {
  it('checks a plan against the plan schema, with the action id a typo meant', () => {
    const file = join(dir, 'bad.plan.json');
    const plan = {
      schemaVersion: 1,
      caseId: 'x',
      stage: 'presentation',
      decisionHour: 0,
      diagnosis: { leading: 'mas' },
      actions: [{ action: 'methylprednisolon-pulse', atHour: 0 }],
      reassessEveryHours: 12,
    };
    writeFileSync(file, JSON.stringify(plan, null, 2));
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    const line =
      JSON.stringify(plan, null, 2)
        .split('\n')
        .findIndex((l) => l.includes('methylprednisolon-pulse')) + 1;
    expect(r.stderr).toContain(
      `${file}:${line}: $.actions[0].action: unknown action id "methylprednisolon-pulse". Fix: did you mean "methylprednisolone-pulse"?`,
    );
  });
});
