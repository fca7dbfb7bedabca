import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTIONS,
  DOSES_PER_DOSING_DAY,
  UNIT_INFO,
  bodySurfaceAreaM2,
  caseFeatures,
  checkDose,
  expertDose,
  featureGrid,
  type ActionId,
  type Case,
  type CaseFeatures,
  type Dose,
  type DoseRule,
} from '../../src/index.js';
import { makeCase } from '../support/make-case.js';
import { mgForGSlip } from './support.js';

const patient = (
  weightKg: number | undefined,
  heightCm: number | undefined,
  truth?: Case['truth'],
  extra: Partial<Case> = {},
) => {
  const c = { ...makeCase({}), ...extra };
  c.patient = {
    ageYears: 8,
    sex: 'male',
    ...(weightKg !== undefined ? { weightKg } : {}),
    ...(heightCm !== undefined ? { heightCm } : {}),
  };
  if (truth) c.truth = truth;
  return caseFeatures(c);
};
const mas = patient(20, 115, { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true, severity: 'severe' });
const masOf = (weightKg: number, heightCm: number) =>
  patient(weightKg, heightCm, { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true, severity: 'severe' });
const miscCardiac = (weightKg: number) =>
  patient(
    weightKg,
    165,
    { kind: 'misc', subtype: 'misc', masPresent: false },
    { investigations: { echo: [{ hour: 0, lvefPercent: 40 }] } },
  );
const kinds = (c: ReturnType<typeof checkDose>) => c.problems.map((p) => p.kind);

/** The same absolute dose written in another unit, for this patient (undefined when it cannot be: no weight/BSA, or per dose of a continuous infusion). */
function rewrite(dose: Dose, unit: Dose['unit'], f: CaseFeatures): Dose | undefined {
  const from = UNIT_INFO[dose.unit];
  const to = UNIT_INFO[unit];
  const n = DOSES_PER_DOSING_DAY[dose.frequency];
  const size = (b: typeof from.basis) => (b === 'per-kg' ? f.weightKg : b === 'per-m2' ? f.bsaM2 : 1);
  const a = size(from.basis);
  const b = size(to.basis);
  if (a === undefined || b === undefined || (Number.isNaN(n) && from.scope !== to.scope)) return undefined;
  const mg = dose.amount * from.factor * a; // absolute mg in the source scope
  const scoped = from.scope === to.scope ? mg : to.scope === 'per-day' ? mg * n : mg / n;
  return { ...dose, amount: scoped / b / to.factor, unit };
}

const MASS_UNITS = (Object.keys(UNIT_INFO) as Dose['unit'][]).filter((u) => UNIT_INFO[u].measure === 'mass');

const d = (amount: number, unit: Dose['unit'], frequency: Dose['frequency'], more: Partial<Dose> = {}): Dose => ({
  amount,
  unit,
  frequency,
  ...more,
});

