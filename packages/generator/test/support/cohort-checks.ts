import { upperReferenceLimit, type Case, type LabPanel, type NumericAnalyte } from '@masdrill/rules';
import { caseStream, weightLmsAt, type Kind } from '../../src/index.js';

/** A published figure and how the synthetic cohort is measured against it. */
export interface Check {
  readonly kind: Kind;
  readonly name: string;
  readonly source: string;
  /** 'median': the generated median must lie in [low, high] (the published IQR); 'proportion': within ±5 points of p. */
  readonly type: 'median' | 'proportion';
  readonly published: { readonly value: number; readonly low?: number; readonly high?: number };
  /** The cases the check applies to (default all of the kind). */
  readonly among?: (c: Case) => boolean;
  /** The number (median) or yes/no (proportion) measured on one case; undefined = not counted. */
  readonly measure: (c: Case) => number | boolean | undefined;
}

const win = (h: number): boolean => h >= 0 && h <= 24;
const any = (
  c: Case,
  f:
    | 'hepatomegaly'
    | 'splenomegaly'
    | 'cnsInvolvement'
    | 'hemorrhage'
    | 'lymphadenopathy'
    | 'activeArthritis'
    | 'giSymptoms'
    | 'rash'
    | 'conjunctivitis'
    | 'mucosalChanges',
): boolean => c.observations.some((o) => win(o.hour) && o[f] === true);
const at0 = (c: Case, a: NumericAnalyte): number | undefined => c.labs.find((p) => p.hour === 0)?.[a];
const worst = (c: Case, a: NumericAnalyte, pick: 'min' | 'max'): number | undefined => {
  const vs = c.labs
    .filter((p) => win(p.hour))
    .map((p: LabPanel) => p[a])
    .filter((v): v is number => v !== undefined);
  return vs.length === 0 ? undefined : pick === 'min' ? Math.min(...vs) : Math.max(...vs);
};
const sjiaMas = (c: Case): boolean => c.background.sjia !== 'none';
const maxTemp = (c: Case): number =>
  Math.max(...c.observations.filter((o) => win(o.hour)).map((o) => o.temperatureC ?? 0));
const change = (c: Case, a: NumericAnalyte): boolean | undefined => {
  const before = c.labs.find((p) => p.hour < 0)?.[a];
  const onset = at0(c, a);
  return before === undefined || onset === undefined ? undefined : Math.abs(onset - before) / before > 0.5;
};

