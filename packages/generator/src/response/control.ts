import { treatmentControl, type ActionId } from '@masdrill/rules';
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

/** A process tiers short of its need, untreated or not, as a log-activity rate per hour (RESPONSE_TABLE). */
function rate(short: number, untreated: boolean, growth: number, resolution: number): number {
  if (untreated || short >= 2) return growth;
  if (short <= 0) return -resolution;
  // One tier short holds the level; in between, linear.
  return short <= 1 ? -resolution * (1 - short) : growth * (short - 1);
}

/**
 * The control the actions in force give each of the patient's processes, read from the rules'
 * treatment-control table (the scorer's definition of adequate treatment) with this patient's hidden
 * responsiveness (IVIG-2, SJIA-3). A moderate glucocorticoid holds MAS only as the follow-on of a
 * pulse course (GC-1; clinical-reference §3.1); on its own, as in the MIS-C protocol, it does not
 * (HEAD-1, MISC-1/2). Pure.
 */
export function controlAt(inForce: readonly ActiveAction[], p: ResponseProfile, pulseCourseGiven = false): Control {
  const set = new Set(inForce.map((a) => a.action));
  const has = (a: ActionId) => set.has(a);
  const t = RESPONSE_TABLE;
  const table = treatmentControl(
    inForce.map((a) => ({ action: a.action, ...(a.mgPerKgDay !== undefined ? { mgPerKgDay: a.mgPerKgDay } : {}) })),
    { sjia: p.sjia, infection: p.infection },
    { ivigResponds: p.ivigResponds, etanerceptResponds: p.etanerceptResponds },
  );
  const glucocorticoid = table.mas.glucocorticoid;
  const secondAgent = table.mas.firstLinePartner;
  const secondLine = table.mas.secondLine;
  const masGlucocorticoid = glucocorticoid === 1 || (glucocorticoid === 0.5 && pulseCourseGiven) ? 1 : 0;
  const masTier = masGlucocorticoid + (secondAgent ? 1 : 0) + (secondLine ? 1 : 0);
  const masTreatment: MasTreatment =
    masGlucocorticoid < 1
      ? 'none'
      : masTier >= 3
        ? 'second-line'
        : masTier >= 2
          ? 'first-line-combination'
          : 'glucocorticoid-alone';
  const ivigOnlyEscalation = has('ivig') && table.mas.byRole['second-line'].every((a) => a === 'ivig');
  const suppressed = immunosuppressed(inForce);

  const processes = p.processes.map((process): ProcessControl => {
    switch (process) {
      case 'mas': {
        const untreated = masTier === 0;
        const short = Math.max(0, p.masNeed - masTier);
        return {
          process,
          untreated,
          short,
          ratePerHour: rate(short, untreated, t.mas.growth.perHour, t.mas.resolution.perHour),
        };
      }
      case 'infection': {
        // INF-1 "appropriate antimicrobial therapy": antibiotics for bacteria; an antiviral or antibiotics for a viral trigger (rules design choice viral-trigger-antimicrobial).
        const covered = table.infectionCovered;
        const bacterial = p.infection === 'bacterial';
        const growth =
          (bacterial ? t.infection.bacterialGrowth : t.infection.viralGrowth).perHour *
          (suppressed ? t.infection.uncontrolledUnderImmunosuppression.factor : 1);
        const resolution = (bacterial ? t.infection.bacterialResolution : t.infection.viralResolution).perHour;
        return { process, untreated: !covered, short: covered ? 0 : 2, ratePerHour: covered ? -resolution : growth };
      }
      case 'misc': {
        // IVIG with a glucocorticoid (ACR, NIH); anakinra or infliximab stand in for the glucocorticoid half.
        const tier = table.miscTier;
        const short = 2 - tier;
        return {
          process,
          untreated: tier === 0,
          short,
          ratePerHour: rate(short, tier === 0, t.misc.growth.perHour, t.misc.resolution.perHour),
        };
      }
      case 'sjia-flare': {
        const treated = table.flareTreated;
        return {
          process,
          untreated: !treated,
          short: treated ? 0 : 1,
          ratePerHour: treated ? -t.sjiaFlare.resolution.perHour : t.sjiaFlare.growth.perHour,
        };
      }
    }
  });
  return {
    processes,
    masTreatment,
    immunosuppressed: suppressed,
    has,
    glucocorticoid,
    secondAgent,
    secondLine,
    ivigOnlyEscalation,
  };
}
