import type { Dosage, MedicationRequest, Reference, Timing } from 'fhir/r4.js';
import {
  ACTIONS,
  UNIT_INFO,
  absolutePerDoseMg,
  formatNumber,
  type ActionCategory,
  type CaseFeatures,
  type Frequency,
  type PlannedAction,
  type Route,
} from '@masdrill/rules';
import { doseText } from '../items/dose-text.js';
import { UCUM_SYSTEM } from './ucum-units.js';

/** The action categories that are drug or fluid orders (a MedicationRequest each); the rest are procedures. */
const MEDICATION_CATEGORIES: ReadonlySet<ActionCategory> = new Set([
  'glucocorticoid',
  'immunomodulator',
  'antithrombotic',
  'anti-infective',
  'supportive',
]);

export const isMedicationOrder = (a: PlannedAction) => MEDICATION_CATEGORIES.has(ACTIONS[a.action].category);

/**
 * Timing.repeat for each frequency (FHIR R4 Timing: frequency per period in periodUnit). Frequencies
 * with no simple repeat (3 days a week, a continuous infusion) are given in the dosage text only.
 */
const REPEAT: { readonly [K in Frequency]: Timing['repeat'] | undefined } = {
  once: { count: 1 },
  q4h: { frequency: 1, period: 4, periodUnit: 'h' },
  q6h: { frequency: 1, period: 6, periodUnit: 'h' },
  q8h: { frequency: 1, period: 8, periodUnit: 'h' },
  q12h: { frequency: 1, period: 12, periodUnit: 'h' },
  q24h: { frequency: 1, period: 1, periodUnit: 'd' },
  q48h: { frequency: 1, period: 2, periodUnit: 'd' },
  q3d: { frequency: 1, period: 3, periodUnit: 'd' },
  'twice-weekly': { frequency: 2, period: 1, periodUnit: 'wk' },
  weekly: { frequency: 1, period: 1, periodUnit: 'wk' },
  q2w: { frequency: 1, period: 2, periodUnit: 'wk' },
  'q12h-3-days-weekly': undefined,
  continuous: undefined,
};

/** Routes as text (coded routes would need a verified terminology: SNOMED CT route codes are not checked here). */
const ROUTE_TEXT: { readonly [K in Route]: string } = {
  iv: 'intravenous',
  po: 'oral',
  sc: 'subcutaneous',
  im: 'intramuscular',
  inhaled: 'inhaled',
  other: 'other',
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * A weight- or BSA-based dose as an amount for this patient, in a UCUM unit: mg/kg or mg/m² is not a
 * dose quantity, so the mass (or volume) per single administration is computed from the patient's
 * weight or body surface area, and the basis is stated in the text.
 */
function doseForPatient(
  a: PlannedAction,
  f: Pick<CaseFeatures, 'weightKg' | 'bsaM2'>,
): { quantity?: Dosage['doseAndRate']; basis?: string } {
  const d = a.dose;
  if (!d) return {};
  const info = UNIT_INFO[d.unit];
  if (info.measure === 'mass') {
    const mg = absolutePerDoseMg(d, f as CaseFeatures);
    if (mg === undefined) return {};
    const grams = mg >= 10_000;
    const value = grams ? round1(mg / 1000) : round1(mg);
    const unit = grams ? 'g' : 'mg';
    const basis =
      info.basis === 'per-kg'
        ? `for a weight of ${formatNumber(f.weightKg!)} kg`
        : info.basis === 'per-m2'
          ? `for a body surface area of ${formatNumber(Math.round(f.bsaM2! * 100) / 100)} m²`
          : undefined;
    return {
      quantity: [{ doseQuantity: { value, unit, system: UCUM_SYSTEM, code: unit } }],
      ...(basis ? { basis: `${formatNumber(value)} ${unit} per dose ${basis}` } : {}),
    };
  }
  if (d.unit === 'mL/kg' && f.weightKg !== undefined) {
    const value = round1(d.amount * f.weightKg);
    return {
      quantity: [{ doseQuantity: { value, unit: 'mL', system: UCUM_SYSTEM, code: 'mL' } }],
      basis: `${formatNumber(value)} mL per dose for a weight of ${formatNumber(f.weightKg)} kg`,
    };
  }
  return {}; // a rate (mcg/kg/min): in the text only
}

/** A planned drug order as a FHIR R4 MedicationRequest (medication as text: no code system is verified for these drugs). */
export function medicationRequest(
  a: PlannedAction,
  f: Pick<CaseFeatures, 'weightKg' | 'bsaM2'>,
  refs: { readonly subject: Reference; readonly encounter: Reference; readonly authoredOn: string },
): MedicationRequest {
  const action = ACTIONS[a.action];
  const d = a.dose;
  const { quantity, basis } = doseForPatient(a, f);
  const repeat = d ? REPEAT[d.frequency] : undefined;
  const bounds =
    d?.durationDays !== undefined && d.frequency !== 'once'
      ? { boundsDuration: { value: d.durationDays, unit: 'd', system: UCUM_SYSTEM, code: 'd' } }
      : {};
  const dosage: Dosage = {
    text: [d ? doseText(d) : undefined, basis, a.note].filter(Boolean).join('; ') || action.name,
    ...(repeat ? { timing: { repeat: { ...repeat, ...bounds } } } : {}),
    ...(d?.route ? { route: { text: ROUTE_TEXT[d.route] } } : {}),
    ...(quantity ? { doseAndRate: quantity } : {}),
  };
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'proposal',
    medicationCodeableConcept: { text: action.name },
    subject: refs.subject,
    encounter: refs.encounter,
    authoredOn: refs.authoredOn,
    dosageInstruction: [dosage],
  };
}
