import { NUMERIC_ANALYTES, type LabPanel, type NumericAnalyte } from '@masdrill/rules';

/**
 * A generated lab panel as a fixed-shape record: every key a panel can hold, always present, in
 * output order (the schema's: hour, the analytes in canonical order with triglyceridesFasting after
 * triglycerides, nkCellActivity last), unmeasured ones undefined. JSON.stringify leaves undefined
 * keys out, so the bytes are those of a panel holding only its measured keys; but every panel
 * shares one hidden class, so readers that name a field stay monomorphic (a panel built key by key
 * had one of ~75 layouts, and every read of it was megamorphic). Readers that walk a panel's keys
 * skip undefined values (missing is "not assessed").
 */
export type LabPanelRecord = { [K in keyof Required<LabPanel>]: LabPanel[K] | undefined };

const at = (a: NumericAnalyte): number => NUMERIC_ANALYTES.indexOf(a);
const HEMOGLOBIN = at('hemoglobin'),
  WBC = at('wbc'),
  ANC = at('anc'),
  ALC = at('alc'),
  PLATELETS = at('platelets'),
  FERRITIN = at('ferritin'),
  AST = at('ast'),
  ALT = at('alt'),
  LDH = at('ldh'),
  TRIGLYCERIDES = at('triglycerides'),
  FIBRINOGEN = at('fibrinogen'),
  ESR = at('esr'),
  CRP = at('crp'),
  PROCALCITONIN = at('procalcitonin'),
  SODIUM = at('sodium'),
  ALBUMIN = at('albumin'),
  D_DIMER = at('dDimer'),
  INR = at('inr'),
  LACTATE = at('lactate'),
  TROPONIN = at('troponin'),
  BNP = at('bnp'),
  NT_PRO_BNP = at('ntProBnp'),
  S_CD25 = at('sCd25'),
  IL18 = at('il18'),
  CXCL9 = at('cxcl9');

/** NaN (not measured) as undefined. */
function measured(values: Float64Array, i: number): number | undefined {
  const v = values[i]!;
  return Number.isNaN(v) ? undefined : v;
}

/**
 * The panel at `hour` from `values` (one per analyte in NUMERIC_ANALYTES order, NaN = not
 * measured). One object literal, so the record is built in its final shape in one allocation.
 */
export function labPanelRecord(
  hour: number,
  values: Float64Array,
  triglyceridesFasting: boolean | undefined,
): LabPanelRecord {
  const triglycerides = measured(values, TRIGLYCERIDES);
  return {
    hour,
    hemoglobin: measured(values, HEMOGLOBIN),
    wbc: measured(values, WBC),
    anc: measured(values, ANC),
    alc: measured(values, ALC),
    platelets: measured(values, PLATELETS),
    ferritin: measured(values, FERRITIN),
    ast: measured(values, AST),
    alt: measured(values, ALT),
    ldh: measured(values, LDH),
    triglycerides,
    triglyceridesFasting: triglycerides === undefined ? undefined : triglyceridesFasting,
    fibrinogen: measured(values, FIBRINOGEN),
    esr: measured(values, ESR),
    crp: measured(values, CRP),
    procalcitonin: measured(values, PROCALCITONIN),
    sodium: measured(values, SODIUM),
    albumin: measured(values, ALBUMIN),
    dDimer: measured(values, D_DIMER),
    inr: measured(values, INR),
    lactate: measured(values, LACTATE),
    troponin: measured(values, TROPONIN),
    bnp: measured(values, BNP),
    ntProBnp: measured(values, NT_PRO_BNP),
    sCd25: measured(values, S_CD25),
    il18: measured(values, IL18),
    cxcl9: measured(values, CXCL9),
    nkCellActivity: undefined,
  };
}
