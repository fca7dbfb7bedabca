import {
  ACTIONS,
  SCORING_FORMULA,
  absolutePerDoseMg,
  expertDose,
  expertRule,
  type DoseRule,
  formatNumber,
  DOSES_PER_DOSING_DAY,
  UNIT_INFO,
} from '@masdrill/rules';
import { citeStatements, statementIdsOf } from './cite.js';
import { vignetteOf } from './case-view.js';
import { doseText, unitText } from './dose-text.js';
import type { DraftItem, ItemContext } from './item-context.js';

/** Key rounding: to 0.1 mg, finer than any tolerance below. */
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Which maximum binds, in words, checked in the order expertDose applies them. */
function bindingMaximum(rule: DoseRule, uncappedPerDoseMg: number, n: number): string {
  const perDay = uncappedPerDoseMg * n;
  const days = rule.expert.durationDays ?? 1;
  if (rule.maxPerDoseMg !== undefined && uncappedPerDoseMg > rule.maxPerDoseMg)
    return `the maximum of ${formatNumber(rule.maxPerDoseMg)} mg per dose`;
  if (rule.maxPerDayMg !== undefined && perDay > rule.maxPerDayMg)
    return `the maximum of ${formatNumber(rule.maxPerDayMg)} mg a day${n > 1 ? ` (${formatNumber(Math.round((rule.maxPerDayMg / n) * 10) / 10)} mg in each of ${n} doses)` : ''}`;
  if (rule.maxPerCourseMg !== undefined) {
    const g = formatNumber(rule.maxPerCourseMg / 1000);
    return rule.expert.frequency !== 'once' && days > 1
      ? `the maximum of ${g} g per course, which over ${days} days allows ${formatNumber(Math.round((rule.maxPerCourseMg / 1000 / days / n) * 10) / 10)} g per dose`
      : `the maximum of ${g} g per course`;
  }
  return 'the maximum';
}

/**
 * Dose calculation, numeric with a tolerance: the first weight- or BSA-based dose of expectedPlan,
 * as the expert rule writes it (expertDose applies this patient's maxima), per single
 * administration in mg (absolutePerDoseMg), or in g for a dose written in grams (IVIG). Tolerance: the scorer's rounding allowance.
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
    // A dose written in grams (IVIG 2 g/kg) is asked in grams: "80 g", not "80000 mg".
    const unit = rule.unitDivisor === 1000 ? 'g' : 'mg';
    const inUnit = (x: number) => (unit === 'g' ? x / 1000 : x);
    const value = round1(inUnit(mg));
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
    // A daily amount given in n doses is divided by n; the stem says so once, with the interval.
    const divided = UNIT_INFO[written.unit].scope === 'per-day' && n > 1;
    // The rule's own basis (the MIS-C IVIG maximum rests on ACR/NIH, not on MAS's IVIG-1); the
    // action's only where the rule names none.
    const ruleHasBasis = rule.basisOf.statementIds.length + rule.basisOf.citations.length > 0;
    const basis = ruleHasBasis ? rule.basisOf : action.basisOf;
    const ids = statementIdsOf(basis.statementIds);
    const citations = basis.citations.filter((c) => c !== 'guideline');
    const working = `${formatNumber(written.amount)} ${unitText(written.unit)}${divided ? ` ÷ ${n}` : ''} × ${formatNumber(rule.basis === 'per-kg' ? size : Math.round(size * 100) / 100)} ${rule.basis === 'per-kg' ? 'kg' : 'm²'} = ${formatNumber(round1(inUnit(uncapped)))} ${unit} per dose`;
    return {
      id: `${ctx.idBase}-dose`,
      topic: 'dose',
      kind: 'numeric',
      title: 'Dose calculation',
      vignette: `${vignetteOf(ctx.visible, ctx.hour)} ${body}`,
      question: `The team starts ${action.name}: ${doseText(written, divided ? n : undefined)}${maxima.length ? `, ${maxima.join(', ')}` : ''}. How many ${unit === 'g' ? 'grams' : 'milligrams'} does this patient receive in each single dose? Answer in ${unit}.`,
      options: [],
      key: [],
      numericKey: { value, tolerance, unit },
      rationale: `${rule.label}: ${working}${capped ? `, above ${bindingMaximum(rule, uncapped, n)}, so the maximum applies: ${formatNumber(value)} ${unit}` : ''}. Accepted: ${formatNumber(value)} ± ${formatNumber(tolerance)} ${unit} (the scorer's ±${Math.round(SCORING_FORMULA.roundingAllowance * 100)}% rounding allowance).${ids.length ? ` ${citeStatements(ids)}` : ''}${citations.length ? ` Sources: ${citations.join(', ')}.` : ''}`,
      statementIds: ids,
      ...(citations.length ? { citations } : {}),
      source: ctx.source,
    };
  }
  return undefined;
}
