import type { ActionId, Dose, Frequency } from '../generated/plan.js';
import { ACTIONS, type DoseRule } from '../guideline/actions.js';
import type { CaseFeatures } from '../guideline/case-features.js';
import { HARMFUL_OVER_MAXIMUM, SCORING_FORMULA } from './formula.js';

export type DoseProblemKind =
  | 'missing-dose'
  | 'unit'
  | 'route'
  | 'frequency'
  | 'below-range'
  | 'above-range'
  | 'above-maximum'
  | 'unit-slip-over'
  | 'unit-slip-under'
  | 'per-dose-for-per-day'
  | 'twice-maximum'
  | 'duration'
  | 'duration-not-stated'
  | 'absurd';

export interface DoseProblem {
  readonly kind: DoseProblemKind;
  readonly message: string;
}

export interface DoseCheck {
  /** ok: passes an applicable rule; error: fails them all; not-assessable: a rule applies but the case lacks weight/height; no-rule: nothing to check. */
  readonly status: 'ok' | 'error' | 'not-assessable' | 'no-rule';
  readonly rule?: DoseRule;
  readonly problems: readonly DoseProblem[];
  /**
   * Shown, but the dose still passes: a course written without the number of days the rule sets
   * (a pulse "30 mg/kg/day IV daily" with no duration; GC-1: 3–5 days). Only with status ok.
   */
  readonly minor: readonly DoseProblem[];
  /**
   * Harmful (caps the score): a mg-vs-g slip, a per-dose amount written where the rule is per day
   * (×2–6), a dose at least twice the published maximum of every applicable rule (per kg or m²,
   * per infusion, per day or per course), or a dose beyond any slip (absurd).
   */
  readonly harmful: boolean;
  /** The dose over the most generous applicable maximum (1 = at the maximum), when it can be known. */
  readonly overMaximum?: number;
  /** The dose restated in the rule's unit for this patient, e.g. "29.9 mg/kg/day (600 mg/day for 20 kg)". */
  readonly computed?: string;
  readonly notes: readonly string[];
}

/** Doses per dosing day for each frequency (continuous: only per-day units make sense). */
export const DOSES_PER_DOSING_DAY: { readonly [K in Frequency]: number } = {
  once: 1,
  q4h: 6,
  q6h: 4,
  q8h: 3,
  q12h: 2,
  q24h: 1,
  q48h: 1,
  q3d: 1,
  'twice-weekly': 1,
  weekly: 1,
  q2w: 1,
  'q12h-3-days-weekly': 2,
  continuous: Number.NaN,
};

const MINUTES_PER_DAY = 24 * 60;
const MCG_PER_MG = 1000;

interface UnitInfo {
  readonly factor: number;
  readonly basis: 'per-kg' | 'per-m2' | 'absolute';
  readonly scope: 'per-dose' | 'per-day';
  readonly measure: 'mass' | 'volume' | 'rate';
}

export const UNIT_INFO: { readonly [K in Dose['unit']]: UnitInfo } = {
  'mg/kg': { factor: 1, basis: 'per-kg', scope: 'per-dose', measure: 'mass' },
  'mg/kg/day': { factor: 1, basis: 'per-kg', scope: 'per-day', measure: 'mass' },
  'g/kg': { factor: 1000, basis: 'per-kg', scope: 'per-dose', measure: 'mass' },
  'g/kg/day': { factor: 1000, basis: 'per-kg', scope: 'per-day', measure: 'mass' },
  'mg/m2': { factor: 1, basis: 'per-m2', scope: 'per-dose', measure: 'mass' },
  'mg/m2/day': { factor: 1, basis: 'per-m2', scope: 'per-day', measure: 'mass' },
  mg: { factor: 1, basis: 'absolute', scope: 'per-dose', measure: 'mass' },
  'mg/day': { factor: 1, basis: 'absolute', scope: 'per-day', measure: 'mass' },
  g: { factor: 1000, basis: 'absolute', scope: 'per-dose', measure: 'mass' },
  'g/day': { factor: 1000, basis: 'absolute', scope: 'per-day', measure: 'mass' },
  'mL/kg': { factor: 1, basis: 'per-kg', scope: 'per-dose', measure: 'volume' },
  // A rate: 1 mcg/kg/min = 1440 min/day ÷ 1000 mcg/mg = 1.44 mg/kg/day (no dose rule uses it yet).
  'mcg/kg/min': { factor: MINUTES_PER_DAY / MCG_PER_MG, basis: 'per-kg', scope: 'per-day', measure: 'rate' },
};

