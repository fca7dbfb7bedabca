import { describe, expect, it } from 'vitest';
import { runChecks, formatResults } from './support/cohort-checks.js';

// 10,000 cases of each kind: published medians must fall inside the generated… no — the generated
// median must fall inside the published IQR, and published proportions must be met within ±5 points.
describe('10,000 cases of each kind against the published figures', () => {
  const results = runChecks(10_000);
  it('prints the comparison table', () => {
    console.log(formatResults(results));
  });
  for (const r of results) {
    it(`${r.check.kind}: ${r.check.name} (${r.check.source})`, () => {
      expect(r.pass, `generated ${r.generated} vs published ${JSON.stringify(r.check.published)} (n=${r.n})`).toBe(true);
    });
  }
});
