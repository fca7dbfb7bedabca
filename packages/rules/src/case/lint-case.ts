import type { Case } from '../generated/case.js';
import { ANALYTES, NUMERIC_ANALYTES } from '../units/analytes.js';
import type { ValidationProblem } from '../validation/validation-problem.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';
import { fromCanonical } from '../units/convert.js';
import { plausibleWeightRange } from '../growth/weight-for-age.js';
import type { CaseUnits } from './case-units.js';

export interface LintOptions {
  /** The units the file was written in (the case itself is already canonical): messages quote the value as given. */
  readonly inputUnits?: CaseUnits;
}

/** A term infant's weight is checked against the reference; a preterm newborn's is not (the references start at term). */
const TERM_WEEKS = 37;

/**
 * The second gate after the schema: meaning. A case can have the right shape and still be wrong —
 * a ferritin of 9 × 10⁶ (a unit slip), two lab panels at the same hour, a diastolic pressure above
 * the systolic. Plausibility limits are the registry's input-sanity limits (a design choice).
 */
export function lintCase(c: Case, file = '<input>', options: LintOptions = {}): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (path: string, message: string, fix: string) => problems.push({ file, path, message, fix });

  const labHours = new Set<number>();
  c.labs.forEach((panel, i) => {
    if (labHours.has(panel.hour))
      add(
        `$.labs[${i}].hour`,
        `a second lab panel at hour ${panel.hour}`,
        'merge panels drawn at the same hour into one',
      );
    labHours.add(panel.hour);
    for (const analyte of NUMERIC_ANALYTES) {
      const value = panel[analyte];
      if (value === undefined) continue;
      const def = ANALYTES[analyte];
      if (value < def.plausible.min || value > def.plausible.max)
        add(`$.labs[${i}].${analyte}`, ...implausibleLab(analyte, value, options.inputUnits ?? 'canonical'));
    }
    if (panel.triglyceridesFasting !== undefined && panel.triglycerides === undefined) {
      add(
        `$.labs[${i}].triglyceridesFasting`,
        'fasting status given without a triglyceride value',
        'add triglycerides or remove triglyceridesFasting',
      );
    }
  });

  const observationHours = new Set<number>();
  c.observations.forEach((o, i) => {
    if (observationHours.has(o.hour))
      add(
        `$.observations[${i}].hour`,
        `a second observation at hour ${o.hour}`,
        'merge observations made at the same hour into one',
      );
    observationHours.add(o.hour);
    if (o.sbp !== undefined && o.dbp !== undefined && o.dbp >= o.sbp) {
      add(
        `$.observations[${i}].dbp`,
        `diastolic ${o.dbp} mmHg is not below systolic ${o.sbp} mmHg`,
        'check that sbp and dbp are not swapped',
      );
    }
    if (
      (o.pao2 !== undefined || o.spo2 !== undefined) &&
      o.fio2 === undefined &&
      o.respiratorySupport !== undefined &&
      o.respiratorySupport !== 'none'
    ) {
      add(
        `$.observations[${i}].fio2`,
        `${o.respiratorySupport} respiratory support without an FiO2`,
        'give fio2 as a fraction (0.21–1.0)',
      );
    }
    if (o.respiratorySupport === 'none' && o.fio2 !== undefined && o.fio2 > 0.21) {
      add(
        `$.observations[${i}].fio2`,
        `FiO2 ${o.fio2} with respiratorySupport "none"`,
        'set respiratorySupport (oxygen, noninvasive or invasive) or FiO2 0.21',
      );
    }
    if (o.shock === false && (o.vasoactiveCount ?? 0) > 0) {
      add(
        `$.observations[${i}].shock`,
        `shock recorded as absent while ${o.vasoactiveCount} vasoactive drug(s) run`,
        'record shock: true, or remove the vasoactives',
      );
    }
  });

  const { weightKg, ageYears, sex, gestationalAgeWeeks } = c.patient;
  if (weightKg !== undefined) {
    const range = plausibleWeightRange(ageYears, sex);
    const preterm = gestationalAgeWeeks !== undefined && gestationalAgeWeeks < TERM_WEEKS && ageYears < 1;
    if ((weightKg < range.min && !preterm) || weightKg > range.max) {
      add(
        '$.patient.weightKg',
        `${weightKg} kg is not a plausible weight for a ${ageYears}-year-old ${sex === 'male' ? 'boy' : 'girl'} (${oneDecimal(range.min)}–${oneDecimal(range.max)} kg, within 6 SD of the WHO/CDC weight-for-age reference)`,
        'check that the weight is in kilograms and the age in years',
      );
    }
  }

  const ageDays = c.patient.ageYears * DAYS_PER_YEAR;
  if (c.patient.gestationalAgeWeeks !== undefined && ageDays > 365) {
    add(
      '$.patient.gestationalAgeWeeks',
      'gestational age given for a child over one year old',
      'remove it unless this is a newborn or infant case',
    );
  }
  if (c.background.sjiaDurationYears !== undefined && c.background.sjiaDurationYears > c.patient.ageYears) {
    add(
      '$.background.sjiaDurationYears',
      `sJIA duration ${c.background.sjiaDurationYears} y exceeds age ${c.patient.ageYears} y`,
      'check the duration and the age',
    );
  }
  if (c.background.sjiaDurationYears !== undefined && c.background.sjia === 'none') {
    add(
      '$.background.sjiaDurationYears',
      'an sJIA duration without sJIA',
      'set background.sjia to "known", or remove the duration',
    );
  }
  if (c.truth && c.provenance.source === 'authored' && c.truth.kind === 'misc' && c.background.sarsCov2 === undefined) {
    add(
      '$.background.sarsCov2',
      'a MIS-C case without SARS-CoV-2 evidence or exposure recorded',
      'add background.sarsCov2',
    );
  }
  return problems;
}

const oneDecimal = (v: number): string => String(Math.round(v * 10) / 10);

/** Message and fix for a lab value outside the plausible range, quoting the value in the units the file used. */
function implausibleLab(analyte: (typeof NUMERIC_ANALYTES)[number], value: number, units: CaseUnits): [string, string] {
  const def = ANALYTES[analyte];
  const range = `${def.plausible.min}–${def.plausible.max} ${def.canonicalUnit}`;
  if (units !== 'canonical') {
    const unit = def.systemUnits[units];
    const given = Number(fromCanonical(analyte, value, unit).toPrecision(6));
    return [
      `${given} ${unit} (${Number(value.toPrecision(6))} ${def.canonicalUnit}) is outside the plausible range ${range}`,
      `check the value: the file is in ${units} units, where ${analyte} is in ${unit}`,
    ];
  }
  const other = (['si', 'conventional'] as const).find((system) => def.systemUnits[system] !== def.canonicalUnit);
  return [
    `${value} ${def.canonicalUnit} is outside the plausible range ${range}`,
    `check the unit: ${analyte} is read in ${def.canonicalUnit}${other ? `; if the file holds ${other} units (${def.systemUnits[other]}), say so with "units": "${other}" in the case or --units ${other}` : ''}`,
  ];
}