const round = (x: number) =>
  Math.abs(x) >= 100 ? Math.round(x) : Math.abs(x) >= 10 ? Math.round(x * 10) / 10 : Math.round(x * 100) / 100;

/** The dose in the plan as per-dose, per-day and per-course amounts (mg, in the plan's own basis). */
function amounts(dose: Dose): { perDose: number | undefined; perDay: number; perCourse: number } {
  const info = UNIT_INFO[dose.unit];
  const n = DOSES_PER_DOSING_DAY[dose.frequency];
  const raw = dose.amount * info.factor;
  const perDay = info.scope === 'per-day' ? raw : raw * (Number.isNaN(n) ? 1 : n);
  const perDose = info.scope === 'per-dose' ? raw : Number.isNaN(n) ? undefined : raw / n;
  const days = dose.durationDays ?? 1;
  return { perDose, perDay, perCourse: dose.frequency === 'once' ? (perDose ?? perDay) : perDay * days };
}

/** Converts an amount between bases; undefined when the patient's weight or BSA is needed and missing. */
function convert(value: number, from: UnitInfo['basis'], to: UnitInfo['basis'], f: CaseFeatures): number | undefined {
  if (from === to) return value;
  const size = (basis: UnitInfo['basis']) => (basis === 'per-kg' ? f.weightKg : basis === 'per-m2' ? f.bsaM2 : 1);
  const a = size(from);
  const b = size(to);
  if (a === undefined || b === undefined) return undefined;
  return (value * a) / b;
}

function unitWord(rule: DoseRule): string {
  return rule.unitLabel;
}

/** Tolerance for floating-point noise when a dose is compared with a maximum (not a grading allowance). */
const FLOAT_EPS = 1e-9;

const daysText = (d: { readonly min: number; readonly max: number }) =>
  d.min === d.max ? `${d.min}` : `${d.min}–${d.max}`;

interface RuleResult {
  problems: DoseProblem[];
  minor: DoseProblem[];
  harmful: boolean;
  computed?: string;
  assessable: boolean;
  /** The dose over this rule's lowest binding maximum (per kg/m² and absolute): 2 means twice it. */
  overMaximum?: number;
  /** The binding maximum, in words, for the message. */
  maximumText?: string;
}

/**
 * Check one rule; returns problems (empty = passes) and, when the case lacks what the conversion
 * needs, assessable false.
 *
 * The range is widened by the rounding allowance (design choice rounding-allowance); a published
 * maximum (GC-1 "1 g/infusion", aspirin 81 mg/day, IVIG 100 g) is strict: a dose above it is above
 * the maximum. A dose 1000× (or 1/1000 of) a dose that would pass — within the published range, or
 * within this patient's range under a maximum — is a mg-vs-g slip (design choice unit-slip); a
 * maximum lowers this patient's range but never hides a slip against the published one.
 */
