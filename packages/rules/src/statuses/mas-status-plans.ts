import { FEBRILE_OPERATIONAL } from '../criteria/eular-acr-2016-applicability.js';
import { EULAR_ACR_2016 } from '../criteria/eular-acr-2016.js';
import { FERRITIN_ESR } from '../criteria/ferritin-esr.js';
import { HLH_2004 } from '../criteria/hlh-2004.js';
import { HSCORE, HSCORE_IMMUNOSUPPRESSIVE_AGENTS } from '../criteria/hscore.js';
import { MS_SCORE } from '../criteria/ms-score.js';
import { printedInEnteredUnit } from '../criteria/entered-unit.js';
import { compare, type Comparator } from '../criteria/threshold.js';
import type { Case } from '../generated/case.js';
import { DAYS_PER_YEAR } from '../units/calendar.js';
import { ANALYTES, type NumericAnalyte } from '../units/analytes.js';
import {
  compileLabTest,
  compileTest,
  countOf,
  findingStatus,
  MET,
  NOT_APPLICABLE,
  NOT_ASSESSABLE,
  NOT_MET,
  rangeStatus,
  testStatus,
} from './compiled-test.js';
import type { StatusRow } from './status-row.js';
import { FINDING_PRESENT, FINDING_UNKNOWN, type WindowScan } from './window-scan.js';

/**
 * The MAS criteria sets as status plans: the evidence engine's threshold tables (HLH_2004,
 * EULAR_ACR_2016, HSCORE, MS_SCORE, FERRITIN_ESR, FEBRILE_OPERATIONAL) compiled once at load into
 * canonical-unit tests, applied to a WindowScan. Each plan follows its evidence-engine counterpart
 * in packages/rules/src/criteria step by step, without building evidence; a property test holds
 * the two equal.
 */

const anyOf = (a: number, b: number): number =>
  a === MET || b === MET ? MET : a === NOT_MET && b === NOT_MET ? NOT_MET : NOT_ASSESSABLE;
const scratch = { met: 0, notAssessed: 0 };

// ---- HLH-2004 (criteria/hlh-2004.ts)
const HLH = {
  fever: compileTest(HLH_2004.fever.threshold),
  infantAge: compileTest({ comparator: '<', value: HLH_2004.cytopenia.infantAgeDays, unit: 'days' }),
  hemoglobin: compileLabTest('hemoglobin', HLH_2004.cytopenia.hemoglobin),
  hemoglobinInfant: compileLabTest('hemoglobin', HLH_2004.cytopenia.hemoglobinInfant),
  platelets: compileLabTest('platelets', HLH_2004.cytopenia.platelets),
  neutrophils: compileLabTest('anc', HLH_2004.cytopenia.neutrophils),
  // Cases entered as stored (canonical units), as generated cohorts are: the threshold printed in that unit.
  triglycerides: compileLabTest(
    'triglycerides',
    printedInEnteredUnit(HLH_2004.triglyceridesFasting, 'triglycerides', {}).value,
  ),
  fibrinogen: compileLabTest('fibrinogen', HLH_2004.fibrinogen),
  ferritin: compileLabTest('ferritin', HLH_2004.ferritin),
  sCd25: compileLabTest('sCd25', HLH_2004.sCd25),
};
const hlhLineages = [0, 0, 0];
const hlhCriteria = [0, 0, 0, 0, 0, 0, 0, 0];

/** HLH-2004's fasting triglycerides: only a fasting panel establishes it; a value at or above the cut-off of unknown or non-fasting status leaves it open. */
function hlhTriglycerides(scan: WindowScan): number {
  if (testStatus(HLH.triglycerides, scan.triglyceridesFastingHigh) === MET) return MET;
  const unrecorded = testStatus(HLH.triglycerides, scan.triglyceridesUnrecordedHigh);
  const nonFasting = testStatus(HLH.triglycerides, scan.triglyceridesNonFastingHigh);
  if (unrecorded === MET || nonFasting === MET) return NOT_ASSESSABLE;
  const fasting = testStatus(HLH.triglycerides, scan.triglyceridesFastingHigh);
  return fasting === NOT_MET || unrecorded === NOT_MET || nonFasting === NOT_MET ? NOT_MET : NOT_ASSESSABLE;
}

