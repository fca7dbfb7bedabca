/**
 * The guideline masdrill teaches (shared/guideline.md), statement by statement, as data. Each
 * statement keeps its stable ID, its section, a paraphrase (never the quote) and the reference
 * numbers the seed prints ("7 (unlisted)" where the seed cites a reference it does not list).
 */
export type StatementId =
  | 'HEAD-1'
  | 'DX-1'
  | 'DX-2'
  | 'DX-3'
  | 'DX-4'
  | 'GC-1'
  | 'GC-2'
  | 'GC-3'
  | 'CSA-1'
  | 'CSA-2'
  | 'CSA-3'
  | 'ANK-1'
  | 'ANK-2'
  | 'IVIG-1'
  | 'IVIG-2'
  | 'TCZ-1'
  | 'EMA-1'
  | 'EMA-2'
  | 'JAK-1'
  | 'ETO-1'
  | 'CC-1'
  | 'CC-2'
  | 'MON-1'
  | 'MON-2'
  | 'MON-3'
  | 'SJIA-1'
  | 'SJIA-2'
  | 'SJIA-3'
  | 'INF-1'
  | 'INF-2'
  | 'INF-3'
  | 'MISC-1'
  | 'MISC-2'
  | 'PIT-1'
  | 'PIT-2'
  | 'PIT-3'
  | 'PIT-4'
  | 'PRO-1'
  | 'PRO-2';

export type StatementSection =
  | 'headline'
  | 'diagnosis'
  | 'first-line'
  | 'second-line'
  | 'critical-care'
  | 'monitoring'
  | 'disease-specific'
  | 'pitfalls'
  | 'prognosis';

export interface Statement {
  readonly id: StatementId;
  readonly section: StatementSection;
  /** A paraphrase in plain words; guideline.md holds the quote. */
  readonly paraphrase: string;
  /** The seed's reference numbers as printed ("1", "7 (unlisted)"). */
  readonly references: readonly string[];
  /** True for statements that describe evidence or prognosis rather than telling the clinician what to do. */
  readonly descriptive?: boolean;
}

const s = (
  id: StatementId,
  section: StatementSection,
  paraphrase: string,
  references: readonly string[],
  descriptive = false,
): Statement =>
  descriptive ? { id, section, paraphrase, references, descriptive } : { id, section, paraphrase, references };

