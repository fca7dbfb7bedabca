import { describe, expect, it } from 'vitest';
import { EULAR_ACR_2016, type Case } from '@masdrill/rules';
import type { Difficulty, Kind } from '../src/kind.js';
import { cohort as cohortOf } from './support/cohort.js';

/**
 * `--difficulty hard` biases towards the cases that teach and test: values straddling the criteria
 * thresholds, marrow without hemophagocytosis, partial data, sepsis with ferritin above 10,000 and
 * sJIA flares with high ferritin. Each is held against the standard cohort of the same seed.
 */
const N = 3000;
const cohort = (kind: Kind, difficulty: Difficulty): readonly Case[] => cohortOf(kind, 9, N, difficulty);

const share = (cases: readonly Case[], test: (c: Case) => boolean): number => cases.filter(test).length / cases.length;
const firstDay = (c: Case) => c.labs.filter((p) => p.hour >= 0 && p.hour <= 24);
const presentation = (c: Case) => c.labs.find((p) => p.hour === 0);
const FERRITIN_CUT = EULAR_ACR_2016.ferritin.value;

// Each first test of a cohort generates it (thousands of cases): generous timeouts on a shared machine.
describe('hard difficulty', { timeout: 60_000 }, () => {
  it('puts more MAS presentations near the 2016 ferritin cut-off (within half to twice 684 ng/mL)', () => {
    const near = (c: Case): boolean => {
      const f = presentation(c)?.ferritin;
      return f !== undefined && f > FERRITIN_CUT / 2 && f < FERRITIN_CUT * 2;
    };
    expect(share(cohort('mas', 'hard'), near)).toBeGreaterThan(1.5 * share(cohort('mas', 'standard'), near));
  });

  it('more often finds no hemophagocytosis on the marrow it aspirates', () => {
    const negative = (cases: readonly Case[]): number => {
      const aspirated = cases.filter((c) => (c.investigations.boneMarrow ?? []).length > 0);
      expect(aspirated.length).toBeGreaterThan(N / 10);
      return share(aspirated, (c) => !c.investigations.boneMarrow!.some((m) => m.hemophagocytosis));
    };
    expect(negative(cohort('mas', 'hard'))).toBeGreaterThan(negative(cohort('mas', 'standard')) + 0.15);
  });

  it('leaves data out: triglycerides and fibrinogen missing from the first day in many more MAS cases', () => {
    for (const analyte of ['triglycerides', 'fibrinogen'] as const) {
      const missing = (c: Case): boolean => firstDay(c).every((p) => p[analyte] === undefined);
      expect(share(cohort('mas', 'hard'), missing), analyte).toBeGreaterThan(
        share(cohort('mas', 'standard'), missing) + 0.1,
      );
    }
  });

  it('gives sepsis a ferritin above 10,000 ng/mL several times as often', () => {
    const above = (c: Case): boolean => firstDay(c).some((p) => (p.ferritin ?? 0) > 10_000);
    expect(share(cohort('sepsis', 'hard'), above)).toBeGreaterThan(3 * share(cohort('sepsis', 'standard'), above));
  });

  it('gives sJIA flares a high ferritin: nearly all above the 2016 cut-off', () => {
    const above = (c: Case): boolean => (presentation(c)?.ferritin ?? 0) > FERRITIN_CUT;
    expect(share(cohort('sjia-flare', 'hard'), above)).toBeGreaterThan(0.9);
    expect(share(cohort('sjia-flare', 'standard'), above)).toBeLessThan(0.75);
  });
});
