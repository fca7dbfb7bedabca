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
