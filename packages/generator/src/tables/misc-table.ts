import { quartiles, quartilesFromProportion, type Quartiles } from '../distribution.js';
import type { LabTable } from '../lab-spec.js';
import { cite, prior, proportion, type Proportion, type Source, type UniformSpan } from '../source.js';
import { loading } from './lab-factor-table.js';

const MISC_PRIOR = prior('MIS-C value not retrieved (clinical-reference.md §2.3 "[U]")');
/** MIS-C priors retuned (DESIGN PRIORS still) so MIS-C meets the 2016 laboratory criteria over the stay as often as Buda 2022 reports (21.5%); it was 50%. */
const MISC_CALIBRATED = prior(
  'MIS-C laboratory design prior, retuned to Buda 2022: 21.5% of MIS-C meet the 2016 MAS criteria',
);
const MAS_OVERLAY = prior(
  'MIS-C evolving into MAS: ferritin rising, fibrinogen falling toward normal, platelets falling (clinical-reference.md §4 pitfall 10, design inference)',
);

export interface AgeBand {
  readonly fromYears: number;
  readonly toYears: number;
  readonly p: number;
  /** Relative odds of MAS in this band (design prior chosen to reproduce Buda 2022's older MAS patients). */
  readonly masWeight: number;
}

/** The echocardiogram at 12 h and 72 h: LVEF ranges and a partial recovery, coronary z-scores, other findings. */
export interface EchoCourse {
  /** LVEF % at 12 h when below 55 (lvefBelow55) and otherwise. */
  readonly lowLvef: UniformSpan;
  readonly normalLvef: UniformSpan;
  /** By 72 h a low LVEF closes a uniform share of its gap to `recoveryTarget`; a normal one stays. */
  readonly recoveryTarget: number;
  readonly recoveredShare: UniformSpan;
  readonly source: Source;
  /** Largest coronary z-score. */
  readonly coronaryZ: {
    /** At 12 h with an aneurysm: uniform, from the aneurysm cut (`aneurysmCutSource`). */
    readonly aneurysm: UniformSpan;
    /** At 12 h without: `from + scale × |N(0, 1)|`, at most `max`. */
    readonly otherwise: { readonly from: number; readonly scale: number; readonly max: number };
    /** SD of the change from 12 h to 72 h (z units). */
    readonly changeSd: number;
    readonly source: Source;
    readonly aneurysmCutSource: Source;
  };
  /** At 12 h. */
  readonly pericardialEffusion: Proportion;
  readonly valvulitis: Proportion;
}

