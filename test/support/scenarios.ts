import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { admitCase, validateScenario, type Case, type Scenario } from '@masdrill/rules';
import { generatedCaseOf } from '@masdrill/quiz';
import { REPO_ROOT } from './run-cli.js';

// yaml is a dependency of the CLI (which reads scenario files), not of the workspace root.
const { parse } = createRequire(`${REPO_ROOT}packages/cli/package.json`)('yaml') as { parse(text: string): unknown };
export const SCENARIO_DIR = `${REPO_ROOT}scenarios/`;

/** Every committed scenario, parsed and schema-checked (a failure names the file). */
export function loadScenarios(): { file: string; scenario: Scenario }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const v = validateScenario(parse(readFileSync(SCENARIO_DIR + file, 'utf8')), file);
      if (!v.ok) throw new Error(`${file}: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return { file, scenario: v.scenario };
    });
}

/**
 * A committed scenario's patient: its frozen case file (relative to scenarios/, through the one
 * case gate), or the patient its `generate` block names.
 */
export function scenarioCaseOf(s: Scenario): Case {
  if (s.generate) return generatedCaseOf(s)!;
  const file = resolve(SCENARIO_DIR, s.case!);
  const admission = admitCase(JSON.parse(readFileSync(file, 'utf8')), { file });
  if (!admission.ok)
    throw new Error(
      `${s.id}: case ${s.case} is not admitted: ${admission.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return admission.case;
}
