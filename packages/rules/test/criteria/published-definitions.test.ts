import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { miscCdc2023 } from '../../src/criteria/misc-cdc-2023.js';
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
