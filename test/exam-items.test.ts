import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExam, durationText, itemProblems, NONE_MET, ASKED_CRITERIA_SETS, type ExamItem } from '@masdrill/export';
import { caseStream } from '@masdrill/generator';
import { criteriaAt, visibleCase, DIAGNOSIS_MIMICS } from '@masdrill/quiz';
import {
  ACTIONS,
  DIAGNOSIS_LABELS,
  DOSES_PER_DOSING_DAY,
  absolutePerDoseMg,
  expectedPlan,
  expertDose,
  expertRule,
  isStatementId,
  type Case,
  UNIT_INFO,
} from '@masdrill/rules';

const MIX = 'mas:10,sepsis:5,misc:5';
const exam = buildExam({ n: 24, mix: MIX, seed: 2026 });
const cases = new Map<number, Case>();
let i = 0;
for (const c of caseStream({ mix: MIX, n: 60, seed: 2026 })) cases.set(i++, c);
const caseOf = (item: ExamItem) => cases.get(item.source.index!)!;
const keyTexts = (item: ExamItem) => item.key.map((k) => item.options.find((o) => o.id === k)!.text);

describe('exam items are built from the rules and checked', () => {
  it('builds the asked number of items, every topic represented, each passing the checks', () => {
    expect(exam.items).toHaveLength(24);
    expect(new Set(exam.items.map((x) => x.topic))).toEqual(
      new Set(['diagnosis', 'criteria', 'next-step', 'dose', 'escalation', 'pitfall']),
    );
    for (const item of exam.items) expect(itemProblems(item), item.id).toEqual([]);
    expect(new Set(exam.items.map((x) => x.id)).size).toBe(exam.items.length);
  });

  it('keys the leading diagnosis the rules accept, among mimics the rules do not credit', () => {
    for (const item of exam.items.filter((x) => x.topic === 'diagnosis')) {
      const expected = expectedPlan(caseOf(item), 'presentation', 0).diagnoses;
      const label = (d: keyof typeof DIAGNOSIS_LABELS) => DIAGNOSIS_LABELS[d].toLowerCase();
      expect(keyTexts(item)[0]!.toLowerCase()).toBe(label(expected.full[0]!));
      const credited = [...expected.full, ...expected.partial].map(label);
      for (const o of item.options.filter((o) => !item.key.includes(o.id)))
        expect(credited).not.toContain(o.text.toLowerCase());
      const mimics = DIAGNOSIS_MIMICS[expected.full[0]!].map(label);
      for (const o of item.options.filter((o) => !item.key.includes(o.id)))
        expect(mimics).toContain(o.text.toLowerCase());
    }
  });

  it('keys the criteria sets evaluate finds met on what the candidate sees ("none" when none is)', () => {
    for (const item of exam.items.filter((x) => x.topic === 'criteria')) {
      const results = criteriaAt(visibleCase(caseOf(item), item.source.hour), item.source.hour, ASKED_CRITERIA_SETS);
      const met = results.filter((r) => r.status === 'met').map((r) => r.name);
      expect(keyTexts(item)).toEqual(met.length ? met : [NONE_MET]);
      expect(item.options).toHaveLength(ASKED_CRITERIA_SETS.length + 1);
    }
  });

  it('keys the dose expertDose and absolutePerDoseMg give for the patient', () => {
    const doses = exam.items.filter((x) => x.topic === 'dose');
    expect(doses.length).toBeGreaterThan(0);
    for (const item of doses) {
      const e = expectedPlan(caseOf(item), 'presentation', 0);
      const planned = e.plan.actions.find((a) => {
        const r = expertRule(a.action, e.features);
        return r && r.basis !== 'absolute' && r.measure === 'mass';
      })!;
      const mg = absolutePerDoseMg(expertDose(expertRule(planned.action, e.features)!, e.features), e.features)!;
      expect(item.numericKey!.value * (item.numericKey!.unit === 'g' ? 1000 : 1)).toBeCloseTo(mg, -2);
      expect(item.numericKey!.value).toBeCloseTo(item.numericKey!.unit === 'g' ? mg / 1000 : mg, 1);
      expect(item.numericKey!.tolerance).toBeGreaterThan(0);
      expect(item.numericKey!.tolerance).toBeLessThanOrEqual(item.numericKey!.value * 0.05 + 0.1);
    }
  });

  it('never shows the ground truth: no subtype, trigger or kind label in any stem', () => {
    for (const item of exam.items) {
      const truth = caseOf(item).truth!;
      const stem = `${item.vignette} ${item.question}`.toLowerCase();
      expect(stem).not.toContain(truth.subtype.toLowerCase());
      if (truth.notes) expect(stem).not.toContain(truth.notes.toLowerCase());
      expect(item.id).not.toMatch(/mas|sepsis|misc|flare/);
    }
  });

  it('writes rationales as sentences: no doubled full stop, no full stop before a semicolon', () => {
    // A criteria rationale lists each set's summary, itself a sentence; it printed ").;" and "..".
    for (const item of [...exam.items, ...buildExam({ n: 30, mix: MIX, seed: 7 }).items])
      expect(item.rationale, item.id).not.toMatch(/\.;|[^.]\.\.(?!\.)/);
  });

  it('cites the guideline statements it rests on, by ID, in every rationale', () => {
    for (const item of exam.items) {
      expect(item.statementIds.length + (item.citations?.length ?? 0)).toBeGreaterThan(0);
      for (const id of item.statementIds) expect(item.rationale).toContain(id);
    }
  });

  it('is the same exam for the same spec (property over seeds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = buildExam({ n: 6, mix: MIX, seed });
        const b = buildExam({ n: 6, mix: MIX, seed });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(a.items).toHaveLength(6);
        for (const item of a.items) expect(itemProblems(item)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });
});

