import type { ActionId } from '@masdrill/rules';
import { RESPONSE_TABLE } from '../tables/response-table.js';
import type { ProcessId, ResponseProfile } from './disease-processes.js';
import { immunosuppressed, type ActiveAction } from './regimen.js';

/** How far the MAS treatment in force goes: the tiers of ResponseProfile.masNeed. */
export type MasTreatment = 'none' | 'glucocorticoid-alone' | 'first-line-combination' | 'second-line';

/** How well the treatment in force controls one process at one hour. */
export interface ProcessControl {
  readonly process: ProcessId;
  /** None of the process's treatments is in force: it grows at its untreated rate. */
  readonly untreated: boolean;
  /** Tiers short of what the patient needs: 0 controlled, 1 holds level, 2 or more grows (fractions in between). */
  readonly short: number;
  /** Log-activity change per hour. */
  readonly ratePerHour: number;
}

export interface Control {
  readonly processes: readonly ProcessControl[];
  readonly masTreatment: MasTreatment;
  readonly immunosuppressed: boolean;
  /** What is in force, by name, for the reasons the course gives. */
  readonly has: (action: ActionId) => boolean;
  readonly glucocorticoid: 0 | 0.5 | 1;
  readonly secondAgent: boolean;
  readonly secondLine: boolean;
  readonly ivigOnlyEscalation: boolean;
}

const HIGH_DOSE_GC: readonly ActionId[] = ['methylprednisolone-pulse', 'dexamethasone'];
const FULL_SECOND_LINE: readonly ActionId[] = ['emapalumab', 'ruxolitinib', 'baricitinib', 'etoposide'];

/** A process tiers short of its need, untreated or not, as a log-activity rate per hour (RESPONSE_TABLE). */
function rate(short: number, untreated: boolean, growth: number, resolution: number): number {
  if (untreated || short >= 2) return growth;
  if (short <= 0) return -resolution;
  // One tier short holds the level; in between, linear.
  return short <= 1 ? -resolution * (1 - short) : growth * (short - 1);
}

/** The control the actions in force give each of the patient's processes. Pure. */
export function controlAt(inForce: readonly ActiveAction[], p: ResponseProfile): Control {
  const set = new Set(inForce.map((a) => a.action));
  const has = (a: ActionId) => set.has(a);
  const t = RESPONSE_TABLE;
  const glucocorticoid: 0 | 0.5 | 1 = HIGH_DOSE_GC.some(has) ? 1 : has('methylprednisolone-low-moderate') ? 0.5 : 0;
  // SJIA-1: tocilizumab is a first-line partner in Still's disease; elsewhere it is a second-line agent (TCZ-1).
  const secondAgent = has('cyclosporine') || has('anakinra') || (p.sjia && has('tocilizumab'));
  const highDoseAnakinra = inForce.some((a) => a.action === 'anakinra' && (a.mgPerKgDay ?? 0) >= t.mas.highDoseAnakinraMgPerKgDay.value);
  const tocilizumabBeyondFirstLine = has('tocilizumab') && (!p.sjia || has('cyclosporine') || has('anakinra'));
  // IVIG-1 and SJIA-3 are escalations for MAS not responding to high-dose glucocorticoid (and cyclosporine): they count on that background only.
  const onFirstLine = glucocorticoid === 1;
  const secondLine = FULL_SECOND_LINE.some(has) || (highDoseAnakinra && (has('cyclosporine') || has('tocilizumab')))
    || tocilizumabBeyondFirstLine || (onFirstLine && has('ivig') && p.ivigResponds) || (onFirstLine && p.sjia && has('etanercept') && p.etanerceptResponds);
  const ivigOnlyEscalation = has('ivig') && !FULL_SECOND_LINE.some(has) && !tocilizumabBeyondFirstLine && !highDoseAnakinra;
  // HEAD-1/GC-1: MAS answers a high-dose glucocorticoid; the low-to-moderate dose of the MIS-C protocol with IVIG does not control it (MISC-1/2).
  const masTier = (glucocorticoid === 1 ? 1 : 0) + (secondAgent ? 1 : 0) + (secondLine ? 1 : 0);
  const masTreatment: MasTreatment = glucocorticoid < 1 ? 'none'
    : masTier >= 3 ? 'second-line' : masTier >= 2 ? 'first-line-combination' : 'glucocorticoid-alone';
  const suppressed = immunosuppressed(inForce);

  const processes = p.processes.map((process): ProcessControl => {
    switch (process) {
      case 'mas': {
        const untreated = masTier === 0;
        const short = Math.max(0, p.masNeed - masTier);
        return { process, untreated, short, ratePerHour: rate(short, untreated, t.mas.growth.perHour, t.mas.resolution.perHour) };
      }
      case 'infection': {
        // INF-1 "appropriate antimicrobial therapy": antibiotics for bacteria; an antiviral or antibiotics for a viral trigger (rules design choice viral-trigger-antimicrobial).
        const covered = has('empirical-antibiotics') || (p.infection === 'viral' && has('antiviral-therapy'));
        const bacterial = p.infection === 'bacterial';
        const growth = (bacterial ? t.infection.bacterialGrowth : t.infection.viralGrowth).perHour * (suppressed ? t.infection.uncontrolledUnderImmunosuppression.factor : 1);
        const resolution = (bacterial ? t.infection.bacterialResolution : t.infection.viralResolution).perHour;
        return { process, untreated: !covered, short: covered ? 0 : 2, ratePerHour: covered ? -resolution : growth };
      }
      case 'misc': {
        // IVIG with a glucocorticoid (ACR, NIH); anakinra or infliximab stand in for the glucocorticoid half.
        const tier = (has('ivig') ? 1 : 0) + (glucocorticoid > 0 || has('anakinra') || has('infliximab') ? 1 : 0);
        const short = 2 - tier;
        return { process, untreated: tier === 0, short, ratePerHour: rate(short, tier === 0, t.misc.growth.perHour, t.misc.resolution.perHour) };
      }
      case 'sjia-flare': {
        const treated = glucocorticoid > 0 || has('anakinra') || has('tocilizumab') || has('cyclosporine');
        return { process, untreated: !treated, short: treated ? 0 : 1, ratePerHour: treated ? -t.sjiaFlare.resolution.perHour : t.sjiaFlare.growth.perHour };
      }
    }
  });
  return { processes, masTreatment, immunosuppressed: suppressed, has, glucocorticoid, secondAgent, secondLine, ivigOnlyEscalation };
}
