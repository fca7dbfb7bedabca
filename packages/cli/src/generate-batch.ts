import { caseFromCanonical, roundCaseInUnits, type Case, type CaseUnits } from '@masdrill/rules';
import { caseStream, type Difficulty, type Mix } from '@masdrill/generator';
import { stringify } from 'csv-stringify/sync';
import { caseToFhirBundle, expertOrdersAtPresentation, withoutTruth } from '@masdrill/export';
import { ByteBatch } from './batched-writer.js';
import { csvRows } from './csv-layout.js';

export type Format = 'json' | 'jsonl' | 'csv' | 'fhir';

/** What turns a range of the cohort into output bytes: plain data, so a worker thread can be given it. */
export interface BatchSpec {
  readonly mix: Mix;
  readonly seed: number;
  /** The cohort's first index (the JSON array's first item has no separator before it). */
  readonly start: number;
  readonly difficulty: Difficulty;
  readonly format: Format;
  readonly units: CaseUnits;
  /** Strip the ground truth (truth, encounter.died) from every case written. */
  readonly noTruth?: boolean;
  /** fhir: add a Condition for the labelled diagnosis. */
  readonly condition?: boolean;
  /** fhir: MedicationRequests for the expert plan's drug orders at presentation. */
  readonly orders?: boolean;
}

/** A case as a FHIR bundle; the orders come from the case as written (with --no-truth, the stripped one). */
const fhirBundle = (c: Case, spec: BatchSpec) =>
  caseToFhirBundle(c, {
    condition: spec.condition === true,
    ...(spec.orders ? { orders: expertOrdersAtPresentation(c) } : {}),
  });

/**
 * The output of cases from … from+count−1 of the cohort, UTF-8: JSONL lines, JSON array items (each
 * after ",\n" but the cohort's first), CSV rows (no header), or FHIR R4 transaction Bundles (one a line). The same bytes whichever way the
 * cohort is cut into batches, so batches made in parallel and written in order are the whole file.
 */
export function encodeBatch(spec: BatchSpec, from: number, count: number): Buffer {
  const cases = caseStream({ mix: spec.mix, n: count, seed: spec.seed, start: from, difficulty: spec.difficulty });
  const units = spec.units;
  const toUnits =
    units === 'canonical' ? (c: Case) => c : (c: Case) => roundCaseInUnits(caseFromCanonical(c, units), units);
  const convert = spec.noTruth ? (c: Case) => toUnits(withoutTruth(c)) : toUnits;
  const out = new ByteBatch(count * 5000);
  if (spec.format === 'csv') {
    const rows: string[][] = [];
    for (const raw of cases) for (const row of csvRows(convert(raw))) rows.push(row);
    if (rows.length > 0) out.append(stringify(rows));
    return out.result();
  }
  let index = from;
  for (const raw of cases) {
    const text = JSON.stringify(spec.format === 'fhir' ? fhirBundle(convert(raw), spec) : convert(raw));
    // Appended apart: `text + '\n'` made a 4 KB string to copy once more.
    if (spec.format === 'jsonl' || spec.format === 'fhir') {
      out.append(text);
      out.append('\n');
    } else out.append(index > spec.start ? ',\n' + text : text);
    index++;
  }
  return out.result();
}
