// @masdrill/generator — seeded synthetic patients over time. Pure: no I/O, no clock, no Math.random.
// The public API, listed explicitly.

export { GENERATOR_VERSION } from './version.js';
export { KINDS, SUBTYPES, DIFFICULTIES, isKind, type Kind, type Subtype, type Difficulty } from './kind.js';
export { generateCase, type CaseSpec, type GenerateOptions } from './generate-case.js';
export { caseStream, cohortKindAt, resolveMix, type CohortSpec } from './case-stream.js';
export { parseMix, mixOf, formatMix, kindAt, MixError, MAX_MIX_TOTAL, type Mix } from './mix.js';
export { POPULATION_TABLES, listSources } from './population-tables.js';
export { describeSource, type Source, type Proportion } from './source.js';
export { quartiles, valueAt, probabilityBelow, type Quartiles } from './distribution.js';
export { bodySurfaceArea } from './body-surface-area.js';
export { weightForAge, weightLmsAt, lmsValue, heightForAge, medianHeight, type Sex } from './growth.js';
export { Rng, caseRng } from './rng.js';
export { phoenixParts, miscCategoryCount, type PhoenixParts } from './label-checks.js';
export type { LabSpec, LabTable, CurveName } from './lab-spec.js';

// The patient's response to a management plan (a teaching model)
export { respondToPlans, type PatientResponse } from './response/respond-to-plans.js';
export { responseProfile, type ResponseProfile, type ProcessId } from './response/disease-processes.js';
export type { ResponseCourse, CourseReason, ProcessCourse } from './response/course.js';
export type { MasTreatment } from './response/control.js';
export { RESPONSE_TABLE } from './tables/response-table.js';
