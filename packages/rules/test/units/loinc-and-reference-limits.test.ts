import { describe, expect, it } from 'vitest';
import {
  ANALYTES,
  NUMERIC_ANALYTES,
  PUBLISHED_REFERENCE_LIMITS,
  lowerReferenceLimit,
  upperReferenceLimit,
  type NumericAnalyte,
  type PublishedReferenceLimit,
} from '../../src/index.js';
import { makeCase } from '../support/make-case.js';

/**
 * The LOINC Mod 10 check digit, exactly as the LOINC Users' Guide defines it
 * (section "C - Calculating Mod 10 Check Digits", https://loinc.org/kb/users-guide/calculating-mod-10-check-digits/):
 *   1. assign positions to the digits from right to left;
 *   2. take the digits in odd positions counting from the right (1st, 3rd, 5th, …);
 *   3. multiply that number by 2;
 *   4. take the digits in even positions counting from the right (2nd, 4th, …);
 *   5. prepend the result of step 4 to the result of step 3;
 *   6. add the digits of step 5 together;
 *   7. find the next highest multiple of 10;
 *   8. subtract step 6 from step 7 — that is the check digit (0 when step 6 is already a multiple of 10).
 */
function loincCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error(`not a LOINC code body: ${body}`);
  const fromRight = [...body].reverse();
  const odd = fromRight.filter((_, i) => i % 2 === 0).join('');
  const even = fromRight.filter((_, i) => i % 2 === 1).join('');
  const step5 = even + String(BigInt(odd) * 2n);
  const step6 = [...step5].reduce((sum, d) => sum + Number(d), 0);
  return (10 - (step6 % 10)) % 10;
}

function hasValidLoincCheckDigit(code: string): boolean {
  const m = /^(\d{1,7})-(\d)$/.exec(code);
  return m !== null && loincCheckDigit(m[1]!) === Number(m[2]);
}

describe('LOINC check digit (LOINC Users\u2019 Guide, Mod 10)', () => {
  it('reproduces the worked example of the Users\u2019 Guide: 5 is the check digit for 12345', () => {
    expect(loincCheckDigit('12345')).toBe(5);
  });

  it('accepts well-known codes and rejects a mistyped check digit', () => {
    expect(hasValidLoincCheckDigit('718-7')).toBe(true);
    expect(hasValidLoincCheckDigit('2276-4')).toBe(true);
    expect(hasValidLoincCheckDigit('718-8')).toBe(false);
    expect(hasValidLoincCheckDigit('2276-5')).toBe(false);
    expect(hasValidLoincCheckDigit('LP14419-3')).toBe(false);
    expect(hasValidLoincCheckDigit('7187')).toBe(false);
  });

  it('flags the 14 terms the Users\u2019 Guide lists as having invalid check digits (a known LOINC issue)', () => {
    const knownInvalid = [
      '11491-6',
      '11501-6',
      '5895-7',
      '5896-5',
      '5897-3',
      '5928-1',
      '6028-3',
      '6415-5',
      '6580-7',
      '6645-7',
      '6646-5',
      '6647-3',
      '6648-1',
      '6649-9',
    ];
    for (const code of knownInvalid) expect(hasValidLoincCheckDigit(code), code).toBe(false);
  });
});

const withLoinc = NUMERIC_ANALYTES.filter((a) => ANALYTES[a].loinc !== null);

