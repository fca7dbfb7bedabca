import { createHash } from 'node:crypto';
import type { Bundle, BundleEntry, Condition, Encounter, Observation, Patient } from 'fhir/r4.js';
import {
  ANALYTES,
  DIAGNOSIS_LABELS,
  NUMERIC_ANALYTES,
  type Case,
  type CaseFeatures,
  type PlannedAction,
} from '@masdrill/rules';
import { isMedicationOrder, medicationRequest } from './medication-requests.js';
import { UCUM_SYSTEM, ucumCode } from './ucum-units.js';
import { vitalSignObservations } from './vital-signs.js';

/**
 * Synthetic cases have hours from presentation, not dates. FHIR wants instants: hour 0 is this
 * fixed anchor (a design choice, stated in the bundle's meta tag), so the bytes never depend on
 * the clock.
 */
export const PRESENTATION_ANCHOR_MS = Date.UTC(2000, 0, 1);
const LOINC = 'http://loinc.org';
const MS_PER_HOUR = 3_600_000;
const instant = (hour: number) =>
  new Date(PRESENTATION_ANCHOR_MS + hour * MS_PER_HOUR).toISOString().replace('.000Z', 'Z');

/** A deterministic urn:uuid for a resource of a case (SHA-1 of case id and key, shaped as UUID v5). */
function urn(caseId: string, key: string): string {
  const h = createHash('sha1').update(`masdrill:${caseId}:${key}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export interface FhirOptions {
  /** Add a Condition for the labelled diagnosis (ground truth): only when asked. */
  readonly condition?: boolean;
  /**
   * Orders to write as MedicationRequests (drug and fluid orders only; procedures are left out), with
   * the weight and BSA their doses are computed for: a scenario stage's plan or the expert plan.
   */
  readonly orders?: {
    readonly actions: readonly PlannedAction[];
    readonly features: Pick<CaseFeatures, 'weightKg' | 'bsaM2'>;
  };
}

/**
 * One case as a FHIR R4 transaction Bundle: Patient, Encounter, vital-sign Observations (the R4
 * vital-signs profiles' LOINC codes), one Observation per lab value (LOINC where the analyte
 * registry has a verified code, else text only; UCUM units), with `orders` a MedicationRequest per
 * drug order, and with `condition` a Condition for the labelled diagnosis. Pure and deterministic.
 */
export function caseToFhirBundle(c: Case, options: FhirOptions = {}): Bundle {
  const patientUrl = urn(c.id, 'patient');
  const encounterUrl = urn(c.id, 'encounter');
  const ageDays = Math.round(c.patient.ageYears * 365.25);
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [{ system: 'urn:masdrill:case', value: c.id }],
    gender: c.patient.sex,
    birthDate: new Date(PRESENTATION_ANCHOR_MS - ageDays * 24 * MS_PER_HOUR).toISOString().slice(0, 10),
  };
  const encounter: Encounter = {
    resourceType: 'Encounter',
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
    subject: { reference: patientUrl },
    period: { start: instant(0) },
  };
  const entries: BundleEntry[] = [
    { fullUrl: patientUrl, resource: patient, request: { method: 'POST', url: 'Patient' } },
    { fullUrl: encounterUrl, resource: encounter, request: { method: 'POST', url: 'Encounter' } },
  ];
  const bedside = [...c.observations].sort((a, b) => a.hour - b.hour);
  for (const o of bedside) {
    const base = {
      subject: { reference: patientUrl },
      encounter: { reference: encounterUrl },
      effectiveDateTime: instant(o.hour),
    };
    for (const { key, resource } of vitalSignObservations(o, base))
      entries.push({
        fullUrl: urn(c.id, `vital:${o.hour}:${key}`),
        resource,
        request: { method: 'POST', url: 'Observation' },
      });
  }
  const panels = [...c.labs].sort((a, b) => a.hour - b.hour);
  for (const panel of panels) {
    for (const analyte of NUMERIC_ANALYTES) {
      const value = panel[analyte];
      if (typeof value !== 'number') continue;
      const def = ANALYTES[analyte];
      const observation: Observation = {
        resourceType: 'Observation',
        status: 'final',
        category: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
        ],
        code: def.loinc
          ? { coding: [{ system: LOINC, code: def.loinc.code, display: def.label }], text: def.label }
          : { text: def.label },
        subject: { reference: patientUrl },
        encounter: { reference: encounterUrl },
        effectiveDateTime: instant(panel.hour),
        valueQuantity: { value, unit: def.canonicalUnit, system: UCUM_SYSTEM, code: ucumCode(def.canonicalUnit) },
      };
      entries.push({
        fullUrl: urn(c.id, `lab:${panel.hour}:${analyte}`),
        resource: observation,
        request: { method: 'POST', url: 'Observation' },
      });
    }
  }
  const orders = options.orders?.actions.filter(isMedicationOrder) ?? [];
  orders.forEach((a, i) => {
    const refs = {
      subject: { reference: patientUrl },
      encounter: { reference: encounterUrl },
      authoredOn: instant(a.atHour),
    };
    entries.push({
      fullUrl: urn(c.id, `order:${i}:${a.action}:${a.atHour}`),
      resource: medicationRequest(a, options.orders!.features, refs),
      request: { method: 'POST', url: 'MedicationRequest' },
    });
  });
  if (options.condition && c.truth) {
    const condition: Condition = {
      resourceType: 'Condition',
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
      code: {
        text:
          c.truth.masPresent && c.truth.kind !== 'mas'
            ? `${DIAGNOSIS_LABELS[c.truth.kind]} with macrophage activation syndrome`
            : DIAGNOSIS_LABELS[c.truth.kind],
      },
      subject: { reference: patientUrl },
      encounter: { reference: encounterUrl },
      note: [{ text: `Synthetic label (ground truth) of masdrill case ${c.id}: ${c.truth.subtype}.` }],
    };
    entries.push({
      fullUrl: urn(c.id, 'condition'),
      resource: condition,
      request: { method: 'POST', url: 'Condition' },
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    meta: {
      tag: [
        { system: 'urn:masdrill', code: 'synthetic', display: 'Synthetic patient; hour 0 is 2000-01-01T00:00:00Z' },
      ],
    },
    entry: entries,
  };
}