/** Every statement of guideline.md. The mapped type keeps the table complete. */
export const STATEMENTS: { readonly [K in StatementId]: Statement } = {
  'HEAD-1': s(
    'HEAD-1',
    'headline',
    'Start high-dose IV methylprednisolone (15–30 mg/kg/day, at most 1 g per infusion) as soon as MAS is diagnosed; add cyclosporine A within 24–48 hours in severe cases or when the first response is inadequate.',
    ['1'],
  ),
  'DX-1': s(
    'DX-1',
    'diagnosis',
    'Before immunomodulatory therapy, confirm the diagnosis with the HLH-2004 criteria (5 of 8 items; ferritin above 10,000 µg/L is highly specific).',
    ['2'],
  ),
  'DX-2': s(
    'DX-2',
    'diagnosis',
    'In a life-threatening presentation, clinical judgement may justify starting treatment before enough criteria are met.',
    ['1'],
  ),
  'DX-3': s(
    'DX-3',
    'diagnosis',
    'MAS is often missed because it looks like severe sepsis, a flare of the underlying disease or cytokine release syndrome.',
    ['2'],
  ),
  'DX-4': s(
    'DX-4',
    'diagnosis',
    'A marrow without hemophagocytosis does not rule MAS out; the marrow may need repeating.',
    ['2'],
  ),
  'GC-1': s(
    'GC-1',
    'first-line',
    'IV methylprednisolone pulses of 15–30 mg/kg/day, at most 1 g per infusion, on 3–5 consecutive days.',
    ['1', '3'],
  ),
  'GC-2': s(
    'GC-2',
    'first-line',
    'With central nervous system involvement give dexamethasone instead, because it reaches the brain better.',
    ['1'],
  ),
  'GC-3': s('GC-3', 'first-line', 'Methylprednisolone pulses work in about two patients out of three.', ['4'], true),
  'CSA-1': s(
    'CSA-1',
    'first-line',
    'Add cyclosporine A within 24–48 hours in severe cases or when steroids alone are not enough.',
    ['1'],
  ),
  'CSA-2': s(
    'CSA-2',
    'first-line',
    'Cyclosporine can be given by mouth or intravenously, the latter especially in critical care.',
    ['1'],
  ),
  'CSA-3': s(
    'CSA-3',
    'first-line',
    'Steroids with cyclosporine work especially well in sJIA-associated MAS.',
    ['4', '5', '6'],
    true,
  ),
  'ANK-1': s(
    'ANK-1',
    'first-line',
    "Anakinra 2–10 mg/kg/day under the skin in divided doses, instead of or with cyclosporine, above all in Still's disease-related MAS.",
    ['1'],
  ),
  'ANK-2': s('ANK-2', 'first-line', 'Refractory cases may need high-dose anakinra.', ['7 (unlisted)']),
  'IVIG-1': s('IVIG-1', 'second-line', 'Consider IVIG 2 g/kg when the response to first-line therapy is inadequate.', [
    '2',
  ]),
  'IVIG-2': s('IVIG-2', 'second-line', 'In one pediatric series IVIG worked in two of six patients.', ['4'], true),
  'TCZ-1': s(
    'TCZ-1',
    'second-line',
    'Tocilizumab (IL-6 blockade) has growing evidence in MAS-HLH, especially with systemic rheumatic disease.',
    ['1'],
  ),
  'EMA-1': s(
    'EMA-1',
    'second-line',
    'Emapalumab (anti-interferon-γ) for MAS that fails standard therapy brings most patients into remission.',
    ['1'],
  ),
  'EMA-2': s(
    'EMA-2',
    'second-line',
    'In infection-induced MAS emapalumab has been combined with etoposide, anakinra, tacrolimus and corticosteroids.',
    ['7 (unlisted)'],
    true,
  ),
  'JAK-1': s('JAK-1', 'second-line', 'Ruxolitinib or baricitinib have worked in case reports of refractory MAS.', [
    '1',
  ]),
  'ETO-1': s(
    'ETO-1',
    'second-line',
    'Etoposide is kept for severe refractory cases: it escalates to chemotherapy-level immunosuppression.',
    ['2', '7 (unlisted)'],
  ),
  'CC-1': s('CC-1', 'critical-care', 'Reassess the patient at least every 12 hours to decide whether to escalate.', [
    '1',
  ]),
  'CC-2': s(
    'CC-2',
    'critical-care',
    'Consider ICU admission for shock, severe organ dysfunction or grade 3 or higher neurotoxicity.',
    ['1'],
  ),
  'MON-1': s('MON-1', 'monitoring', 'Follow ferritin, blood count, coagulation and liver tests serially.', ['2']),
  'MON-2': s('MON-2', 'monitoring', 'Follow inflammation markers, BNP/NT-proBNP and troponin T over time.', [
    '8 (unlisted)',
  ]),
  'MON-3': s(
    'MON-3',
    'monitoring',
    'Record an EKG at least every 48 hours in hospitalized patients, looking for conduction abnormalities.',
    ['8 (unlisted)'],
  ),
  'SJIA-1': s(
    'SJIA-1',
    'disease-specific',
    "In Still's disease (sJIA/AOSD) MAS the first-line options are high-dose glucocorticoids, cyclosporine A, anakinra or tocilizumab.",
    ['1'],
  ),
  'SJIA-2': s(
    'SJIA-2',
    'disease-specific',
    'Children with sJIA respond especially well to corticosteroids with cyclosporine.',
    ['4'],
    true,
  ),
  'SJIA-3': s('SJIA-3', 'disease-specific', 'Etanercept has helped in cases resistant to steroids and cyclosporine.', [
    '6',
  ]),
  'INF-1': s(
    'INF-1',
    'disease-specific',
    'When an infection triggered MAS, start the right antimicrobials at the same time as immunosuppression.',
    ['1'],
  ),
  'INF-2': s('INF-2', 'disease-specific', 'Epstein-Barr virus and adenovirus often trigger MAS in sJIA.', [
    '4',
    '7 (unlisted)',
  ]),
  'INF-3': s(
    'INF-3',
    'disease-specific',
    'Watch for opportunistic infections, Pneumocystis jirovecii among them, during immunosuppression.',
    ['4'],
  ),
  'MISC-1': s(
    'MISC-1',
    'disease-specific',
    'When overt MAS complicates MIS-C, treatment must leave the standard MIS-C protocol.',
    ['8 (unlisted)'],
  ),
  'MISC-2': s(
    'MISC-2',
    'disease-specific',
    'Follow the MAS recommendations rather than the standard IVIG/glucocorticoid MIS-C protocol.',
    ['8 (unlisted)'],
  ),
  'PIT-1': s(
    'PIT-1',
    'pitfalls',
    'In a life-threatening presentation do not hold treatment for the complete work-up; investigate in parallel, with a multidisciplinary team.',
    ['1', '8 (unlisted)'],
  ),
  'PIT-2': s(
    'PIT-2',
    'pitfalls',
    'Liver toxicity, above all under 3 years of age: AST/ALT can rise 2- to 25-fold as early as 7 days after starting interferon-targeted therapy.',
    ['9 (unlisted)'],
  ),
  'PIT-3': s('PIT-3', 'pitfalls', 'Watch for opportunistic infections, multiple organ failure and ICU myopathy.', [
    '4',
  ]),
  'PIT-4': s(
    'PIT-4',
    'pitfalls',
    'In severe cases, consider several agents on top of high-dose glucocorticoids from the start.',
    ['1'],
  ),
  'PRO-1': s(
    'PRO-1',
    'prognosis',
    'Prompt recognition and aggressive treatment have cut mortality (about 12.5% treated, against more than 50% untreated historically).',
    ['4'],
    true,
  ),
  'PRO-2': s('PRO-2', 'prognosis', 'Early combination immunosuppression strongly shapes the outcome.', ['3'], true),
};

export const STATEMENT_IDS = Object.keys(STATEMENTS) as readonly StatementId[];

export function isStatementId(id: string): id is StatementId {
  return Object.hasOwn(STATEMENTS, id);
}
