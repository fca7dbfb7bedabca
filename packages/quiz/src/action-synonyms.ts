import type { ActionId } from '@masdrill/rules';

/**
 * What else a clinician types for an action in the order search: other names, brand names and
 * common abbreviations. Names only — no doses, no thresholds, no claim about when to order: a
 * search aid (drug names that fall under a class action, such as the cephalosporins under empirical
 * antibiotics, only find the action; they do not say which drug to give). The mapped type keeps the
 * table complete: every action has a row, empty where its name says it all.
 */
export const ACTION_SYNONYMS: { readonly [K in ActionId]: readonly string[] } = {
  'methylprednisolone-pulse': ['MP', 'IVMP', 'methylpred', 'Solu-Medrol', 'steroid', 'corticosteroid'],
  'methylprednisolone-low-moderate': ['MP', 'methylpred', 'Solu-Medrol', 'steroid', 'corticosteroid'],
  dexamethasone: ['dex', 'dexa', 'Decadron', 'steroid', 'corticosteroid'],
  cyclosporine: ['CsA', 'CyA', 'ciclosporin', 'cyclosporin', 'Neoral', 'Sandimmune', 'calcineurin inhibitor'],
  anakinra: ['Kineret', 'IL-1', 'interleukin-1'],
  ivig: ['IVIG', 'IVIg', 'IgG', 'immunoglobulin', 'gamma globulin'],
  tocilizumab: ['TCZ', 'Actemra', 'RoActemra', 'IL-6', 'interleukin-6'],
  emapalumab: ['Gamifant', 'anti-IFN-γ', 'interferon'],
  ruxolitinib: ['rux', 'Jakafi', 'Jakavi', 'JAK'],
  baricitinib: ['bari', 'Olumiant', 'JAK'],
  etoposide: ['VP-16', 'VP16', 'Etopophos', 'chemotherapy'],
  etanercept: ['Enbrel', 'TNF', 'anti-TNF'],
  infliximab: ['IFX', 'Remicade', 'TNF', 'anti-TNF'],
  aspirin: ['ASA', 'acetylsalicylic acid'],
  'enoxaparin-therapeutic': [
    'LMWH',
    'low-molecular-weight heparin',
    'heparin',
    'Lovenox',
    'Clexane',
    'anticoagulation',
  ],
  'empirical-antibiotics': ['abx', 'antibiotic', 'antimicrobial', 'ceftriaxone', 'cefotaxime', 'cephalosporin'],
  'antiviral-therapy': ['antiviral'],
  'pjp-prophylaxis': ['PCP', 'co-trimoxazole', 'cotrimoxazole', 'Bactrim', 'Septra', 'pneumocystis'],
  'opportunistic-infection-surveillance': ['infection screen'],
  'fluid-bolus': ['bolus', 'fluids', 'normal saline', 'NS'],
  'vasoactive-infusion': [
    'pressor',
    'vasopressor',
    'inotrope',
    'epinephrine',
    'adrenaline',
    'norepinephrine',
    'noradrenaline',
  ],
  'icu-admission': ['PICU', 'intensive care', 'critical care'],
  'multidisciplinary-consult': ['MDT', 'consult', 'referral'],
  reassessment: ['review', 'reassess'],
  'monitor-mas-labs': ['labs', 'bloods', 'FBC', 'LFT', 'coags', 'fibrinogen'],
  'monitor-cardiac-markers': ['BNP', 'trop', 'cardiac enzymes'],
  ekg: ['ECG', 'electrocardiogram'],
  'bone-marrow-exam': ['BMA', 'marrow', 'hemophagocytosis'],
  scd25: ['sIL-2R', 'soluble IL-2 receptor', 'CD25'],
  'nk-cell-activity': ['NK', 'natural killer'],
  'blood-cultures': ['BC', 'culture'],
  'viral-pcr': ['PCR', 'virology'],
  echocardiogram: ['echo', 'TTE', 'cardiac ultrasound'],
  'lumbar-puncture': ['LP', 'spinal tap', 'CSF'],
  'brain-mri': ['MRI', 'neuroimaging'],
};
