import { admitCase, type Case, type CaseUnits, type ValidationProblem } from '@masdrill/rules/evaluate';
import type { Io } from './io.js';
import { readJsonDocuments } from './json-documents.js';

/** `inputUnits`: the units the values were entered in (a threshold printed in two units is judged in that one). */
export type CaseRead =
  | { readonly ok: true; readonly case: Case; readonly inputUnits: CaseUnits }
  | { readonly ok: false; readonly problems: readonly ValidationProblem[] };

/**
 * The cases of an input (JSON, an array, or JSONL; "-" for standard input), each through the one
 * gate (admitCase: schema, units, meaning) and canonical, or refused with its problems placed in
 * the file. `units` is --units: it fills in files that do not say theirs.
 */
export async function* readCases(path: string, io: Io, units: CaseUnits | undefined): AsyncGenerator<CaseRead> {
  for await (const read of readJsonDocuments(path, io, 'case')) {
    if (!read.ok) {
      yield read;
      continue;
    }
    const { document } = read;
    const admission = admitCase(document.data, { file: document.file, ...(units ? { units } : {}) });
    yield admission.ok
      ? { ok: true, case: admission.case, inputUnits: admission.inputUnits }
      : { ok: false, problems: document.place(admission.problems) };
  }
}
