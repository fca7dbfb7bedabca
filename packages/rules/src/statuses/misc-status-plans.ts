import { MISC_CDC_2023, MISC_CDC_2023_LABORATORY_FROM_HOUR } from '../criteria/misc-cdc-2023.js';
import { MISC_WHO_2020 } from '../criteria/misc-who-2020.js';
import { PALS_HYPOTENSION } from '../criteria/pediatric-hypotension.js';
import { PHOENIX_VASOACTIVES } from '../criteria/phoenix.js';
import { compare } from '../criteria/threshold.js';
import type { Case } from '../generated/case.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';
import { PUBLISHED_REFERENCE_LIMITS } from '../units/reference-limits.js';
import {
  compileLabTest,
  compileTest,
  countOf,
  findingStatus,
  MET,
  NOT_APPLICABLE,
  NOT_ASSESSABLE,
  NOT_MET,
  testStatus,
} from './compiled-test.js';
import type { StatusRow } from './status-row.js';
import { FINDING_ABSENT, FINDING_PRESENT, type WindowScan } from './window-scan.js';

/*
 * The two MIS-C definitions as status plans: MISC_CDC_2023 and MISC_WHO_2020 (and the shared
 * readings of criteria/misc-organ-involvement.ts: findings, echo, "above the upper reference
 * limit", two or more vasoactives, SARS-CoV-2 evidence) compiled once, applied to a WindowScan,
 * step by step as criteria/misc-cdc-2023.ts and misc-who-2020.ts, without evidence. A property
 * test holds them equal to the engine.
 */

/** anyOf / allOf of misc-organ-involvement.ts over item codes (never empty). */
function anyOf(items: readonly number[]): number {
  let allNotMet = true;
  for (const s of items) {
    if (s === MET) return MET;
    if (s !== NOT_MET) allNotMet = false;
  }
  return allNotMet ? NOT_MET : NOT_ASSESSABLE;
}
function allOf(items: readonly number[]): number {
  let allMet = true;
  for (const s of items) {
    if (s === NOT_MET) return NOT_MET;
    if (s !== MET) allMet = false;
  }
  return allMet ? MET : NOT_ASSESSABLE;
}
const scratch = { met: 0, notAssessed: 0 };
const NO_TESTS: readonly never[] = [];

/**
 * The published upper limits of each analyte "above normal" is read against, in table order
 * (PUBLISHED_REFERENCE_LIMITS, filtered once: publishedReferenceLimit scans the whole table per call).
 */
const ABOVE_NORMAL_ANALYTES = ['troponin', 'ntProBnp', 'inr', 'dDimer', 'esr', 'crp', 'procalcitonin'] as const;
const UPPER_LIMITS = new Map(
  ABOVE_NORMAL_ANALYTES.map((analyte) => [
    analyte,
    PUBLISHED_REFERENCE_LIMITS.filter((r) => r.analyte === analyte && r.upper !== undefined),
  ]),
);

/** "Above normal": the highest value in the window against the patient's upper reference limit (aboveUpperLimitItem). */
function aboveUpperLimit(c: Case, analyte: (typeof ABOVE_NORMAL_ANALYTES)[number], highest: number): number {
  if (Number.isNaN(highest)) return NOT_ASSESSABLE;
  // As upperReferenceLimit: the laboratory's own limit first, then the first published band for age and sex.
  let limit = c.labReferenceRanges?.[analyte]?.upper;
  if (limit === undefined) {
    const { ageYears, sex } = c.patient;
    for (const r of UPPER_LIMITS.get(analyte)!)
      if (ageYears >= r.fromAgeYears && ageYears < r.toAgeYears && (r.sex === undefined || r.sex === sex)) {
        limit = r.upper;
        break;
      }
  }
  if (limit === undefined) return NOT_ASSESSABLE;
  return compare(highest, '>', limit) ? MET : NOT_MET;
}

/** The PALS systolic limit for age (pediatric-hypotension.ts hypotensionLimit), without its band text. */
function hypotensionBelow(ageYears: number): number {
  const t = PALS_HYPOTENSION;
  if (compare(ageYears * DAYS_PER_YEAR, '<=', t.neonateMaxDays)) return t.neonateBelow;
  if (compare(ageYears, '<', t.childFromYears)) return t.infantBelow;
  if (compare(ageYears, '<', t.adolescentFromYears)) return t.childBase + t.childPerYear * Math.floor(ageYears);
  return t.adolescentBelow;
}

/** Two or more vasoactive drugs (vasoactiveShockItem): unrecorded, and shock assessed absent, is not met. */
const VASOACTIVE_SHOCK = compileTest(PHOENIX_VASOACTIVES[PHOENIX_VASOACTIVES.length - 1]!.threshold);
function vasoactiveShock(scan: WindowScan): number {
  if (Number.isNaN(scan.vasoactiveCountHigh)) return scan.shock === FINDING_ABSENT ? NOT_MET : NOT_ASSESSABLE;
  return testStatus(VASOACTIVE_SHOCK, scan.vasoactiveCountHigh);
}

