import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { miscCdc2023 } from '../../src/criteria/misc-cdc-2023.js';
import { hlh2004 } from '../../src/criteria/hlh-2004.js';
import { hscore } from '../../src/criteria/hscore.js';
import { caseToCanonical } from '../../src/units/convert-case.js';
import { miscWho2020 } from '../../src/criteria/misc-who-2020.js';
import { phoenix } from '../../src/criteria/phoenix.js';
import { evaluate } from '../../src/criteria/evaluate.js';
import { toCanonical } from '../../src/units/convert.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

/*
 * Issue 12: departures from the published definitions, each tested at its boundary. Every test here
 * failed on the code before the fix (checked against main); the case files in
 * cases/canonical/departures/ show the same departures through `masdrill evaluate`.
 */

// ── MIS-C CSTE/CDC 2023: RNA/antigen counts from 60 days before hospitalization ─────────────────

const MISC_OBS: Omit<Observation, 'hour'> = {
  temperatureC: 39.2,
  rash: true,
  giSymptoms: true,
  conjunctivitis: false,
  mucosalChanges: false,
  extremityChanges: false,
  shock: false,
};
const MISC_LABS: Omit<LabPanel, 'hour'> = { crp: 150, platelets: 250, alc: 2.0, troponin: 5 };

function miscCase(parts: Parameters<typeof makeCase>[0] = {}, obs: Partial<Observation> = {}): Case {
  return makeCase({
    patient: { ageYears: 8 },
    encounter: { hospitalized: true, moreLikelyAlternativeDiagnosis: null },
    labReferenceRanges: { troponin: { upper: 14 } },
    ...parts,
    investigations: { echo: [{ hour: 2, lvefPercent: 62, coronaryZMax: 0.5 }], ...parts.investigations },
    observations: [{ hour: 0, ...MISC_OBS, ...obs }],
    labs: [{ hour: 0, ...MISC_LABS }],
  });
}

describe('MIS-C CSTE/CDC 2023 laboratory criteria: RNA or antigen up to 60 days before hospitalization', () => {
  const pcrAt = (hour: number) =>
    miscCase({ investigations: { viralTests: [{ hour, virus: 'SARS-CoV-2', method: 'pcr', result: 'positive' }] } });

  it('a PCR exactly 60 days (1,440 h) before presentation confirms; 60 days and 1 hour before does not', () => {
    expect(miscCdc2023.evaluate(pcrAt(-1440)).classifications?.confirmed).toBe('met');
    const late = miscCdc2023.evaluate(pcrAt(-1441));
    expect(item(late, 'laboratory').status).toBe('not-assessed');
    expect(late.classifications?.confirmed).toBe('not-assessable');
  });

  it('a PCR 120 days earlier does not make a confirmed MIS-C, and the evidence says why', () => {
    const r = miscCdc2023.evaluate(pcrAt(-120 * 24));
    expect(r.classifications?.confirmed).not.toBe('met');
    expect(item(r, 'laboratory').note).toContain('more than 60 days before');
  });

  it('an antigen test during the hospitalization confirms', () => {
    const c = miscCase({
      investigations: { viralTests: [{ hour: 6, virus: 'SARS-CoV-2', method: 'antigen', result: 'positive' }] },
    });
    expect(miscCdc2023.evaluate(c).classifications?.confirmed).toBe('met');
  });
});

// ── Triglycerides: judged in the unit entered, against the threshold printed in that unit ──────────

describe('triglycerides entered in the unit the definition prints are judged against the figure printed in it', () => {
  const fastingTg = (mgdl: number) =>
    makeCase({ labs: [{ hour: 0, triglycerides: mgdl, triglyceridesFasting: true }] });
  const hlhTg = (c: Case, enteredUnits?: 'si') =>
    item(hlh2004.evaluate(c, enteredUnits ? { enteredUnits } : {}), 'tg-fibrinogen.triglycerides');

  it('HLH-2004: 265 mg/dL exactly meets "≥ 265 mg/dL" (it is 2.992 mmol/L); 264.9 does not', () => {
    expect(hlhTg(fastingTg(265))).toMatchObject({ status: 'met', value: 265, unit: 'mg/dL', threshold: '≥ 265 mg/dL' });
    expect(hlhTg(fastingTg(264.9)).status).toBe('not-met');
  });

  it('HLH-2004: entered in SI, 3.0 mmol/L meets "≥ 3.0 mmol/L" and 2.995 does not (265.27 mg/dL)', () => {
    const si = (mmol: number) =>
      caseToCanonical(makeCase({ labs: [{ hour: 0, triglycerides: mmol, triglyceridesFasting: true }] }), 'si');
    expect(hlhTg(si(3.0), 'si').status).toBe('met');
    expect(hlhTg(si(2.995), 'si')).toMatchObject({ status: 'not-met', unit: 'mmol/L', threshold: '≥ 3.0 mmol/L' });
  });

  it('HScore: 132.7 mg/dL is in the 1.5–4 mmol/L band as printed in mg/dL (132.7–354 → 44)', () => {
    expect(item(hscore.evaluate(fastingTg(132.7)), 'triglycerides').points).toBe(44);
    expect(item(hscore.evaluate(fastingTg(132.6)), 'triglycerides').points).toBe(0);
  });
});

