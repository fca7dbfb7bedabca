import { CaseStatuses, CRITERIA_SET_IDS, type Case, type WindowScan } from '@masdrill/rules';
import { CASE_VALUES } from './case-values.js';
import { stratumOf } from './case-reading.js';
import { stratumKey } from './comparisons.js';
import { emptyStratum, type Histogram, type StratumCounts, type SweepStatistics } from './sweep-statistics.js';
import { TIME_POINTS } from './time-points.js';

/** A stratum's counters as flat arrays, so counting a case is indexing, not key lookups. */
interface StratumSlots {
  readonly counts: StratumCounts;
  /** [time point × set] → the set's counts in STATUS_ORDER. */
  readonly statuses: readonly Float64Array[];
  /** [time point × value] → the value's histogram. */
  readonly histograms: readonly Histogram[];
}

const SETS = CRITERIA_SET_IDS.length;
const VALUES = CASE_VALUES.length;
/** Where each value is read: a status row (its set's slot), or one of the window scan's worst labs. */
const VALUE_SET_SLOT: readonly number[] = CASE_VALUES.map((v) =>
  'set' in v.source ? CRITERIA_SET_IDS.indexOf(v.source.set) : -1,
);
const VALUE_SCAN: readonly ((scan: WindowScan) => number)[] = CASE_VALUES.map((v) => {
  if ('set' in v.source) return () => NaN;
  const key = `${v.source.analyte}:${v.source.worst}`;
  switch (key) {
    case 'ferritin:highest':
      return (scan) => scan.ferritinHigh;
    case 'platelets:lowest':
      return (scan) => scan.plateletsLow;
    case 'fibrinogen:lowest':
      return (scan) => scan.fibrinogenLow;
    default:
      throw new Error(`the window scan has no reading for ${key}`);
  }
});
const NOT_APPLICABLE = 3; // STATUS_CODES index
/** The time points' windows, computed together in one pass over each case. */
const WINDOWS = TIME_POINTS.map((tp) => tp.window);

/**
 * Counts cases straight from the compiled status plans into sweep statistics: the same counts as
 * addReading(stats, readCase(c)) (a test holds them equal) without building a reading per case.
 */
export class CaseTally {
  private readonly statuses = new CaseStatuses();
  private readonly slots = new Map<string, StratumSlots>();
  /**
   * The slots by kind, then subtype, then [no MAS, MAS]: looked up by the truth's own strings (the
   * generator's constants, their hashes kept), not by a key string built per case (~1% of a sweep).
   */
  private readonly byTruth = new Map<string, Map<string, (StratumSlots | undefined)[]>>();

  constructor(readonly stats: SweepStatistics) {}

  add(c: Case): void {
    const slots = this.slotsOfCase(c);
    slots.counts.cases += 1;
    const computed = this.statuses.computeWindows(c, WINDOWS);
    for (let t = 0; t < TIME_POINTS.length; t++) {
      const rows = computed.rowsAt(t);
      const scan = computed.scanAt(t);
      for (let s = 0; s < SETS; s++) slots.statuses[t * SETS + s]![rows[s]!.status]! += 1;
      for (let i = 0; i < VALUES; i++) {
        const slot = VALUE_SET_SLOT[i]!;
        let value: number;
        if (slot >= 0) {
          const row = rows[slot]!;
          value = row.status === NOT_APPLICABLE ? NaN : row.value;
        } else value = VALUE_SCAN[i]!(scan);
        slots.histograms[t * VALUES + i]!.add(value);
      }
    }
  }

  private slotsOfCase(c: Case): StratumSlots {
    const truth = c.truth;
    if (truth !== undefined) {
      const bySubtype = this.byTruth.get(truth.kind);
      const found = bySubtype?.get(truth.subtype)?.[truth.masPresent ? 1 : 0];
      if (found !== undefined) return found;
    }
    const stratum = stratumOf(c);
    const slots = this.slotsOf(stratumKey(stratum));
    let bySubtype = this.byTruth.get(stratum.kind);
    if (bySubtype === undefined) this.byTruth.set(stratum.kind, (bySubtype = new Map()));
    let pair = bySubtype.get(stratum.subtype);
    if (pair === undefined) bySubtype.set(stratum.subtype, (pair = [undefined, undefined]));
    pair[stratum.masPresent ? 1 : 0] = slots;
    return slots;
  }

  private slotsOf(key: string): StratumSlots {
    let slots = this.slots.get(key);
    if (slots !== undefined) return slots;
    let counts = this.stats.strata.get(key);
    if (counts === undefined) this.stats.strata.set(key, (counts = emptyStratum()));
    const statuses: Float64Array[] = [];
    const histograms: Histogram[] = [];
    for (const tp of TIME_POINTS) {
      const at = counts.timePoints[tp.id];
      for (const id of CRITERIA_SET_IDS) statuses.push(at.statuses[id]);
      for (const v of CASE_VALUES) histograms.push(at.values[v.id]);
    }
    this.slots.set(key, (slots = { counts, statuses, histograms }));
    return slots;
  }
}
