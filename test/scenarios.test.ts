import { loadScenarios, scenarioCaseOf as caseOf } from './support/scenarios.js';
import { describe, expect, it } from 'vitest';
import { checkScenario, constraintProblems, lintScenario } from '@masdrill/quiz';

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
