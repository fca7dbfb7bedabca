/**
 * Every source masdrill cites, by key. Code cites a key (optionally "key §location"); an inventory
 * test fails on a key that is not here. Tags follow clinical-reference.md: V verified in the
 * primary source or a verbatim reproduction, S via a secondary source, U unverified.
 */
export interface Citation {
  readonly text: string;
  readonly url?: string;
  readonly verification: 'V' | 'S' | 'U';
}

export const CITATIONS = {
  'henter-2007-hlh2004': {
    text: 'Henter JI et al. HLH-2004: diagnostic and therapeutic guidelines for hemophagocytic lymphohistiocytosis. Pediatr Blood Cancer 2007;48:124–31 (criteria table as reproduced in Jordan MB, Blood 2011, Table 1)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3204727/table/T1',
    verification: 'V',
  },
  'jordan-2011': {
    text: 'Jordan MB et al. How I treat hemophagocytic lymphohistiocytosis. Blood 2011;118:4041–52',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC3204727/',
    verification: 'V',
  },
  'ravelli-2016': {
    text: 'Ravelli A et al. 2016 Classification criteria for macrophage activation syndrome complicating systemic juvenile idiopathic arthritis. Ann Rheum Dis 2016;75:481–9; Arthritis Rheumatol 2016;68:566–76',
    url: 'https://www.highlighthlh.com/mas/classification-criteria',
    verification: 'V',
  },
  'ravelli-2016-rmd-open': {
    text: 'Ravelli A et al. Expert consensus on dynamics of laboratory tests for diagnosis of MAS complicating sJIA. RMD Open 2016;2:e000161',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC4731834/',
    verification: 'V',
  },
  'fardet-2014': {
    text: 'Fardet L et al. Development and validation of the HScore, a score for the diagnosis of reactive hemophagocytic syndrome. Arthritis Rheumatol 2014;66:2613–20',
    url: 'https://www.hindawi.com/journals/crirh/2017/5304180/tab3/',
    verification: 'V',
  },
  'masdrill-hscore-fit': {
    text: 'masdrill: our own minimax logistic fit to the HScore probability table of Fardet 2014 (logit P = −10.41 + 0.06234 × HScore, within 0.76 percentage points of every tabulated value); not a published formula. It replaces the fit in clinical-reference.md §1.3 (−10.54 + 0.0628), which misses the table at 160 by 2.06 points',
    verification: 'V',
  },
  'minoia-2019': {
    text: 'Minoia F et al. Development and initial validation of the MS score for diagnosis of macrophage activation syndrome in systemic juvenile idiopathic arthritis. Ann Rheum Dis 2019;78:1357–62, Table 4',
    url: 'https://ard.bmj.com/highwire/markup/260780/expansion',
    verification: 'V',
  },
  'minoia-2014': {
    text: 'Minoia F et al. Clinical features, treatment, and outcome of macrophage activation syndrome complicating systemic juvenile idiopathic arthritis: a multinational, multicenter study of 362 patients. Arthritis Rheumatol 2014;66:3160–9',
    url: 'https://medluna.com/article/25077692',
    verification: 'V',
  },
  'eloseily-2019': {
    text: 'Eloseily EMA et al. Ferritin to erythrocyte sedimentation rate ratio: simple measure to identify macrophage activation syndrome in systemic juvenile idiopathic arthritis. ACR Open Rheumatol 2019;1:345–9',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6857981',
    verification: 'V',
  },
  'schlapbach-2024-phoenix': {
    text: 'Schlapbach LJ et al. International consensus criteria for pediatric sepsis and septic shock (Phoenix). JAMA 2024;331:665–74; rubric as implemented by the authors (CU-DBMI-Peds/phoenix, inst/phoenix_rubric.md)',
    url: 'https://github.com/CU-DBMI-Peds/phoenix',
    verification: 'V',
  },
  'sanchez-pinto-2024-phoenix': {
    text: 'Sanchez-Pinto LN et al. Development and validation of the Phoenix criteria for pediatric sepsis and septic shock. JAMA 2024;331(8)',
    verification: 'V',
  },
  'cdc-cste-2023-misc': {
    text: 'Melgar M et al. Council of State and Territorial Epidemiologists/CDC surveillance case definition for multisystem inflammatory syndrome in children associated with SARS-CoV-2 infection — United States. MMWR Recomm Rep 2022;71(4) (effective 1 Jan 2023)',
    url: 'https://cdc.gov/mis/hcp/case-definition-reporting/index.html',
    verification: 'V',
  },
  'who-2020-misc': {
    text: 'World Health Organization. Multisystem inflammatory syndrome in children and adolescents temporally related to COVID-19. Scientific brief, 15 May 2020 (preliminary case definition)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7485110/table/T4',
    verification: 'V',
  },
  'cdc-2020-misc': {
    text: 'CDC Health Alert Network. Multisystem inflammatory syndrome in children (MIS-C) associated with coronavirus disease 2019 (COVID-19). HAN, 14 May 2020',
    url: 'https://www.ccjm.org/highwire/markup/10199/expansion',
    verification: 'V',
  },
  'lachmann-2020': {
    text: 'Lachmann G et al. Hemophagocytic lymphohistiocytosis: potentially underdiagnosed in intensive care units. Crit Care 2020;24:244',
    url: 'https://ccforum.biomedcentral.com/articles/10.1186/s13054-020-02941-3',
    verification: 'V',
  },
  'carcillo-2023': {
    text: 'Carcillo JA et al. Hyperferritinemic sepsis: mortality, immune phenotypes and macrophage activation. Crit Care 2023',
    url: 'http://dx.doi.org/10.1186/s13054-023-04628-x',
    verification: 'V',
  },
  'carcillo-2017': {
    text: 'Carcillo JA et al. A multicenter network assessment of three inflammation phenotypes in pediatric sepsis-induced multiple organ failure. Pediatr Crit Care Med 2017;18:513',
    verification: 'V',
  },
  'garcia-2007': {
    text: 'Garcia PCR et al. High ferritin levels in children with severe sepsis and septic shock. Acta Paediatr 2007;96:1829',
    url: 'https://www.ncbi.nlm.nih.gov/pubmed/18001337',
    verification: 'V',
  },
  'buda-2022': {
    text: 'Buda P et al. Macrophage activation syndrome in children with MIS-C. Front Pediatr 2022;10:981711',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9520614',
    verification: 'V',
  },
  'feldstein-2020': {
    text: 'Feldstein LR et al. Multisystem inflammatory syndrome in U.S. children and adolescents. N Engl J Med 2020;383:334–46',
    verification: 'V',
  },
  'dufort-2020': {
    text: 'Dufort EM et al. Multisystem inflammatory syndrome in children in New York State. N Engl J Med 2020;383:347–58',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC7346766',
    verification: 'V',
  },
  'lee-2020-jci': {
    text: 'Lee PY et al. Distinct clinical and immunological features of SARS-CoV-2-induced MIS-C. J Clin Invest 2020',
    url: 'https://www.jci.org/articles/view/141113',
    verification: 'V',
  },
  'cdc-misc-surveillance-2021': {
    text: 'CDC MIS-C national surveillance, n=2818. Open Forum Infect Dis 2021, Table 1',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8364981/table/T1',
    verification: 'V',
  },
  'who-growth-2006': {
    text: 'WHO Child Growth Standards 2006, weight-for-age LMS tables (as read from a public reproduction; clinical-reference.md §2.4)',
    verification: 'V',
  },
  'cdc-growth-2000': {
    text: 'CDC 2000 growth charts, weight-for-age LMS (wtage.csv; clinical-reference.md §2.4)',
    verification: 'V',
  },
  'mosteller-1987': {
    text: 'Mosteller RD. Simplified calculation of body-surface area. N Engl J Med 1987;317:1098',
    verification: 'U',
  },
  'halyabar-2019': {
    text: 'Halyabar O et al. Calm in the midst of cytokine storm: a collaborative approach to the diagnosis and treatment of HLH and MAS. Pediatr Rheumatol 2019;17:7, Table 3',
    url: 'https://ped-rheum.biomedcentral.com/articles/10.1186/s12969-019-0309-6/tables/3',
    verification: 'V',
  },
  'acr-misc-2021': {
    text: 'Henderson LA et al. American College of Rheumatology clinical guidance for MIS-C associated with SARS-CoV-2, version 2. Arthritis Rheumatol 2021;73:e13',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8559788/',
    verification: 'V',
  },
  'nih-misc': {
    text: 'NIH COVID-19 Treatment Guidelines Panel. Management of MIS-C summary table',
    url: 'https://www.covid19treatmentguidelines.nih.gov/tables/management-of-mis-c-summary/',
    verification: 'V',
  },
  'ssc-peds-2020': {
    text: 'Weiss SL et al. Surviving Sepsis Campaign international guidelines for the management of septic shock and sepsis-associated organ dysfunction in children. Pediatr Crit Care Med 2020;21:e52',
    verification: 'V',
  },
  'de-benedetti-2023': {
    text: 'De Benedetti F et al. Efficacy and safety of emapalumab in macrophage activation syndrome. Ann Rheum Dis 2023;82:857; NCT03311854',
    url: 'https://crick.ai/trials/NCT03311854',
    verification: 'V',
  },
  'sickkids-tmp-smx': {
    text: 'SickKids antimicrobial formulary: trimethoprim-sulfamethoxazole PJP prophylaxis',
    url: 'https://app.firstline.org/en/clients/41-sickkids/antimicrobials/14759/dosing/98',
    verification: 'V',
  },
  'tocilizumab-label': {
    text: 'Tocilizumab EMA/FDA label summaries (sJIA dosing by weight)',
    url: 'https://ard.bmj.com/highwire/markup/187989/expansion',
    verification: 'V',
  },
  'emapalumab-label': {
    text: 'Emapalumab (Gamifant) label summary, Medscape',
    url: 'https://reference.medscape.com/drug/gamifant-emapalumab-1000291',
    verification: 'S',
  },
  'uptodate-mas': {
    text: 'UpToDate: treatment of macrophage activation syndrome (table), as read in clinical-reference.md §3.1',
    url: 'https://medilib.ir/uptodate/show/146346',
    verification: 'S',
  },
  'cyclosporine-toxicity': {
    text: 'Cyclosporine A toxicity: monitor drug levels, nephrotoxicity and hypertension (PRES risk unverified), as read in clinical-reference.md §3.1 (cyclosporine row, La Rosée P et al., Blood 2019;133:2465, via secondary summaries) and §4 pitfall 9',
    verification: 'S',
  },
  'hlh-94-2011': {
    text: 'Trottestam H et al. Chemoimmunotherapy for hemophagocytic lymphohistiocytosis: long-term results of the HLH-94 treatment protocol. Blood 2011;118:4577 (dose via secondary summaries)',
    verification: 'S',
  },
  'zhang-2022-ruxolitinib': {
    text: 'Zhang Q et al. Ruxolitinib as first-line therapy in pediatric HLH. Blood 2022;139:3493',
    verification: 'V',
  },
  'mccrindle-2017-aha-kawasaki': {
    text: 'McCrindle BW et al. Diagnosis, treatment, and long-term management of Kawasaki disease: a scientific statement from the American Heart Association. Circulation 2017;135:e927 — coronary z-score classification (no involvement <2; dilation only 2 to <2.5; small aneurysm ≥2.5 to <5), as reproduced in World J Clin Pediatr 2018;7(1):27–35, Table 4',
    url: 'http://wjgnet.com/2219-2808/full/v7/i1/27-T4.htm',
    verification: 'S',
  },
  'long-2025-sentinel': {
    text: 'Long E et al. Phoenix sepsis criteria in Australian and New Zealand emergency departments (SENTINEL; 6232 suspected-sepsis admissions, median age 2.1 y). JAMA Netw Open 2025;8:e251412',
    verification: 'V',
  },
  'frontiers-2023-sjia': {
    text: 'Systemic JIA cohort (n=76), Front Pediatr 2023, Table 1',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10536248/table/T1',
    verification: 'V',
  },
  'gillispie-2017': {
    text: 'Gillispie M et al. Ferritin:ESR, a predictor of MAS. 2017 Pediatric Rheumatology Symposium abstract (sJIA without MAS, n=22)',
    url: 'https://acrabstracts.org/abstract/ferritinesr-a-predictor-of-mas/',
    verification: 'V',
  },
  'yasin-2020-il18': {
    text: 'IL-18 in systemic JIA (Cincinnati cohort, n=40). Rheumatology 2020, PMID 31326996 (first author Yasin: unverified)',
    verification: 'V',
  },
  'italy-2022-misc': {
    text: 'Italian MIS-C cohort (n=76). Nat Med 2022, Table 1',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9119950/table/T1',
    verification: 'V',
  },
  'pals-hypotension': {
    text: 'Pediatric Advanced Life Support (PALS/ATLS) systolic hypotension: SBP < 60 mmHg in term neonates (0–28 days), < 70 mmHg in infants (1–12 months), < 70 + 2 × age in years for 1–10 years, < 90 mmHg from 10 years; read via secondary sources: JournalFeed summary of Ramaswamy/J Trauma Acute Care Surg 2019;86:448 ("PALS and ATLS use the formula … < 70 + 2(age in years) … only 1–10 years … the 90 mm definition for ≥ 10 years"), and a PALS calculator table for the neonate and infant limits (https://cal67.calculator.city/hypotension-in-children-is-calculated-as-a-systolic-pals.html)',
    url: 'https://journalfeed.org/article-a-day/2019/what-defines-pediatric-hypotension',
    verification: 'S',
  },
  'ddu-feu-conversion': {
    text: 'D-dimer units: a result in D-dimer units (DDU) is about half the same result in fibrinogen-equivalent units (FEU); FEU ≈ 2 × DDU, an approximation that depends on the assay\'s calibration. Read via secondary sources: Mayo-style reference wording "≤ 250 ng/mL DDU (≤ 0.50 mcg/mL FEU)" (http://unitslab.com/node/83) and a multicentre ED study that "multiplied DDUs by 2 to determine equivalent FEUs" (HCA Healthcare Scholarly Commons, Emergency Medicine 269)',
    url: 'https://scholarlycommons.hcahealthcare.com/emergency/269/',
    verification: 'S',
  },
  'misc-n14-rupress': {
    text: 'MIS-C cohort (n=14; 8 severe), J Exp Med tables (rupress.org)',
    url: 'https://rupress.org/view-large/9018187',
    verification: 'V',
  },
  'uptodate-febrile-neonate': {
    text: 'UpToDate: The febrile neonate (28 days of age or younger): outpatient evaluation and initial management (fever = rectal ≥38.0 °C; febrile neonates are evaluated for invasive bacterial infection and given empirical parenteral antibiotics pending cultures)',
    url: 'https://medilib.ir/uptodate/show/134347',
    verification: 'S',
  },
  'kaufman-2015-aabb': {
    text: 'Kaufman RM et al. Platelet transfusion: a clinical practice guideline from the AABB. Ann Intern Med 2015;162:205–13 (Recommendation 3: prophylactic platelet transfusion for elective diagnostic lumbar puncture with a platelet count below 50×10⁹/L; weak recommendation, very-low-quality evidence; adults)',
    url: 'https://doi.org/10.7326/M14-1589',
    verification: 'V',
  },
  'hl7-fhir-r4-vitalsigns': {
    text: 'HL7 FHIR R4 (4.0.1) Vital Signs profiles and value set observation-vitalsignresult: category vital-signs (http://terminology.hl7.org/CodeSystem/observation-category); LOINC 8867-4 heart rate, 9279-1 respiratory rate, 8310-5 body temperature, 2708-6 oxygen saturation in arterial blood (oxygensat profile; US Core pulse oximetry adds 59408-5 "by pulse oximetry"), 85354-9 blood pressure panel grouping the components 8480-6 systolic and 8462-4 diastolic blood pressure (https://hl7.org/fhir/R4/valueset-observation-vitalsignresult.html; http://hl7.org/fhir/us/core/STU5/Observation-oxygen-saturation.html)',
    url: 'https://hl7.org/fhir/R4/observation-vitalsigns.html',
    verification: 'V',
  },
  guideline: {
    text: 'masdrill guideline (shared/guideline.md): "Management of Pediatric Macrophage Dysfunction Syndromes", statements by ID',
    verification: 'V',
  },
} as const satisfies Record<string, Citation>;

export type CitationKey = keyof typeof CITATIONS;

/** A citation reference as used in evidence: a key, optionally followed by a location ("fardet-2014 Table"). */
export function citationKeyOf(reference: string): string {
  return reference.split(/\s+/, 1)[0] ?? reference;
}

export function isKnownCitation(reference: string): boolean {
  return Object.hasOwn(CITATIONS, citationKeyOf(reference));
}
