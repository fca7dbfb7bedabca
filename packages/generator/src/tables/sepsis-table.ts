import { quartiles, type Quartiles } from '../distribution.js';
import type { LabTable } from '../lab-spec.js';
import { cite, prior, proportion, type Proportion, type Source, type UniformSpan } from '../source.js';
import { loading } from './lab-factor-table.js';

const SEPSIS_PRIOR = prior(
  'paediatric bacterial sepsis laboratory values (clinical-reference.md §2.2 generator suggestion: CRP/PCT high, fibrinogen normal-high unless DIC)',
);

export interface SepsisTable {
  readonly male: Proportion;
  readonly ageYears: Quartiles;
  readonly hyperferritinemic: Proportion;
  readonly hyperferritinemicHard: Proportion;
  readonly shock: Proportion;
  /** The latent severity (SD units): raised by septic shock and by hyperferritinemia; correlation (−1…1) of hepatomegaly and death with it. */
  readonly severity: {
    readonly shockShift: number;
    readonly hyperferritinemicShift: number;
    readonly hepatomegalyCorrelation: number;
    /** With the severity drawn before the subtype shifts, so each stratum keeps its mortality. */
    readonly diedCorrelation: number;
    readonly source: Source;
  };
  readonly died: { readonly hyperferritinemic: Proportion; readonly otherwise: Proportion };
  readonly dic: { readonly hyperferritinemic: Proportion; readonly shock: Proportion; readonly otherwise: Proportion };
  /** Bleeding among cases with DIC (recorded from 12 h). */
  readonly hemorrhageInDic: Proportion;
  readonly findings: {
    readonly hepatomegaly: Proportion;
    readonly splenomegaly: Proportion;
    readonly rash: Proportion;
    readonly giSymptoms: Proportion;
    readonly lymphadenopathy: Proportion;
  };
  readonly peakTemperatureC: Quartiles;
  readonly febrile: Proportion;
  /** Days of fever before presentation, whole days. */
  readonly feverDaysAtPresentation: UniformSpan & { readonly source: Source };
  readonly organDysfunction: {
    readonly invasiveVentilation: { readonly shock: Proportion; readonly otherwise: Proportion };
    readonly oxygenOrNoninvasive: Proportion;
    readonly lowGcs: { readonly shock: Proportion; readonly otherwise: Proportion };
    readonly twoVasoactives: Proportion;
    readonly source: Source;
  };
  /** Organ support reading by reading (the hours it lasts stay in sepsis.ts). */
  readonly support: {
    /** Septic shock already at presentation (else from 12 h). */
    readonly shockAtPresentation: Proportion;
    /** A patient on support who is not intubated: non-invasive ventilation throughout (else oxygen). */
    readonly noninvasive: Proportion;
    /** FiO₂ (fraction) when invasively ventilated. */
    readonly fio2Invasive: UniformSpan;
    /** FiO₂ (fraction) on oxygen or non-invasive ventilation. */
    readonly fio2OnSupport: UniformSpan;
    /** SpO₂ (%, whole) on room air. */
    readonly spo2RoomAir: UniformSpan;
    /** SpO₂ (%, whole) on oxygen or ventilation. */
    readonly spo2OnSupport: UniformSpan;
    /** GCS (whole) while low, to 24 h: the top is the Phoenix ≤10 cut-off. */
    readonly lowGcs: UniformSpan;
    /** GCS after 24 h, to 48 h, when it was low. */
    readonly recoveringGcs: number;
    readonly source: Source;
  };
  /**
   * Sepsis without shock keeps its MAP (mmHg) clear of the Phoenix point bands: a MAP at or below
   * the floor, `margin` above the lowest MAP that scores 0 (the rules' PHOENIX_MAP_BANDS), is scaled
   * up to `scaleTo` above the floor, the diastolic then `dbpExtra` higher.
   */
  readonly nonShockMap: {
    readonly margin: number;
    readonly scaleTo: number;
    readonly dbpExtra: number;
    readonly source: Source;
  };
  /** Completing a case to Phoenix ≥2: each step adds one coagulation or one respiratory point at presentation. */
  readonly phoenixCompletion: {
    /** A coagulation point rather than a respiratory one while the respiratory system scores none (with one, always coagulation; with no organ point, never). */
    readonly coagulation: Proportion;
    /** INR at presentation when it scores no point (above the Phoenix 1.3); the case's own INR course is scaled to it. */
    readonly inr: UniformSpan;
    /** D-dimer (mg/L FEU) at presentation otherwise (above the Phoenix 2), its course scaled likewise. */
    readonly dDimer: UniformSpan;
    /** A respiratory point: oxygen at this FiO₂ (fraction) with SpO₂ (%, whole) in `spo2` (S/F below 292). */
    readonly oxygenFio2: number;
    readonly spo2: UniformSpan;
    readonly source: Source;
  };
  readonly bloodCulturePositive: Proportion;
  readonly organisms: { readonly weights: readonly (readonly [string, number])[]; readonly source: Source };
  readonly hemophagocytosis: Proportion;
  readonly labs: LabTable;
  /** Ferritin distributions replace labs.ferritin by subtype. */
  readonly ferritin: {
    readonly hyperferritinemic: Quartiles;
    readonly otherwise: Quartiles;
    readonly hardHyperferritinemic: Quartiles;
  };
  /** Disseminated intravascular coagulation: replaces these analytes. */
  readonly dicLabs: LabTable;
  readonly shockLactate: Quartiles;
  /** The ferritin and shock-lactate overrides: correlation (−1…1) with the latent severity, and the healthy level they start from (ng/mL, mmol/L). */
  readonly overrideCoupling: {
    readonly ferritin: { readonly rho: number; readonly baseline: number };
    readonly shockLactate: { readonly rho: number; readonly baseline: number };
    readonly source: Source;
  };
  readonly baselineSource: Source;
}

