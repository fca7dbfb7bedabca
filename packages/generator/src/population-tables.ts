import { ASSAY_LIMITS } from './tables/assay-limit-table.js';
import { CDC_WEIGHT_FOR_AGE, WHO_WEIGHT_FOR_AGE } from './tables/growth-lms-table.js';
import { HEIGHT_FOR_AGE } from './tables/height-table.js';
import { MAS_BASELINE_SOURCE, MAS_TABLE, OTHER_VIRUSES } from './tables/mas-table.js';
import { MISC_TABLE } from './tables/misc-table.js';
import { OUTCOME_TABLE } from './tables/outcome-table.js';
import { SYNTHETIC_LAB_REFERENCE_RANGES } from './tables/reference-range-table.js';
import { LAB_SCHEDULE, TEMPERATURE_HOURS } from './tables/schedule-table.js';
import { ANTHROPOMETRY_Z_LIMITS, LAB_MEASUREMENT, SEVERITY_BAND } from './tables/shared-priors-table.js';
import { SEPSIS_TABLE } from './tables/sepsis-table.js';
import { SJIA_FLARE_TABLE } from './tables/sjia-flare-table.js';
import { RESPONSE_TABLE } from './tables/response-table.js';
import { DRUG_TOXICITY_TABLE } from './tables/drug-toxicity-table.js';
import { TRAJECTORY_TABLE } from './tables/trajectory-table.js';
import { RESTING_VITALS, TEMPERATURE_COURSE, VITAL_SIGN_READINGS } from './tables/vitals-table.js';
import type { Source } from './source.js';

/**
 * Every population parameter the generator uses, each beside its source (a citation key, a
 * verified reference awaiting a key, or a design prior). Reports and the inventory test read this.
 */
export const POPULATION_TABLES = {
  mas: MAS_TABLE,
  masBaselines: MAS_BASELINE_SOURCE,
  sjiaFlare: SJIA_FLARE_TABLE,
  sepsis: SEPSIS_TABLE,
  misc: MISC_TABLE,
  weightForAge: { who: WHO_WEIGHT_FOR_AGE, cdc: CDC_WEIGHT_FOR_AGE },
  heightForAge: HEIGHT_FOR_AGE,
  labReferenceRanges: SYNTHETIC_LAB_REFERENCE_RANGES,
  labSchedule: LAB_SCHEDULE,
  temperatureHours: TEMPERATURE_HOURS,
  labMeasurement: LAB_MEASUREMENT,
  anthropometryZLimits: ANTHROPOMETRY_Z_LIMITS,
  severityBand: SEVERITY_BAND,
  trajectories: TRAJECTORY_TABLE,
  restingVitals: RESTING_VITALS,
  vitalSignReadings: VITAL_SIGN_READINGS,
  temperatureCourse: TEMPERATURE_COURSE,
  otherViruses: OTHER_VIRUSES,
  response: RESPONSE_TABLE,
  outcome: OUTCOME_TABLE,
  assayLimits: ASSAY_LIMITS,
  drugToxicity: DRUG_TOXICITY_TABLE,
} as const;

function isSource(value: unknown): value is Source {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.verified === 'boolean' &&
    ('citation' in v || 'note' in v) &&
    Object.keys(v).every((k) => ['verified', 'citation', 'where', 'reference', 'note'].includes(k))
  );
}

/** Every source in the tables with the JSON-ish path where it sits. */
export function listSources(
  root: unknown = POPULATION_TABLES,
  path = 'POPULATION_TABLES',
): { readonly path: string; readonly source: Source }[] {
  const out: { path: string; source: Source }[] = [];
  const walk = (node: unknown, at: string): void => {
    if (isSource(node)) {
      out.push({ path: at, source: node });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}[${i}]`));
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, `${at}.${k}`);
  };
  walk(root, path);
  return out;
}
