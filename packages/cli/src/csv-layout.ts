import { ANALYTES, NUMERIC_ANALYTES, type Case, type CaseUnits } from '@masdrill/rules';

/**
 * CSV layout (long format): ONE ROW PER CASE PER TIME POINT. The hours of a case are the union of
 * its observation and lab hours, ascending (a known-sJIA case starts at −168, the pre-illness
 * baseline). Case-level columns repeat on every row of the case; an empty cell means "not measured
 * / not assessed at this hour" (never "normal"). Booleans are true/false. Lab headers carry their
 * unit for the chosen --units.
 */
const CASE_COLUMNS = [
  'id',
  'seed',
  'index',
  'generatorVersion',
  'difficulty',
  'kind',
  'subtype',
  'masPresent',
  'trigger',
  'severity',
  'ageYears',
  'sex',
  'weightKg',
  'heightCm',
  'sjia',
  'sjiaDurationYears',
  'immunosuppressiveTherapy',
  'hospitalized',
  'died',
  'suspectedInfection',
  'marrowHemophagocytosis',
  'echoLvefMin',
  'echoCoronaryZMax',
  'bloodCulture',
  'viralPositive',
  'sarsCov2Pcr',
  'sarsCov2Serology',
] as const;

const OBSERVATION_COLUMNS = [
  'temperatureC',
  'feverDays',
  'hepatomegaly',
  'splenomegaly',
  'lymphadenopathy',
  'activeArthritis',
  'rash',
  'conjunctivitis',
  'mucosalChanges',
  'extremityChanges',
  'giSymptoms',
  'cnsInvolvement',
  'gcs',
  'pupils',
  'hemorrhage',
  'shock',
  'vasoactiveCount',
  'respiratorySupport',
  'fio2',
  'spo2',
  'sbp',
  'dbp',
  'heartRate',
  'respiratoryRate',
] as const;

function unitOf(analyte: (typeof NUMERIC_ANALYTES)[number], units: CaseUnits): string {
  return units === 'canonical' ? ANALYTES[analyte].canonicalUnit : ANALYTES[analyte].systemUnits[units];
}

/** The CSV header for a unit system. */
export function csvHeader(units: CaseUnits): string[] {
  return [
    ...CASE_COLUMNS,
    'hour',
    ...OBSERVATION_COLUMNS,
    ...NUMERIC_ANALYTES.flatMap((a) =>
      a === 'triglycerides' ? [`${a} [${unitOf(a, units)}]`, 'triglyceridesFasting'] : [`${a} [${unitOf(a, units)}]`],
    ),
    'nkCellActivity',
  ];
}

const cell = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);

/** The rows of one case in the long CSV layout. */
export function csvRows(c: Case): string[][] {
  const t = c.truth;
  const inv = c.investigations;
  const marrow = inv.boneMarrow?.length ? inv.boneMarrow.some((m) => m.hemophagocytosis) : undefined;
  const lvefs = (inv.echo ?? []).map((e) => e.lvefPercent).filter((v): v is number => v !== undefined);
  const zs = (inv.echo ?? []).map((e) => e.coronaryZMax).filter((v): v is number => v !== undefined);
  const blood = (inv.cultures ?? []).filter((x) => x.specimen === 'blood');
  const bloodCell =
    blood.length === 0
      ? ''
      : blood.some((x) => x.result === 'positive')
        ? `positive: ${blood.find((x) => x.result === 'positive')!.organism ?? 'unnamed'}`
        : blood[0]!.result;
  const viral = (inv.viralTests ?? [])
    .filter((v) => v.result === 'positive' && v.virus !== 'SARS-CoV-2')
    .map((v) => v.virus)
    .join(';');
  const sars = c.background.sarsCov2;
  const caseCells = [
    c.id,
    c.provenance.seed,
    c.provenance.index,
    c.provenance.generatorVersion,
    c.provenance.difficulty,
    t?.kind,
    t?.subtype,
    t?.masPresent,
    t?.trigger,
    t?.severity,
    c.patient.ageYears,
    c.patient.sex,
    c.patient.weightKg,
    c.patient.heightCm,
    c.background.sjia,
    c.background.sjiaDurationYears,
    c.background.immunosuppressiveTherapy?.join(';'),
    c.encounter.hospitalized,
    c.encounter.died,
    c.encounter.suspectedInfection,
    marrow,
    lvefs.length ? Math.min(...lvefs) : undefined,
    zs.length ? Math.max(...zs) : undefined,
    bloodCell,
    viral,
    sars?.rnaOrAntigen,
    sars?.serology,
  ].map(cell);
  const hours = [...new Set([...c.observations.map((o) => o.hour), ...c.labs.map((l) => l.hour)])].sort(
    (a, b) => a - b,
  );
  return hours.map((hour) => {
    const o = c.observations.find((x) => x.hour === hour) as Record<string, unknown> | undefined;
    const l = c.labs.find((x) => x.hour === hour) as Record<string, unknown> | undefined;
    const row = [...caseCells, String(hour)];
    for (const k of OBSERVATION_COLUMNS) row.push(cell(o?.[k]));
    for (const a of NUMERIC_ANALYTES) {
      row.push(cell(l?.[a]));
      if (a === 'triglycerides') row.push(cell(l?.triglyceridesFasting));
    }
    row.push(cell(l?.nkCellActivity));
    return row;
  });
}

export function columnsHelp(units: CaseUnits): string {
  return `CSV layout of masdrill generate --format csv (units: ${units})
One row per case per time point (hours from presentation, ascending; -168 = pre-illness baseline
of known sJIA). Case-level columns repeat on each row of a case. Empty cell = not measured or not
assessed at that hour (never "normal"). Booleans are true/false; lists are ";"-separated.

Case columns:
  ${CASE_COLUMNS.join(', ')}
  (marrowHemophagocytosis: any marrow showing it; echoLvefMin / echoCoronaryZMax: over all echoes;
   bloodCulture: negative | positive: <organism>; viralPositive: positive non-SARS-CoV-2 viral tests)
Time-point columns:
  hour, ${OBSERVATION_COLUMNS.join(', ')}
Lab columns (unit in the header):
  ${csvHeader(units)
    .slice(CASE_COLUMNS.length + 1 + OBSERVATION_COLUMNS.length)
    .join(', ')}
`;
}