export interface MiscTable {
  readonly male: Proportion;
  readonly ageBands: { readonly bands: readonly AgeBand[]; readonly source: Source; readonly masWeightSource: Source };
  readonly withMas: Proportion;
  readonly masEffects: {
    /** Upper limit of P(MAS | age band) once the band's weight has scaled it. */
    readonly chanceCap: number;
    /** Added to the latent severity (SD units) when MAS is present. */
    readonly severityShift: number;
    readonly source: Source;
  };
  /** Weight-for-age z-score. */
  readonly weightZ: {
    /** Obese: `from + scale × |N(0, 1)|`. */
    readonly obese: { readonly from: number; readonly scale: number };
    /** Not obese: normal. */
    readonly otherwise: { readonly mean: number; readonly sd: number };
    readonly source: Source;
  };
  /** Correlation of each outcome's liability with the latent severity (latentChance). */
  readonly latentCorrelation: {
    readonly vasoactive: number;
    readonly invasiveVentilation: number;
    readonly lvefBelow55: number;
    readonly died: number;
    readonly source: Source;
  };
  readonly findings: {
    readonly giSymptoms: Proportion;
    readonly mucocutaneous: Proportion;
    readonly rash: Proportion;
    readonly conjunctivitis: Proportion;
    readonly mucosalChanges: Proportion;
    readonly extremityChanges: Proportion;
    readonly respiratoryInvolvement: Proportion;
    readonly hepatomegaly: Proportion;
    readonly splenomegaly: Proportion;
    readonly lymphadenopathy: Proportion;
    readonly cnsInvolvement: Proportion;
  };
  readonly vasoactive: Proportion;
  readonly invasiveVentilation: Proportion;
  readonly organSupport: {
    /** Shock and invasive ventilation start at presentation rather than at 12 h. */
    readonly fromPresentation: Proportion;
    /** Latent severity (SD units) above which shock takes two vasoactives rather than one. */
    readonly twoVasoactivesAboveSeverity: number;
    /** FiO2 (fraction) while ventilated and on oxygen. */
    readonly fio2: { readonly invasive: UniformSpan; readonly oxygen: UniformSpan };
    /** SpO2 (%, whole numbers) on room air and on respiratory support. */
    readonly spo2: { readonly roomAir: UniformSpan; readonly supported: UniformSpan };
    readonly source: Source;
  };
  /** GCS in the first 24 h with CNS involvement (15 otherwise). */
  readonly gcsWithCnsInvolvement: { readonly value: number; readonly source: Source };
  readonly coronaryAneurysm: Proportion;
  readonly lvefBelow55: Proportion;
  readonly echo: EchoCourse;
  readonly troponinAboveNormal: Proportion;
  readonly died: Proportion;
  /** closeContact: close contact recorded as 'yes' (otherwise 'unknown'). */
  readonly sarsCov2: {
    readonly rnaOrAntigen: Proportion;
    readonly serology: Proportion;
    readonly closeContact: Proportion;
  };
  readonly obesity: Proportion;
  readonly suspectedInfection: Proportion;
  /** Hemophagocytosis in a marrow aspirated at 48 h (whether one is done: WORKUP_TABLE.boneMarrow), with and without MAS. */
  readonly marrow: { readonly hemophagocytosis: Proportion; readonly hemophagocytosisWithoutMas: Proportion };
  readonly feverDaysAtPresentation: Quartiles;
  readonly peakTemperatureC: Quartiles;
  readonly ntProBnpRatherThanBnp: Proportion;
  readonly labs: LabTable;
  /** Where MIS-C with MAS drifts to by 48 h (the MAS overlay). */
  readonly masLabs: LabTable;
  /**
   * MIS-C without MAS: analytes replaced so the cohort as a whole (with its 21.5% MIS-C with MAS,
   * whose values drift into MAS) keeps the published ferritin median inside its IQR while MIS-C
   * without MAS seldom meets the 2016 laboratory criteria (Buda 2022 counts 21.5% of all MIS-C).
   */
  readonly withoutMasLabs: LabTable;
  readonly masOverlaySource: Source;
  readonly baselineSource: Source;
}

