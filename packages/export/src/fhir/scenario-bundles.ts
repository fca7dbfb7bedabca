import type { Bundle } from 'fhir/r4.js';
import { createSession, sessionReducer } from '@masdrill/quiz';
import type { Case, Scenario } from '@masdrill/rules';
import { advance } from '../items/build-exam.js';
import { caseToFhirBundle } from './fhir-bundle.js';

export interface ScenarioBundleOptions {
  /** A MedicationRequest (intent: proposal) for each drug or fluid order of the stage's expected plan. */
  readonly orders?: boolean;
  /** A Condition for the labelled diagnosis (the ground truth): only when asked. */
  readonly condition?: boolean;
}

export interface ScenarioStageBundle {
  readonly stageId: string;
  readonly hour: number;
  readonly bundle: Bundle;
}

/**
 * One FHIR transaction Bundle per stage of a scenario: the case frozen as the stage shows it (what
 * the learner sees at that hour: no later results, no truth, no outcome) and, with `orders`, the
 * stage's expected plan as MedicationRequests. The course runs on the expert's answers, as in an
 * exam, so a later stage's plan is the one that follows the expert's earlier ones. Pure.
 */
export function scenarioStageBundles(
  scenario: Scenario,
  baseCase: Case,
  options: ScenarioBundleOptions = {},
): ScenarioStageBundle[] {
  const out: ScenarioStageBundle[] = [];
  let state = sessionReducer(createSession(scenario, baseCase), { type: 'start' });
  while (state.phase === 'stage') {
    const view = state.current!;
    // The visible case carries no truth; the Condition, when asked, reads the label from the case.
    const shown =
      options.condition && view.caseNow.truth ? { ...view.visible, truth: view.caseNow.truth } : view.visible;
    const bundle = caseToFhirBundle(shown, {
      condition: options.condition === true,
      ...(options.orders ? { orders: { actions: view.expected.plan.actions, features: view.expected.features } } : {}),
    });
    // The stage id and hour, so the bundles of one scenario tell themselves apart (not its id,
    // which can name the diagnosis).
    bundle.meta!.tag!.push({ system: 'urn:masdrill:stage', code: view.stage.id, display: `hour ${view.hour}` });
    out.push({ stageId: view.stage.id, hour: view.hour, bundle });
    state = advance(state);
  }
  return out;
}
