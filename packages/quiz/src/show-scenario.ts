import type { Case, LabPanel, Observation, Scenario } from '@masdrill/rules';
import { createSession, sessionReducer } from './session.js';

/** A scenario as a resident may see it before trying it: no title, summary, teaching points, answers or feedback. */
export interface ShownScenario {
  readonly id: string;
  readonly patient: { readonly ageYears: number; readonly sex: string; readonly weightKg?: number };
  readonly vitals?: Observation;
  readonly labs?: LabPanel;
  readonly stages: readonly {
    readonly id: string;
    readonly hour: number;
    readonly prompt?: string;
    readonly asks: readonly string[];
    readonly diagnosisOptions?: readonly string[];
  }[];
  readonly disclaimer: string;
}

/** The case without the key: the presentation chart as the trainee sees it and each stage's hour, prompt and questions. Pure. */
export function showScenario(scenario: Scenario, baseCase: Case): ShownScenario {
  const started = sessionReducer(createSession(scenario, baseCase), { type: 'start' });
  const view = started.current!;
  const vitals = view.visible.observations.filter((o) => o.hour <= 0).pop();
  const labs = view.visible.labs.filter((l) => l.hour <= 0).pop();
  const weight = baseCase.patient.weightKg;
  return {
    id: scenario.id,
    patient: {
      ageYears: baseCase.patient.ageYears,
      sex: baseCase.patient.sex,
      ...(weight !== undefined ? { weightKg: weight } : {}),
    },
    ...(vitals ? { vitals } : {}),
    ...(labs ? { labs } : {}),
    stages: scenario.stages.map((s, i) => ({
      id: s.id,
      hour: s.hour,
      ...(s.prompt ? { prompt: s.prompt } : {}),
      asks: [...s.asks],
      ...(i === 0 && s.asks.includes('diagnosis') ? { diagnosisOptions: [...view.diagnosisOptions] } : {}),
    })),
    disclaimer: 'For education and simulation only: synthetic patients, not clinical decision support.',
  };
}

export function formatShownScenario(s: ShownScenario): string {
  const out: string[] = [
    `Case ${s.id}: ${Math.round(s.patient.ageYears * 10) / 10} y, ${s.patient.sex}${s.patient.weightKg !== undefined ? `, ${s.patient.weightKg} kg` : ''}`,
    s.disclaimer,
    '',
  ];
  if (s.vitals)
    out.push(
      `Findings and vitals at presentation: ${Object.entries(s.vitals)
        .filter(([k, v]) => k !== 'hour' && v !== undefined)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')}`,
    );
  if (s.labs)
    out.push(
      `Labs at presentation: ${Object.entries(s.labs)
        // Generated records carry every key; undefined ones were not measured or not assessed.
        .filter(([k, v]) => k !== 'hour' && v !== undefined)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')}`,
    );
  out.push('');
  for (const st of s.stages) {
    out.push(`Hour ${st.hour} (${st.id}): ${st.prompt ?? ''}`);
    out.push(
      `  asks: ${st.asks.join(', ')}${st.diagnosisOptions ? ` — diagnosis options: ${st.diagnosisOptions.join(', ')}` : ''}`,
    );
  }
  out.push('', `Play it: masdrill play --scenario ${s.id} --answers <your answers.yaml>`);
  return out.join('\n') + '\n';
}
