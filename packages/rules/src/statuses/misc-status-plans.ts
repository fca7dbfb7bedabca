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
import type { CaseFacts } from './case-facts.js';
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
type AboveNormalAnalyte = (typeof ABOVE_NORMAL_ANALYTES)[number];
interface UpperBand {
  readonly fromAgeYears: number;
  readonly toAgeYears: number;
  readonly sex: 'female' | 'male' | undefined;
  readonly upper: number;
}
const UPPER_LIMITS = Object.fromEntries(
  ABOVE_NORMAL_ANALYTES.map((analyte) => [
    analyte,
    PUBLISHED_REFERENCE_LIMITS.filter((r) => r.analyte === analyte && r.upper !== undefined).map(
      (r): UpperBand => ({ fromAgeYears: r.fromAgeYears, toAgeYears: r.toAgeYears, sex: r.sex, upper: r.upper! }),
    ),
  ]),
) as unknown as Readonly<Record<AboveNormalAnalyte, readonly UpperBand[]>>;

/** The first published band for age and sex (publishedReferenceLimit), NaN where none covers the patient. */
function publishedUpper(bands: readonly UpperBand[], ageYears: number, sex: string): number {
  for (let i = 0; i < bands.length; i++) {
    const r = bands[i]!;
    if (ageYears >= r.fromAgeYears && ageYears < r.toAgeYears && (r.sex === undefined || r.sex === sex)) return r.upper;
  }
  return NaN;
}

/** The patient's upper reference limit (upperReferenceLimit): the laboratory's own first, then the published one. */
function upperLimit(own: { readonly upper?: number } | undefined, bands: readonly UpperBand[], c: Case): number {
  const limit = own?.upper;
  return limit !== undefined ? limit : publishedUpper(bands, c.patient.ageYears, c.patient.sex);
}

