import type { BooleanObservationField } from '../case/case-reader.js';
import type { CaseIndex } from '../case/case-index.js';
import { inWindow } from '../case/time-window.js';
import type { Case } from '../generated/case.js';
import type { NumericAnalyte } from '../units/analytes.js';
import { ANALYTES } from '../units/analytes.js';
import { fromCanonical } from '../units/convert.js';
import { upperReferenceLimit, type ReferenceLimitReading } from '../units/reference-limits.js';
import type { CriteriaStatus, ItemEvidence, ItemStatus } from './criteria-result.js';
import type { WritableItem } from './lab-item.js';
import { PHOENIX_VASOACTIVES } from './phoenix.js';
import {
  compare,
  describeThreshold,
  formatNumber,
  labMeetsThreshold,
  meetsThreshold,
  type Threshold,
} from './threshold.js';

/*
 * Building blocks shared by the two MIS-C definitions (CSTE/CDC 2023 and WHO 2020): tri-state
 * logic, clinical findings, echo findings, "above the upper reference limit" labs, and the
 * SARS-CoV-2 evidence. Each definition keeps its own thresholds and citations in its own file.
 */

// ── Tri-state logic over item statuses ───────────────────────────────────────────────────────

/** Any met → met; all not met → not met; otherwise not assessed. */
export function anyOf(statuses: readonly ItemStatus[]): ItemStatus {
  let allNotMet = statuses.length > 0;
  for (const s of statuses) {
    if (s === 'met') return 'met';
    if (s !== 'not-met') allNotMet = false;
  }
  return allNotMet ? 'not-met' : 'not-assessed';
}

/** Any not met → not met; all met → met; otherwise not assessed. */
export function allOf(statuses: readonly ItemStatus[]): ItemStatus {
  let allMet = true;
  for (const s of statuses) {
    if (s === 'not-met') return 'not-met';
    if (s !== 'met') allMet = false;
  }
  return allMet ? 'met' : 'not-assessed';
}

export function toCriteriaStatus(s: ItemStatus): CriteriaStatus {
  return s === 'not-assessed' ? 'not-assessable' : s;
}

export function fromCriteriaStatus(s: CriteriaStatus): ItemStatus {
  return s === 'met' ? 'met' : s === 'not-met' ? 'not-met' : 'not-assessed';
}

// ── Findings ─────────────────────────────────────────────────────────────────────────────────

/** A yes/no clinical finding anywhere in the window (present at any assessment = met). */
export function findingItem(
  index: CaseIndex,
  field: BooleanObservationField,
  id: string,
  label: string,
  citation: string,
): ItemEvidence {
  const reading = index.finding(field);
  return {
    id,
    label,
    status: reading === undefined ? 'not-assessed' : reading.value ? 'met' : 'not-met',
    value: reading?.value ?? null,
    unit: null,
    threshold: 'present',
    hour: reading?.hour ?? null,
    citation,
  };
}

/** A lab compared with a fixed published threshold (worst value in the window). */
export function labItem(
  index: CaseIndex,
  analyte: NumericAnalyte,
  threshold: Threshold,
  worst: 'highest' | 'lowest',
  id: string,
  label: string,
  citation: string,
): ItemEvidence {
  const reading = index.worstLab(analyte, worst);
  return {
    id,
    label,
    status:
      reading === undefined ? 'not-assessed' : labMeetsThreshold(analyte, reading.value, threshold) ? 'met' : 'not-met',
    value: reading ? fromCanonical(analyte, reading.value, threshold.unit) : null,
    unit: threshold.unit,
    threshold: describeThreshold(threshold),
    hour: reading?.hour ?? null,
    citation,
  };
}

/**
 * A lab "above normal": the highest value in the window against the patient's upper reference
 * limit (the reporting laboratory's own, else a published pediatric one). With no limit the item
 * is not assessed: masdrill never invents a normal range.
 */
export function aboveUpperLimitItem(
  index: CaseIndex,
  analyte: NumericAnalyte,
  id: string,
  label: string,
  citation: string,
): ItemEvidence {
  const reading = index.worstLab(analyte, 'highest');
  const limit = upperReferenceLimit(index.case, analyte);
  const unit = ANALYTES[analyte].canonicalUnit;
  const value = reading === undefined ? null : reading.value;
  const hour = reading === undefined ? null : reading.hour;
  if (limit === undefined) {
    return {
      id,
      label,
      status: 'not-assessed',
      value,
      unit,
      threshold: 'above the upper reference limit',
      hour,
      citation,
      note: 'no reference range for this patient (case or published table): not assessed',
    };
  }
  const threshold = limitText(limit, unit);
  const status = reading === undefined ? 'not-assessed' : compare(reading.value, '>', limit.value) ? 'met' : 'not-met';
  return { id, label, status, value, unit, threshold, hour, citation };
}