export const MISC_TABLE: MiscTable = {
  male: proportion(0.59, cite('cdc-misc-surveillance-2021', 'Table 1: male 59%, n=2818')),
  ageBands: {
    bands: [
      { fromYears: 1 / 12, toYears: 1, p: 0.035, masWeight: 0.45 },
      { fromYears: 1, toYears: 6, p: 0.268, masWeight: 0.55 },
      { fromYears: 6, toYears: 12, p: 0.395, masWeight: 0.95 },
      { fromYears: 12, toYears: 16, p: 0.191, masWeight: 1.45 },
      { fromYears: 16, toYears: 20.99, p: 0.109, masWeight: 1.6 },
    ],
    source: cite(
      'cdc-misc-surveillance-2021',
      'Table 1 age groups: <1 y 3.5%, 1–5 26.8%, 6–11 39.5%, 12–15 19.1%, 16–20 10.9%',
    ),
    masWeightSource: prior(
      'relative MAS odds by age band, chosen so MAS patients are older (Buda 2022: median 11.2 vs 8.1 y)',
    ),
  },
  withMas: proportion(0.215, cite('buda-2022', '59/274 (21.5%) fulfilled 2016 MAS criteria')),
  masEffects: {
    chanceCap: 0.95,
    severityShift: 0.5,
    source: prior(
      'MIS-C with MAS: P(MAS | age band) capped below certainty; MAS makes the illness half an SD more severe',
    ),
  },
  weightZ: {
    obese: { from: 1.8, scale: 0.5 },
    otherwise: { mean: -0.35, sd: 0.85 },
    source: prior(
      'weight-for-age z-score: obese children from z 1.8 up (a half-normal tail), the rest centred a little below the median',
    ),
  },
  latentCorrelation: {
    vasoactive: 0.6,
    invasiveVentilation: 0.6,
    lvefBelow55: 0.6,
    died: 0.5,
    source: prior('sicker MIS-C more often needs vasoactives and ventilation, has a low LVEF and dies'),
  },
  findings: {
    giSymptoms: proportion(0.92, cite('feldstein-2020', 'GI involvement 92%')),
    mucocutaneous: proportion(0.74, cite('feldstein-2020', 'mucocutaneous involvement 74%')),
    rash: proportion(0.6, cite('dufort-2020', 'rash 60%')),
    conjunctivitis: proportion(0.56, cite('dufort-2020', 'conjunctival injection 56%')),
    mucosalChanges: proportion(0.27, cite('dufort-2020', 'mucosal changes 27%')),
    extremityChanges: proportion(0.3, prior('extremity erythema/oedema')),
    respiratoryInvolvement: proportion(0.7, cite('feldstein-2020', 'respiratory involvement 70%')),
    hepatomegaly: proportion(0.2, prior('hepatomegaly in MIS-C')),
    splenomegaly: proportion(0.1, prior('splenomegaly in MIS-C')),
    lymphadenopathy: proportion(0.25, prior('lymphadenopathy in MIS-C')),
    cnsInvolvement: proportion(0.2, prior('headache/irritability/lethargy in MIS-C')),
  },
  vasoactive: proportion(0.48, cite('feldstein-2020', 'vasoactive support 48%')),
  invasiveVentilation: proportion(0.2, cite('feldstein-2020', 'mechanical ventilation 20%')),
  organSupport: {
    fromPresentation: proportion(
      0.6,
      prior('MIS-C shock and ventilation already at presentation (otherwise from 12 h)'),
    ),
    twoVasoactivesAboveSeverity: 1.3,
    fio2: { invasive: { from: 0.35, width: 0.3 }, oxygen: { from: 0.28, width: 0.15 } },
    spo2: { roomAir: { from: 96, width: 4 }, supported: { from: 92, width: 5 } },
    source: prior(
      'two vasoactives in the most severe shock; FiO2 0.35–0.65 ventilated, 0.28–0.43 on oxygen; SpO2 96–100% on room air, 92–97% on support',
    ),
  },
  gcsWithCnsInvolvement: {
    value: 14,
    source: prior('headache/irritability/lethargy in MIS-C lowers the GCS by one point for the first 24 h'),
  },
  coronaryAneurysm: proportion(0.08, cite('feldstein-2020', 'coronary aneurysm (z ≥2.5) 8%')),
  lvefBelow55: proportion(0.31, prior('LVEF <55% (Feldstein 2021 ≈31% is [U] in clinical-reference.md)')),
  echo: {
    lowLvef: { from: 30, width: 24 },
    normalLvef: { from: 56, width: 12 },
    recoveryTarget: 62,
    recoveredShare: { from: 0.5, width: 0.5 },
    source: prior(
      'LVEF at 12 h and 72 h in MIS-C: a low 72-h LVEF moves part of the way to the middle of the normal range, a normal one is unchanged (replaces a 70% cap that held 43% of 72-h readings)',
    ),
    coronaryZ: {
      aneurysm: { from: 2.5, width: 4 },
      otherwise: { from: 0.3, scale: 0.7, max: 2.4 },
      changeSd: 0.2,
      source: prior(
        'coronary z-score in MIS-C: aneurysms z 2.5–6.5, otherwise mostly normal and kept below the aneurysm cut; small change by 72 h',
      ),
      aneurysmCutSource: cite('feldstein-2020', 'coronary aneurysm defined as z ≥2.5'),
    },
    pericardialEffusion: proportion(0.2, prior('pericardial effusion on the MIS-C echocardiogram')),
    valvulitis: proportion(0.1, prior('valvulitis (valve regurgitation) on the MIS-C echocardiogram')),
  },
  troponinAboveNormal: proportion(0.71, cite('dufort-2020', 'troponin raised 71%')),
  died: proportion(0.02, cite('feldstein-2020', 'deaths 2%')),
  sarsCov2: {
    rnaOrAntigen: proportion(0.61, cite('lee-2020-jci', 'PCR positive 61%')),
    serology: proportion(
      0.95,
      cite(
        'lee-2020-jci',
        'antibody positive 95% (18/19); forced positive when PCR is negative so every case has laboratory evidence',
      ),
    ),
    closeContact: proportion(0.5, prior('known close contact with a COVID-19 case recorded')),
  },
  obesity: proportion(
    0.284,
    cite(
      'cdc-misc-surveillance-2021',
      'obesity 28.4%; modelled as a high weight-for-age z-score (approximation: the source uses BMI)',
    ),
  ),
  suspectedInfection: proportion(0.6, prior('antimicrobials and cultures in the first 24 h of MIS-C')),
  marrow: {
    hemophagocytosis: proportion(0.5, prior('hemophagocytosis in the MIS-C-with-MAS marrow aspirate')),
    hemophagocytosisWithoutMas: proportion(0.1, prior('hemophagocytosis in a marrow aspirate of MIS-C without MAS')),
  },
  feverDaysAtPresentation: quartiles(
    4,
    3,
    5,
    'linear',
    prior('days of fever at presentation (fever median 6 d overall in the n=14 cohort)'),
    { min: 1, max: 10 },
  ),
  peakTemperatureC: quartiles(39.4, 39.0, 39.9, 'linear', prior('peak temperature in MIS-C'), { min: 38.1, max: 41.5 }),
  ntProBnpRatherThanBnp: proportion(0.6, prior('laboratory measures NT-proBNP rather than BNP')),
  labs: {
    crp: {
      at0: quartiles(
        152,
        54,
        264,
        'log',
        cite('italy-2022-misc', `CRP median 152 mg/L (IQR 54–264); ≥30 by definition`),
        { min: 30, max: 600 },
      ),
      rho: 0.45,
      baseline: 3,
      factor: loading('bacterial', 0.4),
    },
    platelets: {
      at0: quartilesFromProportion(
        160,
        150,
        0.44,
        'log',
        cite('italy-2022-misc', `platelets <150 in 44% (median 160 design prior)`),
        { min: 10 },
      ),
      rho: -0.4,
      baseline: 300,
      factor: loading('consumption', 0.4),
    },
    alc: {
      at0: quartilesFromProportion(
        1.2,
        1.5,
        0.65,
        'log',
        cite('italy-2022-misc', `ALC <1.5×10⁹/L in 65% (median 1.2 design prior)`),
        { min: 0.1 },
      ),
      rho: -0.35,
      baseline: 3,
      factor: loading('leukocyte', 0.7),
    },
    wbc: {
      at0: quartiles(7.1, 5.7, 10.7, 'log', cite('misc-n14-rupress', `WBC 7.1 (5.7–10.7)`), { min: 1.5 }),
      rho: 0.1,
      baseline: 8,
      factor: loading('leukocyte', 0.7),
    },
    hemoglobin: {
      at0: quartiles(10.5, 9.9, 11.2, 'linear', cite('misc-n14-rupress', `Hb 10.5 g/dL (9.9–11.2)`), {
        min: 6,
        max: 16,
      }),
      rho: -0.2,
      baseline: 12.5,
    },
    ferritin: {
      at0: quartiles(507, 285, 736, 'log', cite('misc-n14-rupress', `ferritin 507 µg/L (285–736)`), { min: 30 }),
      rho: 0.45,
      baseline: 60,
      factor: loading('hepatic', 0.4),
    },
    fibrinogen: {
      at0: quartiles(523, 425, 664, 'log', cite('misc-n14-rupress', `fibrinogen 523 mg/dL (425–664)`), { min: 150 }),
      rho: 0.2,
      baseline: 280,
      factor: loading('consumption', 0.7),
    },
    dDimer: {
      at0: quartiles(
        2.555,
        2.003,
        4.855,
        'log',
        cite('misc-n14-rupress', `D-dimer 2,555 ng/mL (2,003–4,855) = 2.555 mg/L FEU`),
        { min: 0.2 },
      ),
      rho: 0.4,
      baseline: 0.3,
    },
    ast: {
      at0: quartiles(
        33,
        24,
        48,
        'log',
        cite(
          'misc-n14-rupress',
          `AST median 33 (quartiles design prior, retuned to Buda 2022's 21.5% meeting the 2016 criteria)`,
        ),
        { min: 8 },
      ),
      rho: 0.3,
      baseline: 28,
      factor: loading('hepatic', 0.6),
    },
    alt: {
      at0: quartiles(38, 22, 70, 'log', cite('misc-n14-rupress', `ALT median 38 (quartiles design prior)`), { min: 6 }),
      rho: 0.3,
      baseline: 20,
      factor: loading('hepatic', 0.7),
    },
    ldh: {
      at0: quartiles(350, 270, 480, 'log', MISC_PRIOR, { min: 120 }),
      rho: 0.35,
      baseline: 250,
      factor: loading('hepatic', 0.5),
    },
    triglycerides: { at0: quartiles(110, 85, 145, 'log', MISC_CALIBRATED, { min: 30 }), rho: 0.2, baseline: 90 },
    esr: {
      at0: quartiles(50, 30, 75, 'log', MISC_PRIOR, { min: 2, max: 150 }),
      rho: 0.2,
      baseline: 10,
      factor: loading('consumption', 0.7),
    },
    procalcitonin: {
      at0: quartiles(2, 0.8, 6, 'log', MISC_PRIOR, { min: 0.05 }),
      rho: 0.4,
      baseline: 0.08,
      factor: loading('bacterial', 0.5),
    },
    sodium: {
      at0: quartiles(133, 131, 135, 'linear', prior('clinical-reference.md §2.3 typical Na ~132–135 [U]'), {
        min: 120,
        max: 146,
      }),
      rho: -0.3,
      baseline: 139,
    },
    albumin: {
      at0: quartiles(2.8, 2.5, 3.1, 'linear', prior('clinical-reference.md §2.3 typical albumin ~2.5–3.0 g/dL [U]'), {
        min: 1.2,
        max: 4.8,
      }),
      rho: -0.35,
      baseline: 4,
    },
    inr: { at0: quartiles(1.3, 1.18, 1.45, 'log', MISC_PRIOR, { min: 0.9, max: 4 }), rho: 0.35, baseline: 1.05 },
    lactate: { at0: quartiles(1.8, 1.3, 2.6, 'log', MISC_PRIOR, { min: 0.5 }), rho: 0.4, baseline: 1.1 },
    troponin: {
      at0: quartilesFromProportion(
        30,
        14,
        0.29,
        'log',
        cite(
          'dufort-2020',
          'troponin raised in 71%, against the synthetic laboratory limit 14 ng/L (median 30 design prior)',
        ),
        { min: 1 },
      ),
      rho: 0.5,
      baseline: 4,
      curve: 'cardiac',
      factor: loading('cardiac', 0.6),
    },
    ntProBnp: {
      at0: quartiles(
        3000,
        1000,
        9000,
        'log',
        prior('clinical-reference.md §2.3 "NT-proBNP several thousand pg/mL" [U]'),
        { min: 30 },
      ),
      rho: 0.5,
      baseline: 80,
      curve: 'cardiac',
      factor: loading('cardiac', 0.6),
    },
    bnp: {
      at0: quartiles(400, 130, 1200, 'log', prior('BNP in MIS-C'), { min: 5 }),
      rho: 0.5,
      baseline: 20,
      curve: 'cardiac',
      factor: loading('cardiac', 0.6),
    },
  },
  withoutMasLabs: {
    ferritin: {
      at0: quartiles(
        290,
        185,
        410,
        'log',
        prior(
          "ferritin in MIS-C without MAS: below the cohort's 507 µg/L (285–736) (misc-n14-rupress), which includes MIS-C drifting into MAS; retuned to Buda 2022's 21.5% meeting the 2016 criteria",
        ),
        { min: 30 },
      ),
      rho: 0.2,
      baseline: 60,
      factor: loading('hepatic', 0.2),
    },
  },
  masLabs: {
    ferritin: { at0: quartiles(3000, 1500, 7000, 'log', MAS_OVERLAY, { min: 700 }), rho: 0.5, baseline: 60 },
    fibrinogen: { at0: quartiles(260, 190, 340, 'log', MAS_OVERLAY, { min: 60 }), rho: -0.4, baseline: 280 },
    platelets: { at0: quartiles(95, 60, 140, 'log', MAS_OVERLAY, { min: 5 }), rho: -0.4, baseline: 300 },
    ast: { at0: quartiles(110, 60, 220, 'log', MAS_OVERLAY, { min: 10 }), rho: 0.4, baseline: 28 },
    alt: { at0: quartiles(80, 40, 160, 'log', MAS_OVERLAY, { min: 8 }), rho: 0.4, baseline: 20 },
    triglycerides: { at0: quartiles(250, 180, 340, 'log', MAS_OVERLAY, { min: 40 }), rho: 0.3, baseline: 90 },
    ldh: { at0: quartiles(800, 550, 1200, 'log', MAS_OVERLAY, { min: 150 }), rho: 0.4, baseline: 250 },
    esr: { at0: quartiles(25, 12, 40, 'log', MAS_OVERLAY, { min: 2, max: 150 }), rho: -0.3, baseline: 10 },
  },
  masOverlaySource: MAS_OVERLAY,
  baselineSource: prior('healthy-child levels the illness starts from'),
};
