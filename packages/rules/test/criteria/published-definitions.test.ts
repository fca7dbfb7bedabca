import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { miscCdc2023 } from '../../src/criteria/misc-cdc-2023.js';
import { hlh2004 } from '../../src/criteria/hlh-2004.js';
import { hscore } from '../../src/criteria/hscore.js';
import { caseToCanonical } from '../../src/units/convert-case.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

/*
 * Issue 12: departures from the published definitions, each tested at its boundary. Every test here
 * failed on the code before the fix (checked against main); the case files in
 * cases/canonical/departures/ show the same departures through `masdrill evaluate`.
 */

// ── MIS-C CSTE/CDC 2023: RNA/antigen counts from 60 days before hospitalization ─────────────────

const MISC_OBS: Omit<Observation, 'hour'> = {
  temperatureC: 39.2, rash: true, giSymptoms: true, conjunctivitis: false, mucosalChanges: false, extremityChanges: false, shock: false,
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
  const pcrAt = (hour: number) => miscCase({ investigations: { viralTests: [{ hour, virus: 'SARS-CoV-2', method: 'pcr', result: 'positive' }] } });

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
    const c = miscCase({ investigations: { viralTests: [{ hour: 6, virus: 'SARS-CoV-2', method: 'antigen', result: 'positive' }] } });
    expect(miscCdc2023.evaluate(c).classifications?.confirmed).toBe('met');
  });
});

// ── Triglycerides: judged in the unit entered, against the threshold printed in that unit ──────────

describe('triglycerides entered in the unit the definition prints are judged against the figure printed in it', () => {
  const fastingTg = (mgdl: number) => makeCase({ labs: [{ hour: 0, triglycerides: mgdl, triglyceridesFasting: true }] });
  const hlhTg = (c: Case, enteredUnits?: 'si') => item(hlh2004.evaluate(c, enteredUnits ? { enteredUnits } : {}), 'tg-fibrinogen.triglycerides');

  it('HLH-2004: 265 mg/dL exactly meets "≥ 265 mg/dL" (it is 2.992 mmol/L); 264.9 does not', () => {
    expect(hlhTg(fastingTg(265))).toMatchObject({ status: 'met', value: 265, unit: 'mg/dL', threshold: '≥ 265 mg/dL' });
    expect(hlhTg(fastingTg(264.9)).status).toBe('not-met');
  });

  it('HLH-2004: entered in SI, 3.0 mmol/L meets "≥ 3.0 mmol/L" and 2.995 does not (265.27 mg/dL)', () => {
    const si = (mmol: number) => caseToCanonical(makeCase({ labs: [{ hour: 0, triglycerides: mmol, triglyceridesFasting: true }] }), 'si');
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
  const marrow = (rows: NonNullable<Case['investigations']['boneMarrow']>) => item(hlh2004.evaluate(makeCase({ investigations: { boneMarrow: rows } })), 'hemophagocytosis');

  it('hemophagocytosis in a marrow that shows malignancy does not count', () => {
    expect(marrow([{ hour: 4, hemophagocytosis: true, malignancy: true }])).toMatchObject({ status: 'not-met', value: true });
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
