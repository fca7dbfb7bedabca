import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseExam, buildExam, scoreAnswer, type ExamItem } from '@masdrill/export';
import { raschClass } from './support/rasch-class.js';

const exam = buildExam({ n: 20, mix: 'mas:10,sepsis:5,misc:5', seed: 2026 });
const items = exam.items;
// Known difficulties, spread from very easy to very hard, assigned in a scrambled order.
const B = items.map((_, j) => -3 + (6 * ((j * 7) % items.length)) / (items.length - 1));

function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (xs: readonly number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    order.forEach(([, i], k) => {
      r[i] = k;
    });
    return r;
  };
  const ra = rank(a),
    rb = rank(b);
  const n = a.length;
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('item analysis of a simulated class (Rasch model, known abilities and difficulties)', () => {
  const { responses, abilities } = raschClass(items, B, 400, 7);
  const a = analyseExam(items, responses);

  it('recovers the order of item difficulty: p falls as b rises', () => {
    expect(
      spearman(
        a.items.map((s) => s.p),
        B,
      ),
    ).toBeLessThan(-0.9);
  });

  it('finds the easiest and the hardest items and flags them', () => {
    const byB = B.map((b, j) => [b, j] as const)
      .sort((x, y) => x[0] - y[0])
      .map(([, j]) => j);
    const byP = a.items
      .map((s, j) => [s.p, j] as const)
      .sort((x, y) => y[0] - x[0])
      .map(([, j]) => j);
    // Neighbouring difficulties are 0.32 logits apart: with 400 students their p differ by about
    // 1.3 standard errors, so the 3rd and 4th easiest (or hardest) swap by chance in about 1 class
    // in 8 (39 of 300 simulated classes), whatever the exam's items. The three easiest by p must be
    // among the four easiest by b (0 of 300 classes miss), and likewise the hardest; an analysis
    // that ranked items at random would pass that with a chance of 4 in 1,140 at each end.
    expect(byB.slice(0, 4)).toEqual(expect.arrayContaining(byP.slice(0, 3)));
    expect(byB.slice(-4)).toEqual(expect.arrayContaining(byP.slice(-3)));
    expect(a.items[byB[0]!]!.flags).toContain('very easy');
    expect(a.items[byB[byB.length - 1]!]!.flags).toContain('very hard');
  });

  it('ranks students by ability and finds the items discriminating, with a sensible KR-20', () => {
    const scores = a.students.map((s) => s.correct);
    expect(spearman(scores, abilities)).toBeGreaterThan(0.7);
    const mid = a.items.filter((_, j) => Math.abs(B[j]!) < 1.5);
    for (const s of mid) expect(s.pointBiserial!).toBeGreaterThan(0.15);
    for (const s of mid) expect(s.upperLower).toBeGreaterThan(0.2);
    // Correctly keyed items of moderate difficulty are never called possible miskeys.
    for (const s of mid) expect(s.flags.join()).not.toMatch(/check the key/);
    expect(a.kr20!).toBeGreaterThan(0.5);
    expect(a.kr20!).toBeLessThan(1);
    expect(a.groupSize).toBe(108);
  });

  it('flags a miskeyed item: the strong students choose a "distractor", discrimination turns negative', () => {
    const j = items.findIndex((x, k) => x.kind === 'single' && Math.abs(B[k]!) < 1);
    const item = items[j]!;
    const wrongKey = item.options.find((o) => !item.key.includes(o.id))!.id;
    const miskeyed: ExamItem[] = items.map((x, k) => (k === j ? { ...x, key: [wrongKey] } : x));
    const s = analyseExam(miskeyed, responses).items[j]!;
    expect(s.pointBiserial!).toBeLessThan(0);
    expect(s.flags.join()).toMatch(/negative discrimination/);
    expect(s.flags.join()).toMatch(
      new RegExp(`distractor ${item.key[0]} (draws the strong students|chosen more than the key)`),
    );
  });
});

describe('scores and statistics on a hand-checked class', () => {
  const three = items.filter((x) => x.kind === 'single').slice(0, 3);
  const right = (it: ExamItem) => it.key[0]!;
  const wrong = (it: ExamItem) => it.options.find((o) => !it.key.includes(o.id))!.id;
  // Scores 3, 2, 1, 0 (items 1–3 right in a staircase).
  const pattern = [
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 0],
    [0, 0, 0],
  ];
  const responses = pattern.map((row, s) => ({
    studentId: `s${s}`,
    answers: Object.fromEntries(three.map((it, j) => [it.id, row[j] ? right(it) : wrong(it)])),
  }));
  const a = analyseExam(three, responses);
  it('p per item and KR-20 as computed by hand', () => {
    expect(a.items.map((s) => s.p)).toEqual([0.75, 0.5, 0.25]);
    // KR-20 = 3/2 × (1 − Σpq / var): Σpq = .1875 + .25 + .1875 = .625; totals 3,2,1,0 → var 1.25.
    expect(a.kr20!).toBeCloseTo(1.5 * (1 - 0.625 / 1.25), 10);
    expect(a.students.map((s) => s.correct)).toEqual([3, 2, 1, 0]);
  });
  it('scores multiple response all-or-nothing and numeric within the tolerance', () => {
    const multi = items.find((x) => x.kind === 'multiple')!;
    expect(scoreAnswer(multi, multi.key.join(';'))).toBe(1);
    expect(scoreAnswer(multi, [...multi.key].reverse().join(', ').toLowerCase())).toBe(1);
    expect(scoreAnswer(multi, multi.key.slice(0, -1).join(';') || 'Z')).toBe(0);
    expect(scoreAnswer(multi, '')).toBe(0);
    const numeric = items.find((x) => x.kind === 'numeric')!;
    const k = numeric.numericKey!;
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (u) => {
        const x = k.value + u * k.tolerance * 0.999;
        expect(scoreAnswer(numeric, `${x} mg`)).toBe(1);
      }),
    );
    expect(scoreAnswer(numeric, String(k.value + k.tolerance * 1.01))).toBe(0);
  });
});
