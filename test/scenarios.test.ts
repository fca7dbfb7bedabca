import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validateScenario, type Scenario } from '@masdrill/rules';
import { REPO_ROOT } from './support/run-cli.js';

// yaml is a dependency of the CLI (which reads scenario files), not of the workspace root.
const { parse } = createRequire(`${REPO_ROOT}packages/cli/package.json`)('yaml') as { parse(text: string): unknown };
const SCENARIO_DIR = `${REPO_ROOT}scenarios/`;

/** Every committed scenario, parsed and schema-checked (a failure names the file). */
function loadScenarios(): { file: string; scenario: Scenario }[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.yaml')).sort().map((file) => {
    const v = validateScenario(parse(readFileSync(SCENARIO_DIR + file, 'utf8')), file);
    if (!v.ok) throw new Error(`${file}: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return { file, scenario: v.scenario };
  });
}
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCase, type Case } from '@masdrill/rules';
import { checkScenario, constraintProblems, generatedCaseOf, lintScenario } from '@masdrill/quiz';

function caseOf(s: Scenario): Case {
  if (s.generate) return generatedCaseOf(s)!;
  const v = validateCase(JSON.parse(readFileSync(resolve(dirname(SCENARIO_DIR + 'x'), s.case!), 'utf8')));
  if (!v.ok) throw new Error(`case ${s.case} is invalid`);
  return v.case;
}

const scenarios = loadScenarios();

describe('committed scenarios', () => {
  it('there are at least 12, each id its file name', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
    for (const { file, scenario } of scenarios) expect(file).toBe(`${scenario.id}.yaml`);
  });

  for (const { file, scenario } of scenarios) {
    describe(file, () => {
      const c = caseOf(scenario);
      const check = checkScenario(scenario, c);

      it('its case meets the constraints the seed was chosen for', () => {
        expect(constraintProblems(c, scenario.constrain, file)).toEqual([]);
      });

      it('plays headless with the expert answers to 100 at every stage', () => {
        expect(check.expertError).toBeUndefined();
        expect(check.expert!.stages.map((s) => [s.stageId, s.score])).toEqual(scenario.stages.map((s) => [s.id, 100]));
        expect(check.expert!.overall).toBe(100);
      });

      it('each typical wrong answer set scores lower with the expected feedback', () => {
        expect(check.wrong.length).toBeGreaterThan(0);
        for (const w of check.wrong) {
          expect(w.error, w.name).toBeUndefined();
          expect(w.score, w.name).toBeLessThan(w.expectScoreBelow);
          expect(w.score, w.name).toBeLessThan(100);
          expect(w.report!.problemStatementIds, w.name).toEqual(expect.arrayContaining([...w.expectFeedback]));
        }
      });

      it('lints clean', () => {
        expect(lintScenario(scenario, c, file)).toEqual([]);
      });
    });
  }
});
