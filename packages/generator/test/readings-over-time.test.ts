import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYTES, NUMERIC_ANALYTES, roundToPrecision, type Case, type NumericAnalyte } from '@masdrill/rules';
import { KINDS, type Kind } from '../src/kind.js';
import { CaseLabs } from '../src/lab-model.js';
import { Rng } from '../src/rng.js';
import { MISC_TABLE } from '../src/tables/misc-table.js';
import { cohort as cohortOf } from './support/cohort.js';
import { SEPSIS_TABLE } from '../src/tables/sepsis-table.js';

const N = 4000;

const cohort = (kind: Kind): readonly Case[] => cohortOf(kind, 3, N);

// Generous timeouts: these build cohorts (or many cases) on a shared machine.
describe('lab readings over time stay physiologically bounded without piling up on a limit', {
  timeout: 60_000,
}, () => {
  for (const kind of KINDS) {
    it(`${kind}: at every hour, under 0.5% of any analyte's readings sit on its plausible maximum`, () => {
      const at = new Map<string, { n: number; onMax: number }>();
      for (const c of cohort(kind)) {
        for (const panel of c.labs) {
          for (const analyte of NUMERIC_ANALYTES) {
            const v = panel[analyte];
            if (v === undefined) continue;
            const key = `${analyte} at ${panel.hour} h`;
            const tally = at.get(key) ?? { n: 0, onMax: 0 };
            tally.n++;
            if (v >= ANALYTES[analyte].plausible.max) tally.onMax++;
            at.set(key, tally);
          }
        }
      }
      const piled = [...at]
        .filter(([, t]) => t.n >= 200 && t.onMax / t.n >= 0.005)
        .map(([key, t]) => `${key}: ${((100 * t.onMax) / t.n).toFixed(1)}%`);
      // Before readings saturated, 8.5% of septic CRPs at 12 h were exactly 1000 mg/L.
      expect(piled).toEqual([]);
    });
  }

  it('a presentation reading is the presentation value itself (it was once bounded twice, pulling tails in)', () => {
    const hour0 = { main: [1, 1, 1, 1, 1], procalcitonin: [1, 1, 1, 1, 1], cardiac: [1, 1, 1, 1, 1], overlay: null };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (i, severity) => {
          for (const table of [MISC_TABLE.labs, SEPSIS_TABLE.labs]) {
            const rng = new Rng(`presentation:${i}`);
            const labs = new CaseLabs(rng, severity, table);
            for (const analyte of [
              'crp',
              'ferritin',
              'platelets',
              'fibrinogen',
            ] as const satisfies readonly NumericAnalyte[]) {
              if (!labs.has(analyte)) continue;
              expect(labs.raw(analyte, 0, 0, hour0, rng)).toBe(labs.presentation(analyte));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a reading above the upper quartile saturates: monotone in the activity, below the plausible maximum', () => {
    const rng = new Rng('saturation');
    const labs = new CaseLabs(rng, 2.5, SEPSIS_TABLE.labs);
    let previous = 0;
    for (const a of [1, 1.2, 1.5, 2, 3, 5, 8]) {
      const curves = { main: [1, a, a, a, a], procalcitonin: [1, a, a, a, a], cardiac: [1, a, a, a, a], overlay: null };
      // Noise off: the same Rng state for every activity, so only the activity differs.
      const v = labs.raw('crp', 1, 12, curves, new Rng('same noise'))!;
      expect(v).toBeGreaterThan(previous);
      expect(v).toBeLessThan(ANALYTES.crp.plausible.max);
      previous = v;
    }
  });

  it('MIS-C: the 72-h LVEF recovers towards normal without a value holding a large share (a 70% cap once held 43%)', () => {
    const counts = new Map<number, number>();
    let worse = 0,
      total = 0;
    for (const c of cohort('misc')) {
      const [at12, at72] = c.investigations.echo ?? [];
      if (at12?.lvefPercent === undefined || at72?.lvefPercent === undefined) continue;
      total++;
      counts.set(at72.lvefPercent, (counts.get(at72.lvefPercent) ?? 0) + 1);
      // A low LVEF never worsens by 72 h (rounding aside).
      if (at12.lvefPercent < 55 && at72.lvefPercent < at12.lvefPercent) worse++;
    }
    expect(total).toBeGreaterThan(N / 2);
    expect(worse).toBe(0);
    expect(Math.max(...counts.values()) / total).toBeLessThan(0.15);
  });

  it('sepsis: a patient on non-invasive support keeps one mode (oxygen or non-invasive), not a new one each reading', () => {
    let supported = 0;
    for (const c of cohort('sepsis')) {
      const modes = new Set(
        c.observations.map((o) => o.respiratorySupport).filter((s) => s === 'oxygen' || s === 'noninvasive'),
      );
      if (modes.size > 0) supported++;
      expect(modes.size, c.id).toBeLessThanOrEqual(1);
    }
    expect(supported).toBeGreaterThan(100);
  });

  it('a fever that has eased stays below 38.0 °C at 72 h (5% of late readings once rounded up to 38.0)', () => {
    for (const kind of KINDS)
      for (const c of cohort(kind)) {
        const late = c.observations.find((o) => o.hour === 72);
        if (late?.temperatureC !== undefined) expect(late.temperatureC, c.id).toBeLessThan(38);
      }
  });

  it('keeps every reading at reporting precision', () => {
    for (const c of cohort('sepsis').slice(0, 500)) {
      for (const panel of c.labs)
        for (const analyte of NUMERIC_ANALYTES) {
          const v = panel[analyte];
          if (v !== undefined) expect(v).toBe(roundToPrecision(analyte, v));
        }
    }
  });
});
