import type { Coding, Observation as FhirObservation } from 'fhir/r4.js';
import type { CitationKey, Observation } from '@masdrill/rules';
import { UCUM_SYSTEM } from './ucum-units.js';

/** Where every code below was read (citations registry). */
export const VITAL_SIGNS_SOURCE: CitationKey = 'hl7-fhir-r4-vitalsigns';

const LOINC = 'http://loinc.org';
const loinc = (code: string, display?: string): Coding => ({ system: LOINC, code, ...(display ? { display } : {}) });

/** The FHIR R4 vital-signs category (Observation Category Codes). */
export const VITAL_SIGNS_CATEGORY = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/observation-category',
      code: 'vital-signs',
      display: 'Vital Signs',
    },
  ],
};

export interface VitalSign {
  /** The case observation's field. */
  readonly field: 'heartRate' | 'respiratoryRate' | 'temperatureC' | 'spo2';
  readonly codings: readonly Coding[];
  readonly text: string;
  /** UCUM code (the tests validate each with @lhncbc/ucum-lhc). */
  readonly ucum: string;
  /** The unit as printed. */
  readonly unit: string;
}

/**
 * The single-value vital signs a case records, with the LOINC codes the FHIR R4 vital-signs
 * profiles fix (source: VITAL_SIGNS_SOURCE). SpO2 carries 2708-6 (the R4 oxygensat profile's code)
 * and 59408-5 ("by pulse oximetry", as US Core's pulse-oximetry profile adds). Mean arterial
 * pressure and GCS are not written: their codes are not verified here.
 */
export const VITAL_SIGNS: readonly VitalSign[] = [
  { field: 'heartRate', codings: [loinc('8867-4', 'Heart rate')], text: 'Heart rate', ucum: '/min', unit: '/min' },
  {
    field: 'respiratoryRate',
    codings: [loinc('9279-1', 'Respiratory rate')],
    text: 'Respiratory rate',
    ucum: '/min',
    unit: '/min',
  },
  {
    field: 'temperatureC',
    codings: [loinc('8310-5', 'Body temperature')],
    text: 'Body temperature',
    ucum: 'Cel',
    unit: '°C',
  },
  {
    field: 'spo2',
    codings: [
      loinc('2708-6', 'Oxygen saturation in Arterial blood'),
      loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
    ],
    text: 'Oxygen saturation (pulse oximetry)',
    ucum: '%',
    unit: '%',
  },
];

/** The blood pressure panel and its two components (R4 bp profile). */
export const BLOOD_PRESSURE = {
  panel: loinc('85354-9'),
  systolic: loinc('8480-6', 'Systolic blood pressure'),
  diastolic: loinc('8462-4', 'Diastolic blood pressure'),
  ucum: 'mm[Hg]',
  unit: 'mmHg',
} as const;

type Base = Pick<FhirObservation, 'subject' | 'encounter' | 'effectiveDateTime'>;

/**
 * The vital-sign Observations of one bedside observation, keyed for stable resource ids. A value
 * not recorded is not written (not assessed, never "normal"); the blood pressure panel only when
 * both systolic and diastolic were measured (the profile wants both components).
 */
export function vitalSignObservations(o: Observation, base: Base): { key: string; resource: FhirObservation }[] {
  const out: { key: string; resource: FhirObservation }[] = [];
  const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: UCUM_SYSTEM, code });
  for (const v of VITAL_SIGNS) {
    const value = o[v.field];
    if (typeof value !== 'number') continue;
    out.push({
      key: v.field,
      resource: {
        resourceType: 'Observation',
        status: 'final',
        category: [VITAL_SIGNS_CATEGORY],
        code: { coding: [...v.codings], text: v.text },
        ...base,
        valueQuantity: quantity(value, v.unit, v.ucum),
      },
    });
  }
  if (typeof o.sbp === 'number' && typeof o.dbp === 'number') {
    const bp = BLOOD_PRESSURE;
    out.push({
      key: 'bloodPressure',
      resource: {
        resourceType: 'Observation',
        status: 'final',
        category: [VITAL_SIGNS_CATEGORY],
        code: { coding: [bp.panel], text: 'Blood pressure' },
        ...base,
        component: [
          {
            code: { coding: [bp.systolic], text: 'Systolic blood pressure' },
            valueQuantity: quantity(o.sbp, bp.unit, bp.ucum),
          },
          {
            code: { coding: [bp.diastolic], text: 'Diastolic blood pressure' },
            valueQuantity: quantity(o.dbp, bp.unit, bp.ucum),
          },
        ],
      },
    });
  }
  return out;
}