export function hlh2004Status(c: Case, scan: WindowScan, out: StatusRow): void {
  const infant = compare(c.patient.ageYears * DAYS_PER_YEAR, HLH.infantAge.comparator, HLH.infantAge.value);
  hlhLineages[0] = testStatus(infant ? HLH.hemoglobinInfant : HLH.hemoglobin, scan.hemoglobinLow);
  hlhLineages[1] = testStatus(HLH.platelets, scan.plateletsLow);
  hlhLineages[2] = testStatus(HLH.neutrophils, scan.ancLow);
  hlhCriteria[0] = testStatus(HLH.fever, scan.temperatureHigh);
  hlhCriteria[1] = findingStatus(scan.splenomegaly);
  hlhCriteria[2] = countOf(hlhLineages, HLH_2004.cytopenia.requiredLineages, scratch);
  hlhCriteria[3] = anyOf(hlhTriglycerides(scan), testStatus(HLH.fibrinogen, scan.fibrinogenLow));
  hlhCriteria[4] =
    scan.marrowWithoutMalignancy === 2 ? MET : scan.marrowWithoutMalignancy === 1 ? NOT_MET : NOT_ASSESSABLE;
  hlhCriteria[5] = scan.nkActivity === 2 ? MET : scan.nkActivity === 1 ? NOT_MET : NOT_ASSESSABLE;
  hlhCriteria[6] = testStatus(HLH.ferritin, scan.ferritinHigh);
  hlhCriteria[7] = testStatus(HLH.sCd25, scan.sCd25High);
  const b = countOf(hlhCriteria, HLH_2004.required, scratch);
  const status = c.encounter.knownHlhGeneticDiagnosis === true ? MET : b;
  out.set(status, scratch.met, scratch.met, scratch.met + scratch.notAssessed);
}

// ---- who the 2016 criteria, the MS score and ferritin:ESR apply to (criteria/eular-acr-2016-applicability.ts)
const FEBRILE = compileTest(FEBRILE_OPERATIONAL.threshold);

/** MET: applicable; NOT_APPLICABLE; NOT_ASSESSABLE: fever not assessed. */
function sjiaFebrile(c: Case, scan: WindowScan): number {
  if (c.background.sjia === 'none') return NOT_APPLICABLE;
  const temperature = testStatus(FEBRILE, scan.temperatureHigh);
  if (temperature === MET || scan.feverHistory) return MET;
  if (temperature === NOT_MET || scan.feverDenied) return NOT_APPLICABLE;
  return NOT_ASSESSABLE;
}

// ---- 2016 EULAR/ACR/PRINTO (criteria/eular-acr-2016.ts)
const EULAR = {
  ferritin: compileLabTest('ferritin', EULAR_ACR_2016.ferritin),
  platelets: compileLabTest('platelets', EULAR_ACR_2016.items.platelets),
  ast: compileLabTest('ast', EULAR_ACR_2016.items.ast),
  triglycerides: compileLabTest('triglycerides', EULAR_ACR_2016.items.triglycerides),
  fibrinogen: compileLabTest('fibrinogen', EULAR_ACR_2016.items.fibrinogen),
};
const eularItems = [0, 0, 0, 0];

export function eularAcr2016Status(c: Case, scan: WindowScan, out: StatusRow): void {
  const entry = sjiaFebrile(c, scan);
  const ferritin = testStatus(EULAR.ferritin, scan.ferritinHigh);
  eularItems[0] = testStatus(EULAR.platelets, scan.plateletsLow);
  eularItems[1] = testStatus(EULAR.ast, scan.astHigh);
  eularItems[2] = testStatus(EULAR.triglycerides, scan.triglyceridesHigh);
  eularItems[3] = testStatus(EULAR.fibrinogen, scan.fibrinogenLow);
  const k = countOf(eularItems, EULAR_ACR_2016.required, scratch);
  const labs = ferritin === NOT_MET || k === NOT_MET ? NOT_MET : ferritin === MET && k === MET ? MET : NOT_ASSESSABLE;
  const status = entry === MET ? labs : entry;
  out.set(status, scratch.met, scratch.met, scratch.met + scratch.notAssessed);
}

// ---- HScore (criteria/hscore.ts)
interface CompiledBand {
  readonly points: number;
  readonly bounds: readonly { readonly comparator: Comparator; readonly value: number }[];
}
interface CompiledBanded {
  readonly factor: number;
  readonly bands: readonly CompiledBand[];
  readonly min: number;
  readonly max: number;
}