/** The dose item of an exam and the rule it applies: topics rotate, so item 4 of 4 is the dose. */
function doseOf(seed: number, mix: string) {
  const all = new Map<number, Case>();
  let k = 0;
  for (const c of caseStream({ mix, n: 40, seed })) all.set(k++, c);
  const item = buildExam({ n: 4, mix, seed }).items.find((x) => x.topic === 'dose');
  if (!item) return undefined;
  const e = expectedPlan(all.get(item.source.index!)!, 'presentation', 0);
  const planned = e.plan.actions.find((a) => {
    const r = expertRule(a.action, e.features);
    return r && r.basis !== 'absolute' && r.measure === 'mass';
  })!;
  return { item, rule: expertRule(planned.action, e.features)!, features: e.features };
}

describe('dose items', () => {
  it('never key more than the published maximum per dose, day or course (property over generated cases)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom('mas:1', 'misc:1', MIX), (seed, mix) => {
        const d = doseOf(seed, mix);
        if (!d) return;
        const k = d.item.numericKey!;
        const mg = k.value * (k.unit === 'g' ? 1000 : 1);
        const slack = k.unit === 'g' ? 50 : 0.05; // the key is rounded to 0.1 of its unit
        const n = DOSES_PER_DOSING_DAY[d.rule.expert.frequency];
        const days = d.rule.expert.durationDays ?? 1;
        const course = d.rule.expert.frequency === 'once' ? mg : mg * n * days;
        if (d.rule.maxPerDoseMg !== undefined) expect(mg).toBeLessThanOrEqual(d.rule.maxPerDoseMg + slack);
        if (d.rule.maxPerDayMg !== undefined) expect(mg * n).toBeLessThanOrEqual(d.rule.maxPerDayMg + slack * n);
        if (d.rule.maxPerCourseMg !== undefined)
          expect(course).toBeLessThanOrEqual(d.rule.maxPerCourseMg + slack * n * days);
        // The stem's weight is the one the key is computed from, and a plausible child's.
        expect(d.item.vignette).toContain(`weighs ${d.features.weightKg} kg`);
        expect(d.features.weightKg).toBeGreaterThan(0.5);
        expect(d.features.weightKg).toBeLessThan(200);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('say a divided daily dose once, with its interval, and print units as people write them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom('mas:1', 'misc:1', MIX), (seed, mix) => {
        const d = doseOf(seed, mix);
        if (!d) return;
        const { question, rationale } = d.item;
        for (const text of [question, rationale]) expect(text).not.toMatch(/m2\b/); // mg/m²/day, never mg/m2/day
        const n = DOSES_PER_DOSING_DAY[d.rule.expert.frequency];
        const perDay = UNIT_INFO[d.rule.expert.unit].scope === 'per-day' && n > 1;
        expect(question).not.toMatch(/divided into|doses a day/);
        expect((question.match(/\bevery \d+ hours\b/g) ?? []).length).toBeLessThanOrEqual(1);
        if (perDay) {
          expect(question).toContain(`in ${n} divided doses, one every`);
          expect(rationale).toContain(`÷ ${n} ×`);
        } else expect(question).not.toContain('divided');
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('ask IVIG in grams, capped at 100 g per course in MIS-C, citing the MIS-C sources', () => {
    const ivig = [0, 1, 2, 3, 4, 5, 6, 7]
      .map((seed) => doseOf(seed, 'misc:1'))
      .filter((d) => d?.item.question.includes('immunoglobulin'));
    expect(ivig.length).toBeGreaterThan(0);
    for (const d of ivig) {
      expect(d!.item.numericKey!.unit).toBe('g');
      expect(d!.item.numericKey!.value).toBeLessThanOrEqual(100);
      expect(d!.item.question).toMatch(/Answer in g\.$/);
      expect(d!.item.question).not.toMatch(/MIS-C/); // the rule's label names the diagnosis: rationale only
      expect(d!.item.citations).toContain('acr-misc-2021');
      expect(d!.item.statementIds).not.toContain('IVIG-1'); // IVIG-1 is MAS's second line, not MIS-C's
    }
  });
});

describe('best next step rationales', () => {
  it("quote the key's own requirement and statements; a distractor's point is labelled with its option", () => {
    const items = [...exam.items, ...buildExam({ n: 30, mix: MIX, seed: 7 }).items].filter(
      (x) => x.topic === 'next-step',
    );
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      const seed = item.source.seed!;
      const c = [...caseStream({ mix: MIX, n: item.source.index! + 1, seed })][item.source.index!]!;
      const e = expectedPlan(c, 'presentation', 0);
      const r = e.requirements.find((q) => q.level === 'critical' && q.satisfiers[0] !== 'reassessment')!;
      expect(keyTexts(item)[0]).toBe(ACTIONS[r.satisfiers[0]!].name);
      expect(item.statementIds).toEqual([...new Set(r.basisOf.statementIds)].filter(isStatementId));
      const keyPart = item.rationale.split(' Why not ')[0]!;
      expect(keyPart).toContain(r.teachingPoint);
      for (const why of item.rationale.split(' Why not ').slice(1))
        expect(item.options.map((o) => o.text)).toContain(why.match(/^“([^”]+)”/)![1]);
    }
  });

  it('an antibiotics item no longer carries the lumbar-puncture point as its reason', () => {
    const antibiotics = [...exam.items, ...buildExam({ n: 30, mix: MIX, seed: 7 }).items].filter(
      (x) => x.topic === 'next-step' && keyTexts(x)[0] === 'Empirical broad-spectrum antibiotics',
    );
    expect(antibiotics.length).toBeGreaterThan(0);
    for (const item of antibiotics) {
      expect(item.statementIds).not.toContain('PIT-1');
      expect(item.citations).toContain('ssc-peds-2020');
      expect(item.rationale.split(' Why not ')[0]).not.toMatch(/lumbar puncture/i);
    }
  });
});

describe('durationText', () => {
  it('says days, weeks, months or years as a clinician would', () => {
    expect(durationText(0)).toBe('under a day');
    expect(durationText(1 / 365.25)).toBe('1 day');
    expect(durationText(10 / 365.25)).toBe('10 days');
    expect(durationText(0.07)).toBe('4 weeks'); // 25.6 days: the "0.07 years" of the old stems
    expect(durationText(0.06)).toBe('3 weeks');
    expect(durationText(0.38)).toBe('5 months');
    expect(durationText(1)).toBe('12 months');
    expect(durationText(1.52)).toBe('18 months');
    expect(durationText(2)).toBe('2 years');
    expect(durationText(5.46)).toBe('5.5 years');
  });
  it('never prints a fraction of a year under 2 years, nor a zero (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 18, noNaN: true }), (y) => {
        const t = durationText(y);
        expect(t).toMatch(/^(under a day|\d+ (days?|weeks?|months?)|\d+(\.\d)? years?)$/);
        if (y < 2) expect(t).not.toMatch(/year/);
        expect(t).not.toMatch(/^0 /);
      }),
    );
  });
});

