import { NUMERIC_ANALYTES, type Case } from '@masdrill/rules';

/**
 * What a chart records, not what it says: for each lab analyte whether it was measured in the first
 * 24 h, each observation field whether it was recorded, each background field and investigation
 * whether it is present. Values are never read.
 */
export function presencePattern(c: Case): Map<string, boolean> {
  const p = new Map<string, boolean>();
  const labs = c.labs.filter((l) => l.hour >= 0 && l.hour <= 24);
  for (const a of NUMERIC_ANALYTES)
    p.set(
      `lab:${a}`,
      labs.some((l) => l[a] !== undefined),
    );
  p.set(
    'lab:nkCellActivity',
    c.labs.some((l) => l.nkCellActivity !== undefined),
  );
  p.set(
    'lab:baseline panel',
    c.labs.some((l) => l.hour < 0),
  );
  const obs = c.observations.filter((o) => o.hour >= 0 && o.hour <= 24);
  const fields = new Set<string>();
  for (const o of c.observations) for (const k of Object.keys(o)) fields.add(k);
  for (const k of fields)
    if (k !== 'hour')
      p.set(
        `obs:${k}`,
        obs.some((o) => (o as unknown as Record<string, unknown>)[k] !== undefined),
      );
  for (const [k, v] of Object.entries(c.background)) p.set(`background:${k}`, v !== undefined);
  for (const [k, v] of Object.entries(c.investigations))
    p.set(`investigation:${k}`, Array.isArray(v) ? v.length > 0 : v !== undefined);
  for (const k of (c.investigations.viralTests ?? []).map((t) => `viral:${t.virus}`)) p.set(k, true);
  for (const [k, v] of Object.entries(c.encounter)) p.set(`encounter:${k}`, v !== undefined && v !== null);
  return p;
}

/** Per presence feature, the AUC of "recorded" as a score for the first group against the second (0.5 + |Δp|/2, folded so ≥ 0.5). */
export function presenceAucs(
  a: readonly Case[],
  b: readonly Case[],
): { feature: string; auc: number; pa: number; pb: number }[] {
  const count = (cases: readonly Case[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of cases) for (const [k, v] of presencePattern(c)) m.set(k, (m.get(k) ?? 0) + (v ? 1 : 0));
    return m;
  };
  const ca = count(a),
    cb = count(b);
  const features = new Set([...ca.keys(), ...cb.keys()]);
  return [...features]
    .map((feature) => {
      const pa = (ca.get(feature) ?? 0) / a.length,
        pb = (cb.get(feature) ?? 0) / b.length;
      return { feature, auc: 0.5 + Math.abs(pa - pb) / 2, pa, pb };
    })
    .sort((x, y) => y.auc - x.auc);
}

/** The AUC of `score` for group a against group b (Mann–Whitney: ties count half). */
export function aucOf(a: readonly number[], b: readonly number[]): number {
  const all = [...a.map((s) => ({ s, a: true })), ...b.map((s) => ({ s, a: false }))].sort((x, y) => x.s - y.s);
  let rankSumA = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.s === all[i]!.s) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.a) rankSumA += midRank;
    i = j;
  }
  return (rankSumA - (a.length * (a.length + 1)) / 2) / (a.length * b.length);
}

/**
 * A multi-feature classifier on the presence pattern alone: logistic regression over every presence
 * bit, fitted on the even-indexed half of each group by full-batch gradient descent (fixed rate and
 * iteration count, zero start: deterministic), scored on the odd-indexed half. Returns the held-out
 * AUC of "group a" (folded so ≥ 0.5 is reported as is: a classifier fitted to a is never below 0.5
 * by more than noise).
 */
export function presenceClassifierAuc(a: readonly Case[], b: readonly Case[], iterations = 300, rate = 0.5): number {
  const pa = a.map(presencePattern),
    pb = b.map(presencePattern);
  const names = [...new Set([...pa, ...pb].flatMap((p) => [...p.keys()]))].sort();
  const vector = (p: Map<string, boolean>): number[] => names.map((n) => (p.get(n) ? 1 : 0));
  const xa = pa.map(vector),
    xb = pb.map(vector);
  const train = [
    ...xa.filter((_, i) => i % 2 === 0).map((x) => ({ x, y: 1 })),
    ...xb.filter((_, i) => i % 2 === 0).map((x) => ({ x, y: 0 })),
  ];
  // Each group weighs the same in the fit, whatever its size.
  const na = train.filter((r) => r.y === 1).length,
    nb = train.length - na;
  const w = new Array<number>(names.length + 1).fill(0);
  const score = (x: readonly number[]): number => {
    let s = w[names.length]!;
    for (let j = 0; j < x.length; j++) s += w[j]! * x[j]!;
    return s;
  };
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(w.length).fill(0);
    for (const r of train) {
      const err = (1 / (1 + Math.exp(-score(r.x))) - r.y) / (r.y === 1 ? na : nb);
      for (let j = 0; j < r.x.length; j++) grad[j]! += err * r.x[j]!;
      grad[names.length]! += err;
    }
    for (let j = 0; j < w.length; j++) w[j]! -= rate * grad[j]!;
  }
  return aucOf(xa.filter((_, i) => i % 2 === 1).map(score), xb.filter((_, i) => i % 2 === 1).map(score));
}