function compileBanded(
  analyte: NumericAnalyte | undefined,
  variable: { readonly unit: string; readonly bands: readonly CompiledBand[] },
): CompiledBanded {
  const factor = analyte === undefined ? 1 : ANALYTES[analyte].units[variable.unit];
  if (factor === undefined) throw new Error(`${analyte} has no unit ${variable.unit}`);
  const points = variable.bands.map((b) => b.points);
  return { factor, bands: variable.bands, min: Math.min(...points), max: Math.max(...points) };
}

const HS = {
  cutoff: compileTest(HSCORE.cutoff),
  temperature: compileBanded(undefined, HSCORE.temperature),
  ferritin: compileBanded('ferritin', HSCORE.ferritin),
  triglycerides: compileBanded('triglycerides', printedInEnteredUnit(HSCORE.triglycerides, 'triglycerides', {}).value),
  fibrinogen: compileBanded('fibrinogen', HSCORE.fibrinogen),
  ast: compileBanded('ast', HSCORE.ast),
  hemoglobin: compileLabTest('hemoglobin', HSCORE.cytopenias.hemoglobin),
  wbc: compileLabTest('wbc', HSCORE.cytopenias.wbc),
  platelets: compileLabTest('platelets', HSCORE.cytopenias.platelets),
};
const ORGANOMEGALY_POINTS = [HSCORE.organomegaly.none, HSCORE.organomegaly.one, HSCORE.organomegaly.both];
const hsLineages = [0, 0, 0];
let hsMin = 0;
let hsMax = 0;

function addBanded(variable: CompiledBanded, canonical: number): void {
  if (Number.isNaN(canonical)) {
    hsMin += variable.min;
    hsMax += variable.max;
    return;
  }
  const value = canonical * variable.factor;
  for (const band of variable.bands) {
    let inside = true;
    for (const bound of band.bounds)
      if (!compare(value, bound.comparator, bound.value)) {
        inside = false;
        break;
      }
    if (inside) {
      hsMin += band.points;
      hsMax += band.points;
      return;
    }
  }
  throw new Error(`HScore: no band for ${value}`);
}

type Agent = NonNullable<Case['background']['immunosuppressiveTherapy']>[number];
// Defined once: an arrow written inline would be a new function object per case.
const countsForHscore = (a: Agent): boolean => HSCORE_IMMUNOSUPPRESSIVE_AGENTS[a] === 'counts';
const unknownForHscore = (a: Agent): boolean => HSCORE_IMMUNOSUPPRESSIVE_AGENTS[a] === 'unknown';

export function hscoreStatus(c: Case, scan: WindowScan, out: StatusRow): void {
  hsMin = 0;
  hsMax = 0;
  // Known underlying immunosuppression.
  const { hivPositive, immunosuppressiveTherapy: therapy } = c.background;
  const pts = HSCORE.immunosuppression.points;
  if (hivPositive === true || therapy?.some(countsForHscore)) {
    hsMin += pts;
    hsMax += pts;
  } else if (therapy === undefined || therapy.some(unknownForHscore)) hsMax += pts;
  addBanded(HS.temperature, scan.temperatureHigh);
  // Organomegaly and cytopenias: points by how many are met, the range by how many are unknown.
  const liver = findingStatus(scan.hepatomegaly);
  const spleen = findingStatus(scan.splenomegaly);
  const organsMet = (liver === MET ? 1 : 0) + (spleen === MET ? 1 : 0);
  const organsUnknown = (liver === NOT_ASSESSABLE ? 1 : 0) + (spleen === NOT_ASSESSABLE ? 1 : 0);
  hsMin += ORGANOMEGALY_POINTS[organsMet] ?? 0;
  hsMax += ORGANOMEGALY_POINTS[organsMet + organsUnknown] ?? 0;
  hsLineages[0] = testStatus(HS.hemoglobin, scan.hemoglobinLow);
  hsLineages[1] = testStatus(HS.wbc, scan.wbcLow);
  hsLineages[2] = testStatus(HS.platelets, scan.plateletsLow);
  countOf(hsLineages, 0, scratch);
  hsMin += HSCORE.cytopenias.pointsByCount[scratch.met] ?? 0;
  hsMax += HSCORE.cytopenias.pointsByCount[scratch.met + scratch.notAssessed] ?? 0;
  addBanded(HS.ferritin, scan.ferritinHigh);
  addBanded(HS.triglycerides, scan.triglyceridesHigh);
  addBanded(HS.fibrinogen, scan.fibrinogenLow);
  addBanded(HS.ast, scan.astHigh);
  const marrowPoints = HSCORE.hemophagocytosis.points;
  if (scan.marrow === 2) {
    hsMin += marrowPoints;
    hsMax += marrowPoints;
  } else if (scan.marrow === 0) hsMax += marrowPoints;
  // Every item's lowest band scores 0, so the engine's value (assessed points) is the lower bound.
  out.set(rangeStatus(hsMin, hsMax, HS.cutoff), hsMin, hsMin, hsMax);
}

