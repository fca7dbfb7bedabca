import type { Case } from '@masdrill/rules';
import { describe, expect, it } from 'vitest';
import { cohort } from './support/cohort.js';

// Courses that make sense (issue 13). Each figure is the share of cases showing the defect; the
// generator before this work is given beside it (10,000 cases, seed 101).
const share = (cases: readonly Case[], defect: (c: Case) => boolean): number =>
  cases.filter(defect).length / cases.length;
const knownSjiaMas = (): readonly Case[] => cohort('mas', 13, 3000).filter((c) => c.labs[0]!.hour < 0);

describe('MAS moves away from its pre-MAS baseline the right way (known sJIA, 3,000 MAS, seed 13)', {
  timeout: 60_000,
}, () => {
  it('ferritin never reads below its own pre-MAS value (was 6.8% of known-sJIA MAS)', () => {
    expect(
      share(knownSjiaMas(), (c) =>
        c.labs.some((l) => l.hour >= 0 && l.ferritin !== undefined && l.ferritin < c.labs[0]!.ferritin!),
      ),
    ).toBeLessThan(0.005);
  });
  it('platelets never read above their pre-MAS value in the first 48 h (was 2.8%)', () => {
    expect(
      share(knownSjiaMas(), (c) =>
        c.labs.some(
          (l) => l.hour >= 0 && l.hour <= 48 && l.platelets !== undefined && l.platelets > c.labs[0]!.platelets!,
        ),
      ),
    ).toBeLessThan(0.005);
  });
});

describe('the differential', { timeout: 60_000 }, () => {
  it('lymphocytes are not pinned at 85% of the WBC (was 6.4% of MAS panels)', () => {
    let panels = 0,
      pinned = 0;
    for (const c of cohort('mas', 13, 3000))
      for (const l of c.labs) {
        if (l.alc === undefined || l.wbc === undefined) continue;
        panels++;
        if (l.alc === Math.round(0.85 * l.wbc * 100) / 100) pinned++;
      }
    expect(pinned / panels).toBeLessThan(0.01);
  });
});

describe('what a chart can show', { timeout: 60_000 }, () => {
  it('no newborn has had fever for more days than it has lived (mas std 617 had)', () => {
    for (const c of cohort('mas', 13, 3000).filter((x) => x.truth!.subtype === 'neonatal-mas')) {
      for (const o of c.observations)
        if (o.feverDays !== undefined && o.hour >= 0)
          expect(o.feverDays, c.id).toBeLessThanOrEqual(c.patient.ageYears * 365.25 + o.hour / 24);
    }
  });
  it('the GCS is not recorded while intubated and sedated (GCS 15 was recorded in 68–85% of invasive readings)', () => {
    for (const kind of ['mas', 'sepsis', 'misc'] as const) {
      for (const c of cohort(kind, 13, 1000))
        for (const o of c.observations)
          if (o.respiratorySupport === 'invasive') expect(o.gcs, `${kind} ${c.id} at ${o.hour} h`).toBeUndefined();
    }
  });
});