function checkRule(rule: DoseRule, dose: Dose, f: CaseFeatures): RuleResult {
  const tol = SCORING_FORMULA.roundingAllowance;
  const info = UNIT_INFO[dose.unit];
  const problems: DoseProblem[] = [];
  const minor: DoseProblem[] = [];
  if (
    (rule.measure === 'mass' && info.measure !== 'mass') ||
    (rule.measure === 'volume' && info.measure !== 'volume')
  ) {
    return {
      problems: [
        { kind: 'unit', message: `${dose.unit} is not a unit for this drug (the rule is in ${rule.unitLabel})` },
      ],
      minor,
      harmful: false,
      assessable: true,
    };
  }
  if (dose.route && rule.routes && !rule.routes.includes(dose.route)) {
    problems.push({ kind: 'route', message: `route ${dose.route} — the rule is ${rule.routes.join(' or ')}` });
  }
  if (rule.frequencies && !rule.frequencies.includes(dose.frequency)) {
    problems.push({
      kind: 'frequency',
      message: `frequency ${dose.frequency} — expected ${rule.frequencies.join(', ')}`,
    });
  }
  const d = rule.durationDays;
  if (d && dose.durationDays !== undefined && (dose.durationDays < d.min || dose.durationDays > d.max)) {
    problems.push({ kind: 'duration', message: `${dose.durationDays} days — expected ${daysText(d)} days` });
  } else if (d && dose.durationDays === undefined && dose.frequency !== 'once') {
    if (rule.scope === 'per-course') {
      // The course total is what the rule sets: without the days it cannot be checked (counted as one day below).
      problems.push({
        kind: 'duration',
        message: `duration not stated: the course total depends on it (expected ${daysText(d)} days)`,
      });
    } else {
      // The daily dose is checked; the missing number of days is shown, not scored.
      minor.push({ kind: 'duration-not-stated', message: `duration not stated — expected ${daysText(d)} days` });
    }
  }
  const a = amounts(dose);
  const inScope = rule.scope === 'per-dose' ? a.perDose : rule.scope === 'per-day' ? a.perDay : a.perCourse;
  if (inScope === undefined) {
    problems.push({ kind: 'frequency', message: `a continuous infusion cannot be written per dose (use a /day unit)` });
    return { problems, minor, harmful: false, assessable: true };
  }
  const value = convert(inScope, info.basis, rule.basis, f);
  // Absolute amounts, for the maxima (need weight/BSA unless the plan is already absolute).
  const abs = (v: number | undefined) => (v === undefined ? undefined : convert(v, info.basis, 'absolute', f));
  const absScope = abs(inScope);
  if (value === undefined) return { problems, minor, harmful: false, assessable: false };

  // The lowest maximum that binds for this patient, in the rule's basis (undefined: none, or no weight/BSA to place it).
  const capsAbs: number[] = [];
  const n = DOSES_PER_DOSING_DAY[dose.frequency];
  if (rule.maxPerDoseMg !== undefined)
    capsAbs.push(
      rule.scope === 'per-dose'
        ? rule.maxPerDoseMg
        : rule.scope === 'per-day'
          ? rule.maxPerDoseMg * (Number.isNaN(n) ? 1 : n)
          : Infinity,
    );
  if (rule.maxPerDayMg !== undefined && rule.scope === 'per-day') capsAbs.push(rule.maxPerDayMg);
  if (rule.maxPerCourseMg !== undefined && rule.scope === 'per-course') capsAbs.push(rule.maxPerCourseMg);
  if (rule.maxPerCourseMg !== undefined && rule.scope === 'per-day' && rule.durationDays)
    capsAbs.push(rule.maxPerCourseMg / rule.durationDays.max);
  const capAbs = Math.min(...capsAbs);
  const capInBasis = Number.isFinite(capAbs) ? convert(capAbs, 'absolute', rule.basis, f) : undefined;

  // This patient's range: the published one, lowered by the maximum where it binds.
  const lo = capInBasis !== undefined ? Math.min(rule.min, capInBasis) : rule.min;
  const hi = capInBasis !== undefined ? Math.min(rule.max, capInBasis) : rule.max;
  const aboveCap = (v: number) => capInBasis !== undefined && v > capInBasis * (1 + FLOAT_EPS);
  const top = (v: number) => v > hi * (1 + tol) || aboveCap(v);
  const bottom = (v: number) => v < lo * (1 - tol);
  const inPublished = (v: number) => v >= rule.min * (1 - tol) && v <= rule.max * (1 + tol);
  const inPatient = (v: number) => !top(v) && !bottom(v);

  const k = rule.unitDivisor ?? 1;
  const span = (x: number, y: number) =>
    x === y ? `${round(x / k)} ${unitWord(rule)}` : `${round(x / k)}–${round(y / k)} ${unitWord(rule)}`;
  const rangeText = span(lo, hi);
  const publishedText = span(rule.min, rule.max);
  const size =
    rule.basis === 'per-kg'
      ? ` for ${f.weightKg} kg`
      : rule.basis === 'per-m2' && f.bsaM2 !== undefined
        ? ` for ${round(f.bsaM2)} m²`
        : '';
  const computed = `${round(value / k)} ${unitWord(rule)}${absScope !== undefined && rule.basis !== 'absolute' ? ` (${round(absScope)} mg ${rule.scope.replace('per-', 'per ')}${size})` : ''}`;
  const slipTarget = (v: number) =>
    inPublished(v) ? `the published ${publishedText}` : `${rangeText} for this patient`;
  let harmful = false;
  // How far over the maximum: the published per-kg/m² maximum, and the absolute one (per infusion, day or course) where it binds.
  const overPublished = rule.max > 0 ? value / rule.max : Infinity;
  const overCap = capInBasis !== undefined && capInBasis > 0 ? value / capInBasis : 0;
  const overMaximum = Math.max(overPublished, overCap);
  const maximumText =
    overCap > overPublished
      ? `${k === 1000 ? `${round(capAbs / 1000)} g` : `${round(capAbs)} mg`} ${rule.scope.replace('per-', 'per ')}`
      : `${round(rule.max / k)} ${unitWord(rule)}`;
  // 10,000-fold off every dose that could pass (the published range and this patient's range under a maximum).
  const ratioHigh = value / (rule.max || 1);
  const ratioLow = lo / (value || 1);
  // A per-dose amount where the rule is per day: the daily dose given at every one of n doses (30 mg/kg q8h for 30 mg/kg/day).
  const n2 = DOSES_PER_DOSING_DAY[dose.frequency];
  const perDoseForPerDay = info.scope === 'per-dose' && rule.scope === 'per-day' && n2 > 1 ? value / n2 : undefined;
  if (ratioHigh > 1e4 || ratioLow > 1e4) {
    problems.push({ kind: 'absurd', message: `${computed} is more than 10,000-fold off ${publishedText}` });
    harmful = true;
  } else if (top(value)) {
    const swapped = value / 1000;
    if (inPublished(swapped) || inPatient(swapped)) {
      problems.push({
        kind: 'unit-slip-over',
        message: `${computed} is 1000× ${slipTarget(swapped)}: mg and g swapped?`,
      });
      harmful = true;
    } else if (perDoseForPerDay !== undefined && (inPublished(perDoseForPerDay) || inPatient(perDoseForPerDay))) {
      problems.push({
        kind: 'per-dose-for-per-day',
        message: `${computed} is ${n2}× ${slipTarget(perDoseForPerDay)}: ${dose.amount} ${dose.unit} given ${dose.frequency} repeats the daily dose at every dose (per dose written for per day?)`,
      });
      // Harmful where the slip reaches twice the maximum (q8h, or q12h at the top of the range); below that, a dose error like any excess.
      harmful = overMaximum >= HARMFUL_OVER_MAXIMUM * (1 - FLOAT_EPS);
    } else if (capInBasis !== undefined && aboveCap(value) && value <= rule.max * (1 + tol)) {
      problems.push({
        kind: 'above-maximum',
        message: `${computed} exceeds the maximum (${k === 1000 ? `${round(capAbs / 1000)} g` : `${round(capAbs)} mg`} ${rule.scope.replace('per-', 'per ')})`,
      });
    } else {
      problems.push({ kind: 'above-range', message: `${computed} is above ${rangeText}` });
    }
  } else if (bottom(value)) {
    const swapped = value * 1000;
    if (inPublished(swapped) || inPatient(swapped))
      problems.push({
        kind: 'unit-slip-under',
        message: `${computed} is 1/1000 of ${slipTarget(swapped)}: g and mg swapped?`,
      });
    else problems.push({ kind: 'below-range', message: `${computed} is below ${rangeText}` });
  }
  return {
    problems,
    minor: problems.length === 0 ? minor : [],
    harmful,
    computed,
    assessable: true,
    overMaximum,
    maximumText,
  };
}

