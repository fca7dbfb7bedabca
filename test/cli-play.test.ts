import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { constraintProblems } from '@masdrill/quiz';
import { findCase } from '../packages/generator/test/support/find-case.js';
import { REPO_ROOT, runCli } from './support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'masdrill-play-'));

describe('masdrill play (built bin)', () => {
  it('plays a committed scenario by id with the expert answers to 100, as text', () => {
    const r = runCli(['play', '--scenario', 'sjia-mas-classic']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Overall: 100/100');
    expect(r.stdout).toContain('education and simulation only');
  });

  it('reads the scenario from standard input with --scenario -, its case file relative to the working directory', () => {
    const text = readFileSync(join(REPO_ROOT, 'scenarios/sjia-mas-classic.yaml'), 'utf8').replace(
      /^case: \.\.\//m,
      'case: ',
    );
    const fromStdin = runCli(['play', '--scenario', '-', '--json'], { input: text });
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(runCli(['play', '--scenario', 'sjia-mas-classic', '--json']).stdout);
    const both = runCli(['play', '--scenario', '-', '--answers', '-'], { input: text });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/both read standard input\. Fix: /);
  });

  it('prints the full report as JSON', () => {
    const r = runCli(['play', '--scenario', 'scenarios/neonatal-mas.yaml', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      overall: number;
      stages: { stageId: string; score: number; plan?: { overall: number } }[];
      finalCourse?: { course: string };
    };
    expect(report.overall).toBe(100);
    expect(report.stages.map((s) => s.stageId)).toEqual(['presentation', 'reassess-12h', 'day-2']);
    expect(report.finalCourse?.course).toMatch(/^(improving|stable|worsening)$/);
  });

  it('runs a random drill from --kind and --seed, the same seed giving the same bytes', () => {
    const a = runCli(['play', '--kind', 'sepsis', '--seed', '11', '--json']);
    const b = runCli(['play', '--kind', 'sepsis', '--seed', '11', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((JSON.parse(a.stdout) as { overall: number }).overall).toBe(100);
  });

  it('scores an answers file: a wrong answer lowers the score with feedback citing the statement', () => {
    const file = join(dir, 'answers.yaml');
    writeFileSync(
      file,
      [
        'schemaVersion: 1',
        'scenario: sjia-mas-cns',
        'stages:',
        '  presentation:',
        '    diagnosis: mas',
        '    criteria: [eular-acr-2016]',
        '    plan:',
        '      actions:',
        '        - { action: methylprednisolone-pulse, atHour: 0, dose: { amount: 1000, unit: mg/day, frequency: q24h, route: iv } }',
        '      reassessEveryHours: 24',
        '',
      ].join('\n'),
    );
    const r = runCli(['play', '--scenario', 'sjia-mas-cns', '--answers', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Overall: \d+(\.\d)?\/100/);
    expect(r.stdout).not.toContain('Overall: 100/100');
    expect(r.stdout).toContain('GC-2');
    expect(r.stdout).toContain('CC-1');
    // The debrief teaches: the prompt, what was shown, the orders beside the expert's, each statement quoted.
    expect(r.stdout).toContain('Prompt: Known sJIA for a year');
    expect(r.stdout).toMatch(/Vitals \(hour 0\): .*GCS 9/);
    expect(r.stdout).toMatch(/Labs \(hour 0\): .*Ferritin/);
    expect(r.stdout).toContain('Your orders:\n    o1 IV methylprednisolone pulse 1000 mg/day q24h iv');
    expect(r.stdout).toMatch(/Expert's orders now:\n {4}Dexamethasone/);
    expect(r.stdout).toContain('GC-2: "With central nervous system involvement give dexamethasone instead');
    // Counts count what they say: "N things right:" is followed by N lines.
    for (const m of r.stdout.matchAll(/✓ (\d+) things? right:\n((?: {4}✓ .*\n)*)/g))
      expect(m[2]!.trim().split('\n')).toHaveLength(Number(m[1]));
  });

  it('an answers file can judge a criteria set "not-assessable", and the key credits it where evaluate says so', () => {
    const play = (criteria: string) => {
      const file = join(dir, `criteria-${criteria.length}.yaml`);
      writeFileSync(
        file,
        `schemaVersion: 1\nscenario: sjia-mas-classic\nstages:\n  presentation:\n    criteria: ${criteria}\n`,
      );
      return runCli(['play', '--scenario', 'sjia-mas-classic', '--answers', file, '--json']);
    };
    type Q = { question: string; fraction: number; answer: Record<string, string>; expected: Record<string, string> };
    const criteriaOf = (stdout: string) =>
      (JSON.parse(stdout) as { stages: { questions: Q[] }[] }).stages[0]!.questions.find(
        (q) => q.question === 'criteria',
      )!;
    // The expert's key at presentation (sjia-mas-classic): HLH-2004 and both MIS-C definitions cannot be assessed yet.
    const key = criteriaOf(runCli(['play', '--scenario', 'sjia-mas-classic', '--json']).stdout).expected;
    expect(key['hlh-2004']).toBe('not-assessable');
    const judged = play(
      `{ ${Object.entries(key)
        .map(([id, a]) => `${id}: ${a}`)
        .join(', ')} }`,
    );
    expect(judged.stderr).toBe('');
    expect(judged.code).toBe(0);
    const q = criteriaOf(judged.stdout);
    expect(q.answer['hlh-2004']).toBe('not-assessable');
    expect(q.fraction).toBe(1);
    // The same sets named met in a list: the three not assessable read as "not met", and are wrong.
    const met = Object.keys(key).filter((id) => key[id] === 'met');
    const listed = criteriaOf(play(`[${met.join(', ')}]`).stdout);
    expect(listed.answer['hlh-2004']).toBe('not-met');
    expect(listed.fraction).toBeCloseTo(5 / 8, 9);
    // A judgement that is none of the three is refused with the file, the field and the fix.
    const bad = play('{ hlh-2004: unknown }');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/criteria/);
    expect(bad.stderr).toMatch(/not-assessable/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('--show prints the stages without the key: no title, expert, feedback or score', () => {
    const r = runCli(['play', '--scenario', 'sjia-mas-cns', '--show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Case sjia-mas-cns');
    expect(r.stdout).toContain('Hour 0 (presentation): Known sJIA');
    expect(r.stdout).toContain('Hour 24 (reassess-24h)');
    for (const spoiler of ['CNS involvement', 'Expert', '/100', 'GC-2', 'dexamethasone', 'MAS with'])
      expect(r.stdout).not.toContain(spoiler);
    const json = JSON.parse(runCli(['play', '--scenario', 'sjia-mas-cns', '--show', '--json']).stdout) as {
      stages: unknown[];
    };
    expect(json.stages).toHaveLength(3);
  });

  it('the JSON debrief carries per stage the prompt, what was shown, both order sheets and quoted statements', () => {
    const r = runCli(['play', '--scenario', 'misc-no-mas', '--json']);
    const report = JSON.parse(r.stdout) as {
      stages: {
        shown: { labs?: object; vitals?: object };
        orders: string[];
        expertOrders: string[];
        situation?: string;
        feedback: { quotes?: { id: string; text: string }[] }[];
      }[];
    };
    expect(report.stages[0]!.shown.labs).toBeDefined();
    expect(report.stages[0]!.orders.some((o) => o.includes('Intravenous immunoglobulin'))).toBe(true);
    // IVIG is a one-off: given at presentation, not repeated by the expert at 24 h.
    expect(report.stages[1]!.orders.some((o) => /Intravenous immunoglobulin.*given/.test(o))).toBe(true);
    expect(report.stages[1]!.expertOrders.some((o) => o.includes('Intravenous immunoglobulin'))).toBe(false);
    expect(report.stages[1]!.situation).toMatch(/^Hour 24\. Orders:/);
    expect(report.stages.flatMap((s) => s.feedback).some((f) => (f.quotes ?? []).some((q) => q.text.length > 20))).toBe(
      true,
    );
  });

  it('names file, line, JSON path and fix for a bad answers file, and exits 2', () => {
    const file = join(dir, 'bad-answers.yaml');
    writeFileSync(file, 'stages:\n  presentaton:\n    diagnosis: mas\n  reassess-12h:\n    escalation: sometimes\n');
    const r = runCli(['play', '--scenario', 'sjia-mas-cns', '--answers', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:5: $.stages["reassess-12h"].escalation: "sometimes" is not one of the allowed values`,
    );
    writeFileSync(file, 'stages:\n  presentaton:\n    diagnosis: mas\n');
    const r2 = runCli(['play', '--scenario', 'sjia-mas-cns', '--answers', file]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(
      `${file}:3: $.stages.presentaton: no stage "presentaton" in scenario sjia-mas-cns. Fix: did you mean "presentation"?`,
    );
  });

  it('refuses an answer the stage does not ask, with its line', () => {
    const file = join(dir, 'not-asked.yaml');
    writeFileSync(file, 'stages:\n  presentation:\n    escalation: continue\n');
    const r = runCli(['play', '--scenario', 'sjia-mas-cns', '--answers', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:3: $.stages.presentation.escalation: refused: stage "presentation" does not ask "escalation"`,
    );
  });

  it('an unknown scenario id suggests the closest', () => {
    const r = runCli(['play', '--scenario', 'sjia-mas-clasic']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "sjia-mas-classic"?');
  });

  it('validate checks scenario files: shape and meaning, with line, path and fix', () => {
    const ok = runCli(['validate', 'scenarios/']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    // A generated patient without CNS involvement, for a constraint it does not meet.
    const noCns = findCase({ kind: 'mas' }, 'no CNS involvement', (c) =>
      constraintProblems(c, { cnsInvolvement: true }, 'x').some((p) => p.path === '$.constrain.cnsInvolvement'),
    ).seed;
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'schemaVersion: 1',
        'id: broken',
        'title: Broken',
        'summary: A scenario with mistakes.',
        'teaches: [GC-9]',
        `generate: { kind: mas, seed: ${noCns} }`,
        'constrain: { cnsInvolvement: true }',
        'stages:',
        '  - id: presentation',
        '    hour: 12',
        '    title: Presentation',
        '    asks: [diagnosis, plan]',
        '    expert:',
        '      plan:',
        '        actions:',
        '          - { action: methylprednisolon-pulse, atHour: 0 }',
        '',
      ].join('\n'),
    );
    const r = runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}:5: $.teaches[0]: "GC-9" is not a statement ID of guideline.md. Fix: did you mean`,
    );
    expect(r.stderr).toContain(`${file}:10: $.stages[0].hour: the first stage is at hour 12`);
    expect(r.stderr).toContain(
      `${file}:16: $.stages[0].expert.plan.actions[0].action: unknown action id "methylprednisolon-pulse". Fix: did you mean "methylprednisolone-pulse"?`,
    );
    const file2 = join(dir, 'unmet.yaml');
    writeFileSync(
      file2,
      `schemaVersion: 1\nid: unmet\ntitle: U\nsummary: S\nteaches: [GC-2]\ngenerate: { kind: mas, seed: ${noCns} }\nconstrain: { cnsInvolvement: true }\nstages:\n  - { id: presentation, hour: 0, title: P, asks: [diagnosis] }\n`,
    );
    const r2 = runCli(['validate', file2]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(
      `${file2}:7: $.constrain.cnsInvolvement: case gen-${noCns}-0: CNS involvement is false. Fix: pick another seed`,
    );
  });
});