/** SARS-CoV-2 RNA or antigen (sarsCov2RnaOrAntigen): the case's summary, or a positive PCR/antigen test from `fromHour` to `toHour`. */
function sarsCov2RnaOrAntigen(c: Case, fromHour: number, toHour: number): number {
  const summary = c.background.sarsCov2?.rnaOrAntigen;
  if (summary === 'positive') return MET;
  for (const t of c.investigations.viralTests ?? NO_TESTS)
    if (
      t.virus === 'SARS-CoV-2' &&
      (t.method === 'pcr' || t.method === 'antigen') &&
      t.result === 'positive' &&
      t.hour >= fromHour &&
      t.hour <= toHour
    )
      return MET;
  return summary === 'negative' ? NOT_MET : NOT_ASSESSABLE;
}

function sarsCov2Serology(c: Case): number {
  const s = c.background.sarsCov2?.serology;
  return s === 'positive' ? MET : s === 'negative' ? NOT_MET : NOT_ASSESSABLE;
}

/** "Absent a more likely alternative diagnosis": null = assessed none, a string excludes, absent = not assessed. */
function noAlternativeDiagnosis(c: Case): number {
  const alt = c.encounter.moreLikelyAlternativeDiagnosis;
  return alt === undefined ? NOT_ASSESSABLE : alt === null ? MET : NOT_MET;
}

// ---- CSTE/CDC 2023 (criteria/misc-cdc-2023.ts)
const CDC = {
  age: compileTest(MISC_CDC_2023.age),
  fever: compileTest(MISC_CDC_2023.fever),
  crp: compileLabTest('crp', MISC_CDC_2023.crp),
  lvef: compileTest(MISC_CDC_2023.lvef),
  coronaryZ: compileTest(MISC_CDC_2023.coronaryZ),
  platelets: compileLabTest('platelets', MISC_CDC_2023.platelets),
  alc: compileLabTest('alc', MISC_CDC_2023.alc),
  contactDays: compileTest(MISC_CDC_2023.contactDays),
};
const cdcCategories = [0, 0, 0, 0, 0];
const cdcClinical = [0, 0, 0, 0, 0];
const three = [0, 0, 0];
const two = [0, 0];
const four = [0, 0, 0, 0];

// Item lists written into reused arrays (a rest parameter would allocate one per call).
function fill2(into: number[], a: number, b: number): number[] {
  into[0] = a;
  into[1] = b;
  return into;
}
function fill3(into: number[], a: number, b: number, c: number): number[] {
  fill2(into, a, b)[2] = c;
  return into;
}
function fill4(into: number[], a: number, b: number, c: number, d: number): number[] {
  fill3(into, a, b, c)[3] = d;
  return into;
}
function fill5(into: number[], a: number, b: number, c: number, d: number, e: number): number[] {
  fill4(into, a, b, c, d)[4] = e;
  return into;
}
function fill6(into: number[], a: number, b: number, c: number, d: number, e: number, f: number): number[] {
  fill5(into, a, b, c, d, e)[5] = f;
  return into;
}

/** Subjective or documented fever (feverItem): not met only when the record rules it out. */
function cdcFever(scan: WindowScan): number {
  const temp = scan.temperatureHigh;
  const days = scan.feverDaysHigh;
  if (!Number.isNaN(temp) && testStatus(CDC.fever, temp) === MET) return MET;
  if (scan.subjectiveFever === FINDING_PRESENT) return MET;
  if (days > 0) return MET;
  return !Number.isNaN(temp) && scan.subjectiveFever === FINDING_ABSENT && days === 0 ? NOT_MET : NOT_ASSESSABLE;
}

function severity(c: Case): number {
  const { hospitalized, died } = c.encounter;
  return hospitalized === true || died === true
    ? MET
    : hospitalized === false && died === false
      ? NOT_MET
      : NOT_ASSESSABLE;
}

