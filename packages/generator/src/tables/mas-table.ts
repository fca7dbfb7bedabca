import { quartiles, type Quartiles } from '../distribution.js';
import type { LabTable } from '../lab-spec.js';
import { cite, prior, proportion, type Proportion, type Source } from '../source.js';

const LAB_PRIOR = prior('clinical-reference.md §2.1 "prior median (IQR) [U]" at MAS onset (Minoia 2014 lab table not retrieved)');
/** Where the MAS baselines come from (reported beside the table). */
export const MAS_BASELINE_SOURCE: Source = prior('pre-MAS levels of active sJIA, chosen so platelets, transaminases, ferritin, LDH, TG and D-dimer change >50% to MAS onset as Minoia 2014 reports');

export interface MasTable {
  readonly subtypes: {
    readonly neonatal: Proportion;
    readonly infectionTriggeredPreviouslyWell: Proportion;
    /** Within sJIA-associated MAS. */
    readonly atSjiaOnset: Proportion;
    /** Within sJIA-associated MAS: an infectious trigger. */
    readonly infectionTrigger: Proportion;
  };
  readonly virus: { readonly weights: readonly (readonly ['EBV' | 'CMV' | 'adenovirus' | 'other-virus', number])[]; readonly source: Source };
  readonly female: Proportion;
  readonly ageYears: Quartiles;
  readonly neonatalAgeDays: Quartiles;
  readonly sjiaDurationYears: Quartiles;
  readonly findings: {
    readonly fever: Proportion;
    readonly hepatomegaly: Proportion;
    readonly splenomegaly: Proportion;
    readonly cnsInvolvement: Proportion;
    readonly hemorrhage: Proportion;
    readonly lymphadenopathy: Proportion;
    readonly activeArthritis: Proportion;
    readonly rash: Proportion;
    readonly organFailure: Proportion;
  };
  readonly peakTemperatureC: Quartiles;
  readonly died: Proportion;
  readonly marrowAspirated: Proportion;
  readonly hemophagocytosis: Proportion;
  readonly hemophagocytosisHard: Proportion;
  readonly suspectedInfection: { readonly infectionTriggered: Proportion; readonly otherwise: Proportion };
  readonly therapyInKnownSjia: { readonly [K in 'glucocorticoid' | 'methotrexate' | 'cyclosporine' | 'anakinra' | 'canakinumab' | 'tocilizumab']: Proportion };
  readonly special: { readonly sCd25: Proportion; readonly il18: Proportion; readonly cxcl9: Proportion; readonly nkCellActivity: Proportion };
  /** Hard difficulty: shift of the latent severity (milder MAS sits nearer the cut-offs). */
  readonly hardSeverityShift: { readonly value: number; readonly source: Source };
  readonly labs: LabTable;
  /** Newborns: analytes whose at-onset distribution differs from the sJIA cohort. */
  readonly neonatalLabs: LabTable;
}

