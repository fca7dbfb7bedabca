import type { LabPanel, NumericAnalyte } from '@masdrill/rules';
import { mapped } from '../case-body.js';
import type { Difficulty } from '../kind.js';
import { analyteIndex, analyteMask, type AnalyteMask, type CaseLabs, type Curves } from '../lab-model.js';
import type { Rng } from '../rng.js';
import { LAB_SCHEDULE } from '../tables/schedule-table.js';

const BASELINE_MASK = analyteMask(LAB_SCHEDULE.baseline);
const HOUR_MASKS = LAB_SCHEDULE.byHour.map(({ analytes }) => analyteMask(analytes));
// The mask of the panel being built, reused (a panel reads its mask only while it is built): a copy
// per panel was ~8 arrays of 27 per case for the garbage collector.
const PANEL_MASK: AnalyteMask = BASELINE_MASK.slice();

/** `mask` copied into PANEL_MASK. */
function panelMask(mask: AnalyteMask): AnalyteMask {
  for (let i = 0; i < mask.length; i++) PANEL_MASK[i] = mask[i]!;
  return PANEL_MASK;
}
// Mask positions of the analytes the plan switches, looked up once.
const FIBRINOGEN = analyteIndex('fibrinogen');
const ESR = analyteIndex('esr');
const AST = analyteIndex('ast');
const TRIGLYCERIDES = analyteIndex('triglycerides');
const PROCALCITONIN = analyteIndex('procalcitonin');
const LACTATE = analyteIndex('lactate');

export interface LabPlanOptions {
  readonly difficulty: Difficulty;
  /** Include the pre-illness baseline panel (known sJIA). */
  readonly baseline: boolean;
  /** Analytes added at every hour (e.g. MIS-C cardiac markers). */
  readonly everyHour?: readonly NumericAnalyte[];
  /** Analytes added at hour 0 only (cytokines, sCD25). */
  readonly atPresentation?: readonly NumericAnalyte[];
  /** Procalcitonin at 0 and 24 h. */
  readonly procalcitonin: boolean;
  /** Lactate at 12 h as well. */
  readonly lactateAt12?: boolean;
  readonly nkCellActivity?: 'normal' | 'low' | 'absent';
  /**
   * Panels after this hour are left out (default: none). Their random draws are still taken
   * (CaseLabs.skipPanel), so every panel kept and every later draw is that of the whole case.
   */
  readonly throughHour?: number;
}

/** The case's lab panels: the schedule, its dropouts and extras, read off the case's laboratory. */
export function buildLabPanels(labs: CaseLabs, curves: Curves, rng: Rng, options: LabPlanOptions): LabPanel[] {
  const hard = options.difficulty === 'hard';
  const throughHour = options.throughHour ?? Number.POSITIVE_INFINITY;
  const tg0 = rng.chance(
    hard ? LAB_SCHEDULE.triglyceridesMeasured.hardAt0.p : LAB_SCHEDULE.triglyceridesMeasured.at0.p,
  );
  const tg24 = rng.chance(
    hard ? LAB_SCHEDULE.triglyceridesMeasured.hardAt24.p : LAB_SCHEDULE.triglyceridesMeasured.at24.p,
  );
  const noFib = hard && rng.chance(LAB_SCHEDULE.hardDropout.fibrinogen.p);
  const noEsr = hard && rng.chance(LAB_SCHEDULE.hardDropout.esr.p);
  const noAst = hard && rng.chance(LAB_SCHEDULE.hardDropout.ast.p);
  const fasting0 = rng.chance(LAB_SCHEDULE.triglyceridesFasting.p);
  const fasting24 = rng.chance(LAB_SCHEDULE.triglyceridesFasting.p);
  const panels: LabPanel[] = [];
  const drop = (mask: AnalyteMask): AnalyteMask => {
    if (noFib) mask[FIBRINOGEN] = 0;
    if (noEsr) mask[ESR] = 0;
    if (noAst) mask[AST] = 0;
    return mask;
  };
  if (options.baseline) {
    panels.push(labs.panel(LAB_SCHEDULE.baselineHour, -1, drop(panelMask(BASELINE_MASK)), curves, rng));
  }
  const everyHour = options.everyHour && mapped(options.everyHour, analyteIndex);
  const atPresentation = options.atPresentation && mapped(options.atPresentation, analyteIndex);
  for (let index = 0; index < HOUR_MASKS.length; index++) {
    const hour = LAB_SCHEDULE.byHour[index]!.hour;
    const mask = panelMask(HOUR_MASKS[index]!);
    if (everyHour) for (const i of everyHour) mask[i] = 1;
    if (hour === 0 && atPresentation) for (const i of atPresentation) mask[i] = 1;
    if (hour === 0 && !tg0) mask[TRIGLYCERIDES] = 0;
    if (hour === LAB_SCHEDULE.secondFullPanelHour && !tg24) mask[TRIGLYCERIDES] = 0;
    if (!options.procalcitonin) mask[PROCALCITONIN] = 0;
    if (hour === LAB_SCHEDULE.extraLactateHour && options.lactateAt12) mask[LACTATE] = 1;
    if (hour > throughHour) {
      labs.skipPanel(hour, index, drop(mask), curves, rng);
      continue;
    }
    const panel = labs.panel(
      hour,
      index,
      drop(mask),
      curves,
      rng,
      hour === 0 ? fasting0 : hour === LAB_SCHEDULE.secondFullPanelHour ? fasting24 : false,
    );
    if (hour === 0 && options.nkCellActivity)
      (panel as { nkCellActivity?: string }).nkCellActivity = options.nkCellActivity;
    panels.push(panel);
  }
  return panels;
}
