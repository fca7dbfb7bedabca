import { describe, expect, it } from 'vitest';
import { CITATIONS, CRITERIA_SET_IDS, PUBLISHED_PERFORMANCE } from '../../src/index.js';

// The sweep holds a synthetic figure against a published one only when `comparable`: the same rule
// measured in children. Figures from adult cohorts are context, never a band to fall inside.
describe('published performance', () => {
  it('holds no adult cohort against the pediatric synthetic cohorts', () => {
    const adult = PUBLISHED_PERFORMANCE.filter((p) => /adult/i.test(`${p.positives} ${p.negatives} ${p.note}`));
    expect(adult.map((p) => p.id)).toEqual(['fardet-2014-derivation', 'lachmann-2020-icu']);
    for (const p of adult) expect(p.comparable, p.id).toBe(false);
  });

  it('cites a registered source and gives proportions within 0–1', () => {
    for (const p of PUBLISHED_PERFORMANCE) {
      expect(CITATIONS[p.citation], p.id).toBeDefined();
      expect([...CRITERIA_SET_IDS, 'ferritin']).toContain(p.subject);
      for (const x of [p.sensitivity, p.specificity]) {
        expect(x.value).toBeGreaterThan(0);
        expect(x.value).toBeLessThanOrEqual(1);
      }
    }
  });
});