// ── HLH-2004: hemophagocytosis "no evidence of malignancy"; triglycerides of unknown fasting status ──

describe('HLH-2004 hemophagocytosis and fasting triglycerides', () => {
  const marrow = (rows: NonNullable<Case['investigations']['boneMarrow']>) =>
    item(hlh2004.evaluate(makeCase({ investigations: { boneMarrow: rows } })), 'hemophagocytosis');

  it('hemophagocytosis in a marrow that shows malignancy does not count', () => {
    expect(marrow([{ hour: 4, hemophagocytosis: true, malignancy: true }])).toMatchObject({
      status: 'not-met',
      value: true,
    });
    expect(marrow([{ hour: 4, hemophagocytosis: true, malignancy: false }]).status).toBe('met');
    expect(marrow([{ hour: 4, hemophagocytosis: true }]).status).toBe('met'); // malignancy not recorded: no evidence of it
  });

  it('a TG at the cut-off of unknown fasting status does not establish the criterion', () => {
    const unknown = makeCase({ labs: [{ hour: 0, triglycerides: 300 }] });
    const tg = item(hlh2004.evaluate(unknown), 'tg-fibrinogen.triglycerides');
    expect(tg.status).toBe('not-assessed');
    expect(tg.note).toMatch(/fasting status not recorded/);
  });
});

// ── MIS-C shock; WHO hypotension and "other microbial cause" ─────────────────────────────────────

describe('MIS-C shock, hypotension and microbial cause', () => {
  it('CDC 2023: two vasoactive drugs count as shock with shock unrecorded; one does not', () => {
    const shockOnly = (vasoactiveCount: number) =>
      miscCdc2023.evaluate(
        miscCase(
          { background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'positive' } } },
          { giSymptoms: false, shock: undefined, vasoactiveCount },
        ),
      );
    expect(item(shockOnly(2), 'shock').status).toBe('met');
    expect(shockOnly(2).status).toBe('met');
    expect(item(shockOnly(1), 'shock').status).toBe('not-assessed');
  });

  const who = (obs: Partial<Observation>, parts: Parameters<typeof makeCase>[0] = {}) =>
    miscWho2020.evaluate(
      makeCase({
        patient: { ageYears: 8 },
        background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'positive' } },
        encounter: { hospitalized: true, moreLikelyAlternativeDiagnosis: null },
        labReferenceRanges: { crp: { upper: 5 } },
        ...parts,
        observations: [
          {
            hour: 0,
            feverDays: 4,
            rash: true,
            giSymptoms: false,
            conjunctivitis: false,
            mucosalChanges: false,
            extremityChanges: false,
            shock: false,
            ...obs,
          },
        ],
        labs: [{ hour: 0, crp: 150 }],
      }),
    );

  it('WHO 2020: measured hypotension for age is sign (b): at 8 years SBP 85 is below 70 + 2 × 8 = 86, SBP 86 is not', () => {
    expect(item(who({ sbp: 85, dbp: 40 }), 'shock.hypotension')).toMatchObject({
      status: 'met',
      threshold: 'SBP < 86 mmHg (1–10 years: 70 + 2 × 8; PALS)',
    });
    expect(item(who({ sbp: 86, dbp: 40 }), 'shock.hypotension').status).toBe('not-met');
  });

  it('WHO 2020: a positive urine culture is not "another obvious microbial cause"; a positive blood culture in the window is', () => {
    const culture = (specimen: 'urine' | 'blood', hour: number) =>
      item(
        who(
          { sbp: 100, dbp: 60 },
          { investigations: { cultures: [{ hour, specimen, result: 'positive', organism: 'Escherichia coli' }] } },
        ),
        'no-microbial-cause',
      ).status;
    expect(culture('urine', 1)).toBe('met');
    expect(culture('blood', 1)).toBe('not-met');
    expect(culture('blood', -2000)).toBe('met'); // drawn long before this illness
  });
});

