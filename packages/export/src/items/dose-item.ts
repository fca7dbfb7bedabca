import {
  ACTIONS,
  SCORING_FORMULA,
  absolutePerDoseMg,
  expertDose,
  expertRule,
  formatNumber,
  DOSES_PER_DOSING_DAY,
  UNIT_INFO,
} from '@masdrill/rules';
import { citeStatements, statementIdsOf } from './cite.js';
import { vignetteOf } from './case-view.js';
import { doseText } from './dose-text.js';
import type { DraftItem, ItemContext } from './item-context.js';

/** Key rounding: to 0.1 mg, finer than any tolerance below. */
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Dose calculation, numeric with a tolerance: the first weight- or BSA-based dose of expectedPlan,
 * as the expert rule writes it (expertDose applies this patient's maxima), per single
 * administration in mg (absolutePerDoseMg). Tolerance: the scorer's rounding allowance.
 */
export function doseItem(ctx: ItemContext): DraftItem | undefined {
  const f = ctx.expected.features;
  for (const planned of ctx.expected.plan.actions) {
    const rule = expertRule(planned.action, f);
    if (rule?.measure !== 'mass' || rule.basis === 'absolute') continue;
    const written = rule.expert;
    const applied = expertDose(rule, f);
    const n = DOSES_PER_DOSING_DAY[applied.frequency];
    if (!Number.isFinite(n) || UNIT_INFO[written.unit].measure !== 'mass') continue;
    const mg = absolutePerDoseMg(applied, f);
    const size = rule.basis === 'per-kg' ? f.weightKg : f.bsaM2;
    if (mg === undefined || size === undefined || !(mg > 0)) continue;
    const uncapped = absolutePerDoseMg(written, f)!;
    const capped = uncapped > mg * (1 + 1e-9);
    const value = round1(mg);
    const tolerance = round1(Math.max(value * SCORING_FORMULA.roundingAllowance, 0.1));
    const action = ACTIONS[planned.action];
    const maxima = [
      rule.maxPerDoseMg !== undefined ? `at most ${formatNumber(rule.maxPerDoseMg)} mg per dose` : undefined,
      rule.maxPerDayMg !== undefined ? `at most ${formatNumber(rule.maxPerDayMg)} mg a day` : undefined,
      rule.maxPerCourseMg !== undefined
        ? `at most ${formatNumber(rule.maxPerCourseMg / 1000)} g per course`
        : undefined,
    ].filter(Boolean);
    const body =
      rule.basis === 'per-kg'
        ? `The patient weighs ${formatNumber(f.weightKg!)} kg.`
        : `The patient weighs ${formatNumber(f.weightKg!)} kg and is ${formatNumber(f.heightCm!)} cm tall: body surface area ${formatNumber(Math.round(f.bsaM2! * 100) / 100)} m² (Mosteller).`;
    const perDoseWritten =
      UNIT_INFO[written.unit].scope === 'per-day' && n > 1 ? ` divided into ${n} dose${n === 1 ? '' : 's'} a day` : '';
    const ids = statementIdsOf(rule.basisOf.statementIds, action.basisOf.statementIds);
    const working = `${formatNumber(written.amount)} ${written.unit}${perDoseWritten ? ` ÷ ${n}` : ''} × ${formatNumber(rule.basis === 'per-kg' ? size : Math.round(size * 100) / 100)} ${rule.basis === 'per-kg' ? 'kg' : 'm²'} = ${formatNumber(round1(uncapped))} mg per dose`;
    return {
      id: `${ctx.idBase}-dose`,
      topic: 'dose',
      kind: 'numeric',
      title: 'Dose calculation',
      vignette: `${vignetteOf(ctx.visible, ctx.hour)} ${body}`,
      question: `The team starts ${action.name}: ${doseText(written)}${perDoseWritten}${maxima.length ? `, ${maxima.join(', ')}` : ''} (${rule.label}). How many milligrams does this patient receive in each single dose? Answer in mg.`,
      options: [],
      key: [],
      numericKey: { value, tolerance, unit: 'mg' },
      rationale: `${working}${capped ? `, above the maximum, so the maximum applies: ${formatNumber(value)} mg` : ''}. Accepted: ${formatNumber(value)} ± ${formatNumber(tolerance)} mg (the scorer's ±${Math.round(SCORING_FORMULA.roundingAllowance * 100)}% rounding allowance). ${citeStatements(ids)}`,
      statementIds: ids,
      source: ctx.source,
    };
  }
  return undefined;
}
