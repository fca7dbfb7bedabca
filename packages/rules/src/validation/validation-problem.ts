/** One problem with an input file, phrased so a person can fix it. */
export interface ValidationProblem {
  /** The file (or "<stdin>", or "line 3 of <file>") the problem is in. */
  readonly file: string;
  /** JSON path of the offending value, e.g. "$.labs[0].ferritin". */
  readonly path: string;
  readonly message: string;
  /** What to do about it. */
  readonly fix: string;
  readonly line?: number;
}

export function formatProblem(p: ValidationProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.path}: ${p.message}. Fix: ${p.fix}`;
}