const isSlip = (r: RuleResult) => r.problems.some((p) => p.kind === 'unit-slip-over' || p.kind === 'unit-slip-under');

/**
 * The closer of two failures, for the report: a harmful one first (1000× a dose this patient could get is a slip
 * whatever another rule says), then the fewest problems (route/frequency matches preferred), then a mg-vs-g
 * diagnosis over a plain range miss (0.005 g/kg/day of TMP written as mg is 1/1000 of the mg/kg rule even when it
 * is merely below the mg/m² one).
 */
function closer(a: RuleResult, b: RuleResult): boolean {
  if (a.harmful !== b.harmful) return a.harmful;
  if (a.problems.length !== b.problems.length) return a.problems.length < b.problems.length;
  return isSlip(a) && !isSlip(b);
}

/** Checks a planned dose of an action against every applicable rule. Pure. */
export function checkDose(action: ActionId, dose: Dose | undefined, f: CaseFeatures): DoseCheck {
  const def = ACTIONS[action];
  const rules = def.doseRules.filter((r) => !r.when || r.when.test(f));
  const none = { problems: [], minor: [], harmful: false, notes: [] } as const;
  if (def.doseRules.length === 0) return { ...none, status: 'no-rule' };
  if (!dose) return { ...none, status: 'error', problems: [{ kind: 'missing-dose', message: 'no dose stated' }] };
  if (dose.unit && def.units && !def.units.includes(dose.unit)) {
    return {
      ...none,
      status: 'error',
      problems: [{ kind: 'unit', message: `${dose.unit} is not a unit for ${def.name}` }],
    };
  }
  if (rules.length === 0)
    return {
      ...none,
      status: 'not-assessable',
      notes: [
        `no sourced dose applies to this patient (${def.doseRules.map((r) => r.when?.label ?? r.label).join('; ')})`,
      ],
    };
  let best: { rule: DoseRule; res: RuleResult } | undefined;
  let passed: { rule: DoseRule; res: RuleResult } | undefined;
  let anyUnassessable = false;
  const assessed: RuleResult[] = [];
  for (const rule of rules) {
    const res = checkRule(rule, dose, f);
    if (!res.assessable) {
      anyUnassessable = true;
      continue;
    }
    assessed.push(res);
    if (res.problems.length === 0) {
      // A rule passed without reservation wins; otherwise the first that passed.
      if (res.minor.length === 0) return { ...none, status: 'ok', rule, computed: res.computed };
      passed ??= { rule, res };
      continue;
    }
    if (!best || closer(res, best.res)) best = { rule, res };
  }
  if (passed)
    return { ...none, status: 'ok', rule: passed.rule, minor: passed.res.minor, computed: passed.res.computed };
  if (!best)
    return { ...none, status: 'not-assessable', notes: ['weight or height missing: the dose cannot be converted'] };
  // At least twice the maximum of every applicable rule (the most generous one included): harmful, whatever else is wrong.
  const over = anyUnassessable ? undefined : Math.min(...assessed.map((r) => r.overMaximum ?? 0));
  if (over !== undefined && over >= HARMFUL_OVER_MAXIMUM * (1 - FLOAT_EPS) && !best.res.harmful) {
    const res = best.res;
    best = {
      rule: best.rule,
      res: {
        ...res,
        harmful: true,
        problems: [
          {
            kind: 'twice-maximum',
            message: `${res.computed} is ${round(res.overMaximum ?? over)}× the published maximum (${res.maximumText})`,
          },
          ...res.problems.filter((p) => p.kind !== 'above-range' && p.kind !== 'above-maximum'),
        ],
      },
    };
  }
  if (anyUnassessable && !best.res.harmful) {
    // Another applicable rule could not be checked: do not call the dose wrong on the strength of the others.
    return {
      ...none,
      status: 'not-assessable',
      rule: best.rule,
      harmful: best.res.harmful,
      notes: ['weight or height missing for one of the applicable dose rules'],
    };
  }
  return {
    ...none,
    status: 'error',
    rule: best.rule,
    problems: best.res.problems,
    harmful: best.res.harmful,
    computed: best.res.computed,
    ...(over !== undefined && Number.isFinite(over) ? { overMaximum: over } : {}),
  };
}

