import type {
  Background,
  Encounter,
  GroundTruth,
  Investigations,
  LabPanel,
  Observation,
  Patient,
} from '@masdrill/rules';
import type { Difficulty } from './kind.js';
import type { Rng } from './rng.js';
import { probit } from './normal.js';
import { SEVERITY_BAND } from './tables/shared-priors-table.js';

/** What a kind's synthesizer decides; generateCase adds identity, provenance and reference ranges. */
export interface CaseBody {
  readonly patient: Patient;
  readonly background: Background;
  readonly encounter: Encounter;
  readonly observations: Observation[];
  readonly labs: LabPanel[];
  readonly investigations: Investigations;
  readonly truth: GroundTruth;
}

/**
 * `throughHour`: labs and observations after it are left out, their random draws still taken
 * (Infinity: the whole case). Everything else is the whole case's: the synthesizers' label checks
 * and completions read hours 0–24 only (see generate-case.ts).
 */
export type Synthesizer = (rng: Rng, difficulty: Difficulty, throughHour: number) => CaseBody;

/**
 * A yes/no draw with marginal probability p that leans on the latent severity (Gaussian copula,
 * loading rho): sicker cases have it more often, the cohort's proportion stays p.
 */
export function latentChance(rng: Rng, p: number, rho: number, severity: number): boolean {
  if (p <= 0) return false;
  if (p >= 1) return true;
  const x = rho * severity + Math.sqrt(1 - rho * rho) * rng.normal();
  return x > -probit(p);
}

/** The truth's severity band from the latent severity and organ support. */
export function severityBand(severity: number, critical: boolean): GroundTruth['severity'] {
  if (critical) return 'critical';
  return severity > SEVERITY_BAND.severeAbove ? 'severe' : 'moderate';
}

/**
 * xs.map(f), as a loop. An array made by Array.prototype.map is packed when its caller runs in the
 * interpreter and holey once the caller is optimized, so the first read of one after optimization
 * threw the synthesizer back to the interpreter (a 100–280 ms recompile of it each time); one built
 * by push has the same hidden class in every tier.
 */
export function mapped<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}

export function filled<T>(n: number, value: T): T[] {
  return new Array<T>(n).fill(value);
}
