import type { Case, NumericAnalyte } from '@masdrill/rules';

/** Ranks of xs (ties share their mean rank). */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation of paired samples. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rx = ranks(xs),
    ry = ranks(ys);
  const n = xs.length;
  const mean = (n + 1) / 2;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean,
      dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation of two analytes in the panel at `hour`, over the cases measuring both there. */
export function labRankCorrelation(
  cases: readonly Case[],
  a: NumericAnalyte,
  b: NumericAnalyte,
  hour = 0,
): { rho: number; n: number } {
  const xs: number[] = [],
    ys: number[] = [];
  for (const c of cases) {
    const p = c.labs.find((l) => l.hour === hour);
    const x = p?.[a],
      y = p?.[b];
    if (typeof x === 'number' && typeof y === 'number') {
      xs.push(x);
      ys.push(y);
    }
  }
  return { rho: spearman(xs, ys), n: xs.length };
}
