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

/** Ends a sentence with a full stop unless it already ends with one ("swapped?" stays as it is). */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export function formatProblem(p: ValidationProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.path}: ${sentence(p.message)} Fix: ${p.fix}`;
}

/** The first `limit` problems, one a line, and a count of the rest: how every command reports a refused input. */
export function formatProblems(problems: readonly ValidationProblem[], limit = 12): string {
  const shown = problems.slice(0, limit).map(formatProblem);
  const rest = problems.length - shown.length;
  return shown.join('\n') + (rest > 0 ? `\n… and ${rest} more problem${rest === 1 ? '' : 's'}` : '');
}
