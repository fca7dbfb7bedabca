import { describe, expect, it } from 'vitest';
import { KINDS } from '@masdrill/generator';
import { formatShownScenario, generatedCaseOf, showScenario, teachableDrill } from '../src/index.js';

describe('showScenario on a generated case', () => {
  it('lists only what was measured or assessed (generated records hold unmeasured keys as undefined)', () => {
    for (const kind of KINDS) {
      const scenario = teachableDrill(kind, 1);
      const text = formatShownScenario(showScenario(scenario, generatedCaseOf(scenario)!));
      expect(text).toMatch(/Labs at presentation: hemoglobin /);
      expect(text).not.toMatch(/undefined/);
    }
  });
});
