import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scorePlan, type Case, type Plan, type Severity } from '../../src/index.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../../cases/plans/examiner');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;

interface Example {
  plan: string;
  issue: string;
  band: [number, number];
  capped: boolean;
  scoreOnMain: number;
  feedback: { severity: Severity; action?: string; cites: string }[];
}

const { examples } = read<{ examples: Example[] }>('examples.expected.json');
const caseFor = (plan: string) =>
  readdirSync(dir).find((f) => f.startsWith(`${plan.split('.')[0]}.`) && f.endsWith('.case.json'))!;

describe("issue 9: the examiner's examples land in their bands with the feedback a fair examiner gives", () => {
  it('covers every plan file in cases/plans/examiner', () => {
    expect(examples.map((e) => e.plan).sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f.endsWith('.plan.json'))
        .sort(),
    );
  });

  for (const e of examples) {
    it(`${e.issue}: ${e.band[0]}–${e.band[1]}`, () => {
      const report = scorePlan(read<Case>(caseFor(e.plan)), read<Plan>(e.plan));
      expect(report.overall).toBeGreaterThanOrEqual(e.band[0]);
      expect(report.overall).toBeLessThanOrEqual(e.band[1]);
      expect(report.capped).toBe(e.capped);
      for (const want of e.feedback) {
        const hit = report.feedback.find(
          (f) =>
            f.severity === want.severity &&
            (want.action === undefined || f.actionIds?.includes(want.action as never)) &&
            [...f.statementIds, ...f.citations].includes(want.cites),
        );
        expect(
          hit,
          `${want.severity} on ${want.action ?? 'the plan'} citing ${want.cites}; got ${JSON.stringify(report.feedback.map((f) => [f.severity, f.actionIds, f.statementIds, f.citations, f.title]))}`,
        ).toBeDefined();
      }
    });
  }
});