export function miscCdc2023Status(c: Case, scan: WindowScan, out: StatusRow): void {
  const ageOk = testStatus(CDC.age, c.patient.ageYears) === MET;
  cdcCategories[0] = anyOf(
    fill3(
      three,
      testStatus(CDC.lvef, scan.lvefLow),
      testStatus(CDC.coronaryZ, scan.coronaryZHigh),
      aboveUpperLimit(c, 'troponin', scan.troponinHigh),
    ),
  );
  cdcCategories[1] = anyOf(
    fill4(
      four,
      findingStatus(scan.rash),
      findingStatus(scan.mucosalChanges),
      findingStatus(scan.conjunctivitis),
      findingStatus(scan.extremityChanges),
    ),
  );
  cdcCategories[2] = anyOf(fill2(two, findingStatus(scan.shock), vasoactiveShock(scan)));
  cdcCategories[3] = findingStatus(scan.giSymptoms);
  cdcCategories[4] = anyOf(fill2(two, testStatus(CDC.platelets, scan.plateletsLow), testStatus(CDC.alc, scan.alcLow)));
  const organs = countOf(cdcCategories, MISC_CDC_2023.categoriesRequired, scratch);
  const clinical = allOf(
    fill5(
      cdcClinical,
      cdcFever(scan),
      severity(c),
      testStatus(CDC.crp, scan.crpHigh),
      organs,
      noAlternativeDiagnosis(c),
    ),
  );
  const laboratory = anyOf(
    fill2(two, sarsCov2RnaOrAntigen(c, MISC_CDC_2023_LABORATORY_FROM_HOUR, scan.toHour), sarsCov2Serology(c)),
  );
  const s = c.background.sarsCov2;
  const contact = s?.closeContact;
  const days = s?.contactDaysBeforeHospitalization;
  const epidemiologic =
    contact === 'no'
      ? NOT_MET
      : contact === 'yes' && days !== undefined
        ? testStatus(CDC.contactDays, days)
        : NOT_ASSESSABLE;
  // Confirmed (clinical and laboratory) or probable (clinical and epidemiologic linkage).
  const confirmed = allOf(fill2(two, clinical, laboratory));
  const probable = allOf(fill2(two, clinical, epidemiologic));
  const status = !ageOk ? NOT_APPLICABLE : anyOf(fill2(two, confirmed, probable));
  out.set(status, scratch.met, scratch.met, scratch.met + scratch.notAssessed);
}

// ---- WHO 2020 (criteria/misc-who-2020.ts)
const WHO = {
  age: compileTest(MISC_WHO_2020.age),
  feverDays: compileTest(MISC_WHO_2020.feverDays),
  lvef: compileTest(MISC_WHO_2020.lvef),
  coronaryZ: compileTest(MISC_WHO_2020.coronaryZ),
};
const whoSigns = [0, 0, 0, 0, 0];
const whoCardiac = [0, 0, 0, 0, 0, 0];
const whoCore = [0, 0, 0, 0, 0];

export function miscWho2020Status(c: Case, scan: WindowScan, out: StatusRow): void {
  const age = c.patient.ageYears;
  const ageOk = age >= 0 && testStatus(WHO.age, age) === MET;
  whoSigns[0] = anyOf(
    fill4(
      four,
      findingStatus(scan.rash),
      findingStatus(scan.conjunctivitis),
      findingStatus(scan.mucosalChanges),
      findingStatus(scan.extremityChanges),
    ),
  );
  const sbp = scan.sbpLow;
  const hypotension = Number.isNaN(sbp) ? NOT_ASSESSABLE : compare(sbp, '<', hypotensionBelow(age)) ? MET : NOT_MET;
  whoSigns[1] = anyOf(fill3(three, findingStatus(scan.shock), vasoactiveShock(scan), hypotension));
  whoSigns[2] = anyOf(
    fill6(
      whoCardiac,
      testStatus(WHO.lvef, scan.lvefLow),
      findingStatus(scan.pericardialEffusion),
      findingStatus(scan.valvulitis),
      testStatus(WHO.coronaryZ, scan.coronaryZHigh),
      aboveUpperLimit(c, 'troponin', scan.troponinHigh),
      aboveUpperLimit(c, 'ntProBnp', scan.ntProBnpHigh),
    ),
  );
  whoSigns[3] = anyOf(
    fill2(two, aboveUpperLimit(c, 'inr', scan.inrHigh), aboveUpperLimit(c, 'dDimer', scan.dDimerHigh)),
  );
  whoSigns[4] = findingStatus(scan.giSymptoms);
  const signs = countOf(whoSigns, MISC_WHO_2020.signsRequired, scratch);
  const inflammation = anyOf(
    fill3(
      three,
      aboveUpperLimit(c, 'esr', scan.esrHigh),
      aboveUpperLimit(c, 'crp', scan.crpHigh),
      aboveUpperLimit(c, 'procalcitonin', scan.procalcitoninHigh),
    ),
  );
  // No other obvious microbial cause: a positive blood culture in the window, or a documented alternative diagnosis, excludes.
  const alt = c.encounter.moreLikelyAlternativeDiagnosis;
  const noMicrobe =
    scan.bloodCulturePositive || typeof alt === 'string' ? NOT_MET : alt === null ? MET : NOT_ASSESSABLE;
  const contact = c.background.sarsCov2?.closeContact;
  const covid = anyOf(
    fill3(
      three,
      sarsCov2RnaOrAntigen(c, -Infinity, Infinity),
      sarsCov2Serology(c),
      contact === 'yes' ? MET : contact === 'no' ? NOT_MET : NOT_ASSESSABLE,
    ),
  );
  const core = allOf(
    fill5(whoCore, testStatus(WHO.feverDays, scan.feverDaysHigh), signs, inflammation, noMicrobe, covid),
  );
  out.set(ageOk ? core : NOT_APPLICABLE, scratch.met, scratch.met, scratch.met + scratch.notAssessed);
}
