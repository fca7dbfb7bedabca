import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const plans = join(root, 'cases/plans');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += String(d);
  });
  stderr.on('data', (d) => {
    err += String(d);
  });
  const code = await main(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'masdrill-grade-'));
const file = (name: string, content: unknown) => {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const casePath = join(plans, 'sjia-mas-cns.case.json');

describe('masdrill grade', () => {
  it('prints a readable report for a trainee plan', async () => {
    const r = await run(['grade', '--case', casePath, '--plan', join(plans, 'sjia-mas-cns.trainee.plan.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Score:');
    expect(r.out).toContain('GC-2');
    expect(r.out).toContain('Formula:');
  });

  it("prints the schema'd JSON report with --json; every example expected plan scores 100", async () => {
    for (const name of ['sjia-mas-cns', 'misc-with-mas', 'septic-shock']) {
      const r = await run([
        'grade',
        '--case',
        join(plans, `${name}.case.json`),
        '--plan',
        join(plans, `${name}.expected.plan.json`),
        '--json',
      ]);
      expect(r.code, r.err).toBe(0);
      const report = JSON.parse(r.out);
      expect(report.overall).toBe(100);
      expect(report.schemaVersion).toBe(1);
    }
    const refr = await run([
      'grade',
      '--case',
      casePath,
      '--plan',
      join(plans, 'sjia-mas-cns.expected-refractory.plan.json'),
      '--json',
    ]);
    expect(JSON.parse(refr.out).overall).toBe(100);
  });

  it('caps a plan with a harmful action', async () => {
    const r = await run([
      'grade',
      '--case',
      join(plans, 'septic-shock.case.json'),
      '--plan',
      join(plans, 'septic-shock.trainee.plan.json'),
      '--json',
    ]);
    const report = JSON.parse(r.out);
    expect(report.capped).toBe(true);
    expect(report.overall).toBeLessThanOrEqual(40);
  });

  it('unknown action id: one message naming the file, JSON path and fix, exit 2', async () => {
    const plan = file('bad-action.json', {
      schemaVersion: 1,
      diagnosis: { leading: 'mas' },
      actions: [{ action: 'methylpred-pulse', atHour: 0 }],
    });
    const r = await run(['grade', '--case', casePath, '--plan', plan]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(plan);
    expect(r.err).toContain('$.actions[0].action');
    expect(r.err).toContain('did you mean "methylprednisolone-pulse"');
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });

  it('malformed JSON and missing fields are input errors', async () => {
    const broken = file('broken.json', '{ "schemaVersion": 1, ');
    const r1 = await run(['grade', '--case', casePath, '--plan', broken]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('not valid JSON');
    const missing = file('missing.json', { schemaVersion: 1, actions: [] });
    const r2 = await run(['grade', '--case', casePath, '--plan', missing]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('missing required property "diagnosis"');
    const r3 = await run(['grade', '--case', casePath]);
    expect(r3.code).toBe(2);
  });

  it('absurd dose and impossible unit: exit 2 with the path and the published dose', async () => {
    const absurd = file('absurd.json', {
      schemaVersion: 1,
      diagnosis: { leading: 'mas' },
      actions: [{ action: 'dexamethasone', atHour: 0, dose: { amount: 100000, unit: 'g/day', frequency: 'q24h' } }],
    });
    const r = await run(['grade', '--case', casePath, '--plan', absurd]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.actions[0].dose.amount');
    expect(r.err).toContain('10 mg/m²/day');
    const unit = file('unit.json', {
      schemaVersion: 1,
      diagnosis: { leading: 'mas' },
      actions: [
        { action: 'methylprednisolone-pulse', atHour: 0, dose: { amount: 20, unit: 'mL/kg', frequency: 'q24h' } },
      ],
    });
    const r2 = await run(['grade', '--case', casePath, '--plan', unit]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('$.actions[0].dose.unit');
  });

  it('a plan for another case is refused', async () => {
    const other = file('other.json', {
      schemaVersion: 1,
      caseId: 'someone-else',
      diagnosis: { leading: 'mas' },
      actions: [],
    });
    const r = await run(['grade', '--case', casePath, '--plan', other]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.caseId');
  });
});