export const CHECKS: readonly Check[] = [
  // MAS — Minoia 2014 (abstract), Ravelli RMD Open 2016 Table 1 (MAS n=70)
  {
    kind: 'mas',
    name: 'age at MAS onset (y)',
    source: 'ravelli-2016-rmd-open',
    type: 'median',
    published: { value: 10.5, low: 4.4, high: 14.6 },
    among: sjiaMas,
    measure: (c) => c.patient.ageYears,
  },
  {
    kind: 'mas',
    name: 'female',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.6 },
    measure: (c) => c.patient.sex === 'female',
  },
  {
    kind: 'mas',
    name: 'sJIA duration at MAS (y), known sJIA',
    source: 'ravelli-2016-rmd-open',
    type: 'median',
    published: { value: 0.9, low: 0.1, high: 2.4 },
    among: (c) => c.background.sjia === 'known',
    measure: (c) => c.background.sjiaDurationYears,
  },
  {
    kind: 'mas',
    name: 'MAS at sJIA onset (of sJIA-MAS)',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.22 },
    among: sjiaMas,
    measure: (c) => c.truth!.subtype === 'sjia-onset-mas',
  },
  {
    kind: 'mas',
    name: 'infection trigger (of sJIA-MAS)',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.396 },
    among: sjiaMas,
    measure: (c) => c.truth!.trigger !== 'active-sjia',
  },
  {
    kind: 'mas',
    name: 'fever ≥38.0 °C',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.96 },
    measure: (c) => maxTemp(c) >= 38,
  },
  {
    kind: 'mas',
    name: 'hepatomegaly',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.7 },
    measure: (c) => any(c, 'hepatomegaly'),
  },
  {
    kind: 'mas',
    name: 'splenomegaly',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.58 },
    measure: (c) => any(c, 'splenomegaly'),
  },
  {
    kind: 'mas',
    name: 'CNS involvement',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.35 },
    measure: (c) => any(c, 'cnsInvolvement'),
  },
  {
    kind: 'mas',
    name: 'haemorrhage',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.2 },
    measure: (c) => any(c, 'hemorrhage'),
  },
  {
    kind: 'mas',
    name: 'lymphadenopathy',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.554 },
    measure: (c) => any(c, 'lymphadenopathy'),
  },
  {
    kind: 'mas',
    name: 'active arthritis (of sJIA-MAS)',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.609 },
    among: sjiaMas,
    measure: (c) => any(c, 'activeArthritis'),
  },
  {
    kind: 'mas',
    name: 'hemophagocytosis (of aspirated)',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.6 },
    among: (c) => (c.investigations.boneMarrow?.length ?? 0) > 0,
    measure: (c) => c.investigations.boneMarrow![0]!.hemophagocytosis,
  },
  {
    kind: 'mas',
    name: 'heart/lung/kidney failure (vasoactive or IMV)',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.188 },
    measure: (c) => c.observations.some((o) => (o.vasoactiveCount ?? 0) > 0 || o.respiratorySupport === 'invasive'),
  },
  {
    kind: 'mas',
    name: 'mortality',
    source: 'minoia-2014',
    type: 'proportion',
    published: { value: 0.08 },
    measure: (c) => c.encounter.died === true,
  },
  ...(['platelets', 'ferritin', 'ast', 'ldh'] as const).map(
    (a): Check => ({
      kind: 'mas',
      name: `${a} changes >50% pre-MAS → onset (known sJIA; Minoia: "changed >50%", checked as ≥50% of cases)`,
      source: 'minoia-2014',
      type: 'proportion',
      published: { value: 0.5 },
      among: (c) => c.labs[0]!.hour < 0,
      measure: (c) => change(c, a),
    }),
  ),
  // sJIA flare — Gillispie 2017, Frontiers 2023 (n=76), Ravelli 2016 non-MAS (proxy)
  {
    kind: 'sjia-flare',
    name: 'AST (U/L)',
    source: 'Gillispie 2017',
    type: 'median',
    published: { value: 40, low: 36, high: 50 },
    measure: (c) => at0(c, 'ast'),
  },
  {
    kind: 'sjia-flare',
    name: 'fibrinogen (mg/dL)',
    source: 'Gillispie 2017',
    type: 'median',
    published: { value: 558, low: 502, high: 652 },
    measure: (c) => at0(c, 'fibrinogen'),
  },
  {
    kind: 'sjia-flare',
    name: 'CRP (mg/L)',
    source: 'Gillispie 2017',
    type: 'median',
    published: { value: 161, low: 119, high: 240 },
    measure: (c) => at0(c, 'crp'),
  },
  {
    kind: 'sjia-flare',
    name: 'platelets >600',
    source: 'Frontiers Pediatr 2023',
    type: 'proportion',
    published: { value: 0.3 },
    measure: (c) => (at0(c, 'platelets') ?? 0) > 600,
  },
  {
    kind: 'sjia-flare',
    name: 'Hb <9 g/dL',
    source: 'Frontiers Pediatr 2023',
    type: 'proportion',
    published: { value: 0.24 },
    measure: (c) => (at0(c, 'hemoglobin') ?? 99) < 9,
  },
  {
    kind: 'sjia-flare',
    name: 'IL-18 (pg/mL), where measured',
    source: 'Yasin 2020 (PMID 31326996)',
    type: 'median',
    published: { value: 16499, low: 4816, high: 61839 },
    measure: (c) => at0(c, 'il18'),
  },
  {
    kind: 'sjia-flare',
    name: 'age (y) [proxy: non-MAS]',
    source: 'ravelli-2016-rmd-open',
    type: 'median',
    published: { value: 7.6, low: 4.1, high: 11.6 },
    measure: (c) => c.patient.ageYears,
  },
  {
    kind: 'sjia-flare',
    name: 'female [proxy: non-MAS]',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.576 },
    measure: (c) => c.patient.sex === 'female',
  },
  {
    kind: 'sjia-flare',
    name: 'hepatomegaly [proxy: non-MAS]',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.485 },
    measure: (c) => any(c, 'hepatomegaly'),
  },
  {
    kind: 'sjia-flare',
    name: 'active arthritis [proxy: non-MAS]',
    source: 'ravelli-2016-rmd-open',
    type: 'proportion',
    published: { value: 0.515 },
    measure: (c) => any(c, 'activeArthritis'),
  },
  // Sepsis — SENTINEL (Long 2025), Carcillo 2023
  {
    kind: 'sepsis',
    name: 'age (y)',
    source: 'Long 2025 SENTINEL',
    type: 'median',
    published: { value: 2.1, low: 0.3, high: 7.1 },
    measure: (c) => c.patient.ageYears,
  },
  {
    kind: 'sepsis',
    name: 'male',
    source: 'Long 2025 SENTINEL',
    type: 'proportion',
    published: { value: 0.541 },
    measure: (c) => c.patient.sex === 'male',
  },
  {
    kind: 'sepsis',
    name: 'ferritin >500 ng/mL (hyperferritinemic)',
    source: 'carcillo-2023',
    type: 'proportion',
    published: { value: 117 / 397 },
    measure: (c) => (worst(c, 'ferritin', 'max') ?? 0) > 500,
  },
  {
    kind: 'sepsis',
    name: 'mortality, hyperferritinemic',
    source: 'carcillo-2023',
    type: 'proportion',
    published: { value: 0.23 },
    among: (c) => c.truth!.subtype === 'hyperferritinemic-sepsis',
    measure: (c) => c.encounter.died === true,
  },
  {
    kind: 'sepsis',
    name: 'mortality, not hyperferritinemic',
    source: 'carcillo-2023',
    type: 'proportion',
    published: { value: 0.057 },
    among: (c) => c.truth!.subtype !== 'hyperferritinemic-sepsis',
    measure: (c) => c.encounter.died === true,
  },
  // MIS-C — CDC surveillance 2021 (n=2818), Feldstein 2020, Dufort 2020, Lee 2020, Buda 2022, Italy 2022 (n=76), n=14 cohort
  ...(
    [
      [0, 1, 0.035],
      [1, 6, 0.268],
      [6, 12, 0.395],
      [12, 16, 0.191],
      [16, 21, 0.109],
    ] as const
  ).map(
    ([lo, hi, p]): Check => ({
      kind: 'misc',
      name: `age ${lo}–<${hi} y`,
      source: 'cdc-misc-surveillance-2021',
      type: 'proportion',
      published: { value: p },
      measure: (c) => c.patient.ageYears >= lo && c.patient.ageYears < hi,
    }),
  ),
  {
    kind: 'misc',
    name: 'male',
    source: 'cdc-misc-surveillance-2021',
    type: 'proportion',
    published: { value: 0.59 },
    measure: (c) => c.patient.sex === 'male',
  },
  {
    kind: 'misc',
    name: 'MIS-C with MAS',
    source: 'buda-2022',
    type: 'proportion',
    published: { value: 0.215 },
    measure: (c) => c.truth!.subtype === 'misc-with-mas',
  },
  {
    kind: 'misc',
    name: 'GI involvement',
    source: 'feldstein-2020',
    type: 'proportion',
    published: { value: 0.92 },
    measure: (c) => any(c, 'giSymptoms'),
  },
  {
    kind: 'misc',
    name: 'rash',
    source: 'dufort-2020',
    type: 'proportion',
    published: { value: 0.6 },
    measure: (c) => any(c, 'rash'),
  },
  {
    kind: 'misc',
    name: 'conjunctival injection',
    source: 'dufort-2020',
    type: 'proportion',
    published: { value: 0.56 },
    measure: (c) => any(c, 'conjunctivitis'),
  },
  {
    kind: 'misc',
    name: 'mucosal changes',
    source: 'dufort-2020',
    type: 'proportion',
    published: { value: 0.27 },
    measure: (c) => any(c, 'mucosalChanges'),
  },
  {
    kind: 'misc',
    name: 'vasoactive support',
    source: 'feldstein-2020',
    type: 'proportion',
    published: { value: 0.48 },
    measure: (c) => c.observations.some((o) => (o.vasoactiveCount ?? 0) > 0),
  },
  {
    kind: 'misc',
    name: 'mechanical ventilation',
    source: 'feldstein-2020',
    type: 'proportion',
    published: { value: 0.2 },
    measure: (c) => c.observations.some((o) => o.respiratorySupport === 'invasive'),
  },
  {
    kind: 'misc',
    name: 'coronary aneurysm (z ≥2.5)',
    source: 'feldstein-2020',
    type: 'proportion',
    published: { value: 0.08 },
    measure: (c) => (c.investigations.echo ?? []).some((e) => e.hour <= 24 && (e.coronaryZMax ?? 0) >= 2.5),
  },
  {
    kind: 'misc',
    name: 'mortality',
    source: 'feldstein-2020',
    type: 'proportion',
    published: { value: 0.02 },
    measure: (c) => c.encounter.died === true,
  },
  {
    kind: 'misc',
    name: 'troponin above the laboratory limit',
    source: 'dufort-2020',
    type: 'proportion',
    published: { value: 0.71 },
    measure: (c) => (at0(c, 'troponin') ?? 0) > upperReferenceLimit(c, 'troponin')!.value,
  },
  {
    kind: 'misc',
    name: 'SARS-CoV-2 PCR positive',
    source: 'lee-2020-jci',
    type: 'proportion',
    published: { value: 0.61 },
    measure: (c) => c.background.sarsCov2?.rnaOrAntigen === 'positive',
  },
  {
    kind: 'misc',
    name: 'CRP (mg/L)',
    source: 'Italy 2022 (n=76)',
    type: 'median',
    published: { value: 152, low: 54, high: 264 },
    measure: (c) => at0(c, 'crp'),
  },
  {
    kind: 'misc',
    name: 'platelets <150',
    source: 'Italy 2022 (n=76)',
    type: 'proportion',
    published: { value: 0.44 },
    measure: (c) => (at0(c, 'platelets') ?? 999) < 150,
  },
  {
    kind: 'misc',
    name: 'ALC <1.5',
    source: 'Italy 2022 (n=76)',
    type: 'proportion',
    published: { value: 0.65 },
    measure: (c) => (at0(c, 'alc') ?? 99) < 1.5,
  },
  {
    kind: 'misc',
    name: 'ferritin (ng/mL)',
    source: 'MIS-C n=14 (rupress)',
    type: 'median',
    published: { value: 507, low: 285, high: 736 },
    measure: (c) => at0(c, 'ferritin'),
  },
  {
    kind: 'misc',
    name: 'fibrinogen (mg/dL)',
    source: 'MIS-C n=14 (rupress)',
    type: 'median',
    published: { value: 523, low: 425, high: 664 },
    measure: (c) => at0(c, 'fibrinogen'),
  },
  {
    kind: 'misc',
    name: 'D-dimer (mg/L FEU)',
    source: 'MIS-C n=14 (rupress)',
    type: 'median',
    published: { value: 2.555, low: 2.003, high: 4.855 },
    measure: (c) => at0(c, 'dDimer'),
  },
  {
    kind: 'misc',
    name: 'Hb (g/dL)',
    source: 'MIS-C n=14 (rupress)',
    type: 'median',
    published: { value: 10.5, low: 9.9, high: 11.2 },
    measure: (c) => at0(c, 'hemoglobin'),
  },
  {
    kind: 'misc',
    name: 'WBC (×10⁹/L)',
    source: 'MIS-C n=14 (rupress)',
    type: 'median',
    published: { value: 7.1, low: 5.7, high: 10.7 },
    measure: (c) => at0(c, 'wbc'),
  },
  // Weight: WHO/CDC LMS medians (all kinds except MIS-C, where obesity shifts weight)
  ...(['mas', 'sjia-flare', 'sepsis'] as const).map(
    (kind): Check => ({
      kind,
      name: 'weight below the WHO/CDC median for age and sex',
      source: 'who-growth-2006 / cdc-growth-2000',
      type: 'proportion',
      published: { value: 0.5 },
      measure: (c) => c.patient.weightKg! < weightLmsAt(c.patient.ageYears, c.patient.sex).m,
    }),
  ),
];