// Limit texts by unit, source and value. A case's own laboratory range is a new reading object per
// case, so a cache keyed by the reading missed for every generated case and formatted the number again.
const limitTexts = new Map<string, Map<string, Map<number, string>>>();
/** Distinct (unit, source, value) texts kept at most; a case set with many laboratories only refills. */
const LIMIT_TEXTS_KEPT = 4096;
let limitTextCount = 0;

function limitText(limit: ReferenceLimitReading, unit: string): string {
  let bySource = limitTexts.get(unit);
  if (bySource === undefined) limitTexts.set(unit, (bySource = new Map()));
  let byValue = bySource.get(limit.source);
  if (byValue === undefined) bySource.set(limit.source, (byValue = new Map()));
  let text = byValue.get(limit.value);
  if (text === undefined) {
    text = `> ${formatNumber(limit.value)} ${unit} (upper reference limit: ${limit.source})`;
    if (++limitTextCount > LIMIT_TEXTS_KEPT) {
      limitTexts.clear();
      limitTextCount = 0;
    } else {
      byValue.set(limit.value, text);
    }
  }
  return text;
}

type EchoRow = NonNullable<Case['investigations']['echo']>[number];

/** The worst value of one echo measurement in the window. */
export function echoItem(
  index: CaseIndex,
  field: 'lvefPercent' | 'coronaryZMax',
  threshold: Threshold,
  worst: 'highest' | 'lowest',
  id: string,
  label: string,
  citation: string,
  note?: string,
): ItemEvidence {
  let best: { value: number; hour: number } | undefined;
  for (const e of index.case.investigations.echo ?? []) {
    const v = e[field];
    if (!inWindow(e.hour, index.window) || v === undefined) continue;
    if (best === undefined || (worst === 'highest' ? v > best.value : v < best.value))
      best = { value: v, hour: e.hour };
  }
  const item: WritableItem = {
    id,
    label,
    status: best === undefined ? 'not-assessed' : meetsThreshold(best.value, threshold) ? 'met' : 'not-met',
    value: best?.value ?? null,
    unit: threshold.unit || null,
    threshold: describeThreshold(threshold),
    hour: best?.hour ?? null,
    citation,
  };
  if (note) item.note = note;
  return item;
}

/** A yes/no echo finding in the window (pericardial effusion, valvulitis). */
export function echoFindingItem(
  index: CaseIndex,
  field: 'pericardialEffusion' | 'valvulitis',
  id: string,
  label: string,
  citation: string,
  note?: string,
): ItemEvidence {
  let reading: { value: boolean; hour: number } | undefined;
  for (const e of (index.case.investigations.echo ?? []) as EchoRow[]) {
    const v = e[field];
    if (!inWindow(e.hour, index.window) || v === undefined) continue;
    if (v) {
      reading = { value: true, hour: e.hour };
      break;
    }
    if (reading === undefined) reading = { value: false, hour: e.hour };
  }
  const item: WritableItem = {
    id,
    label,
    status: reading === undefined ? 'not-assessed' : reading.value ? 'met' : 'not-met',
    value: reading?.value ?? null,
    unit: null,
    threshold: 'present',
    hour: reading?.hour ?? null,
    citation,
  };
  if (note) item.note = note;
  return item;
}

// "any of: …" per category label. The findings' labels are constants of each definition, so the
// text is kept per category and rebuilt only if the labels it was built from differ.
const categoryTexts = new Map<string, { readonly labels: readonly string[]; readonly text: string }>();

function sameLabels(labels: readonly string[], findings: readonly ItemEvidence[]): boolean {
  if (labels.length !== findings.length) return false;
  for (let i = 0; i < labels.length; i++) if (labels[i] !== findings[i]!.label) return false;
  return true;
}

function categoryText(label: string, findings: readonly ItemEvidence[]): string {
  const kept = categoryTexts.get(label);
  if (kept !== undefined && sameLabels(kept.labels, findings)) return kept.text;
  const labels = findings.map((f) => f.label);
  const text = `any of: ${labels.join('; ')}`;
  categoryTexts.set(label, { labels, text });
  return text;
}

/** A category (organ system) met when any of its findings is: the category item, followed by its findings. */
export function categoryItems(
  id: string,
  label: string,
  findings: readonly ItemEvidence[],
  citation: string,
  note?: string,
): ItemEvidence[] {
  const status = anyOf(findings.map((f) => f.status));
  const firstMet = findings.find((f) => f.status === 'met');
  const category: WritableItem = {
    id,
    label,
    status,
    value: firstMet ? firstMet.label : null,
    unit: null,
    threshold: categoryText(label, findings),
    hour: firstMet?.hour ?? null,
    citation,
  };
  if (note) category.note = note;
  return [category, ...findings];
}

/** Category groups (each a category item and its findings) as one list, in order; Array#flat is slow on Node 20. */
export function flattenGroups(groups: readonly (readonly ItemEvidence[])[]): ItemEvidence[] {
  const all: ItemEvidence[] = [];
  for (const group of groups) for (const item of group) all.push(item);
  return all;
}