describe('dose checks', () => {
  it('Mosteller BSA', () => {
    expect(bodySurfaceAreaM2(115, 20)).toBeCloseTo(Math.sqrt((115 * 20) / 3600), 10);
  });

  it('methylprednisolone: range, once daily, 3–5 days, 1 g maximum', () => {
    expect(
      checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { route: 'iv', durationDays: 3 }), mas).status,
    ).toBe('ok');
    expect(checkDose('methylprednisolone-pulse', d(600, 'mg/day', 'q24h'), mas).status).toBe('ok');
    const twice = checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q12h'), mas);
    expect(twice.problems.map((p) => p.kind)).toEqual(['frequency']);
    expect(
      checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { durationDays: 7 }), mas).problems.map(
        (p) => p.kind,
      ),
    ).toEqual(['duration']);
    expect(checkDose('methylprednisolone-pulse', d(5, 'mg/kg/day', 'q24h'), mas).problems.map((p) => p.kind)).toEqual([
      'below-range',
    ]);
    const heavy = patient(
      50,
      160,
      mas.kind === 'mas' ? { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true } : undefined,
    );
    expect(
      checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h'), heavy).problems.map((p) => p.kind),
    ).toEqual(['above-maximum']);
    expect(checkDose('methylprednisolone-pulse', d(1, 'g/day', 'q24h'), heavy).status).toBe('ok');
    expect(checkDose('methylprednisolone-pulse', d(20, 'mg/kg/day', 'q24h'), heavy).status).toBe('ok');
  });

  it('catches the mg-vs-g slip as harmful (30 g/kg) and the reverse as a dose error', () => {
    const slip = checkDose('methylprednisolone-pulse', d(30, 'g/kg/day', 'q24h'), mas);
    expect(slip.harmful).toBe(true);
    expect(slip.problems[0]?.kind).toBe('unit-slip-over');
    const under = checkDose('ivig', d(2, 'mg/kg', 'once'), mas);
    expect(under.problems[0]?.kind).toBe('unit-slip-under');
    expect(under.harmful).toBe(false);
  });

  it('IVIG: 2 g/kg once or 1 g/kg/day × 2; split and ≤100 g in MIS-C with cardiac dysfunction', () => {
    expect(checkDose('ivig', d(2, 'g/kg', 'once'), mas).status).toBe('ok');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h', { durationDays: 2 }), mas).status).toBe('ok');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h', { durationDays: 1 }), mas).status).toBe('error');
    const misc = patient(
      60,
      165,
      { kind: 'misc', subtype: 'misc', masPresent: false },
      { investigations: { echo: [{ hour: 0, lvefPercent: 40 }] } },
    );
    expect(misc.cardiacDysfunction).toBe(true);
    expect(checkDose('ivig', d(2, 'g/kg', 'once'), misc).status).toBe('error');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h', { durationDays: 2 }), misc).problems.map((p) => p.kind)).toEqual([
      'above-maximum',
    ]);
    expect(checkDose('ivig', d(50, 'g/day', 'q24h', { durationDays: 2 }), misc).status).toBe('ok');
  });

  it('tocilizumab is weight-banded', () => {
    expect(checkDose('tocilizumab', d(12, 'mg/kg', 'q2w'), mas).status).toBe('ok');
    expect(checkDose('tocilizumab', d(8, 'mg/kg', 'q2w'), mas).status).toBe('error');
    const big = patient(40, 150, { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true });
    expect(checkDose('tocilizumab', d(8, 'mg/kg', 'q2w'), big).status).toBe('ok');
    expect(checkDose('tocilizumab', d(12, 'mg/kg', 'q2w'), patient(undefined, undefined)).status).toBe(
      'not-assessable',
    );
  });

  it('anakinra in critical MAS: 20 mg/kg/day is within the range Halyabar reports (critical "can go higher", 1–48), not harmful', () => {
    const critical = patient(
      20,
      115,
      { kind: 'mas', subtype: 'known-sjia-mas', masPresent: true, severity: 'critical' },
      { observations: [{ hour: 0, shock: true, vasoactiveCount: 1 }] },
    );
    expect(critical.icuLevel).toBe(true);
    const high = checkDose('anakinra', d(20, 'mg/kg/day', 'q6h', { route: 'iv' }), critical);
    expect(high.status).toBe('ok');
    expect(high.harmful).toBe(false);
    expect(high.rule?.id).toBe('anakinra-critical');
    // Above the 48 mg/kg/day reported it is an error, and twice that is harmful.
    expect(checkDose('anakinra', d(60, 'mg/kg/day', 'q6h', { route: 'iv' }), critical).status).toBe('error');
    expect(checkDose('anakinra', d(96, 'mg/kg/day', 'q6h', { route: 'iv' }), critical).harmful).toBe(true);
    // A severe case that is not critical on the chart keeps ANK-1's 2–10 mg/kg/day: 20 is twice the maximum, harmful.
    expect(checkDose('anakinra', d(20, 'mg/kg/day', 'q6h', { route: 'iv' }), mas).harmful).toBe(true);
  });

  it('dexamethasone per m², not assessable without height when written per kg', () => {
    expect(checkDose('dexamethasone', d(10, 'mg/m2/day', 'q12h'), mas).status).toBe('ok');
    const bsa = bodySurfaceAreaM2(115, 20);
    expect(checkDose('dexamethasone', d(10 * bsa, 'mg/day', 'q12h'), mas).status).toBe('ok');
    expect(checkDose('dexamethasone', d(10, 'mg/day', 'q12h'), patient(20, undefined)).status).toBe('not-assessable');
  });

  it('anakinra: divided doses, 2–10 mg/kg/day; cyclosporine by route; aspirin ≤81 mg/day; TMP ≤320 mg/day', () => {
    expect(checkDose('anakinra', d(2, 'mg/kg', 'q12h', { route: 'sc' }), mas).status).toBe('ok');
    expect(checkDose('anakinra', d(4, 'mg/kg/day', 'weekly'), mas).problems.map((p) => p.kind)).toEqual(['frequency']);
    expect(checkDose('anakinra', d(20, 'mg/kg/day', 'q6h'), mas).status).toBe('error');
    expect(checkDose('cyclosporine', d(6, 'mg/kg/day', 'q12h', { route: 'po' }), mas).status).toBe('ok');
    expect(checkDose('cyclosporine', d(6, 'mg/kg/day', 'q12h', { route: 'iv' }), mas).status).toBe('error');
    const teen = patient(40, 150);
    // 3 mg/kg/day is 120 mg/day at 40 kg: above the 81 mg/day maximum; 5 mg/kg/day (200 mg/day) is more than twice it: harmful.
    expect(checkDose('aspirin', d(3, 'mg/kg/day', 'q24h'), teen).problems.map((p) => p.kind)).toEqual([
      'above-maximum',
    ]);
    expect(checkDose('aspirin', d(3, 'mg/kg/day', 'q24h'), teen).harmful).toBe(false);
    expect(checkDose('aspirin', d(5, 'mg/kg/day', 'q24h'), teen).problems.map((p) => p.kind)).toEqual([
      'twice-maximum',
    ]);
    expect(checkDose('aspirin', d(5, 'mg/kg/day', 'q24h'), teen).harmful).toBe(true);
    expect(checkDose('aspirin', d(81, 'mg/day', 'q24h'), teen).status).toBe('ok');
    expect(checkDose('pjp-prophylaxis', d(150, 'mg/m2/day', 'q12h-3-days-weekly'), mas).status).toBe('ok');
    expect(checkDose('pjp-prophylaxis', d(400, 'mg/day', 'q12h-3-days-weekly'), patient(70, 180)).status).toBe('error');
  });

  it('a dosed action without a dose is an error; an action without a dose rule is not checked', () => {
    expect(checkDose('cyclosporine', undefined, mas).problems[0]?.kind).toBe('missing-dose');
    expect(checkDose('empirical-antibiotics', undefined, mas).status).toBe('no-rule');
    expect(checkDose('ruxolitinib', d(0.5, 'mg/kg', 'q12h'), mas).status).toBe('not-assessable');
  });

  it('a mg-vs-g slip stays harmful when a maximum binds (the slip is judged against the published range)', () => {
    for (const w of [40, 60, 100]) {
      const slip = checkDose(
        'methylprednisolone-pulse',
        d(30, 'g/kg/day', 'q24h', { route: 'iv', durationDays: 3 }),
        masOf(w, 160),
      );
      expect(slip.harmful, `${w} kg: ${slip.problems[0]?.message}`).toBe(true);
      expect(kinds(slip)).toEqual(['unit-slip-over']);
      // The expert writes 1000 mg/day once the maximum binds: 1000 g/day is the same slip.
      expect(
        checkDose('methylprednisolone-pulse', d(1000, 'g/day', 'q24h', { route: 'iv', durationDays: 3 }), masOf(w, 160))
          .harmful,
      ).toBe(true);
    }
    for (const w of [20, 40, 60]) {
      const aspirin = checkDose('aspirin', d(5, 'g/kg/day', 'q24h'), patient(w, 150));
      expect(aspirin.harmful, `${w} kg: ${aspirin.problems[0]?.message}`).toBe(true);
      expect(kinds(aspirin)).toEqual(['unit-slip-over']);
    }
    expect(checkDose('aspirin', d(81, 'g/day', 'q24h'), patient(40, 150)).harmful).toBe(true);
    for (const w of [20, 60]) {
      const ivig = checkDose('ivig', d(1000, 'g/kg/day', 'q24h', { durationDays: 2 }), miscCardiac(w));
      expect(ivig.harmful, `${w} kg: ${ivig.problems[0]?.message}`).toBe(true);
      expect(kinds(ivig)).toEqual(['unit-slip-over']);
    }
    // The other way round is a dose error, not harm, also under a maximum: 50 mg/day of IVIG meant as 50 g/day.
    const under = checkDose('ivig', d(50, 'mg/day', 'q24h', { durationDays: 2 }), miscCardiac(60));
    expect(kinds(under)).toEqual(['unit-slip-under']);
    expect(under.harmful).toBe(false);
  });

  it('a published maximum is strict: the rounding allowance widens ranges, not maxima', () => {
    const sixty = masOf(60, 165);
    expect(
      kinds(checkDose('methylprednisolone-pulse', d(1040, 'mg/day', 'q24h', { route: 'iv', durationDays: 3 }), sixty)),
    ).toEqual(['above-maximum']);
    expect(
      kinds(
        checkDose(
          'methylprednisolone-pulse',
          d(26, 'mg/kg/day', 'q24h', { route: 'iv', durationDays: 3 }),
          masOf(40, 150),
        ),
      ),
    ).toEqual(['above-maximum']);
    expect(
      checkDose('methylprednisolone-pulse', d(1000, 'mg/day', 'q24h', { route: 'iv', durationDays: 3 }), sixty).status,
    ).toBe('ok');
    expect(kinds(checkDose('aspirin', d(84, 'mg/day', 'q24h'), patient(40, 150)))).toEqual(['above-maximum']);
    expect(kinds(checkDose('ivig', d(52, 'g/day', 'q24h', { durationDays: 2 }), miscCardiac(60)))).toEqual([
      'above-maximum',
    ]);
    expect(kinds(checkDose('tocilizumab', d(830, 'mg', 'q2w', { route: 'iv' }), patient(110, 180)))).toEqual([
      'above-maximum',
    ]);
    // Below a maximum the allowance still applies: 31 mg/kg/day (620 mg for 20 kg) rounds into 15–30 mg/kg/day.
    expect(
      checkDose('methylprednisolone-pulse', d(31, 'mg/kg/day', 'q24h', { route: 'iv', durationDays: 3 }), mas).status,
    ).toBe('ok');
    expect(checkDose('dexamethasone', d(10.4, 'mg/m2/day', 'q12h'), mas).status).toBe('ok');
  });

  it('mcg/kg/min is a rate: ×1440 min/day ÷ 1000 mcg/mg = ×1.44 mg/kg/day', () => {
    const info = UNIT_INFO['mcg/kg/min'];
    expect(info.factor).toBeCloseTo((24 * 60) / 1000, 12);
    expect(info).toMatchObject({ basis: 'per-kg', scope: 'per-day', measure: 'rate' });
    // 0.1 mcg/kg/min for a day: 0.1 × 1440 = 144 mcg/kg = 0.144 mg/kg.
    expect(0.1 * info.factor).toBeCloseTo(0.144, 12);
  });

  it('a course without its number of days: shown for a daily dose, a dose error when the course total depends on it', () => {
    const noDays = checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { route: 'iv' }), mas);
    expect(noDays.status).toBe('ok');
    expect(noDays.minor.map((p) => p.kind)).toEqual(['duration-not-stated']);
    expect(noDays.minor[0]?.message).toContain('3–5 days');
    expect(
      checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { route: 'iv', durationDays: 3 }), mas).minor,
    ).toEqual([]);
    const misc = patient(20, 115, { kind: 'misc', subtype: 'misc', masPresent: false });
    expect(
      checkDose('methylprednisolone-pulse', d(30, 'mg/kg/day', 'q24h', { route: 'iv' }), misc).minor[0]?.message,
    ).toContain('1–3 days');
    expect(checkDose('ivig', d(1, 'g/kg/day', 'q24h'), miscCardiac(20)).minor[0]?.message).toContain('2 days');
    // IVIG 2 g/kg is a course total: given once it needs no days; given daily it cannot be checked without them.
    expect(checkDose('ivig', d(2, 'g/kg', 'once'), mas)).toMatchObject({ status: 'ok', minor: [] });
    expect(kinds(checkDose('ivig', d(2, 'g/kg/day', 'q24h'), mas))).toEqual(['duration']);
    expect(checkDose('ivig', d(2, 'g/kg/day', 'q24h', { durationDays: 1 }), mas).status).toBe('ok');
    // Actions whose rules set no duration are not asked for one.
    expect(checkDose('cyclosporine', d(5, 'mg/kg/day', 'q12h', { route: 'po' }), mas).minor).toEqual([]);
  });

  it('property: every sourced dose passes in every mass unit; written mg-for-g it is a harmful slip, g-for-mg a slip downwards', () => {
    const grid = featureGrid();
    const patientArb = fc.record({
      at: fc.nat(),
      weightKg: fc.double({ min: 2.5, max: 120, noNaN: true }),
      heightCm: fc.double({ min: 45, max: 195, noNaN: true }),
    });
    fc.assert(
      fc.property(patientArb, ({ at, weightKg, heightCm }) => {
        const g = grid[at % grid.length]!;
        const f: CaseFeatures = { ...g, weightKg, heightCm, bsaM2: bodySurfaceAreaM2(heightCm, weightKg) };
        for (const action of Object.keys(ACTIONS) as ActionId[]) {
          for (const rule of ACTIONS[action].doseRules as readonly DoseRule[]) {
            if (rule.when && !rule.when.test(f)) continue;
            const expert = expertDose(rule, f);
            for (const unit of MASS_UNITS) {
              const dose = rewrite(expert, unit, f);
              if (!dose) continue;
              const where = `${action}/${rule.id} ${JSON.stringify(dose)} for ${weightKg} kg`;
              const ok = checkDose(action, dose, f);
              expect(ok.status, `${where}: ${JSON.stringify(ok.problems)}`).toBe('ok');
              const over = mgForGSlip(dose, f);
              if (over) {
                const slip = checkDose(action, over, f);
                expect(slip.harmful, `${where} as ${JSON.stringify(over)}: ${JSON.stringify(slip.problems)}`).toBe(
                  true,
                );
                expect(kinds(slip), where).toEqual(['unit-slip-over']);
              }
              if (UNIT_INFO[unit].factor === 1000) {
                const mgUnit = unit.replace(/^g/, 'mg') as Dose['unit'];
                const slip = checkDose(action, { ...dose, unit: mgUnit }, f);
                expect(kinds(slip), `${where} as ${mgUnit}: ${JSON.stringify(slip.problems)}`).toEqual([
                  'unit-slip-under',
                ]);
                expect(slip.harmful).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
