import type { TimeWindow } from '../case/time-window.js';
import type { Case } from '../generated/case.js';
import { CaseFacts } from './case-facts.js';
import { miscCaseFacts, miscCdc2023Status } from './misc-status-plans.js';
import { StatusRow } from './status-row.js';
import { FINDING_ABSENT, FINDING_PRESENT, FINDING_UNKNOWN, WindowScan } from './window-scan.js';

/** Rows of an investigation the case does not have (shared: `?? []` would allocate per call). */
const NONE: readonly never[] = [];

function finding(so: number, value: boolean | undefined): number {
  return value === true ? FINDING_PRESENT : value === false && so === FINDING_UNKNOWN ? FINDING_ABSENT : so;
}

/**
 * A window scan that reads only what the CSTE/CDC 2023 organ categories read (cardiac, mucocutaneous,
 * shock, gastrointestinal, hematologic: as WindowScan reads them, worst value in the window, a finding
 * present at any assessment); every other reading stays "nothing in the window". The plan's category
 * count over it is the full scan's (a property test in the generator holds it equal to the engine's).
 */
class OrganCategoryScan extends WindowScan {
  override read(c: Case, window: TimeWindow): this {
    const from = window.fromHour;
    const to = window.toHour;
    this.fromHour = from;
    this.toHour = to;
    let troponinHigh = NaN,
      plateletsLow = NaN,
      alcLow = NaN;
    for (const p of c.labs) {
      const hour = p.hour;
      if (hour < from || hour > to) continue;
      const troponin = p.troponin;
      const platelets = p.platelets;
      const alc = p.alc;
      // `!(v <= high)` / `!(v >= low)`: true for the first value (NaN so far) and for a strictly worse one.
      if (troponin !== undefined && !(troponin <= troponinHigh)) troponinHigh = troponin;
      if (platelets !== undefined && !(platelets >= plateletsLow)) plateletsLow = platelets;
      if (alc !== undefined && !(alc >= alcLow)) alcLow = alc;
    }
    this.troponinHigh = troponinHigh;
    this.plateletsLow = plateletsLow;
    this.alcLow = alcLow;

    let vasoHigh = NaN,
      rash = FINDING_UNKNOWN,
      conjunctivitis = FINDING_UNKNOWN,
      mucosal = FINDING_UNKNOWN,
      extremity = FINDING_UNKNOWN,
      gi = FINDING_UNKNOWN,
      shock = FINDING_UNKNOWN;
    for (const o of c.observations) {
      const hour = o.hour;
      if (hour < from || hour > to) continue;
      const vasoactiveCount = o.vasoactiveCount;
      if (vasoactiveCount !== undefined && !(vasoactiveCount <= vasoHigh)) vasoHigh = vasoactiveCount;
      rash = finding(rash, o.rash);
      conjunctivitis = finding(conjunctivitis, o.conjunctivitis);
      mucosal = finding(mucosal, o.mucosalChanges);
      extremity = finding(extremity, o.extremityChanges);
      gi = finding(gi, o.giSymptoms);
      shock = finding(shock, o.shock);
    }
    this.vasoactiveCountHigh = vasoHigh;
    this.rash = rash;
    this.conjunctivitis = conjunctivitis;
    this.mucosalChanges = mucosal;
    this.extremityChanges = extremity;
    this.giSymptoms = gi;
    this.shock = shock;

    let lvefLow = NaN,
      coronaryHigh = NaN;
    for (const e of c.investigations.echo ?? NONE) {
      if (e.hour < from || e.hour > to) continue;
      const lvef = e.lvefPercent;
      const z = e.coronaryZMax;
      if (lvef !== undefined && !(lvef >= lvefLow)) lvefLow = lvef;
      if (z !== undefined && !(z <= coronaryHigh)) coronaryHigh = z;
    }
    this.lvefLow = lvefLow;
    this.coronaryZHigh = coronaryHigh;
    return this;
  }
}

/**
 * The CSTE/CDC 2023 MIS-C organ categories a case meets in a window (the engine's `count.met`), from
 * the compiled status plan over a scan of the categories' inputs only, without evidence. For callers
 * that need the count often: the generator completes a MIS-C presentation with it. One object, reused.
 */
export class MiscCdc2023Categories {
  private readonly scan = new OrganCategoryScan();
  private readonly row = new StatusRow();
  private readonly facts = new CaseFacts();

  count(c: Case, window: TimeWindow): number {
    miscCaseFacts(c, this.facts);
    miscCdc2023Status(c, this.scan.read(c, window), this.row, this.facts);
    return this.row.value;
  }
}