// ── Shock ────────────────────────────────────────────────────────────────────────────────────

/**
 * Two or more vasoactive drugs running: the Phoenix criteria's top cardiovascular band ("≥ 2
 * vasoactives" → 2 points, and any cardiovascular point with sepsis is septic shock; the drugs
 * counted are dobutamine, dopamine, epinephrine, milrinone, norepinephrine, vasopressin), the
 * verified "vasoactive" wording masdrill reads a vasoactive requirement by. One drug alone does not
 * count: it may be an inotrope for myocardial dysfunction rather than shock.
 */
export function vasoactiveShockItem(index: CaseIndex, id: string, label: string): ItemEvidence {
  const threshold = PHOENIX_VASOACTIVES[PHOENIX_VASOACTIVES.length - 1]!.threshold;
  const reading = index.worstObservation('vasoactiveCount', 'highest');
  // Unrecorded vasoactives do not hold the shock category open when a clinician assessed shock as
  // absent throughout: a child on two vasoactive drugs is in shock by this reading, and was assessed not.
  const assessedNoShock = reading === undefined && index.finding('shock')?.value === false;
  return {
    id,
    label,
    status:
      reading === undefined
        ? assessedNoShock
          ? 'not-met'
          : 'not-assessed'
        : meetsThreshold(reading.value, threshold)
          ? 'met'
          : 'not-met',
    value: reading?.value ?? null,
    unit: 'drugs',
    threshold: describeThreshold(threshold),
    hour: reading?.hour ?? null,
    citation: 'schlapbach-2024-phoenix §rubric',
    note: assessedNoShock
      ? 'vasoactives not recorded; shock was assessed absent, so no vasoactive requirement is read'
      : 'two or more vasoactive drugs stand for a vasoactive requirement (Phoenix: ≥ 2 vasoactives is the top cardiovascular band, and a cardiovascular point makes septic shock)',
  };
}

// ── Case-level facts ─────────────────────────────────────────────────────────────────────────

/** "Absent a more likely alternative diagnosis": string = excluded, null = assessed none, absent = not assessed. */
export function noAlternativeDiagnosisItem(c: Case, citation: string): ItemEvidence {
  const alt = c.encounter.moreLikelyAlternativeDiagnosis;
  return {
    id: 'no-alternative-diagnosis',
    label: 'No more likely alternative diagnosis',
    status: alt === undefined ? 'not-assessed' : alt === null ? 'met' : 'not-met',
    value: alt === undefined ? null : alt === null ? 'none documented' : alt,
    unit: null,
    threshold: 'no more likely alternative diagnosis',
    hour: null,
    citation,
  };
}

/** One of the case's viral tests. */
export type ViralTest = NonNullable<Case['investigations']['viralTests']>[number];

/**
 * SARS-CoV-2 RNA or antigen detected: the case's summary, or a positive PCR/antigen test in its viral
 * tests taken from `fromHour` on (hours from presentation; undefined = any time) up to `toHour`.
 */
export function sarsCov2RnaOrAntigen(c: Case, fromHour?: number, toHour = Infinity): ItemStatus {
  return sarsCov2RnaOrAntigenReading(c, fromHour, toHour).status;
}

/** As sarsCov2RnaOrAntigen, with the tests it left out for being too early (for the evidence note). */
export function sarsCov2RnaOrAntigenReading(
  c: Case,
  fromHour?: number,
  toHour = Infinity,
): { status: ItemStatus; tooEarly: readonly ViralTest[] } {
  const tests = (c.investigations.viralTests ?? []).filter(
    (t) => t.virus === 'SARS-CoV-2' && (t.method === 'pcr' || t.method === 'antigen') && t.result === 'positive',
  );
  const inTime = (t: ViralTest) => (fromHour === undefined || t.hour >= fromHour) && t.hour <= toHour;
  const tooEarly = fromHour === undefined ? [] : tests.filter((t) => t.hour < fromHour);
  if (c.background.sarsCov2?.rnaOrAntigen === 'positive' || tests.some(inTime)) return { status: 'met', tooEarly };
  if (c.background.sarsCov2?.rnaOrAntigen === 'negative') return { status: 'not-met', tooEarly };
  // A positive test from before the period shows nothing about the period itself: not assessed, not "negative".
  return { status: 'not-assessed', tooEarly };
}

/**
 * SARS-CoV-2 antibodies associated with the current illness. Only the case summary's serology is
 * read: it is defined as not vaccine-derived, which a raw serology result in viralTests is not.
 */
export function sarsCov2Serology(c: Case): ItemStatus {
  const s = c.background.sarsCov2?.serology;
  return s === 'positive' ? 'met' : s === 'negative' ? 'not-met' : 'not-assessed';
}

export function statusValue(s: ItemStatus): boolean | null {
  return s === 'met' ? true : s === 'not-met' ? false : null;
}
