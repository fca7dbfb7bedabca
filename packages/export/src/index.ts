// @masdrill/export — what leaves the system. Exam items are built from the rules' answers
// (items/); the writers only write them. The public API, listed explicitly.

// Exam items
export type {
  ExamItem,
  ItemKind,
  ItemTopic,
  ItemOption,
  NumericKey,
  LabTable,
  LabRow,
  ItemSource,
} from './items/exam-item.js';
export { ITEM_TOPICS } from './items/exam-item.js';
export { buildExam, type Exam, type ExamSpec, type RejectedItem } from './items/build-exam.js';
export { itemProblems } from './items/check-item.js';
export { ASKED_CRITERIA_SETS, NONE_MET } from './items/criteria-item.js';
export { CONTINUE_TEXT, ESCALATE_TEXT } from './items/escalation-item.js';
export { checkedOrThrow } from './items/checked.js';
export { durationText } from './items/duration-text.js';

// Writers (pure: exam in, text or bytes out)
export { examFiles, EXAM_FILES, EXAM_JSON } from './writers/exam-files.js';
export { bookletMarkdown, answerKeyMarkdown, EXAM_DISCLAIMER } from './writers/markdown-booklet.js';
export { htmlDocument } from './writers/html-document.js';
export { csvItemBank, neutraliseCell, CSV_FIXED_COLUMNS, CSV_TAIL_COLUMNS } from './writers/csv-item-bank.js';
export { moodleXml } from './writers/moodle-xml.js';
export { MOODLE_FRACTIONS, moodleFraction } from './writers/moodle-fractions.js';
export { qti21Item, qti21Test, qti21Manifest, qti21ItemPath, QTI21_NS, IMSCP_NS } from './writers/qti21.js';
export { qti12Assessment, qti12Manifest, QTI12_FILE, QTI12_NS } from './writers/qti12.js';
export { giftText, escapeGift } from './writers/gift.js';
export { ankiTsv } from './writers/anki-tsv.js';
export { deterministicZip, ZIP_TIME } from './writers/zip.js';
export { cdataParts, escapeHtml } from './writers/text-escape.js';

// Grading (item analysis of a class's responses)
export { scoreAnswer, chosenOptions, numericAnswer, type StudentResponses } from './grading/score-responses.js';
export {
  analyseExam,
  FLAG_THRESHOLDS,
  type ExamAnalysis,
  type ItemStatistics,
  type OptionAnalysis,
  type StudentScore,
} from './grading/item-analysis.js';
export {
  analysisTable,
  analysisHtml,
  studentScoresCsv,
  itemStatisticsCsv,
  difficultyPlotSvg,
} from './grading/analysis-report.js';

// FHIR R4 and ground-truth stripping for case output
export { caseToFhirBundle, PRESENTATION_ANCHOR_MS, type FhirOptions } from './fhir/fhir-bundle.js';
export { UCUM_BY_CANONICAL_UNIT, UCUM_SYSTEM, ucumCode } from './fhir/ucum-units.js';
export { withoutTruth } from './fhir/without-truth.js';
export {
  VITAL_SIGNS,
  VITAL_SIGNS_SOURCE,
  VITAL_SIGNS_CATEGORY,
  BLOOD_PRESSURE,
  vitalSignObservations,
  type VitalSign,
} from './fhir/vital-signs.js';
export { medicationRequest, isMedicationOrder } from './fhir/medication-requests.js';
export { expertOrdersAtPresentation } from './fhir/expert-orders.js';
export {
  scenarioStageBundles,
  type ScenarioBundleOptions,
  type ScenarioStageBundle,
} from './fhir/scenario-bundles.js';
