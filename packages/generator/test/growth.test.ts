import { describe, expect, it } from 'vitest';
import {
  bodySurfaceArea,
  weightForAge,
  weightLmsAt,
  heightForAge,
  POPULATION_TABLES,
  listSources,
} from '../src/index.js';
import { CITATIONS } from '@masdrill/rules';

describe('growth', () => {
  it('reproduces the tabulated LMS medians (z = 0) and centiles', () => {
    expect(weightForAge(0, 'male', 0)).toBeCloseTo(3.3464, 4);
    expect(weightForAge(1, 'female', 0)).toBeCloseTo(8.9481, 4);
    expect(weightForAge(10, 'male', 0)).toBeCloseTo(32.09, 2);
    // CDC P5–P95 at 10 y boys: 24.9–46.2 kg (clinical-reference.md §2.4)
    expect(weightForAge(10, 'male', -1.6449)).toBeCloseTo(24.9, 0);
    expect(weightForAge(10, 'male', 1.6449)).toBeCloseTo(46.2, 0);
  });
  it('interpolates between tabulated ages and switches WHO → CDC at 2 years', () => {
    const mid = weightLmsAt(10.5, 'female');
    expect(mid.m).toBeCloseTo((33.06 + 37.39) / 2, 3);
    expect(weightLmsAt(1.99, 'male').m).toBeGreaterThan(12);
    expect(weightLmsAt(2, 'male').m).toBeCloseTo(12.67, 2);
  });
  it('Mosteller BSA', () => {
    expect(bodySurfaceArea(170, 70)).toBeCloseTo(Math.sqrt((170 * 70) / 3600), 10);
    expect(bodySurfaceArea(100, 16)).toBeCloseTo(0.667, 3);
    expect(() => bodySurfaceArea(0, 10)).toThrow(RangeError);
  });
  it('height grows with age', () => {
    expect(heightForAge(10, 'male', 0)).toBeGreaterThan(heightForAge(5, 'male', 0));
  });
});

describe('population tables', () => {
  it('every parameter has a source: a known citation key, a verified reference, or a design prior', () => {
    const sources = listSources();
    expect(sources.length).toBeGreaterThan(150);
    for (const { path, source } of sources) {
      if (source.verified && source.citation !== null) expect(Object.keys(CITATIONS), path).toContain(source.citation);
      if (source.verified && source.citation === null) expect(source.reference.length, path).toBeGreaterThan(10);
      if (!source.verified) expect(source.note, path).toMatch(/^design prior/);
    }
  });
  it('is reachable from the public table object', () => {
    expect(POPULATION_TABLES.mas.subtypes.atSjiaOnset.p).toBe(0.22);
  });
});