export const MAS_TABLE: MasTable = {
  subtypes: {
    neonatal: proportion(0.02, prior('rare neonatal presentation (infant of a mother with autoimmune disease); no published share')),
    infectionTriggeredPreviouslyWell: proportion(0.1, prior('share of MAS/secondary HLH in previously well children within a MAS drill cohort')),
    atSjiaOnset: proportion(0.22, cite('minoia-2014', 'abstract: MAS at onset of sJIA 22%')),
    infectionTrigger: proportion(0.396, cite('ravelli-2016-rmd-open', 'Table 1: trigger infection 39.6%')),
  },
  virus: { weights: [['EBV', 0.3], ['CMV', 0.15], ['adenovirus', 0.15], ['other-virus', 0.4]], source: prior('mix of viral triggers') },
  female: proportion(0.6, cite('ravelli-2016-rmd-open', 'Table 1: female 60.0%, MAS n=70')),
  ageYears: quartiles(10.5, 4.4, 14.6, 'linear', cite('ravelli-2016-rmd-open', 'Table 1: age at MAS onset, median (IQR)'), { min: 1, max: 17.9 }),
  neonatalAgeDays: quartiles(10, 5, 18, 'linear', prior('neonatal presentation in the first four weeks'), { min: 1, max: 28 }),
  sjiaDurationYears: quartiles(0.9, 0.1, 2.4, 'log', cite('ravelli-2016-rmd-open', 'Table 1: sJIA duration at MAS, median (IQR)'), { min: 0.05, max: 12 }),
  findings: {
    fever: proportion(0.96, cite('minoia-2014', 'abstract: fever 96%')),
    hepatomegaly: proportion(0.7, cite('minoia-2014', 'abstract: hepatomegaly 70%')),
    splenomegaly: proportion(0.58, cite('minoia-2014', 'abstract: splenomegaly 58%')),
    cnsInvolvement: proportion(0.35, cite('minoia-2014', 'abstract: CNS dysfunction 35%')),
    hemorrhage: proportion(0.2, cite('minoia-2014', 'abstract: haemorrhages 20%')),
    lymphadenopathy: proportion(0.554, cite('ravelli-2016-rmd-open', 'Table 1: lymphadenopathy 55.4%')),
    activeArthritis: proportion(0.609, cite('ravelli-2016-rmd-open', 'Table 1: active arthritis 60.9% (sJIA-associated MAS only)')),
    rash: proportion(0.4, prior('evanescent sJIA rash during MAS')),
    organFailure: proportion(0.188, cite('ravelli-2016-rmd-open', 'Table 1: heart/lung/kidney failure 18.8%')),
  },
  peakTemperatureC: quartiles(39.4, 39.0, 39.9, 'linear', prior('peak temperature of a febrile MAS patient'), { min: 38.1, max: 41.5 }),
  died: proportion(0.08, cite('minoia-2014', 'abstract: mortality 8%')),
  marrowAspirated: proportion(0.5, prior('share of MAS patients with a marrow aspirate in the first 48 h')),
  hemophagocytosis: proportion(0.6, cite('minoia-2014', 'abstract: hemophagocytosis in 60% of those aspirated')),
  hemophagocytosisHard: proportion(0.35, prior('hard difficulty: marrow more often without hemophagocytosis')),
  suspectedInfection: {
    infectionTriggered: proportion(0.8, prior('antimicrobials and cultures in the first 24 h when a trigger infection is evident')),
    otherwise: proportion(0.5, prior('antimicrobials and cultures in the first 24 h in febrile sJIA-MAS')),
  },
  therapyInKnownSjia: {
    glucocorticoid: proportion(0.5, prior('current sJIA therapy')),
    methotrexate: proportion(0.2, prior('current sJIA therapy')),
    cyclosporine: proportion(0.08, prior('current sJIA therapy')),
    anakinra: proportion(0.3, prior('current sJIA therapy')),
    canakinumab: proportion(0.1, prior('current sJIA therapy')),
    tocilizumab: proportion(0.15, prior('current sJIA therapy')),
  },
  special: {
    sCd25: proportion(0.3, prior('sCD25 sent at presentation')),
    il18: proportion(0.15, prior('IL-18 sent at presentation')),
    cxcl9: proportion(0.1, prior('CXCL9 sent at presentation')),
    nkCellActivity: proportion(0.1, prior('NK-cell function sent')),
  },
  hardSeverityShift: { value: -0.8, source: prior('hard difficulty: milder MAS, nearer every cut-off') },
  labs: {
    ferritin: { at0: quartiles(8000, 3000, 20000, 'log', LAB_PRIOR, { max: 300000 }), rho: 0.6, baseline: 900 },
    platelets: { at0: quartiles(130, 80, 190, 'log', LAB_PRIOR, { min: 5 }), rho: -0.55, baseline: 420 },
    wbc: { at0: quartiles(7, 4, 12, 'log', LAB_PRIOR, { min: 0.5 }), rho: -0.3, baseline: 16 },
    alc: { at0: quartiles(1.2, 0.7, 2.0, 'log', prior('lymphocyte count at MAS onset'), { min: 0.1 }), rho: -0.2, baseline: 2.5 },
    hemoglobin: { at0: quartiles(9.5, 8.5, 10.5, 'linear', LAB_PRIOR, { min: 4.5, max: 15 }), rho: -0.3, baseline: 10.8 },
    ast: { at0: quartiles(150, 70, 400, 'log', LAB_PRIOR, { min: 12 }), rho: 0.5, baseline: 32 },
    alt: { at0: quartiles(100, 50, 250, 'log', LAB_PRIOR, { min: 8 }), rho: 0.45, baseline: 22 },
    ldh: { at0: quartiles(1200, 700, 2000, 'log', LAB_PRIOR, { min: 150 }), rho: 0.5, baseline: 380 },
    triglycerides: { at0: quartiles(260, 180, 380, 'log', LAB_PRIOR, { min: 40 }), rho: 0.4, baseline: 120 },
    fibrinogen: { at0: quartiles(180, 120, 280, 'log', LAB_PRIOR, { min: 40 }), rho: -0.5, baseline: 520 },
    esr: { at0: quartiles(30, 15, 60, 'log', LAB_PRIOR, { min: 2, max: 150 }), rho: -0.45, baseline: 85 },
    crp: { at0: quartiles(100, 40, 200, 'log', LAB_PRIOR, { min: 3 }), rho: 0.2, baseline: 70 },
    procalcitonin: { at0: quartiles(0.8, 0.3, 2, 'log', prior('procalcitonin at MAS onset'), { min: 0.05 }), rho: 0.3, baseline: 0.3 },
    sodium: { at0: quartiles(133, 130, 136, 'linear', LAB_PRIOR, { min: 120, max: 145 }), rho: -0.3, baseline: 137 },
    albumin: { at0: quartiles(2.8, 2.4, 3.2, 'linear', LAB_PRIOR, { min: 1.4, max: 4.6 }), rho: -0.3, baseline: 3.4 },
    dDimer: { at0: quartiles(5, 2, 10, 'log', LAB_PRIOR, { min: 0.2 }), rho: 0.4, baseline: 1.5 },
    inr: { at0: quartiles(1.35, 1.2, 1.6, 'log', prior('INR at MAS onset'), { min: 0.9, max: 5 }), rho: 0.4, baseline: 1.1 },
    lactate: { at0: quartiles(1.8, 1.3, 2.6, 'log', prior('lactate at MAS onset'), { min: 0.5 }), rho: 0.35, baseline: 1.3 },
    sCd25: { at0: quartiles(6000, 3200, 11000, 'log', prior('sCD25 at MAS onset (assay-specific)'), { min: 300 }), rho: 0.5, baseline: 1500 },
    il18: { at0: quartiles(100000, 40000, 250000, 'log', prior('IL-18 at MAS onset (assay-specific)'), { min: 1000 }), rho: 0.3, baseline: 20000 },
    cxcl9: { at0: quartiles(2500, 900, 7000, 'log', prior('CXCL9 at MAS onset (assay-specific)'), { min: 50 }), rho: 0.5, baseline: 300 },
  },
  neonatalLabs: {
    hemoglobin: { at0: quartiles(12, 10.5, 13.5, 'linear', prior('newborn hemoglobin with MAS'), { min: 6, max: 20 }), rho: -0.3, baseline: 16 },
    platelets: { at0: quartiles(70, 40, 110, 'log', prior('newborn platelets with MAS'), { min: 5 }), rho: -0.55, baseline: 250 },
  },
};
