import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { miscCdc2023 } from '../../src/criteria/misc-cdc-2023.js';
import { caseToCanonical } from '../../src/units/convert-case.js';
import { upperReferenceLimit } from '../../src/units/reference-limits.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

// Every organ finding explicitly assessed; only rash + GI present (2 categories).
const BASE_OBS: Omit<Observation, 'hour'> = {
  temperatureC: 39.2,
  rash: true,
  giSymptoms: true,
  conjunctivitis: false,
  mucosalChanges: false,
  extremityChanges: false,
  shock: false,
};
const BASE_LABS: Omit<LabPanel, 'hour'> = { crp: 150, platelets: 250, alc: 2.0, troponin: 5 };

function miscCase(
  obs: Partial<Observation> = {},
  labs: Partial<LabPanel> = {},
  parts: Parameters<typeof makeCase>[0] = {},
): Case {
  return makeCase({
    patient: { ageYears: 8 },
    background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'positive' } },
    encounter: { hospitalized: true, moreLikelyAlternativeDiagnosis: null },
    labReferenceRanges: { troponin: { upper: 14 } },
    investigations: { echo: [{ hour: 2, lvefPercent: 62, coronaryZMax: 0.5 }] },
    ...parts,
    observations: [{ hour: 0, ...BASE_OBS, ...obs }],
    labs: [{ hour: 0, ...BASE_LABS, ...labs }],
  });
}

const evalCase = (c: Case) => miscCdc2023.evaluate(c);

describe('MIS-C CSTE/CDC 2023: the base case', () => {
  it('clinical + laboratory = confirmed; no contact information = probable not assessable; overall met', () => {
    const r = evalCase(miscCase());
    expect(r.status).toBe('met');
    expect(r.classifications).toEqual({ confirmed: 'met', probable: 'not-assessable' });
    expect(r.count).toEqual({ met: 2, notAssessed: 0, required: 2, of: 5 });
    expect(item(r, 'clinical').status).toBe('met');
  });
});