/** The planned amount per single dose in mg, when it can be known (for maxima such as GC-1's 1 g per infusion). */
export function absolutePerDoseMg(dose: Dose, f: CaseFeatures): number | undefined {
  const info = UNIT_INFO[dose.unit];
  if (info.measure !== 'mass') return undefined;
  const perDose = amounts(dose).perDose;
  return perDose === undefined ? undefined : convert(perDose, info.basis, 'absolute', f);
}

/** The dose as mg/kg/day for this patient, when it can be known (the treatment-control table's dose bands read it). */
export function dosePerKgPerDay(
  dose: Dose | undefined,
  f: Pick<CaseFeatures, 'weightKg' | 'bsaM2'>,
): number | undefined {
  if (!dose) return undefined;
  const info = UNIT_INFO[dose.unit];
  if (info.measure !== 'mass') return undefined;
  const n = DOSES_PER_DOSING_DAY[dose.frequency];
  const perDay =
    info.scope === 'per-day' ? dose.amount * info.factor : Number.isNaN(n) ? undefined : dose.amount * info.factor * n;
  if (perDay === undefined) return undefined;
  if (info.basis === 'per-kg') return perDay;
  if (info.basis === 'absolute') return f.weightKg ? perDay / f.weightKg : undefined;
  return f.bsaM2 && f.weightKg ? (perDay * f.bsaM2) / f.weightKg : undefined;
}