export const SEPSIS_TABLE: SepsisTable = {
  male: proportion(0.541, cite('long-2025-sentinel', `54.1% male`)),
  ageYears: quartiles(2.1, 0.3, 7.1, 'log', cite('long-2025-sentinel', `median age 2.1 y (IQR 0.3–7.1)`), {
    min: 1 / 12,
    max: 17.9,
  }),
  hyperferritinemic: proportion(
    117 / 397,
    cite('carcillo-2023', '117 hyperferritinemic (>500 ng/mL) of 397 paediatric sepsis'),
  ),
  hyperferritinemicHard: proportion(0.5, prior('hard difficulty: more hyperferritinemic sepsis')),
  shock: proportion(0.35, prior('share of septic shock among paediatric sepsis in a drill cohort')),
  severity: {
    shockShift: 0.8,
    hyperferritinemicShift: 0.4,
    hepatomegalyCorrelation: 0.3,
    diedCorrelation: 0.4,
    source: prior(
      'septic shock and hyperferritinemic sepsis are sicker; hepatomegaly and death follow the severity moderately',
    ),
  },
  died: {
    hyperferritinemic: proportion(0.23, cite('carcillo-2023', 'mortality 23% with ferritin >500')),
    otherwise: proportion(0.057, cite('carcillo-2023', 'mortality 5.7% without hyperferritinemia')),
  },
  dic: {
    hyperferritinemic: proportion(
      0.3,
      prior('DIC in hyperferritinemic sepsis (Carcillo 2023 reports more MAS/DIC, share not read)'),
    ),
    shock: proportion(0.15, prior('DIC in septic shock')),
    otherwise: proportion(0.05, prior('DIC in sepsis without shock')),
  },
  hemorrhageInDic: proportion(0.4, prior('bleeding in sepsis with DIC')),
  findings: {
    hepatomegaly: proportion(0.15, prior('hepatomegaly in bacterial sepsis')),
    splenomegaly: proportion(0.08, prior('splenomegaly in bacterial sepsis')),
    rash: proportion(0.15, prior('rash (petechial/erythroderma) in bacterial sepsis')),
    giSymptoms: proportion(0.35, prior('vomiting/diarrhoea/abdominal pain in bacterial sepsis')),
    lymphadenopathy: proportion(0.1, prior('lymphadenopathy in bacterial sepsis')),
  },
  peakTemperatureC: quartiles(39.3, 38.8, 39.9, 'linear', prior('peak temperature in febrile sepsis'), {
    min: 38.1,
    max: 41.5,
  }),
  febrile: proportion(0.85, prior('febrile at presentation (the rest normo- or hypothermic)')),
  feverDaysAtPresentation: { from: 1, width: 2, source: prior('1–3 days of fever before a sepsis presentation') },
  organDysfunction: {
    invasiveVentilation: {
      shock: proportion(0.3, prior('invasive ventilation in septic shock')),
      otherwise: proportion(0.1, prior('invasive ventilation in sepsis without shock')),
    },
    oxygenOrNoninvasive: proportion(0.4, prior('oxygen or non-invasive support when not intubated')),
    lowGcs: {
      shock: proportion(0.2, prior('GCS ≤10 in septic shock')),
      otherwise: proportion(0.08, prior('GCS ≤10 in sepsis without shock')),
    },
    twoVasoactives: proportion(0.35, prior('two or more vasoactives among shock cases')),
    source: prior(
      'organ dysfunction patterns; every case is then completed to Phoenix ≥2 (the definition is the label)',
    ),
  },
  support: {
    shockAtPresentation: proportion(0.7, prior('septic shock already on arrival (the rest develop it by 12 h)')),
    noninvasive: proportion(
      0.3,
      prior('non-invasive ventilation rather than oxygen, for a patient on respiratory support who is not intubated'),
    ),
    fio2Invasive: { from: 0.35, width: 0.4 },
    fio2OnSupport: { from: 0.3, width: 0.2 },
    spo2RoomAir: { from: 96, width: 4 },
    spo2OnSupport: { from: 90, width: 7 },
    lowGcs: { from: 7, width: 3 },
    recoveringGcs: 12,
    source: prior(
      'FiO₂ 0.35–0.75 ventilated, 0.3–0.5 on oxygen or NIV; SpO₂ 96–100% on room air, 90–97% supported; a low GCS 7–10 for the first day, 12 on the second',
    ),
  },
  nonShockMap: {
    margin: 3,
    scaleTo: 2,
    dbpExtra: 1,
    source: prior(
      'construction margin: a non-shock MAP more than 3 mmHg above the lowest MAP that scores no Phoenix point',
    ),
  },
  phoenixCompletion: {
    coagulation: proportion(
      0.6,
      prior('completion to Phoenix ≥2 by a coagulation point rather than a respiratory one'),
    ),
    inr: { from: 1.35, width: 0.4 },
    dDimer: { from: 2.2, width: 4 },
    oxygenFio2: 0.4,
    spo2: { from: 93, width: 3 },
    source: prior(
      'completion to Phoenix ≥2, with at least one organ point: INR 1.35–1.75 or D-dimer 2.2–6.2 mg/L FEU; or oxygen at FiO₂ 0.4 with SpO₂ 93–96% (S/F 232–240)',
    ),
  },
  bloodCulturePositive: proportion(0.4, prior('blood culture positive')),
  organisms: {
    weights: [
      ['Staphylococcus aureus', 0.25],
      ['Streptococcus pneumoniae', 0.2],
      ['Escherichia coli', 0.2],
      ['Streptococcus pyogenes', 0.15],
      ['Neisseria meningitidis', 0.1],
      ['Klebsiella pneumoniae', 0.1],
    ],
    source: prior('organism mix'),
  },
  hemophagocytosis: proportion(0.3, prior('hemophagocytosis in a sepsis marrow')),
  labs: {
    platelets: {
      at0: quartiles(180, 100, 280, 'log', SEPSIS_PRIOR, { min: 5 }),
      rho: -0.45,
      baseline: 300,
      factor: loading('consumption', 0.5),
    },
    wbc: {
      at0: quartiles(15, 7, 24, 'log', SEPSIS_PRIOR, { min: 0.5 }),
      rho: 0.1,
      baseline: 9,
      factor: loading('leukocyte', 0.7),
    },
    alc: {
      at0: quartiles(1.4, 0.8, 2.4, 'log', SEPSIS_PRIOR, { min: 0.1 }),
      rho: -0.3,
      baseline: 3,
      factor: loading('leukocyte', 0.7),
    },
    hemoglobin: { at0: quartiles(10.8, 9.6, 12, 'linear', SEPSIS_PRIOR, { min: 5, max: 18 }), rho: -0.2, baseline: 12 },
    ast: {
      at0: quartiles(50, 30, 95, 'log', SEPSIS_PRIOR, { min: 10 }),
      rho: 0.4,
      baseline: 30,
      factor: loading('hepatic', 0.6),
    },
    alt: {
      at0: quartiles(35, 20, 70, 'log', SEPSIS_PRIOR, { min: 6 }),
      rho: 0.35,
      baseline: 20,
      factor: loading('hepatic', 0.7),
    },
    ldh: {
      at0: quartiles(420, 290, 650, 'log', SEPSIS_PRIOR, { min: 120 }),
      rho: 0.4,
      baseline: 280,
      factor: loading('hepatic', 0.5),
    },
    triglycerides: { at0: quartiles(140, 95, 200, 'log', SEPSIS_PRIOR, { min: 30 }), rho: 0.2, baseline: 90 },
    fibrinogen: {
      at0: quartiles(480, 360, 620, 'log', SEPSIS_PRIOR, { min: 150 }),
      rho: 0.1,
      baseline: 280,
      factor: loading('consumption', 0.7),
    },
    esr: {
      at0: quartiles(45, 25, 70, 'log', SEPSIS_PRIOR, { min: 2, max: 140 }),
      rho: 0.1,
      baseline: 10,
      factor: loading('consumption', 0.7),
    },
    crp: {
      at0: quartiles(120, 60, 210, 'log', SEPSIS_PRIOR, { min: 8 }),
      rho: 0.4,
      baseline: 3,
      factor: loading('bacterial', 0.6),
    },
    procalcitonin: {
      at0: quartiles(8, 2, 25, 'log', SEPSIS_PRIOR, { min: 0.1 }),
      rho: 0.5,
      baseline: 0.08,
      curve: 'procalcitonin',
      factor: loading('bacterial', 0.6),
    },
    sodium: { at0: quartiles(134, 131, 137, 'linear', SEPSIS_PRIOR, { min: 118, max: 150 }), rho: -0.2, baseline: 139 },
    albumin: { at0: quartiles(2.9, 2.5, 3.3, 'linear', SEPSIS_PRIOR, { min: 1.2, max: 4.8 }), rho: -0.35, baseline: 4 },
    dDimer: { at0: quartiles(2.5, 1.2, 5, 'log', SEPSIS_PRIOR, { min: 0.1 }), rho: 0.45, baseline: 0.3 },
    inr: { at0: quartiles(1.3, 1.15, 1.5, 'log', SEPSIS_PRIOR, { min: 0.9, max: 6 }), rho: 0.45, baseline: 1.05 },
    lactate: { at0: quartiles(2.2, 1.5, 3.2, 'log', SEPSIS_PRIOR, { min: 0.5, max: 4.9 }), rho: 0.4, baseline: 1.1 },
    troponin: {
      at0: quartiles(15, 6, 45, 'log', prior('hs-troponin in sepsis'), { min: 1 }),
      rho: 0.4,
      baseline: 4,
      curve: 'cardiac',
      factor: loading('cardiac', 0.6),
    },
    bnp: {
      at0: quartiles(150, 60, 450, 'log', prior('BNP in sepsis'), { min: 5 }),
      rho: 0.4,
      baseline: 30,
      curve: 'cardiac',
      factor: loading('cardiac', 0.6),
    },
    sCd25: {
      at0: quartiles(
        2500,
        1400,
        4500,
        'log',
        prior('sCD25 in sepsis (raised in hyperferritinemic sepsis, Carcillo 2023)'),
        { min: 200 },
      ),
      rho: 0.5,
      baseline: 800,
    },
    il18: {
      at0: quartiles(
        2000,
        800,
        6000,
        'log',
        prior('IL-18 in sepsis (assay-specific; raised in hyperferritinemic sepsis, Carcillo 2023)'),
        { min: 50 },
      ),
      rho: 0.4,
      baseline: 300,
    },
    cxcl9: {
      at0: quartiles(
        600,
        250,
        1500,
        'log',
        prior('CXCL9 in sepsis (assay-specific; raised in hyperferritinemic sepsis, Carcillo 2023)'),
        { min: 30 },
      ),
      rho: 0.4,
      baseline: 200,
    },
  },
  ferritin: {
    otherwise: {
      ...quartiles(150, 80, 270, 'log', prior('ferritin in non-hyperferritinemic sepsis (≤500 by definition)'), {
        min: 10,
        max: 499,
      }),
    },
    hyperferritinemic: quartiles(
      1400,
      800,
      3000,
      'log',
      prior('ferritin in hyperferritinemic sepsis (>500 by definition)'),
      { min: 505, max: 100000 },
    ),
    hardHyperferritinemic: quartiles(
      6000,
      2500,
      14000,
      'log',
      prior('hard difficulty: sepsis with ferritin often >10,000'),
      { min: 505, max: 200000 },
    ),
  },
  dicLabs: {
    fibrinogen: {
      at0: quartiles(120, 80, 170, 'log', prior('fibrinogen in sepsis with DIC'), { min: 30 }),
      rho: -0.4,
      baseline: 280,
      factor: loading('consumption', 0.5),
    },
    platelets: {
      at0: quartiles(60, 35, 95, 'log', prior('platelets in sepsis with DIC'), { min: 5 }),
      rho: -0.4,
      baseline: 300,
      factor: loading('consumption', 0.5),
    },
    dDimer: {
      at0: quartiles(9, 5, 18, 'log', prior('D-dimer in sepsis with DIC'), { min: 1 }),
      rho: 0.4,
      baseline: 0.3,
    },
    inr: {
      at0: quartiles(1.8, 1.5, 2.3, 'log', prior('INR in sepsis with DIC'), { min: 1.1, max: 8 }),
      rho: 0.4,
      baseline: 1.05,
    },
    esr: {
      at0: quartiles(20, 10, 35, 'log', prior('ESR in sepsis with DIC (fibrinogen consumed)'), { min: 2, max: 140 }),
      rho: -0.2,
      baseline: 10,
      factor: loading('consumption', 0.5),
    },
  },
  shockLactate: quartiles(4.5, 2.8, 7, 'log', prior('lactate in septic shock'), { min: 0.8, max: 20 }),
  overrideCoupling: {
    ferritin: { rho: 0.5, baseline: 60 },
    shockLactate: { rho: 0.4, baseline: 1.1 },
    source: prior(
      'ferritin and shock lactate rise with the severity; healthy-child ferritin 60 ng/mL, lactate 1.1 mmol/L',
    ),
  },
  baselineSource: prior('healthy-child levels the illness starts from'),
};
