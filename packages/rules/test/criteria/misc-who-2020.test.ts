import { describe, expect, it } from 'vitest';
import type { Case, LabPanel, Observation } from '../../src/index.js';
import { miscWho2020 } from '../../src/criteria/misc-who-2020.js';
import { upperReferenceLimit } from '../../src/units/reference-limits.js';
import { makeCase } from '../support/make-case.js';
import { item } from '../support/evidence.js';

// Every sign assessed; rash + GI present (2 signs); CRP above the laboratory's own limit.
const BASE_OBS: Omit<Observation, 'hour'> = {
  feverDays: 4,
  rash: true,
  giSymptoms: true,
  conjunctivitis: false,
  mucosalChanges: false,
  extremityChanges: false,
  shock: false,
  sbp: 100,
  dbp: 60,
};
const BASE_LABS: Omit<LabPanel, 'hour'> = { crp: 150, inr: 1.0, dDimer: 0.3, troponin: 5, ntProBnp: 100 };
const REFS: Case['labReferenceRanges'] = {
  crp: { upper: 5 },
  esr: { upper: 20 },
  procalcitonin: { upper: 0.5 },
  inr: { upper: 1.2 },
  dDimer: { upper: 0.5 },
  troponin: { upper: 14 },
  ntProBnp: { upper: 125 },
};

function whoCase(
  obs: Partial<Observation> = {},
  labs: Partial<LabPanel> = {},
  parts: Parameters<typeof makeCase>[0] = {},
): Case {
  return makeCase({
    patient: { ageYears: 8 },
    background: { sjia: 'none', sarsCov2: { rnaOrAntigen: 'positive' } },
    encounter: { hospitalized: true, moreLikelyAlternativeDiagnosis: null },
    labReferenceRanges: REFS,
    investigations: {
      echo: [{ hour: 2, lvefPercent: 62, coronaryZMax: 0.5, pericardialEffusion: false, valvulitis: false }],
    },
    ...parts,
    observations: [{ hour: 0, ...BASE_OBS, ...obs }],
    labs: [{ hour: 0, ...BASE_LABS, ...labs }],
  });
}

const evalCase = (c: Case) => miscWho2020.evaluate(c);

