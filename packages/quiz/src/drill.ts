import type { Scenario, ScenarioStage } from '@masdrill/rules';
import type { Kind } from '@masdrill/generator';

/** The stages of a random drill: presentation, a 12-hour reassessment, 48 hours, day 3. */
export const DEFAULT_STAGES: readonly ScenarioStage[] = [
  {
    id: 'presentation',
    hour: 0,
    title: 'Presentation',
    asks: ['diagnosis', 'criteria', 'plan'],
    prompt: 'A child is admitted with fever. What is going on, which criteria are met, and what do you do now?',
  },
  {
    id: 'reassess-12h',
    hour: 12,
    title: '12-hour reassessment',
    asks: ['escalation', 'plan'],
    prompt: 'Twelve hours on: is the plan working? Continue or escalate, and give the plan as it stands now.',
  },
  {
    id: 'reassess-48h',
    hour: 48,
    title: '48 hours',
    asks: ['diagnosis', 'criteria', 'escalation', 'plan'],
    prompt: "Two days in, with the day's labs: diagnosis, criteria, escalation and plan.",
  },
  { id: 'day-3', hour: 72, title: 'Day 3', asks: ['escalation', 'plan'], prompt: 'Day 3: continue or escalate?' },
];

/** A random drill: a scenario over a generated case with the default stages (no file). */
export function drillScenario(kind: Kind, seed: number, index = 0): Scenario {
  return {
    schemaVersion: 1,
    id: `drill-${kind}-${seed}${index ? `-${index}` : ''}`,
    title: `Drill: a generated ${kind} patient (seed ${seed})`,
    summary: 'A generated patient over the default stages; the expert answers come from the rules.',
    teaches: ['DX-3', 'CC-1'],
    generate: { kind, seed, index, difficulty: 'standard' },
    stages: DEFAULT_STAGES.map((s) => ({ ...s, asks: [...s.asks] as ScenarioStage['asks'] })) as Scenario['stages'],
  };
}
