import { describe, expect, it } from 'vitest';
import {
  caseFeatures,
  lumbarPunctureHazards,
  scorePlan,
  type Case,
  type LabPanel,
  type Observation,
} from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

const chart = (lab: Partial<LabPanel>, obs: Partial<Observation>[] = [{ hour: 0, gcs: 15 }]): Case => ({
  ...makeCase({ id: 'lp', labs: [{ hour: 0, ...lab }], observations: obs.map((o) => ({ hour: 0, ...o })) }),
  truth: {
    kind: 'mas',
    subtype: 'known-sjia-mas',
    masPresent: true,
    trigger: 'active-sjia',
    severity: 'moderate',
    cnsInvolvement: false,
    hemorrhage: false,
  },
});
const hazards = (c: Case) =>
  lumbarPunctureHazards(caseFeatures(c, 'presentation', 0, undefined, 'chart')).map((h) => h.reason);

describe('a lumbar puncture unsafe on the chart (AABB platelets; Phoenix coagulation and GCS)', () => {
  it('reads each threshold exactly: platelets <50, INR >1.3, fibrinogen <100 mg/dL, GCS ≤10', () => {
    expect(hazards(chart({ platelets: 50 }))).toEqual([]);
    expect(hazards(chart({ platelets: 49.9 }))).toHaveLength(1);
    expect(hazards(chart({ inr: 1.3 }))).toEqual([]);
    expect(hazards(chart({ inr: 1.31 }))).toHaveLength(1);
    expect(hazards(chart({ fibrinogen: 100 }))).toEqual([]);
    expect(hazards(chart({ fibrinogen: 99 }))).toHaveLength(1);
    expect(hazards(chart({}, [{ hour: 0, gcs: 11 }]))).toEqual([]);
    expect(hazards(chart({}, [{ hour: 0, gcs: 10 }]))).toHaveLength(1);
  });

  it('reads a falling GCS, and never calls what was not measured a hazard', () => {
    expect(
      hazards(
        chart({}, [
          { hour: -6, gcs: 15 },
          { hour: 0, gcs: 13 },
        ]),
      )[0],
    ).toMatch(/falling 15 → 13/);
    expect(
      hazards(
        chart({}, [
          { hour: -6, gcs: 13 },
          { hour: 0, gcs: 15 },
        ]),
      ),
    ).toEqual([]);
    expect(hazards(chart({}, []))).toEqual([]);
  });

  it('makes the lumbar puncture harmful in the plan, with the numbers in the feedback', () => {
    const c = chart({ platelets: 45, fibrinogen: 44 });
    const safe = chart({ platelets: 150, fibrinogen: 300 });
    const plan = {
      schemaVersion: 1 as const,
      diagnosis: { leading: 'mas' as const },
      actions: [{ action: 'lumbar-puncture' as const, atHour: 0 }],
    };
    const report = scorePlan(c, plan);
    expect(report.capped).toBe(true);
    expect(report.feedback.find((f) => f.severity === 'harmful')?.title).toMatch(/platelets 45.*fibrinogen 44/);
    expect(scorePlan(safe, plan).capped).toBe(false);
  });
});