// ---- MS score (criteria/ms-score.ts)
const MS_CUTOFF = compileTest(MS_SCORE.cutoff);
/** The scan reading behind each term of the table: field and direction must both match, or loading fails. */
const MS_READERS: Readonly<Record<string, (scan: WindowScan) => number>> = {
  cnsInvolvement: (scan) => scan.cnsInvolvement,
  hemorrhage: (scan) => scan.hemorrhage,
  activeArthritis: (scan) => scan.activeArthritis,
  'platelets:lowest': (scan) => scan.plateletsLow,
  'ldh:highest': (scan) => scan.ldhHigh,
  'fibrinogen:lowest': (scan) => scan.fibrinogenLow,
  'ferritin:highest': (scan) => scan.ferritinHigh,
};
const MS_TERMS = MS_SCORE.terms.map((t) => {
  const key = t.kind === 'finding' ? t.field : `${t.analyte}:${t.worst}`;
  const read = MS_READERS[key];
  if (read === undefined) throw new Error(`MS score: the status plan has no reading for ${key}`);
  const factor =
    t.kind === 'finding' ? 1 : compileLabTest(t.analyte, { comparator: '>', value: 0, unit: t.unit }).factor;
  return { finding: t.kind === 'finding', coefficient: t.coefficient, factor, read };
});

export function msScoreStatus(c: Case, scan: WindowScan, out: StatusRow): void {
  const entry = sjiaFebrile(c, scan);
  // Summed term by term in table order, as the engine sums them (the same floating-point result).
  let value = 0;
  let min = 0;
  let max = 0;
  for (const t of MS_TERMS) {
    const reading = t.read(scan);
    if (t.finding) {
      if (reading === FINDING_UNKNOWN) {
        value += 0;
        min += Math.min(0, t.coefficient);
        max += Math.max(0, t.coefficient);
        continue;
      }
      const points = reading === FINDING_PRESENT ? t.coefficient : 0;
      value += points;
      min += points;
      max += points;
      continue;
    }
    if (Number.isNaN(reading)) {
      value += 0;
      min += t.coefficient < 0 ? -Infinity : 0;
      max += t.coefficient < 0 ? 0 : Infinity;
      continue;
    }
    const points = t.coefficient * (reading * t.factor);
    value += points;
    min += points;
    max += points;
  }
  const scoreState = rangeStatus(min, max, MS_CUTOFF);
  const status = entry === MET ? scoreState : entry;
  const bounded = Number.isFinite(min) && Number.isFinite(max);
  out.set(status, bounded ? value : NaN, bounded ? min : NaN, bounded ? max : NaN);
}

// ---- Ferritin:ESR (criteria/ferritin-esr.ts)
const RATIO_CUTOFF = compileTest(FERRITIN_ESR.cutoff);
const RATIO_FACTOR = {
  ferritin: compileLabTest('ferritin', { comparator: '>', value: 0, unit: FERRITIN_ESR.ferritinUnit }).factor,
  esr: compileLabTest('esr', { comparator: '>', value: 0, unit: FERRITIN_ESR.esrUnit }).factor,
};
if (RATIO_FACTOR.ferritin !== 1 || RATIO_FACTOR.esr !== 1)
  throw new Error('ferritin:ESR: the scan divides canonical values; the published units must be the canonical ones');

export function ferritinEsrStatus(c: Case, scan: WindowScan, out: StatusRow): void {
  const ratio = scan.ferritinEsrHigh;
  const ratioStatus = testStatus(RATIO_CUTOFF, ratio);
  const status = c.background.sjia === 'none' ? NOT_APPLICABLE : ratioStatus;
  out.set(status, ratio, ratio, ratio);
}