describe('MIS-C WHO 2020', () => {
  it('the base case meets the definition', () => {
    const r = evalCase(whoCase());
    expect(r.status).toBe('met');
    expect(r.count).toEqual({ met: 2, notAssessed: 0, required: 2, of: 5 });
  });

  it('age 19.99 applies, 20 does not ("0–19 years")', () => {
    expect(evalCase(whoCase({}, {}, { patient: { ageYears: 19.99 } })).status).toBe('met');
    expect(evalCase(whoCase({}, {}, { patient: { ageYears: 20 } })).status).toBe('not-applicable');
  });

  it('fever 3 days is met, 2 days is not, unrecorded is not assessed', () => {
    expect(item(evalCase(whoCase({ feverDays: 3 })), 'fever').status).toBe('met');
    expect(evalCase(whoCase({ feverDays: 2 })).status).toBe('not-met');
    expect(evalCase(whoCase({ feverDays: undefined })).status).toBe('not-assessable');
  });

  it('one sign with the others assessed absent → not met', () => {
    const r = evalCase(whoCase({ giSymptoms: false }));
    expect(r.count?.met).toBe(1);
    expect(r.status).toBe('not-met');
  });

  it('(b) hypotension or shock: documented shock, two vasoactive drugs, or SBP below the PALS limit for age', () => {
    expect(evalCase(whoCase({ giSymptoms: false, shock: true })).status).toBe('met');
    // 8 years: SBP < 70 + 2 × 8 = 86 mmHg. 85 is hypotension, 86 is not.
    expect(evalCase(whoCase({ giSymptoms: false, sbp: 85, dbp: 40 })).status).toBe('met');
    expect(evalCase(whoCase({ giSymptoms: false, sbp: 86, dbp: 40 })).status).toBe('not-met');
    expect(evalCase(whoCase({ giSymptoms: false, shock: undefined, vasoactiveCount: 2 })).status).toBe('met');
    expect(evalCase(whoCase({ giSymptoms: false, sbp: undefined, dbp: undefined })).status).toBe('not-assessable');
  });

  it('(c) cardiac: LVEF 54 vs 55, pericardial effusion, valvulitis, coronary z 2.0, troponin or NT-proBNP above the limit', () => {
    const echo = (e: Partial<NonNullable<Case['investigations']['echo']>[number]>) =>
      item(
        evalCase(
          whoCase(
            {},
            {},
            {
              investigations: {
                echo: [
                  { hour: 1, lvefPercent: 62, coronaryZMax: 0, pericardialEffusion: false, valvulitis: false, ...e },
                ],
              },
            },
          ),
        ),
        'cardiac',
      ).status;
    expect(echo({})).toBe('not-met');
    expect(echo({ lvefPercent: 54 })).toBe('met');
    expect(echo({ lvefPercent: 55 })).toBe('not-met');
    expect(echo({ pericardialEffusion: true })).toBe('met');
    expect(echo({ valvulitis: true })).toBe('met');
    expect(echo({ coronaryZMax: 2.0 })).toBe('met');
    expect(echo({ coronaryZMax: 1.99 })).toBe('not-met');
    expect(item(evalCase(whoCase({}, { troponin: 15 })), 'cardiac').status).toBe('met');
    expect(item(evalCase(whoCase({}, { ntProBnp: 126 })), 'cardiac').status).toBe('met');
  });

  it('(d) coagulopathy: INR 1.21 vs 1.2 against an upper limit of 1.2; D-dimer above the limit', () => {
    expect(item(evalCase(whoCase({}, { inr: 1.21 })), 'coagulopathy').status).toBe('met');
    expect(item(evalCase(whoCase({}, { inr: 1.2 })), 'coagulopathy').status).toBe('not-met');
    expect(item(evalCase(whoCase({}, { dDimer: 0.51 })), 'coagulopathy').status).toBe('met');
    // Three signs now: rash, GI, coagulopathy.
    expect(evalCase(whoCase({}, { dDimer: 2 })).count?.met).toBe(3);
  });

  it('inflammation: CRP, ESR or procalcitonin above the upper reference limit', () => {
    expect(item(evalCase(whoCase({}, { crp: 5 })), 'inflammation').status).toBe('not-assessed'); // ESR, PCT unmeasured
    expect(item(evalCase(whoCase({}, { crp: 5, esr: 10, procalcitonin: 0.1 })), 'inflammation').status).toBe('not-met');
    expect(item(evalCase(whoCase({}, { crp: 5, esr: 40 })), 'inflammation').status).toBe('met');
    expect(evalCase(whoCase({}, { crp: 5, esr: 10, procalcitonin: 0.1 })).status).toBe('not-met');
  });

  it('inflammation with no reference range anywhere is not assessed', () => {
    const c = whoCase({}, { crp: 150 }, { labReferenceRanges: {} });
    const status = item(evalCase(c), 'inflammation.crp').status;
    const limit = upperReferenceLimit(c, 'crp');
    if (limit === undefined) expect(status).toBe('not-assessed');
    else expect(status).toBe(150 > limit.value ? 'met' : 'not-met');
  });

  it('only a positive blood culture in the window excludes; a positive urine culture or one from before the illness does not', () => {
    const culture = (k: NonNullable<Case['investigations']['cultures']>[number]) =>
      item(evalCase(whoCase({}, {}, { investigations: { cultures: [k] } })), 'no-microbial-cause');
    expect(culture({ hour: 1, specimen: 'blood', result: 'positive', organism: 'Staphylococcus aureus' }).status).toBe(
      'not-met',
    );
    const urine = culture({ hour: 1, specimen: 'urine', result: 'positive', organism: 'Escherichia coli' });
    expect(urine.status).toBe('met');
    expect(urine.note).toMatch(/does not exclude by itself/);
    expect(
      culture({ hour: -500, specimen: 'blood', result: 'positive', organism: 'Staphylococcus aureus' }).status,
    ).toBe('met');
  });

  it('a positive bacterial culture or a more likely alternative diagnosis excludes', () => {
    const culture = whoCase(
      {},
      {},
      {
        investigations: {
          cultures: [{ hour: 1, specimen: 'blood', result: 'positive', organism: 'Streptococcus pyogenes' }],
        },
      },
    );
    expect(item(evalCase(culture), 'no-microbial-cause').status).toBe('not-met');
    expect(evalCase(culture).status).toBe('not-met');
    const pending = whoCase(
      {},
      {},
      { investigations: { cultures: [{ hour: 1, specimen: 'blood', result: 'pending' }] } },
    );
    expect(evalCase(pending).status).toBe('met');
    expect(
      evalCase(whoCase({}, {}, { encounter: { moreLikelyAlternativeDiagnosis: 'Kawasaki disease' } })).status,
    ).toBe('not-met');
    expect(evalCase(whoCase({}, {}, { encounter: {} })).status).toBe('not-assessable');
  });

  it('COVID-19 evidence: test positive or likely contact', () => {
    const sars = (s: NonNullable<Case['background']['sarsCov2']>) =>
      evalCase(whoCase({}, {}, { background: { sjia: 'none', sarsCov2: s } })).status;
    expect(sars({ rnaOrAntigen: 'negative', serology: 'negative', closeContact: 'yes' })).toBe('met');
    expect(sars({ rnaOrAntigen: 'negative', serology: 'positive' })).toBe('met');
    expect(sars({ rnaOrAntigen: 'negative', serology: 'negative', closeContact: 'no' })).toBe('not-met');
    expect(sars({ rnaOrAntigen: 'negative', serology: 'negative', closeContact: 'unknown' })).toBe('not-assessable');
  });

  it('every item cites WHO 2020 (the coronary z cut-off cites AHA 2017) and the hypotension choice is stated', () => {
    const r = evalCase(whoCase());
    const ownCitation: Record<string, string> = {
      'cardiac.coronary': 'mccrindle-2017-aha-kawasaki',
      'shock.vasoactives': 'schlapbach-2024-phoenix §rubric',
      'shock.hypotension': 'pals-hypotension',
    };
    for (const i of r.items) expect(i.citation).toBe(ownCitation[i.id] ?? 'who-2020-misc');
    expect(r.notes.join(' ')).toMatch(/hypotension/);
    expect(item(r, 'shock').note).toMatch(/clinician-documented shock/);
  });
});
