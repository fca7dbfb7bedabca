/** Types of generate-and-evaluate.mjs (plain JS so a worker thread can load it without tsx). */
export interface SweepShare {
  readonly mix: string;
  readonly n: number;
  readonly seed: number;
  /** This share takes chunks first, first + step, … */
  readonly first: number;
  readonly step: number;
}

export function generateAndEvaluate(share: SweepShare): Promise<{ genMs: number; evalMs: number; tally: Record<string, number> }>;