describe('MIS-C CDC 2023 thresholds', () => {
  it('age 20.99 applies, 21 does not', () => {
    expect(evalCase(miscCase({}, {}, { patient: { ageYears: 20.99 } })).status).toBe('met');
    const r = evalCase(miscCase({}, {}, { patient: { ageYears: 21 } }));
    expect(r.status).toBe('not-applicable');
    expect(r.classifications).toEqual({ confirmed: 'not-applicable', probable: 'not-applicable' });
  });

  it('fever 38.0 °C documented is met, 37.9 with no subjective fever is not', () => {
    expect(item(evalCase(miscCase({ temperatureC: 38.0 })), 'fever').status).toBe('met');
    const r = evalCase(miscCase({ temperatureC: 37.9, subjectiveFever: false, feverDays: 0 }));
    expect(item(r, 'fever').status).toBe('not-met');
    expect(r.status).toBe('not-met');
    expect(item(evalCase(miscCase({ temperatureC: 37.9, subjectiveFever: true })), 'fever').status).toBe('met');
    // 37.9 °C measured but subjective fever or fever history not recorded: not assessed, never "no fever".
    expect(item(evalCase(miscCase({ temperatureC: 37.9 })), 'fever').status).toBe('not-assessed');
    expect(item(evalCase(miscCase({ temperatureC: 37.9, subjectiveFever: false })), 'fever').status).toBe(
      'not-assessed',
    );
    expect(item(evalCase(miscCase({ temperatureC: 37.9, subjectiveFever: false, feverDays: 2 })), 'fever').status).toBe(
      'met',
    );
  });

  it('CRP 30 mg/L = 3.0 mg/dL is met, 29.9 mg/L is not', () => {
    expect(item(evalCase(miscCase({}, { crp: 30 })), 'crp')).toMatchObject({ status: 'met', value: 3, unit: 'mg/dL' });
    expect(item(evalCase(miscCase({}, { crp: 29.9 })), 'crp').status).toBe('not-met');
  });

  it('CRP entered in SI (mg/L) and conventional (mg/dL) units reads the same', () => {
    const si = caseToCanonical(miscCase({}, { crp: 30 }), 'si');
    const conv = caseToCanonical(miscCase({}, { crp: 3.0 }), 'conventional');
    const convBelow = caseToCanonical(miscCase({}, { crp: 2.99 }), 'conventional');
    expect(item(evalCase(si), 'crp').status).toBe('met');
    expect(item(evalCase(conv), 'crp').status).toBe('met');
    expect(item(evalCase(conv), 'crp').value).toBeCloseTo(3.0, 9);
    expect(item(evalCase(convBelow), 'crp').status).toBe('not-met');
  });

  it('platelets 149 vs 150 ×10⁹/L (150,000/µL)', () => {
    expect(item(evalCase(miscCase({}, { platelets: 149 })), 'hematologic.platelets')).toMatchObject({
      status: 'met',
      value: 149_000,
      unit: '/µL',
    });
    expect(item(evalCase(miscCase({}, { platelets: 150 })), 'hematologic.platelets').status).toBe('not-met');
  });

  it('ALC 0.99 vs 1.0 ×10⁹/L (1,000/µL)', () => {
    expect(item(evalCase(miscCase({}, { alc: 0.99 })), 'hematologic.alc').status).toBe('met');
    expect(item(evalCase(miscCase({}, { alc: 1.0 })), 'hematologic.alc').status).toBe('not-met');
  });

  it('LVEF 54 vs 55 %', () => {
    const withEcho = (lvefPercent: number) =>
      evalCase(miscCase({}, {}, { investigations: { echo: [{ hour: 1, lvefPercent, coronaryZMax: 0 }] } }));
    expect(item(withEcho(54), 'cardiac.lvef').status).toBe('met');
    expect(item(withEcho(55), 'cardiac.lvef').status).toBe('not-met');
  });

  it('coronary z 1.99 vs 2.0 (masdrill reading of "dilatation")', () => {
    const withEcho = (coronaryZMax: number) =>
      evalCase(miscCase({}, {}, { investigations: { echo: [{ hour: 1, lvefPercent: 60, coronaryZMax }] } }));
    expect(item(withEcho(1.99), 'cardiac.coronary').status).toBe('not-met');
    const r = withEcho(2.0);
    expect(item(r, 'cardiac.coronary').status).toBe('met');
    expect(item(r, 'cardiac').status).toBe('met');
    expect(r.count?.met).toBe(3);
  });

  it("troponin above the case's own upper reference limit", () => {
    expect(item(evalCase(miscCase({}, { troponin: 15 })), 'cardiac.troponin').status).toBe('met');
    expect(item(evalCase(miscCase({}, { troponin: 14 })), 'cardiac.troponin').status).toBe('not-met');
  });

  it('troponin with no reference range anywhere is not assessed', () => {
    const c = miscCase({}, { troponin: 500 }, { labReferenceRanges: {} });
    const limit = upperReferenceLimit(c, 'troponin');
    const status = item(evalCase(c), 'cardiac.troponin').status;
    if (limit === undefined) expect(status).toBe('not-assessed');
    else expect(status).toBe(500 > limit.value ? 'met' : 'not-met');
  });
});

describe('MIS-C CDC 2023 organ categories', () => {
  it('one category with the others assessed absent → not met', () => {
    const r = evalCase(miscCase({ giSymptoms: false }));
    expect(r.count).toMatchObject({ met: 1, notAssessed: 0 });
    expect(item(r, 'organ-categories').status).toBe('not-met');
    expect(r.status).toBe('not-met');
    expect(r.classifications).toEqual({ confirmed: 'not-met', probable: 'not-met' });
  });

  it('one category with another not assessed → not assessable', () => {
    const r = evalCase(miscCase({ giSymptoms: undefined }));
    expect(r.count).toMatchObject({ met: 1, notAssessed: 1 });
    expect(r.status).toBe('not-assessable');
  });

  it('shock: clinician-documented, or two vasoactive drugs even when shock is unrecorded; one drug is not shock', () => {
    expect(evalCase(miscCase({ giSymptoms: false, shock: true })).status).toBe('met');
    const two = evalCase(miscCase({ giSymptoms: false, shock: undefined, vasoactiveCount: 2 }));
    expect(item(two, 'shock').status).toBe('met');
    expect(two.status).toBe('met');
    const one = evalCase(miscCase({ giSymptoms: false, shock: false, vasoactiveCount: 1 }));
    expect(item(one, 'shock').status).toBe('not-met');
    // Shock unrecorded and vasoactives unrecorded: not assessed, never "no shock".
    expect(item(evalCase(miscCase({ giSymptoms: false, shock: undefined })), 'shock').status).toBe('not-assessed');
  });

  it('mucocutaneous: any of rash, oral mucosa, conjunctivitis, extremities', () => {
    for (const f of ['mucosalChanges', 'conjunctivitis', 'extremityChanges'] as const) {
      expect(item(evalCase(miscCase({ rash: false, [f]: true })), 'mucocutaneous').status).toBe('met');
    }
    expect(item(evalCase(miscCase({ rash: false })), 'mucocutaneous').status).toBe('not-met');
  });
});

