import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExam, itemProblems, NONE_MET, ASKED_CRITERIA_SETS, type ExamItem } from '@masdrill/export';
import { caseStream } from '@masdrill/generator';
import { criteriaAt, visibleCase, DIAGNOSIS_MIMICS } from '@masdrill/quiz';
import { DIAGNOSIS_LABELS, absolutePerDoseMg, expectedPlan, expertDose, expertRule, type Case } from '@masdrill/rules';

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
      expect(item.numericKey!.value).toBeCloseTo(mg, 1);
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
    expect(itemProblems({ ...numeric, vignette: `${numeric.vignette} Give ${k.value} mg.` }).join()).toMatch(
      /states the answer/,
    );
    expect(itemProblems({ ...numeric, numericKey: { ...k, tolerance: 0 } }).join()).toMatch(/positive tolerance/);
  });
  it('a rationale that does not quote its statements', () =>
    expect(itemProblems({ ...base, statementIds: ['PIT-4'] }).join()).toMatch(/does not quote PIT-4/));
});
