import { describe, expect, it } from 'vitest';
import { createSession, drillScenario, generatedCaseOf } from '../../src/index.js';
import { initialUi } from '../../src/ui/controller.js';
import { frameLines } from '../../src/ui/screens.js';
import type { LabFlag } from '../../src/view.js';

const scenario = drillScenario('mas', 7);
const patientHelp = frameLines(
  { ...initialUi(createSession(scenario, generatedCaseOf(scenario)!)), screen: 'patient', help: true },
  60,
  200,
)
  .map((l) => l.text)
  .join('\n');

describe('the patient screen help', () => {
  // Every mark the lab table can print is explained where a trainee looks for it: '?' (no range on
  // file) was explained only under the table, below the fold on an 80×24 terminal.
  const marks: Record<Exclude<LabFlag, ''> | '*', RegExp> = {
    H: /H\/L: above\/below the reference range/,
    L: /H\/L: above\/below the reference range/,
    '?': /\?: no reference range on file, judge it yourself \(never read as normal\)/,
    '*': /\* pending/,
  };
  for (const [mark, explained] of Object.entries(marks))
    it(`explains the lab mark ${mark}`, () => expect(patientHelp).toMatch(explained));
});