/** "Above normal" (aboveUpperLimitItem): the highest value in the window against the patient's upper limit. */
function aboveUpperLimit(highest: number, limit: number): number {
  if (Number.isNaN(highest) || Number.isNaN(limit)) return NOT_ASSESSABLE;
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

export function miscCdc2023Status(c: Case, scan: WindowScan, out: StatusRow, facts: CaseFacts): void {
  cdcCategories[0] = anyOf(
    fill3(
      three,
      testStatus(CDC.lvef, scan.lvefLow),
      testStatus(CDC.coronaryZ, scan.coronaryZHigh),
      aboveUpperLimit(scan.troponinHigh, facts.troponinUpper),
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
      facts.cdcSeverity,
      testStatus(CDC.crp, scan.crpHigh),
      organs,
      facts.noAlternativeDiagnosis,
    ),
  );
  const laboratory = anyOf(
    fill2(two, sarsCov2RnaOrAntigen(c, MISC_CDC_2023_LABORATORY_FROM_HOUR, scan.toHour), facts.sarsCov2Serology),
  );
  // Confirmed (clinical and laboratory) or probable (clinical and epidemiologic linkage).
  const confirmed = allOf(fill2(two, clinical, laboratory));
  const probable = allOf(fill2(two, clinical, facts.cdcEpidemiologic));
  const status = !facts.cdcApplies ? NOT_APPLICABLE : anyOf(fill2(two, confirmed, probable));
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

export function miscWho2020Status(_c: Case, scan: WindowScan, out: StatusRow, facts: CaseFacts): void {
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
  const hypotension = Number.isNaN(sbp) ? NOT_ASSESSABLE : compare(sbp, '<', facts.whoHypotensionBelow) ? MET : NOT_MET;
  whoSigns[1] = anyOf(fill3(three, findingStatus(scan.shock), vasoactiveShock(scan), hypotension));
  whoSigns[2] = anyOf(
    fill6(
      whoCardiac,
      testStatus(WHO.lvef, scan.lvefLow),
      findingStatus(scan.pericardialEffusion),
      findingStatus(scan.valvulitis),
      testStatus(WHO.coronaryZ, scan.coronaryZHigh),
      aboveUpperLimit(scan.troponinHigh, facts.troponinUpper),
      aboveUpperLimit(scan.ntProBnpHigh, facts.ntProBnpUpper),
    ),
  );
  whoSigns[3] = anyOf(
    fill2(two, aboveUpperLimit(scan.inrHigh, facts.inrUpper), aboveUpperLimit(scan.dDimerHigh, facts.dDimerUpper)),
  );
  whoSigns[4] = findingStatus(scan.giSymptoms);
  const signs = countOf(whoSigns, MISC_WHO_2020.signsRequired, scratch);
  const inflammation = anyOf(
    fill3(
      three,
      aboveUpperLimit(scan.esrHigh, facts.esrUpper),
      aboveUpperLimit(scan.crpHigh, facts.crpUpper),
      aboveUpperLimit(scan.procalcitoninHigh, facts.procalcitoninUpper),
    ),
  );
  // No other obvious microbial cause: a positive blood culture in the window, or a documented alternative diagnosis, excludes.
  const noMicrobe = scan.bloodCulturePositive ? NOT_MET : facts.whoAlternativeDiagnosis;
  const core = allOf(
    fill5(whoCore, testStatus(WHO.feverDays, scan.feverDaysHigh), signs, inflammation, noMicrobe, facts.whoSarsCov2),
  );
  out.set(facts.whoApplies ? core : NOT_APPLICABLE, scratch.met, scratch.met, scratch.met + scratch.notAssessed);
}

/** What both MIS-C plans read from the case outside its rows (the same in every window), into `facts`. */
export function miscCaseFacts(c: Case, facts: CaseFacts): void {
  // Named reads of each analyte (a keyed read by a variable analyte was the costliest part of this).
  const own = c.labReferenceRanges;
  facts.troponinUpper = upperLimit(own?.troponin, UPPER_LIMITS.troponin, c);
  facts.ntProBnpUpper = upperLimit(own?.ntProBnp, UPPER_LIMITS.ntProBnp, c);
  facts.inrUpper = upperLimit(own?.inr, UPPER_LIMITS.inr, c);
  facts.dDimerUpper = upperLimit(own?.dDimer, UPPER_LIMITS.dDimer, c);
  facts.esrUpper = upperLimit(own?.esr, UPPER_LIMITS.esr, c);
  facts.crpUpper = upperLimit(own?.crp, UPPER_LIMITS.crp, c);
  facts.procalcitoninUpper = upperLimit(own?.procalcitonin, UPPER_LIMITS.procalcitonin, c);
  const age = c.patient.ageYears;
  facts.cdcApplies = testStatus(CDC.age, age) === MET;
  facts.cdcSeverity = severity(c);
  facts.noAlternativeDiagnosis = noAlternativeDiagnosis(c);
  facts.sarsCov2Serology = sarsCov2Serology(c);
  const s = c.background.sarsCov2;
  const contact = s?.closeContact;
  const days = s?.contactDaysBeforeHospitalization;
  facts.cdcEpidemiologic =
    contact === 'no'
      ? NOT_MET
      : contact === 'yes' && days !== undefined
        ? testStatus(CDC.contactDays, days)
        : NOT_ASSESSABLE;
  facts.whoApplies = age >= 0 && testStatus(WHO.age, age) === MET;
  facts.whoHypotensionBelow = hypotensionBelow(age);
  const alt = c.encounter.moreLikelyAlternativeDiagnosis;
  facts.whoAlternativeDiagnosis = typeof alt === 'string' ? NOT_MET : alt === null ? MET : NOT_ASSESSABLE;
  facts.whoSarsCov2 = anyOf(
    fill3(
      three,
      sarsCov2RnaOrAntigen(c, -Infinity, Infinity),
      facts.sarsCov2Serology,
      contact === 'yes' ? MET : contact === 'no' ? NOT_MET : NOT_ASSESSABLE,
    ),
  );
}
