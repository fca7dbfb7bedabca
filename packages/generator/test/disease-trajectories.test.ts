import { describe, expect, it } from 'vitest';
import { lowerReferenceLimit, upperReferenceLimit, type Case, type NumericAnalyte } from '@masdrill/rules';
import type { Kind } from '../src/kind.js';
import { cohort as cohortOf } from './support/cohort.js';
import { median } from './support/cohort-checks.js';
import { spearman } from './support/rank-correlation.js';

/**
 * Each disease's laboratory course, as the generator issue asks for it: MAS — platelets, fibrinogen
 * and ESR fall while ferritin, AST, LDH, triglycerides and D-dimer climb; sepsis — CRP and
 * procalcitonin high, fibrinogen normal to high; MIS-C — CRP high, lymphopenia, troponin and BNP
 * rising, fibrinogen high. Labs move together through a latent disease state.
 */
const N = 3000;
const cohort = (kind: Kind): readonly Case[] => cohortOf(kind, 5, N);

function at(c: Case, hour: number, analyte: NumericAnalyte): number | undefined {
  return c.labs.find((p) => p.hour === hour)?.[analyte];
}

/** The cohort's median of an analyte at an hour, over the cases that measured it. */
function medianAt(cases: readonly Case[], hour: number, analyte: NumericAnalyte): number {
  const values = cases.map((c) => at(c, hour, analyte)).filter((v): v is number => v !== undefined);
  expect(values.length, `${analyte} at ${hour} h measured`).toBeGreaterThan(cases.length / 3);
  return median(values);
}

/** The share of cases, among those with both readings, whose analyte moved the given way between two hours. */
function shareMoving(
  cases: readonly Case[],
  analyte: NumericAnalyte,
  from: number,
  to: number,
  way: 'up' | 'down',
): number {
  let moved = 0,
    pairs = 0;
  for (const c of cases) {
    const a = at(c, from, analyte);
    const b = at(c, to, analyte);
    if (a === undefined || b === undefined) continue;
    pairs++;
    if (way === 'up' ? b > a : b < a) moved++;
  }
  expect(pairs, `${analyte} read at ${from} and ${to} h`).toBeGreaterThan(100);
  return moved / pairs;
}

/** The cohort's median of each case's presentation value over its own upper reference limit (the case's laboratory's, else the published pediatric one). */
function medianTimesUpperLimit(cases: readonly Case[], analyte: NumericAnalyte): number {
  const ratios = cases.flatMap((c) => {
    const v = at(c, 0, analyte);
    const limit = upperReferenceLimit(c, analyte)?.value;
    return v === undefined || limit === undefined ? [] : [v / limit];
  });
  expect(ratios.length, `${analyte} with a limit`).toBeGreaterThan(cases.length / 2);
  return median(ratios);
}

describe('MAS: platelets, fibrinogen and ESR fall while ferritin, AST, LDH, triglycerides and D-dimer climb', () => {
  const knownSjia = (): Case[] => cohort('mas').filter((c) => c.truth?.subtype === 'known-sjia-mas');

  it('from the pre-MAS baseline to presentation, in at least 80% of patients with known sJIA', () => {
    const cases = knownSjia();
    for (const analyte of ['platelets', 'fibrinogen', 'esr'] as const)
      expect(shareMoving(cases, analyte, -168, 0, 'down'), analyte).toBeGreaterThan(0.8);
    for (const analyte of ['ferritin', 'ast', 'ldh'] as const)
      expect(shareMoving(cases, analyte, -168, 0, 'up'), analyte).toBeGreaterThan(0.8);
  });

  it('and further over the first day (the cohort medians, presentation → 24 h)', () => {
    const cases = cohort('mas');
    for (const analyte of ['platelets', 'fibrinogen', 'esr'] as const)
      expect(medianAt(cases, 24, analyte), analyte).toBeLessThan(medianAt(cases, 0, analyte));
    for (const analyte of ['ferritin', 'ast', 'ldh', 'triglycerides', 'dDimer'] as const)
      expect(medianAt(cases, 24, analyte), analyte).toBeGreaterThan(medianAt(cases, 0, analyte));
  });

  it('labs move together: at presentation ferritin rises with AST and LDH and against platelets and fibrinogen', () => {
    const cases = cohort('mas').filter((c) =>
      ['ferritin', 'ast', 'ldh', 'platelets', 'fibrinogen'].every((a) => at(c, 0, a as NumericAnalyte) !== undefined),
    );
    const column = (analyte: NumericAnalyte): number[] => cases.map((c) => at(c, 0, analyte)!);
    const ferritin = column('ferritin');
    expect(spearman(ferritin, column('ast'))).toBeGreaterThan(0.15);
    expect(spearman(ferritin, column('ldh'))).toBeGreaterThan(0.15);
    expect(spearman(ferritin, column('platelets'))).toBeLessThan(-0.1);
    expect(spearman(ferritin, column('fibrinogen'))).toBeLessThan(-0.1);
  });
});

describe('sepsis: CRP and procalcitonin high, fibrinogen normal to high', () => {
  it('CRP at presentation at least 10× and procalcitonin at least 4× the upper reference limit (medians)', () => {
    expect(medianTimesUpperLimit(cohort('sepsis'), 'crp')).toBeGreaterThan(10);
    expect(medianTimesUpperLimit(cohort('sepsis'), 'procalcitonin')).toBeGreaterThan(4);
  });

  it('fibrinogen at or above the lower reference limit in most patients at presentation', () => {
    const cases = cohort('sepsis').filter((c) => at(c, 0, 'fibrinogen') !== undefined);
    expect(
      cases.filter((c) => at(c, 0, 'fibrinogen')! >= lowerReferenceLimit(c, 'fibrinogen')!.value).length / cases.length,
    ).toBeGreaterThan(0.8);
  });
});

describe('MIS-C: CRP high, lymphopenia, troponin and BNP rising, fibrinogen high', () => {
  it('CRP ≥ 30 mg/L in every case (the definition), lymphopenia and a high fibrinogen in the median case', () => {
    for (const c of cohort('misc'))
      expect(
        Math.max(...c.labs.filter((p) => p.hour >= 0 && p.hour <= 24).map((p) => p.crp ?? 0)),
        c.id,
      ).toBeGreaterThanOrEqual(30);
    // Lymphopenia as the Italian cohort counts it (ALC < 1.5 ×10⁹/L in 65%; distributions.test.ts checks the share).
    expect(medianAt(cohort('misc'), 0, 'alc')).toBeLessThan(1.5);
    expect(medianTimesUpperLimit(cohort('misc'), 'fibrinogen')).toBeGreaterThan(1);
  });

  it('troponin and the natriuretic peptide rise over the first day in most patients', () => {
    const cases = cohort('misc');
    expect(shareMoving(cases, 'troponin', 0, 24, 'up')).toBeGreaterThan(0.7);
    expect(
      shareMoving(
        cases.filter((c) => at(c, 0, 'bnp') !== undefined),
        'bnp',
        0,
        24,
        'up',
      ),
    ).toBeGreaterThan(0.7);
    expect(
      shareMoving(
        cases.filter((c) => at(c, 0, 'ntProBnp') !== undefined),
        'ntProBnp',
        0,
        24,
        'up',
      ),
    ).toBeGreaterThan(0.7);
  });
});
