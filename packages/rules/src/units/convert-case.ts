import type { Case, LabPanel, ReferenceLimits } from '../generated/case.js';
import { ANALYTES, isNumericAnalyte, type UnitSystem } from './analytes.js';
import { fromCanonical, toCanonical } from './convert.js';

type Direction = 'to-canonical' | 'from-canonical';

function convertPanel(panel: LabPanel, system: UnitSystem, direction: Direction): LabPanel {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(panel)) {
    // A key holding undefined was not measured (generated panels carry every key): left out, as JSON would.
    if (value === undefined) continue;
    if (typeof value === 'number' && key !== 'hour' && isNumericAnalyte(key)) {
      const unit = ANALYTES[key].systemUnits[system];
      out[key] = direction === 'to-canonical' ? toCanonical(key, value, unit) : fromCanonical(key, value, unit);
    } else {
      out[key] = value;
    }
  }
  return out as unknown as LabPanel;
}

function convertLimits(
  ranges: Case['labReferenceRanges'],
  system: UnitSystem,
  direction: Direction,
): Case['labReferenceRanges'] {
  if (!ranges) return ranges;
  const out: Record<string, ReferenceLimits> = {};
  for (const [key, limits] of Object.entries(ranges) as [string, ReferenceLimits][]) {
    if (!isNumericAnalyte(key)) {
      out[key] = limits;
      continue;
    }
    const unit = ANALYTES[key].systemUnits[system];
    const conv = (v: number) =>
      direction === 'to-canonical' ? toCanonical(key, v, unit) : fromCanonical(key, v, unit);
    out[key] = {
      ...(limits.lower !== undefined ? { lower: conv(limits.lower) } : {}),
      ...(limits.upper !== undefined ? { upper: conv(limits.upper) } : {}),
    };
  }
  return out as Case['labReferenceRanges'];
}

function convertCase(c: Case, system: UnitSystem, direction: Direction): Case {
  // The case says which system its values are now in (an existing field keeps its place in the key order).
  const converted: Case = { ...c, labs: c.labs.map((p) => convertPanel(p, system, direction)) };
  converted.units = direction === 'to-canonical' ? 'canonical' : system;
  if (c.labReferenceRanges) converted.labReferenceRanges = convertLimits(c.labReferenceRanges, system, direction);
  return converted;
}

/** A case whose lab values are in `system` units, brought to canonical units (the import edge). */
export function caseToCanonical(c: Case, system: UnitSystem): Case {
  return convertCase(c, system, 'to-canonical');
}

/** A canonical case with its lab values expressed in `system` units (the export/display edge). */
export function caseFromCanonical(c: Case, system: UnitSystem): Case {
  return convertCase(c, system, 'from-canonical');
}
