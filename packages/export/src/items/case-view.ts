import { durationText } from './duration-text.js';
import { ANALYTES, formatNumber, type Case, type NumericAnalyte } from '@masdrill/rules';
import type { LabTable, LabRow } from './exam-item.js';

/** The analytes a stem's lab table shows, in the order a clinician reads them. */
const TABLE_ANALYTES: readonly NumericAnalyte[] = [
  'hemoglobin',
  'wbc',
  'anc',
  'platelets',
  'ferritin',
  'crp',
  'esr',
  'procalcitonin',
  'fibrinogen',
  'dDimer',
  'inr',
  'ast',
  'alt',
  'ldh',
  'triglycerides',
  'sodium',
  'albumin',
  'lactate',
  'troponin',
  'bnp',
  'ntProBnp',
];

/** The lab panels of a visible case, hours as columns; analytes never measured are left out, a gap is null. */
export function labTableOf(visible: Case, caption: string): LabTable | undefined {
  const panels = [...visible.labs].sort((a, b) => a.hour - b.hour);
  if (panels.length === 0) return undefined;
  const rows: LabRow[] = [];
  for (const analyte of TABLE_ANALYTES) {
    const values = panels.map((p) => (typeof p[analyte] === 'number' ? (p[analyte] as number) : null));
    if (values.every((v) => v === null)) continue;
    rows.push({ label: ANALYTES[analyte].label, unit: ANALYTES[analyte].canonicalUnit, values });
  }
  return { caption, hours: panels.map((p) => p.hour), rows };
}

const yes = (v: boolean | undefined) => v === true;

/**
 * The vignette: who the patient is and what is seen at the bedside up to `hour`, from the visible
 * case only (callers pass visibleCase(c, hour): no ground truth reaches a stem).
 */
export function vignetteOf(visible: Case, hour: number): string {
  const p = visible.patient;
  const age =
    p.ageYears < 1
      ? `${Math.round(p.ageYears * 12)}-month-old`
      : `${formatNumber(Math.round(p.ageYears * 10) / 10)}-year-old`;
  const body = [
    p.weightKg !== undefined ? `${formatNumber(p.weightKg)} kg` : undefined,
    p.heightCm !== undefined ? `${formatNumber(p.heightCm)} cm` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const background =
    visible.background.sjia === 'known'
      ? ` with known systemic JIA${visible.background.sjiaDurationYears !== undefined ? ` (for ${durationText(visible.background.sjiaDurationYears)})` : ''}`
      : visible.background.sjia === 'suspected'
        ? ' with suspected new-onset systemic JIA'
        : ' previously well';
  const lines = [`A ${age} ${p.sex === 'female' ? 'girl' : 'boy'}${body ? ` (${body})` : ''}${background}.`];
  const therapy = visible.background.immunosuppressiveTherapy ?? [];
  if (therapy.length) lines.push(`Current treatment: ${therapy.join(', ')}.`);
  const cov = visible.background.sarsCov2;
  if (cov) {
    const parts = [
      cov.rnaOrAntigen && cov.rnaOrAntigen !== 'not-tested' ? `SARS-CoV-2 RNA/antigen ${cov.rnaOrAntigen}` : undefined,
      cov.serology && cov.serology !== 'not-tested' ? `SARS-CoV-2 serology ${cov.serology}` : undefined,
      cov.closeContact === 'yes'
        ? `close contact with COVID-19${cov.contactDaysBeforeHospitalization !== undefined ? ` ${cov.contactDaysBeforeHospitalization} days before admission` : ''}`
        : undefined,
    ].filter(Boolean);
    if (parts.length) lines.push(`${parts.join('; ')}.`);
  }
  const obs = [...visible.observations].filter((o) => o.hour <= hour).sort((a, b) => a.hour - b.hour);
  const last = obs[obs.length - 1];
  if (last) {
    const vitals = [
      last.temperatureC !== undefined ? `temperature ${formatNumber(last.temperatureC)} °C` : undefined,
      last.feverDays !== undefined
        ? `fever for ${formatNumber(last.feverDays)} day${last.feverDays === 1 ? '' : 's'}`
        : undefined,
      last.heartRate !== undefined ? `heart rate ${last.heartRate}/min` : undefined,
      last.sbp !== undefined && last.dbp !== undefined ? `blood pressure ${last.sbp}/${last.dbp} mmHg` : undefined,
      last.respiratoryRate !== undefined ? `respiratory rate ${last.respiratoryRate}/min` : undefined,
      last.gcs !== undefined ? `GCS ${last.gcs}` : undefined,
    ].filter(Boolean);
    if (vitals.length) lines.push(`At hour ${last.hour}: ${vitals.join(', ')}.`);
    const findings = [
      obs.some((o) => yes(o.hepatomegaly)) ? 'hepatomegaly' : undefined,
      obs.some((o) => yes(o.splenomegaly)) ? 'splenomegaly' : undefined,
      obs.some((o) => yes(o.lymphadenopathy)) ? 'lymphadenopathy' : undefined,
      obs.some((o) => yes(o.rash)) ? 'rash' : undefined,
      obs.some((o) => yes(o.activeArthritis)) ? 'active arthritis' : undefined,
      obs.some((o) => yes(o.conjunctivitis)) ? 'conjunctivitis' : undefined,
      obs.some((o) => yes(o.mucosalChanges)) ? 'mucosal changes' : undefined,
      obs.some((o) => yes(o.giSymptoms)) ? 'abdominal pain and vomiting' : undefined,
      obs.some((o) => yes(o.cnsInvolvement)) ? 'confusion and irritability (CNS involvement)' : undefined,
      obs.some((o) => yes(o.hemorrhage)) ? 'bleeding' : undefined,
      obs.some((o) => yes(o.shock)) ? 'signs of shock' : undefined,
      obs.some((o) => (o.vasoactiveCount ?? 0) > 0) ? 'a vasoactive infusion' : undefined,
      obs.some((o) => o.respiratorySupport === 'invasive') ? 'invasive ventilation' : undefined,
    ].filter(Boolean);
    if (findings.length) lines.push(`Findings so far: ${findings.join(', ')}.`);
  }
  const inv = visible.investigations;
  const results: string[] = [];
  for (const m of inv.boneMarrow ?? [])
    results.push(
      `bone marrow at hour ${m.hour}: ${m.hemophagocytosis ? 'hemophagocytosis seen' : 'no hemophagocytosis'}`,
    );
  for (const e of inv.echo ?? []) {
    const parts = [
      e.lvefPercent !== undefined ? `LVEF ${e.lvefPercent}%` : undefined,
      e.coronaryZMax !== undefined ? `coronary z-score ${formatNumber(e.coronaryZMax)}` : undefined,
    ].filter(Boolean);
    if (parts.length) results.push(`echocardiogram at hour ${e.hour}: ${parts.join(', ')}`);
  }
  for (const c of inv.cultures ?? [])
    results.push(
      `${c.specimen} culture at hour ${c.hour}: ${c.result}${c.organism && c.result === 'positive' ? ` (${c.organism})` : ''}`,
    );
  for (const v of inv.viralTests ?? []) results.push(`${v.virus} ${v.method} at hour ${v.hour}: ${v.result}`);
  if (results.length) lines.push(`Results: ${results.join('; ')}.`);
  return lines.join(' ');
}