describe('itemProblems refuses unsound items', () => {
  const base = exam.items.find((x) => x.kind === 'single')!;
  const numeric = exam.items.find((x) => x.kind === 'numeric')!;
  it('accepts a sound item', () => expect(itemProblems(base)).toEqual([]));
  it('two keys on a single-answer item', () =>
    expect(itemProblems({ ...base, key: ['A', 'B'] }).join()).toMatch(/exactly one key/));
  it('repeated options', () =>
    expect(itemProblems({ ...base, options: base.options.map((o) => ({ ...o, text: 'Same' })) }).join()).toMatch(
      /read the same/,
    ));
  it('a key that names no option', () =>
    expect(itemProblems({ ...base, key: ['Z'] }).join()).toMatch(/names no option/));
  it('a stem that gives the keyed option away', () => {
    const key = keyTexts(base)[0]!;
    expect(itemProblems({ ...base, vignette: `${base.vignette} Diagnosis: ${key}.` }).join()).toMatch(
      /contains the keyed option/,
    );
  });
  it('a numeric stem that states the answer', () => {
    const k = numeric.numericKey!;
    expect(itemProblems({ ...numeric, vignette: `${numeric.vignette} Give ${k.value} ${k.unit}.` }).join()).toMatch(
      /states the answer/,
    );
    expect(itemProblems({ ...numeric, numericKey: { ...k, tolerance: 0 } }).join()).toMatch(/positive tolerance/);
  });
  it('a rationale that does not quote its statements', () =>
    expect(itemProblems({ ...base, statementIds: ['PIT-4'] }).join()).toMatch(/does not quote PIT-4/));
});