describe('MIS-C CDC 2023 severity, alternative diagnosis, laboratory and linkage', () => {
  it('hospitalization or death', () => {
    expect(
      evalCase(
        miscCase({}, {}, { encounter: { hospitalized: false, died: true, moreLikelyAlternativeDiagnosis: null } }),
      ).status,
    ).toBe('met');
    expect(
      evalCase(
        miscCase({}, {}, { encounter: { hospitalized: false, died: false, moreLikelyAlternativeDiagnosis: null } }),
      ).status,
    ).toBe('not-met');
    expect(evalCase(miscCase({}, {}, { encounter: { moreLikelyAlternativeDiagnosis: null } })).status).toBe(
      'not-assessable',
    );
  });

  it('a more likely alternative diagnosis excludes; not assessed leaves it open', () => {
    const excluded = evalCase(
      miscCase({}, {}, { encounter: { hospitalized: true, moreLikelyAlternativeDiagnosis: 'bacterial sepsis' } }),
    );
    expect(item(excluded, 'no-alternative-diagnosis')).toMatchObject({ status: 'not-met', value: 'bacterial sepsis' });
    expect(excluded.status).toBe('not-met');
    expect(evalCase(miscCase({}, {}, { encounter: { hospitalized: true } })).status).toBe('not-assessable');
  });

  it('serology positive confirms; a positive SARS-CoV-2 PCR in the viral tests confirms', () => {
    const sero = miscCase(
      {},
      {},
      { background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'negative', serology: 'positive' } } },
    );
    expect(evalCase(sero).classifications?.confirmed).toBe('met');
    const pcr = miscCase(
      {},
      {},
      {
        background: { sjia: 'none' },
        investigations: { viralTests: [{ hour: 0, virus: 'SARS-CoV-2', method: 'pcr', result: 'positive' }] },
      },
    );
    expect(evalCase(pcr).classifications?.confirmed).toBe('met');
  });

  it('negative tests + close contact within 60 days = probable only', () => {
    const contact = (days: number | undefined) =>
      miscCase(
        {},
        {},
        {
          background: {
            sjia: 'none',
            sarsCov2: {
              rnaOrAntigen: 'negative',
              serology: 'negative',
              closeContact: 'yes',
              ...(days === undefined ? {} : { contactDaysBeforeHospitalization: days }),
            },
          },
        },
      );
    expect(evalCase(contact(60)).classifications).toEqual({ confirmed: 'not-met', probable: 'met' });
    expect(evalCase(contact(60)).status).toBe('met');
    expect(evalCase(contact(61)).classifications).toEqual({ confirmed: 'not-met', probable: 'not-met' });
    expect(evalCase(contact(61)).status).toBe('not-met');
    expect(evalCase(contact(undefined)).classifications?.probable).toBe('not-assessable');
  });

  it('clinical criteria not met → neither confirmed nor probable', () => {
    const r = evalCase(
      miscCase(
        {},
        { crp: 10 },
        {
          background: {
            sjia: 'none',
            sarsCov2: { rnaOrAntigen: 'positive', closeContact: 'yes', contactDaysBeforeHospitalization: 10 },
          },
        },
      ),
    );
    expect(r.classifications).toEqual({ confirmed: 'not-met', probable: 'not-met' });
  });
});

describe('MIS-C CDC 2023 evidence', () => {
  it('every item cites the CSTE/CDC definition (the coronary z cut-off cites AHA 2017) and states its threshold', () => {
    const r = evalCase(miscCase());
    const ownCitation: Record<string, string> = {
      'cardiac.coronary': 'mccrindle-2017-aha-kawasaki',
      'shock.vasoactives': 'schlapbach-2024-phoenix §rubric',
    };
    for (const i of r.items) {
      expect(i.citation).toBe(ownCitation[i.id] ?? 'cdc-cste-2023-misc');
      expect(i.threshold.length).toBeGreaterThan(0);
    }
    expect(r.notes.join(' ')).toMatch(/z-score ≥ 2\.0/);
    expect(r.notes.join(' ')).toMatch(/shock/i);
  });

  it('an empty case is not assessable, with nothing met but the age', () => {
    const r = evalCase(makeCase());
    expect(r.status).toBe('not-assessable');
    expect(r.items.filter((i) => i.status === 'met').map((i) => i.id)).toEqual(['age']);
  });
});
