import { loadScenarios, scenarioCaseOf } from './support/scenarios.js';
import { describe, expect, it } from 'vitest';
import { STATEMENT_IDS, isStatementId } from '@masdrill/rules';
import { checkScenario } from '@masdrill/quiz';

const scenarios = loadScenarios();

describe('the scenarios together cite every guideline statement', () => {
  it('in what they teach', () => {
    const taught = new Set(scenarios.flatMap((s) => s.scenario.teaches));
    for (const id of taught) expect(isStatementId(id), id).toBe(true);
    const missing = STATEMENT_IDS.filter((id) => !taught.has(id));
    expect(missing).toEqual([]);
  });

  it('in the feedback their wrong answers actually draw (computed by playing them)', () => {
    const drawn = new Map<string, string[]>();
    for (const { file, scenario } of scenarios) {
      for (const w of checkScenario(scenario, scenarioCaseOf(scenario)).wrong) {
        for (const id of w.expectFeedback) {
          if (w.report?.problemStatementIds.includes(id))
            drawn.set(id, [...(drawn.get(id) ?? []), `${file}#${w.stageId}`]);
        }
      }
    }
    const missing = STATEMENT_IDS.filter((id) => !drawn.has(id));
    expect(missing).toEqual([]);
    expect(drawn.size).toBe(STATEMENT_IDS.length);
  });
});
