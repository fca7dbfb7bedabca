import type { Difficulty, Kind } from '@masdrill/generator';
import type { Scenario } from '@masdrill/rules';
import { drillScenario } from './drill.js';
import { EXPERT, playSession } from './play.js';
import { sessionReport } from './report.js';
import { generatedCaseOf } from './scenario-case.js';

/** How many generated patients a drill looks through for a teachable one before it takes the first. */
export const TEACHABLE_DRILL_TRIES = 25;

/**
 * A drill a fair examiner would set (design choice teachable-drill): the first generated patient of
 * the seed, from index 0 on, that the expert — who answers from the chart alone — plays to 100.
 * About 1% of generated MAS patients (mas seeds 0, 245 and 281 of 300) keep a chart that meets no
 * MAS criteria set until they die untreated at 52–64 h: the truth drives the course, the chart never
 * lets anyone treat it, so they teach nothing and are passed over. Deterministic: the same kind, seed
 * and difficulty give the same drill. Cohorts and sweeps are not filtered; only the quiz's drills are.
 */
export function teachableDrill(kind: Kind, seed: number, difficulty: Difficulty = 'standard'): Scenario {
  let first: Scenario | undefined;
  for (let index = 0; index < TEACHABLE_DRILL_TRIES; index++) {
    const raw = drillScenario(kind, seed, index);
    const s: Scenario = difficulty === 'standard' ? raw : { ...raw, generate: { ...raw.generate!, difficulty } };
    first ??= s;
    if (sessionReport(playSession(s, generatedCaseOf(s)!, EXPERT)).overall === 100) return s;
  }
  return first!;
}
