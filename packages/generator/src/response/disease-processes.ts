import { caseFeatures, type Case } from '@masdrill/rules';
import { Rng } from '../rng.js';
import { RESPONSE_TABLE, type Severity } from '../tables/response-table.js';

/** The disease processes a patient's course is made of. */
export type ProcessId = 'mas' | 'infection' | 'misc' | 'sjia-flare';

/**
 * What the response model needs to know about a patient, and the patient's own hidden
 * responsiveness: drawn once per case from its identity (not from the plans), so the same patient
 * answers the same plan the same way every time.
 */
export interface ResponseProfile {
  readonly processes: readonly ProcessId[];
  readonly severity: Severity;
  readonly sjia: boolean;
  readonly cns: boolean;
  readonly infection: 'bacterial' | 'viral' | 'none';
  /** MIS-C complicated by MAS: the MAS pattern emerges over the case's own hours rather than being there at presentation. */
  readonly masEmerges: boolean;
  /**
   * The MAS treatment tier this patient needs: 1 a high-dose glucocorticoid alone (GC-3), 2 with
   * cyclosporine or anakinra (HEAD-1, CSA-1), 3 a second-line agent (refractory).
   */
  readonly masNeed: 1 | 2 | 3;
  /**
   * MIS-C with MAS: the hour the case's own labs are deepest into the MAS pattern. The case's own
   * course up to it is MAS emerging on the MIS-C protocol; past it the MAS process moves with the
   * treatment (set by respondToPlans, which reads the labs).
   */
  readonly masPeakHour?: number;
  /** IVIG-2: IVIG turns refractory MAS in some patients only. */
  readonly ivigResponds: boolean;
  readonly etanerceptResponds: boolean;
}

/** The processes and hidden responsiveness of a case: from its ground truth, else from its findings (rules caseFeatures). Pure. */
export function responseProfile(c: Case): ResponseProfile {
  const f = caseFeatures(c);
  const truth = c.truth;
  const kind = truth?.kind ?? f.kind;
  const masPresent = truth?.masPresent ?? f.masPresent;
  const infection = f.infectionTrigger === 'bacterial' || f.infectionTrigger === 'viral' ? f.infectionTrigger : 'none';
  const severity: Severity = truth?.severity ?? (f.icuLevel ? 'critical' : f.severe ? 'severe' : 'moderate');
  const processes: ProcessId[] = [];
  if (kind === 'mas' || masPresent) processes.push('mas');
  if (infection !== 'none') processes.push('infection');
  if (kind === 'misc') processes.push('misc');
  if (kind === 'sjia-flare' && !masPresent) processes.push('sjia-flare');

  // The draws, in a fixed order, from a stream of the case's own.
  const rng = new Rng(`response:${c.id}`);
  const steroidAlone = rng.next() < RESPONSE_TABLE.mas.steroidAloneResponds[severity].p;
  const refractory = rng.next() < RESPONSE_TABLE.mas.refractoryToFirstLine[severity].p;
  const ivigResponds = rng.next() < RESPONSE_TABLE.mas.ivigResponds.p;
  const etanerceptResponds = rng.next() < RESPONSE_TABLE.mas.etanerceptResponds.p;
  return {
    processes,
    severity,
    sjia: f.sjia,
    cns: f.cns,
    infection,
    masEmerges: kind === 'misc' && masPresent,
    masNeed: refractory ? 3 : steroidAlone ? 1 : 2,
    ivigResponds,
    etanerceptResponds,
  };
}