describe('analyte LOINC codes', () => {
  it('at least one analyte carries a verified code', () => {
    expect(withLoinc.length).toBeGreaterThan(0);
  });

  it.each(withLoinc)('%s: well-formed code with a correct Mod 10 check digit', (a) => {
    const { code } = ANALYTES[a].loinc!;
    expect(code).toMatch(/^\d{1,7}-\d$/);
    expect(hasValidLoincCheckDigit(code), `${a}: ${code}`).toBe(true);
  });

  it.each(withLoinc)('%s: source is non-empty and names the page it was read from', (a) => {
    const { code, source } = ANALYTES[a].loinc!;
    expect(source.trim().length).toBeGreaterThan(0);
    expect(source).toMatch(/https?:\/\/\S+/);
    expect(source).toContain(code);
  });

  it('no two analytes share a code', () => {
    const codes = withLoinc.map((a) => ANALYTES[a].loinc!.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

const SEXES = ['female', 'male'] as const;
const appliesTo = (r: PublishedReferenceLimit, sex: 'female' | 'male') => r.sex === undefined || r.sex === sex;
const analytesWithLimits = [...new Set(PUBLISHED_REFERENCE_LIMITS.map((r) => r.analyte))];
const label = (r: PublishedReferenceLimit) => `${r.analyte} ${r.sex ?? 'any'} [${r.fromAgeYears}, ${r.toAgeYears})`;

describe('published reference limits', () => {
  it('every entry names a known analyte, a non-empty source, at least one limit, and a valid age band', () => {
    for (const r of PUBLISHED_REFERENCE_LIMITS) {
      expect(NUMERIC_ANALYTES, label(r)).toContain(r.analyte);
      expect(r.source.trim().length, label(r)).toBeGreaterThan(0);
      expect(r.lower !== undefined || r.upper !== undefined, label(r)).toBe(true);
      expect(Number.isFinite(r.fromAgeYears), label(r)).toBe(true);
      expect(r.fromAgeYears, label(r)).toBeGreaterThanOrEqual(0);
      expect(r.toAgeYears, label(r)).toBeGreaterThan(r.fromAgeYears);
    }
  });

  it('lower ≤ upper, and both lie within the analyte\u2019s plausible range (canonical unit)', () => {
    for (const r of PUBLISHED_REFERENCE_LIMITS) {
      const { min, max } = ANALYTES[r.analyte].plausible;
      for (const v of [r.lower, r.upper]) {
        if (v === undefined) continue;
        expect(Number.isFinite(v), label(r)).toBe(true);
        expect(v, label(r)).toBeGreaterThanOrEqual(min);
        expect(v, label(r)).toBeLessThanOrEqual(max);
      }
      if (r.lower !== undefined && r.upper !== undefined) expect(r.lower, label(r)).toBeLessThanOrEqual(r.upper);
    }
  });

  it('no two entries for the same analyte and sex overlap in age (an entry without sex applies to both)', () => {
    for (const a of analytesWithLimits) {
      for (const sex of SEXES) {
        const bands = PUBLISHED_REFERENCE_LIMITS.filter((r) => r.analyte === a && appliesTo(r, sex));
        for (let i = 0; i < bands.length; i++) {
          for (let j = i + 1; j < bands.length; j++) {
            const [p, q] = [bands[i]!, bands[j]!];
            const overlap = p.fromAgeYears < q.toAgeYears && q.fromAgeYears < p.toAgeYears;
            expect(overlap, `${sex}: ${label(p)} overlaps ${label(q)}`).toBe(false);
          }
        }
      }
    }
  });

  it('each analyte\u2019s bands for each sex are contiguous (no unexplained gap between the first and last band)', () => {
    for (const a of analytesWithLimits) {
      for (const sex of SEXES) {
        const bands = PUBLISHED_REFERENCE_LIMITS.filter((r) => r.analyte === a && appliesTo(r, sex)).sort(
          (p, q) => p.fromAgeYears - q.fromAgeYears,
        );
        for (let i = 1; i < bands.length; i++) {
          expect(bands[i]!.fromAgeYears, `${a} ${sex}: gap after ${label(bands[i - 1]!)}`).toBeCloseTo(
            bands[i - 1]!.toAgeYears,
            12,
          );
        }
      }
    }
  });

  it('each band is what the lookup returns across the ages it claims (from inclusive, to exclusive)', () => {
    for (const r of PUBLISHED_REFERENCE_LIMITS) {
      for (const sex of SEXES.filter((s) => appliesTo(r, s))) {
        const end = Number.isFinite(r.toAgeYears) ? r.toAgeYears : r.fromAgeYears + 100;
        const inside = [r.fromAgeYears, (r.fromAgeYears + end) / 2, end - 1e-9];
        for (const ageYears of inside) {
          const c = makeCase({ patient: { ageYears, sex } });
          if (r.upper !== undefined)
            expect(upperReferenceLimit(c, r.analyte), `${label(r)} at ${ageYears} (${sex})`).toEqual({
              value: r.upper,
              source: r.source,
            });
          if (r.lower !== undefined)
            expect(lowerReferenceLimit(c, r.analyte), `${label(r)} at ${ageYears} (${sex})`).toEqual({
              value: r.lower,
              source: r.source,
            });
        }
        if (Number.isFinite(r.toAgeYears)) {
          const after = upperReferenceLimit(makeCase({ patient: { ageYears: r.toAgeYears, sex } }), r.analyte);
          expect(
            after?.source === r.source && after.value === r.upper,
            `${label(r)} must not apply at its exclusive end`,
          ).toBe(false);
        }
      }
    }
  });

  it('a laboratory range on the case still wins over a published one', () => {
    const analyte: NumericAnalyte = 'crp';
    const c = makeCase({ patient: { ageYears: 8, sex: 'male' }, labReferenceRanges: { crp: { upper: 5 } } });
    expect(upperReferenceLimit(c, analyte)?.value).toBe(5);
  });

  it('the troponin limits are for the same assay family as the troponin LOINC code (hs-TnT)', () => {
    const loinc = ANALYTES.troponin.loinc;
    const tnt = PUBLISHED_REFERENCE_LIMITS.filter((r) => r.analyte === 'troponin');
    if (loinc === null || tnt.length === 0) return;
    expect(loinc.source).toMatch(/troponin T/i);
    for (const r of tnt) expect(r.source).toMatch(/troponin T|hs-TnT/i);
  });
});
