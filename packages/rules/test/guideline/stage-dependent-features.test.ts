import { describe, expect, it } from 'vitest';
import { caseFeatures, expectedPlan, scorePlan, type Case, type LabPanel, type Plan } from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

const actionsOf = (p: Plan) => p.actions.map((a) => a.action);

/** MIS-C (the WHO 2020 definition met on the chart) that becomes MAS at 24 h (ground truth: misc-with-mas). */
function miscTurningMas(at24: Partial<LabPanel>): Case {
  const c = makeCase({
    id: 'misc-turning-mas',
    patient: { ageYears: 9, weightKg: 30, heightCm: 135 },
    background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'positive', severeRespiratoryCovid19: false } },
    encounter: { moreLikelyAlternativeDiagnosis: null },
    observations: [
      { hour: 0, temperatureC: 39.4, feverDays: 3, rash: true, conjunctivitis: true, giSymptoms: true },
      { hour: 24, temperatureC: 39.6 },
    ],
    labs: [
      { hour: 0, ferritin: 520, platelets: 230, ast: 35, fibrinogen: 540, crp: 180 },
      { hour: 24, ferritin: 3100, platelets: 120, ast: 95, fibrinogen: 210, crp: 150, ...at24 },
    ],
  });
  c.truth = {
    kind: 'misc',
    subtype: 'misc-with-mas',
    masPresent: true,
    trigger: 'SARS-CoV-2',
    severity: 'moderate',
    cnsInvolvement: false,
    hemorrhage: false,
  };
  return c;
}

describe('MIS-C complicated by MAS: MAS counts once overt (MISC-1, design choice misc-overt-mas)', () => {
  it('before the labs show MAS the case is MIS-C: the standard protocol is expected', () => {
    const c = miscTurningMas({});
    const f = caseFeatures(c, 'presentation', 0);
    expect(f.masPresent).toBe(false);
    const e = expectedPlan(c, 'presentation', 0);
    expect(e.diagnoses.full[0]).toBe('misc');
    expect(actionsOf(e.plan)).toEqual(expect.arrayContaining(['ivig', 'methylprednisolone-low-moderate']));
    expect(actionsOf(e.plan)).not.toContain('methylprednisolone-pulse');
  });

  it('once ferritin >684 ng/mL with 2 of the 2016 items, MAS-specific therapy is expected instead', () => {
    const c = miscTurningMas({});
    expect(caseFeatures(c, 'presentation', 24).masPresent).toBe(true);
    const e = expectedPlan(c, 'presentation', 24);
    expect(e.diagnoses.full[0]).toBe('misc-with-mas');
    expect(actionsOf(e.plan)).toEqual(expect.arrayContaining(['methylprednisolone-pulse', 'anakinra']));
    expect(actionsOf(e.plan)).not.toContain('methylprednisolone-low-moderate');
  });

  it('reads the published boundaries exactly: ferritin 684 is not overt, 685 is', () => {
    expect(caseFeatures(miscTurningMas({ ferritin: 684 }), 'presentation', 24).masPresent).toBe(false);
    expect(caseFeatures(miscTurningMas({ ferritin: 685 }), 'presentation', 24).masPresent).toBe(true);
    // Only one other item met (platelets 182 > 181, AST 48 not > 48, fibrinogen 361 > 360): not overt.
    expect(
      caseFeatures(miscTurningMas({ platelets: 182, ast: 48, fibrinogen: 361 }), 'presentation', 24).masPresent,
    ).toBe(false);
    expect(
      caseFeatures(miscTurningMas({ platelets: 181, ast: 48, fibrinogen: 361, triglycerides: 157 }), 'presentation', 24)
        .masPresent,
    ).toBe(true);
  });

  it('a missing item is not assessed, never met: ferritin and one item alone are not overt', () => {
    expect(caseFeatures(miscTurningMas({ ast: undefined, fibrinogen: undefined }), 'presentation', 24).masPresent).toBe(
      false,
    );
  });
});

describe('the steroid-inadequate stage (HEAD-1, CSA-1: cyclosporine for an inadequate response to steroids alone)', () => {
  const moderate = (): Case => {
    const c = makeCase({
      id: 'moderate-ebv-mas',
      patient: { ageYears: 4, weightKg: 16, heightCm: 102 },
      // HLH-2004 on the chart: fever, splenomegaly, two cytopenias, fibrinogen ≤1.5 g/L, ferritin ≥500; the EBV PCR.
      observations: [{ hour: 0, temperatureC: 39.8, splenomegaly: true }],
      labs: [{ hour: 0, ferritin: 9000, platelets: 90, hemoglobin: 8, fibrinogen: 140, ast: 200 }],
      investigations: { viralTests: [{ hour: 0, virus: 'EBV', method: 'pcr', result: 'positive' }] },
    });
    c.truth = {
      kind: 'mas',
      subtype: 'infection-triggered-mas-previously-well',
      masPresent: true,
      trigger: 'EBV',
      severity: 'moderate',
      cnsInvolvement: false,
      hemorrhage: false,
    };
    return c;
  };

  it('moderate MAS outside sJIA starts on the glucocorticoid alone; when that falls short, cyclosporine is critical now', () => {
    const c = moderate();
    expect(actionsOf(expectedPlan(c, 'presentation', 0).plan)).not.toContain('cyclosporine');
    const e = expectedPlan(c, 'steroid-inadequate', 12);
    const r = e.requirements.find((x) => x.id === 'mas-second-agent')!;
    expect(r.level).toBe('critical');
    expect(r.byHour).toBe(0);
    expect(actionsOf(e.plan)).toEqual(expect.arrayContaining(['methylprednisolone-pulse', 'cyclosporine']));
    expect(actionsOf(e.plan)).not.toContain('emapalumab');
    expect(scorePlan(c, e.plan).overall).toBe(100);
  });

  it('leaving cyclosporine out at that stage costs points with feedback citing CSA-1', () => {
    const c = moderate();
    const p = expectedPlan(c, 'steroid-inadequate', 12).plan;
    const report = scorePlan(c, { ...p, actions: p.actions.filter((a) => a.action !== 'cyclosporine') });
    expect(report.overall).toBeLessThan(100);
    expect(report.feedback.some((f) => f.severity === 'critical-omission' && f.statementIds.includes('CSA-1'))).toBe(
      true,
    );
  });
});

describe('without ground truth, features read only what is known by the decision hour', () => {
  it('MAS criteria met only at 24 h do not make MAS present at hour 0', () => {
    const c = makeCase({
      id: 'no-truth-late-mas',
      background: { sjia: 'known' },
      observations: [
        { hour: 0, temperatureC: 39.5 },
        { hour: 24, temperatureC: 39.5 },
      ],
      labs: [
        { hour: 0, ferritin: 600, platelets: 250, ast: 40, fibrinogen: 400 },
        { hour: 24, ferritin: 9000, platelets: 100, ast: 150, fibrinogen: 150 },
      ],
    });
    expect(caseFeatures(c, 'presentation', 0).masPresent).toBe(false);
    expect(caseFeatures(c, 'presentation', 24).masPresent).toBe(true);
  });
});
