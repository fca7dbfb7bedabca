import type { CaseIndex } from '../case/case-index.js';
import { fromCanonical } from '../units/convert.js';
import type { CriteriaResult, CriteriaStatus, ItemEvidence, EvaluateOptions } from './criteria-result.js';
import { describeThreshold, meetsThreshold, type Threshold } from './threshold.js';
import { sjiaItem } from './eular-acr-2016-applicability.js';
import { indexedCriteriaSet, type IndexedCriteriaSet } from './criteria-set.js';
import { resultWindow } from './result-window.js';

/**
 * Ferritin:ESR ratio (Eloseily 2019): ferritin (ng/mL) ÷ ESR (mm/h) from the same panel;
 * ≥ 21.5 → sensitivity 82%, specificity 78% for sJIA-MAS vs active sJIA (clinical-reference.md §1.5).
 */
const CITE = 'eloseily-2019';

export const FERRITIN_ESR = {
  ferritinUnit: 'ng/mL',
  esrUnit: 'mm/h',
  cutoff: { comparator: '>=', value: 21.5, unit: '' },
} as const satisfies { ferritinUnit: string; esrUnit: string; cutoff: Threshold };

interface PanelRatio {
  readonly hour: number;
  readonly ferritin: number;
  readonly esr: number;
  readonly ratio: number;
}

function evaluate(index: CaseIndex, options: EvaluateOptions): CriteriaResult {
  const sjia = sjiaItem(index.case, CITE);
  const paired = index.labsInWindow().filter((p) => p.ferritin !== undefined && p.esr !== undefined);
  const esrZero = paired.filter((p) => p.esr === 0);
  let best: PanelRatio | undefined;
  for (const p of paired) {
    if (p.ferritin === undefined || p.esr === undefined || p.esr === 0) continue;
    const ferritin = fromCanonical('ferritin', p.ferritin, FERRITIN_ESR.ferritinUnit);
    const esr = fromCanonical('esr', p.esr, FERRITIN_ESR.esrUnit);
    const ratio = ferritin / esr;
    // Highest ratio in the window; ties keep the earliest panel.
    if (best === undefined || ratio > best.ratio) best = { hour: p.hour, ferritin, esr, ratio };
  }

  const threshold = describeThreshold(FERRITIN_ESR.cutoff);
  const ratioStatus =
    best === undefined ? 'not-assessed' : meetsThreshold(best.ratio, FERRITIN_ESR.cutoff) ? 'met' : 'not-met';
  const ratioItem: ItemEvidence = {
    id: 'ratio',
    label: 'Ferritin:ESR ratio',
    status: ratioStatus,
    value: best?.ratio ?? null,
    unit: 'ng/mL per mm/h',
    threshold,
    hour: best?.hour ?? null,
    citation: CITE,
    note:
      best !== undefined
        ? `ferritin ${best.ferritin} ${FERRITIN_ESR.ferritinUnit} ÷ ESR ${best.esr} ${FERRITIN_ESR.esrUnit}, same panel`
        : paired.length === 0
          ? 'no panel in the window has both ferritin and ESR'
          : 'not computable: ESR was 0 mm/h in every panel with ferritin',
  };
  const applicable = sjia.status === 'met';
  const status: CriteriaStatus = !applicable
    ? 'not-applicable'
    : ratioStatus === 'met'
      ? 'met'
      : ratioStatus === 'not-met'
        ? 'not-met'
        : 'not-assessable';
  const ratioText =
    best === undefined
      ? 'the ratio could not be computed'
      : `ferritin:ESR ${best.ratio.toFixed(1)} (${best.ferritin} ng/mL ÷ ${best.esr} mm/h at hour ${best.hour})`;
  const summary = !applicable
    ? `Not applicable: the ratio was derived for sJIA-MAS vs active sJIA and the patient has no known or suspected sJIA (${ratioText}).`
    : status === 'met'
      ? `Met: ${ratioText} reaches ${threshold}.`
      : status === 'not-met'
        ? `Not met: ${ratioText} is below ${threshold}.`
        : `Not assessable: ${ratioText}.`;

  const notes = [
    'Ratio = ferritin (ng/mL) ÷ ESR (mm/h) from the same panel; of the panels in the window with both values, the one with the highest ratio is used.',
    'Derived for sJIA-MAS vs active sJIA without MAS (Eloseily 2019): not applicable without known or suspected sJIA; the ratio is still reported when it can be computed.',
    'Cut-off ≥ 21.5: sensitivity 82%, specificity 78% (Eloseily 2019); a Danish cohort found ≥ 19.4 optimal. Fibrinogen consumption lowers ESR in MAS while ferritin rises (the falling-ESR paradox).',
  ];
  if (esrZero.length > 0)
    notes.push(
      `ESR 0 mm/h in ${esrZero.length} panel(s) with ferritin: the ratio is not computable there and those panels are skipped.`,
    );
  if (!applicable && best !== undefined)
    notes.push('Ratio reported for information only: the patient has no known or suspected sJIA.');

  const window = resultWindow(
    index.window,
    'highest ferritin:ESR ratio among panels in the window with both values',
    options,
    'first-24-hours',
  );
  const items = [ratioItem, sjia];
  // Two literals rather than a conditional spread (slow on Node 20): `score`, when computable, sits between summary and items.
  return best === undefined
    ? { id: 'ferritin-esr', name: 'Ferritin:ESR ratio', citation: CITE, window, status, summary, items, notes }
    : {
        id: 'ferritin-esr',
        name: 'Ferritin:ESR ratio',
        citation: CITE,
        window,
        status,
        summary,
        score: {
          value: best.ratio,
          min: best.ratio,
          max: best.ratio,
          cutoff: `${threshold} (sensitivity 82%, specificity 78%)`,
        },
        items,
        notes,
      };
}

export const ferritinEsr: IndexedCriteriaSet = indexedCriteriaSet(
  'ferritin-esr',
  'Ferritin:ESR ratio',
  'first-24-hours',
  evaluate,
);
