/* Generated from packages/rules/schemas/case.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `pnpm generate:types`. */

/**
 * One synthetic or authored patient. Lab values are in the analyte's canonical unit (see the analyte registry) unless `units` names another system; a field that is absent was not assessed, never normal.
 */
export interface Case {
  schemaVersion: 1;
  /**
   * The unit system of the lab values and reference ranges: canonical (each analyte's canonical unit, as this schema describes), conventional or si (see the analyte registry). Absent: not stated; readers assume canonical unless told otherwise (masdrill --units).
   */
  units?: 'canonical' | 'conventional' | 'si';
  id: string;
  /**
   * A short human title for authored cases.
   */
  title?: string;
  provenance: Provenance;
  patient: Patient;
  background: Background;
  encounter: Encounter;
  /**
   * Clinical findings and vital signs over time, hours from presentation.
   */
  observations: Observation[];
  /**
   * Laboratory panels over time, hours from presentation (negative hours = before presentation, e.g. a pre-MAS baseline).
   */
  labs: LabPanel[];
  /**
   * The reporting laboratory's own reference limits, in canonical units. Definitions that say 'above normal' or 'per local laboratory reference' read these first.
   */
  labReferenceRanges?: {
    crp?: ReferenceLimits;
    esr?: ReferenceLimits;
    procalcitonin?: ReferenceLimits;
    dDimer?: ReferenceLimits;
    inr?: ReferenceLimits;
    troponin?: ReferenceLimits;
    bnp?: ReferenceLimits;
    ntProBnp?: ReferenceLimits;
    ferritin?: ReferenceLimits;
    ldh?: ReferenceLimits;
    fibrinogen?: ReferenceLimits;
    anc?: ReferenceLimits;
    alc?: ReferenceLimits;
    albumin?: ReferenceLimits;
    ast?: ReferenceLimits;
    alt?: ReferenceLimits;
  };
  investigations: Investigations;
  truth?: GroundTruth;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Provenance".
 */
export interface Provenance {
  source: 'generated' | 'authored';
  seed?: number;
  index?: number;
  generatorVersion?: string;
  difficulty?: 'standard' | 'hard';
  author?: string;
  /**
   * Where an authored case comes from (a guideline statement ID, a citation).
   */
  reference?: string;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Patient".
 */
export interface Patient {
  /**
   * Age at presentation in years (a 3-week-old is 0.0575).
   */
  ageYears: number;
  sex: 'female' | 'male';
  weightKg?: number;
  heightCm?: number;
  gestationalAgeWeeks?: number;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Background".
 */
export interface Background {
  /**
   * Systemic JIA: known (diagnosed before this episode), suspected (this may be its onset), or none.
   */
  sjia: 'known' | 'suspected' | 'none';
  sjiaDurationYears?: number;
  /**
   * Current long-term immunosuppressive or cytokine-directed therapy.
   */
  immunosuppressiveTherapy?: (
    | 'glucocorticoid'
    | 'cyclosporine'
    | 'tacrolimus'
    | 'azathioprine'
    | 'methotrexate'
    | 'mycophenolate'
    | 'anakinra'
    | 'canakinumab'
    | 'tocilizumab'
    | 'other'
  )[];
  hivPositive?: boolean;
  sarsCov2?: SarsCov2Evidence;
  /**
   * For a newborn: the mother has an autoimmune disease.
   */
  maternalAutoimmuneDisease?: boolean;
  /**
   * This encounter is the birth hospitalization (Phoenix excludes it).
   */
  birthHospitalization?: boolean;
  otherConditions?: string[];
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "SarsCov2Evidence".
 */
export interface SarsCov2Evidence {
  /**
   * RT-PCR or antigen, up to 60 days before or during this hospitalization.
   */
  rnaOrAntigen?: 'positive' | 'negative' | 'not-tested';
  /**
   * SARS-CoV-2-specific antibodies associated with the current illness (not from vaccination).
   */
  serology?: 'positive' | 'negative' | 'not-tested';
  /**
   * Close contact with a confirmed or probable COVID-19 case.
   */
  closeContact?: 'yes' | 'no' | 'unknown';
  contactDaysBeforeHospitalization?: number;
  severeRespiratoryCovid19?: boolean;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Encounter".
 */
export interface Encounter {
  hospitalized?: boolean;
  died?: boolean;
  /**
   * Systemic antimicrobials and microbiological testing within the first 24 h (the Phoenix operational definition).
   */
  suspectedInfection?: boolean;
  /**
   * A documented alternative diagnosis that explains the illness better (MIS-C definitions exclude); null = assessed and none; absent = not assessed.
   */
  moreLikelyAlternativeDiagnosis?: string | null;
  /**
   * A molecular diagnosis consistent with HLH (HLH-2004 arm A).
   */
  knownHlhGeneticDiagnosis?: boolean;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Observation".
 */
export interface Observation {
  hour: number;
  /**
   * Highest temperature since the previous observation.
   */
  temperatureC?: number;
  /**
   * Days of fever ≥38.0 °C so far (documented or subjective).
   */
  feverDays?: number;
  subjectiveFever?: boolean;
  hepatomegaly?: boolean;
  splenomegaly?: boolean;
  lymphadenopathy?: boolean;
  activeArthritis?: boolean;
  rash?: boolean;
  /**
   * Bilateral non-purulent conjunctivitis or conjunctival injection.
   */
  conjunctivitis?: boolean;
  /**
   * Oral mucosal inflammation: erythema or swelling, dry or fissured lips, strawberry tongue.
   */
  mucosalChanges?: boolean;
  /**
   * Erythema or oedema of hands or feet.
   */
  extremityChanges?: boolean;
  /**
   * Abdominal pain, vomiting or diarrhoea.
   */
  giSymptoms?: boolean;
  /**
   * Irritability, disorientation, lethargy, headache, seizures or coma.
   */
  cnsInvolvement?: boolean;
  gcs?: number;
  pupils?: 'both-reactive' | 'one-fixed' | 'both-fixed';
  hemorrhage?: boolean;
  /**
   * Clinician-documented shock.
   */
  shock?: boolean;
  /**
   * Number of distinct vasoactive drugs running (dobutamine, dopamine, epinephrine, milrinone, norepinephrine, vasopressin).
   */
  vasoactiveCount?: number;
  respiratorySupport?: 'none' | 'oxygen' | 'noninvasive' | 'invasive';
  fio2?: number;
  spo2?: number;
  pao2?: number;
  sbp?: number;
  dbp?: number;
  heartRate?: number;
  respiratoryRate?: number;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "LabPanel".
 */
export interface LabPanel {
  hour: number;
  /**
   * g/dL
   */
  hemoglobin?: number;
  /**
   * ×10⁹/L
   */
  wbc?: number;
  /**
   * ×10⁹/L
   */
  anc?: number;
  /**
   * ×10⁹/L
   */
  alc?: number;
  /**
   * ×10⁹/L
   */
  platelets?: number;
  /**
   * ng/mL (= µg/L)
   */
  ferritin?: number;
  /**
   * U/L
   */
  ast?: number;
  /**
   * U/L
   */
  alt?: number;
  /**
   * U/L
   */
  ldh?: number;
  /**
   * mg/dL
   */
  triglycerides?: number;
  triglyceridesFasting?: boolean;
  /**
   * mg/dL
   */
  fibrinogen?: number;
  /**
   * mm/h
   */
  esr?: number;
  /**
   * mg/L
   */
  crp?: number;
  /**
   * ng/mL
   */
  procalcitonin?: number;
  /**
   * mmol/L
   */
  sodium?: number;
  /**
   * g/dL
   */
  albumin?: number;
  /**
   * mg/L FEU
   */
  dDimer?: number;
  inr?: number;
  /**
   * mmol/L
   */
  lactate?: number;
  /**
   * ng/L (high-sensitivity troponin)
   */
  troponin?: number;
  /**
   * pg/mL
   */
  bnp?: number;
  /**
   * pg/mL
   */
  ntProBnp?: number;
  /**
   * U/mL
   */
  sCd25?: number;
  /**
   * pg/mL
   */
  il18?: number;
  /**
   * pg/mL
   */
  cxcl9?: number;
  /**
   * Against the reporting laboratory's reference.
   */
  nkCellActivity?: 'normal' | 'low' | 'absent';
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "ReferenceLimits".
 */
export interface ReferenceLimits {
  lower?: number;
  upper?: number;
}
/**
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "Investigations".
 */
export interface Investigations {
  boneMarrow?: {
    hour: number;
    hemophagocytosis: boolean;
    malignancy?: boolean;
  }[];
  echo?: {
    hour: number;
    lvefPercent?: number;
    /**
     * Largest coronary artery z-score.
     */
    coronaryZMax?: number;
    pericardialEffusion?: boolean;
    valvulitis?: boolean;
  }[];
  cultures?: {
    hour: number;
    specimen: 'blood' | 'urine' | 'csf' | 'respiratory' | 'other';
    result: 'positive' | 'negative' | 'pending';
    organism?: string;
  }[];
  viralTests?: {
    hour: number;
    virus:
      'EBV' | 'CMV' | 'adenovirus' | 'SARS-CoV-2' | 'influenza' | 'HHV-6' | 'parvovirus-B19' | 'enterovirus' | 'other';
    method: 'pcr' | 'antigen' | 'serology';
    result: 'positive' | 'negative' | 'pending';
    /**
     * Copies/mL where quantitative.
     */
    quantity?: number;
  }[];
}
/**
 * What the generator (or the case author) made this patient to be. Never read by the criteria.
 *
 * This interface was referenced by `Case`'s JSON-Schema
 * via the `definition` "GroundTruth".
 */
export interface GroundTruth {
  kind: 'mas' | 'sjia-flare' | 'sepsis' | 'misc';
  subtype:
    | 'sjia-onset-mas'
    | 'known-sjia-mas'
    | 'infection-triggered-mas-in-sjia'
    | 'infection-triggered-mas-previously-well'
    | 'neonatal-mas'
    | 'sjia-flare'
    | 'bacterial-sepsis'
    | 'septic-shock'
    | 'hyperferritinemic-sepsis'
    | 'misc'
    | 'misc-with-mas';
  masPresent: boolean;
  trigger?:
    | 'active-sjia'
    | 'EBV'
    | 'CMV'
    | 'adenovirus'
    | 'other-virus'
    | 'bacterial'
    | 'SARS-CoV-2'
    | 'maternal-autoimmunity'
    | 'none';
  severity?: 'moderate' | 'severe' | 'critical';
  cnsInvolvement?: boolean;
  hemorrhage?: boolean;
  notes?: string;
}