// ── D-dimer in DDU at the edge ────────────────────────────────────────────────────────────────────

describe('D-dimer in D-dimer units (DDU) is accepted at the edge and stored in FEU (FEU ≈ 2 × DDU)', () => {
  it("1.0 mg/L DDU is 2.0 mg/L FEU, not above Phoenix's > 2 mg/L FEU; 1.01 DDU is", () => {
    expect(toCanonical('dDimer', 1.0, 'mg/L DDU')).toBe(2);
    expect(toCanonical('dDimer', 500, 'ng/mL DDU')).toBe(1);
    const dd = (ddu: number) =>
      item(
        phoenix.evaluate(makeCase({ labs: [{ hour: 0, dDimer: toCanonical('dDimer', ddu, 'mg/L DDU') }] })),
        'coagulation.dDimer',
      ).status;
    expect(dd(1.0)).toBe('not-met');
    expect(dd(1.01)).toBe('met');
  });
});

// ── Phoenix ──────────────────────────────────────────────────────────────────────────────────────

describe('Phoenix: reachable maximum, missing data, and the headline status', () => {
  const ventilated = (spo2: number) =>
    phoenix.evaluate(
      makeCase({
        encounter: { suspectedInfection: true },
        observations: [
          {
            hour: 0,
            respiratorySupport: 'invasive',
            fio2: 0.3,
            spo2,
            vasoactiveCount: 0,
            sbp: 100,
            dbp: 60,
            gcs: 15,
            pupils: 'both-reactive',
          },
        ],
        labs: [{ hour: 0, lactate: 1, platelets: 250, inr: 1.0, dDimer: 0.3, fibrinogen: 300 }],
      }),
    );

  it('an unmeasured PaO2 on a ventilator can still add 3 points: SpO2 97 and 98 give the same maximum and status', () => {
    expect(ventilated(97).score?.max).toBe(3);
    expect(ventilated(98).score?.max).toBe(3);
    expect(ventilated(97).status).toBe(ventilated(98).status);
  });

  it('missing data score 0 and the status is decided on the data known; what they could change is evidence', () => {
    const r = phoenix.evaluate(
      makeCase({ encounter: { suspectedInfection: true }, labs: [{ hour: 0, platelets: 50 }] }),
    );
    expect(r.score).toMatchObject({ value: 1, max: 13 });
    expect(r.status).toBe('not-met');
    expect(r.reachable).toEqual({ sepsis: true, 'septic-shock': true });
  });

  it('the status is sepsis: a score of 2 without suspected infection is not met', () => {
    const r = phoenix.evaluate(
      makeCase({ encounter: { suspectedInfection: false }, labs: [{ hour: 0, platelets: 50, inr: 2 }] }),
    );
    expect(r.score?.value).toBe(2);
    expect(r.status).toBe('not-met');
    expect(r.classifications?.sepsis).toBe('not-met');
  });
});

// ── Default windows ──────────────────────────────────────────────────────────────────────────────

describe('each set reads the window its definition describes, up to the decision hour', () => {
  const late = makeCase({
    observations: [
      { hour: 0, temperatureC: 39 },
      { hour: 60, temperatureC: 38 },
    ],
    labs: [
      { hour: 0, ferritin: 800 },
      { hour: 60, ferritin: 900 },
    ],
    investigations: { boneMarrow: [{ hour: 48, hemophagocytosis: true, malignancy: false }] },
  });

  it('HLH-2004 reads the illness: a marrow at hour 48 counts', () => {
    const r = evaluate(late).results.find((x) => x.id === 'hlh-2004')!;
    expect(r.window).toMatchObject({ fromHour: 0, toHour: 60 });
    expect(r.window.read).toMatch(/illness/);
    expect(item(r, 'hemophagocytosis').status).toBe('met');
  });

  it('Phoenix reads the first 24 h; --window overrides every set; atHour stops every default window', () => {
    expect(evaluate(late).results.find((x) => x.id === 'phoenix')!.window).toMatchObject({ fromHour: 0, toHour: 24 });
    for (const r of evaluate(late, { window: { fromHour: 0, toHour: 12 } }).results)
      expect(r.window).toMatchObject({ fromHour: 0, toHour: 12 });
    const at36 = evaluate(late, { atHour: 36 }).results.find((x) => x.id === 'hlh-2004')!;
    expect(at36.window).toMatchObject({ fromHour: 0, toHour: 36 });
    expect(item(at36, 'hemophagocytosis').status).toBe('not-assessed');
  });
});
