import { generateCase } from '@masdrill/generator';
import { evaluate } from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import { criteriaAt, criteriaFeedback, criteriaMetAt } from '../src/index.js';

// Generated MAS patient (seed 1, index 0): Phoenix score 2 at hour 0 from coagulation alone, and no suspected infection on the chart.
const mas = generateCase({ kind: 'mas', seed: 1, index: 0 });

describe('the criteria key equals the definitions (issue 9)', () => {
  it('does not key Phoenix sepsis as met without suspected infection, whatever the score', () => {
    expect(mas.encounter.suspectedInfection).not.toBe(true);
    const raw = evaluate(mas, { window: { fromHour: 0, toHour: 0 }, only: ['phoenix'] }).results[0]!;
    expect(raw.score?.value ?? 0).toBeGreaterThanOrEqual(2);
    expect(criteriaMetAt(mas, 0, ['phoenix'])).toEqual([]);
    expect(criteriaAt(mas, 0, ['phoenix'])[0]!.summary).toMatch(/suspected infection/);
  });

  it('keys Phoenix as met when the chart shows suspected infection and the score is at least 2', () => {
    const infected = { ...mas, encounter: { ...mas.encounter, suspectedInfection: true } };
    expect(criteriaMetAt(infected, 0, ['phoenix'])).toEqual(['phoenix']);
  });

  it('keys a set evaluate cannot assess as not met, and says it is not assessable', () => {
    const results = criteriaAt(mas, 0, [
      'hlh-2004',
      'eular-acr-2016',
      'hscore',
      'ms-score',
      'ferritin-esr',
      'phoenix',
      'misc-cdc-2023',
      'misc-who-2020',
    ]);
    const na = results.filter((r) => r.status === 'not-assessable');
    expect(na.length).toBeGreaterThan(0);
    const feedback = criteriaFeedback(
      criteriaMetAt(
        mas,
        0,
        results.map((r) => r.id),
      ),
      results,
      { masPresent: true } as never,
    );
    for (const r of na)
      expect(feedback.some((f) => f.severity === 'good' && f.title.startsWith(`${r.name}: not assessable`))).toBe(true);
    expect(feedback.filter((f) => f.severity !== 'good')).toEqual([]);
  });
});
