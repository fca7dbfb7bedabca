import type { Case, LabPanel, Observation } from '../../src/index.js';

/**
 * A minimal valid authored case for tests: a 6-year-old with nothing assessed. Pass the parts a
 * test needs; every finding and lab a test does not set stays "not assessed".
 */
export function makeCase(
  parts: {
    id?: string;
    patient?: Partial<Case['patient']>;
    background?: Partial<Case['background']>;
    encounter?: Case['encounter'];
    observations?: Observation[];
    labs?: LabPanel[];
    labReferenceRanges?: Case['labReferenceRanges'];
    investigations?: Case['investigations'];
  } = {},
): Case {
  const c: Case = {
    schemaVersion: 1,
    id: parts.id ?? 'test-case',
    provenance: { source: 'authored', author: 'test' },
    patient: { ageYears: 6, sex: 'female', weightKg: 20, heightCm: 115, ...parts.patient },
    background: { sjia: 'none', ...parts.background },
    encounter: parts.encounter ?? {},
    observations: parts.observations ?? [],
    labs: parts.labs ?? [],
    investigations: parts.investigations ?? {},
  };
  if (parts.labReferenceRanges) c.labReferenceRanges = parts.labReferenceRanges;
  return c;
}

/** One lab panel at hour 0. */
export function labsAt0(values: Omit<LabPanel, 'hour'>): LabPanel[] {
  return [{ hour: 0, ...values }];
}

/** One observation at hour 0. */
export function observedAt0(values: Omit<Observation, 'hour'>): Observation[] {
  return [{ hour: 0, ...values }];
}
