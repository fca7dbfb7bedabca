import { describe, expect, it } from 'vitest';
import { band, formatCalibration, measureCalibration } from './support/calibration.js';

// The standard cohort against the published performance of the MAS criteria, each in its
// publication's population and time point (support/calibration.ts). 3,000 cases per kind: the band
// widens with the smaller synthetic sample (band() adds its binomial error to the publication's).
// The full-size figures: node --import tsx packages/generator/test/calibration-report.ts
describe('calibrated to the published criteria performance (3,000 cases per kind, seed 2026)', {
  timeout: 120_000,
}, () => {
  const rows = measureCalibration(3000, 2026, 'standard');
  it('prints the comparison', () => {
    console.log(formatCalibration(rows, 'standard, 3,000 per kind, seed 2026'));
  });
  for (const r of rows) {
    it(`${r.figure.name} (${r.figure.source}): ${r.figure.published.toFixed(3)}, within its 95% band`, () => {
      expect(r.n, 'complete cases').toBeGreaterThan(1000);
      expect(
        r.value,
        `measured ${r.value.toFixed(3)} (n=${r.n}), band ${r.band.low.toFixed(3)}–${r.band.high.toFixed(3)}`,
      ).toBeGreaterThanOrEqual(r.band.low);
      expect(r.value).toBeLessThanOrEqual(r.band.high);
    });
  }

  it('hard difficulty stays harder: every sensitivity and specificity against active sJIA lower than standard', () => {
    const hard = measureCalibration(1500, 2026, 'hard');
    for (const [i, h] of hard.entries()) {
      if (h.figure.kind === 'misc') continue; // hard difficulty leaves MIS-C's criteria performance alone
      expect(h.value, h.figure.name).toBeLessThan(rows[i]!.value);
    }
  });
});

describe('the band', () => {
  it('is the published p ± 1.96 SE of two independent binomial samples, clipped to [0, 1]', () => {
    const b = band(0.5, 100, 100);
    expect(b.low).toBeCloseTo(0.5 - 1.959964 * Math.sqrt(0.25 * 0.02), 6);
    expect(b.high).toBeCloseTo(0.5 + 1.959964 * Math.sqrt(0.25 * 0.02), 6);
    expect(band(0.99, 267, 3000).high).toBe(1);
  });
});