export interface CheckResult {
  readonly check: Check;
  readonly n: number;
  readonly generated: number;
  readonly pass: boolean;
}

/** The median (the mean of the middle two for an even count); sorts `values` in place. */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

export type Cohorts = ReadonlyMap<Kind, readonly Case[]>;

/** n cases of each kind (seed fixed), to measure several sets of checks on the same cases. */
export function generateCohorts(n: number, seed = 20260101): Cohorts {
  const byKind = new Map<Kind, Case[]>();
  for (const kind of ['mas', 'sjia-flare', 'sepsis', 'misc'] as const)
    byKind.set(kind, [...caseStream({ kind, n, seed })]);
  return byKind;
}

/** Measure every check on n generated cases of each kind (or on cohorts already generated). */
export function runChecks(n: number | Cohorts, seed = 20260101): CheckResult[] {
  const byKind = typeof n === 'number' ? generateCohorts(n, seed) : n;
  return CHECKS.map((check) => {
    const cases = byKind.get(check.kind)!.filter((c) => check.among?.(c) ?? true);
    const values = cases.map(check.measure).filter((v) => v !== undefined);
    if (check.type === 'median') {
      const g = median(values as number[]);
      return { check, n: values.length, generated: g, pass: g >= check.published.low! && g <= check.published.high! };
    }
    const p = (values as boolean[]).filter(Boolean).length / values.length;
    const pass = check.name.includes('checked as ≥50%') ? p >= 0.5 : Math.abs(p - check.published.value) <= 0.05;
    return { check, n: values.length, generated: p, pass };
  });
}

export function formatResults(results: readonly CheckResult[]): string {
  const fmt = (r: CheckResult): string => {
    const pub =
      r.check.type === 'median'
        ? `${r.check.published.value} (${r.check.published.low}–${r.check.published.high})`
        : `${r.check.name.includes('checked as ≥50%') ? '≥' : ''}${(r.check.published.value * 100).toFixed(1)}%`;
    const gen =
      r.check.type === 'median' ? String(Math.round(r.generated * 1000) / 1000) : `${(r.generated * 100).toFixed(1)}%`;
    return `| ${r.check.kind} | ${r.check.name} | ${pub} | ${gen} | n=${r.n} | ${r.check.source} | ${r.pass ? 'ok' : 'FAIL'} |`;
  };
  return [
    '| kind | measure | published | generated | n | source | |',
    '|---|---|---|---|---|---|---|',
    ...results.map(fmt),
  ].join('\n');
}
