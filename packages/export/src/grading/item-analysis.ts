import type { ExamItem } from '../items/exam-item.js';
import { chosenOptions, scoreAnswer, type StudentResponses } from './score-responses.js';

/** Classical test theory thresholds for flags (Ebel & Frisbie's conventions as commonly taught; design choice, not clinical). */
export const FLAG_THRESHOLDS = {
  /** p below: very hard. */
  hardP: 0.2,
  /** p above: very easy. */
  easyP: 0.9,
  /** Corrected point-biserial below: discriminates poorly. */
  minPointBiserial: 0.2,
  /** Upper–lower index below: discriminates poorly. */
  minUpperLower: 0.2,
  /** A distractor chosen by fewer than this share of students does not function. */
  minDistractorShare: 0.05,
  /** A distractor chosen by this much more of the upper group than of the lower misleads the strong students. */
  distractorMargin: 0.1,
  /** Share of the class in each of the upper and lower groups (Kelley's 27%). */
  groupShare: 0.27,
} as const;

export interface StudentScore {
  readonly studentId: string;
  readonly correct: number;
  readonly total: number;
  readonly percent: number;
}

export interface OptionAnalysis {
  readonly optionId: string;
  readonly keyed: boolean;
  /** Share of all students who chose it. */
  readonly share: number;
  readonly upperShare: number;
  readonly lowerShare: number;
}

export interface ItemStatistics {
  readonly itemId: string;
  readonly number: number;
  readonly topic: string;
  /** Difficulty: share answering right. */
  readonly p: number;
  /** Corrected point-biserial: the item against the rest of the test (total minus this item); null when either has no variance. */
  readonly pointBiserial: number | null;
  /** Upper–lower discrimination index: p in the top 27% minus p in the bottom 27%. */
  readonly upperLower: number;
  readonly options: readonly OptionAnalysis[];
  readonly flags: readonly string[];
}

export interface ExamAnalysis {
  readonly students: readonly StudentScore[];
  readonly items: readonly ItemStatistics[];
  /** Kuder–Richardson 20 reliability; null with fewer than 2 items or no score variance. */
  readonly kr20: number | null;
  readonly mean: number;
  readonly sd: number;
  readonly groupSize: number;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

function correlation(a: readonly number[], b: readonly number[]): number | null {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}

/**
 * Classical item analysis of a graded class: per student scores; per item difficulty p, corrected
 * point-biserial, upper–lower 27% index, distractor shares overall and in each group, flags; KR-20.
 * Pure. Ties at the group boundaries are broken by the order of the responses (stable sort).
 */
export function analyseExam(items: readonly ExamItem[], responses: readonly StudentResponses[]): ExamAnalysis {
  const matrix = responses.map((r) => items.map((it) => scoreAnswer(it, r.answers[it.id])));
  const totals = matrix.map((row) => row.reduce<number>((a, b) => a + b, 0));
  const n = responses.length;
  const groupSize = Math.max(1, Math.round(n * FLAG_THRESHOLDS.groupShare));
  const byTotal = responses.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]!);
  const upper = new Set(byTotal.slice(0, groupSize));
  const lower = new Set(byTotal.slice(Math.max(0, n - groupSize)));
  const shareIn = (group: Set<number> | undefined, pick: (i: number) => boolean) => {
    const idx = group ? [...group] : responses.map((_, i) => i);
    return idx.length ? idx.filter(pick).length / idx.length : 0;
  };
  const stats: ItemStatistics[] = items.map((item, j) => {
    const col = matrix.map((row) => row[j]!);
    const rest = totals.map((t, i) => t - col[i]!);
    const p = mean(col);
    const pointBiserial = correlation(col, rest);
    const upperLower = shareIn(upper, (i) => col[i] === 1) - shareIn(lower, (i) => col[i] === 1);
    const options: OptionAnalysis[] = item.options.map((o) => {
      const picked = (i: number) => chosenOptions(responses[i]!.answers[item.id] ?? '').includes(o.id);
      return {
        optionId: o.id,
        keyed: item.key.includes(o.id),
        share: shareIn(undefined, picked),
        upperShare: shareIn(upper, picked),
        lowerShare: shareIn(lower, picked),
      };
    });
    const flags: string[] = [];
    if (p < FLAG_THRESHOLDS.hardP) flags.push('very hard');
    if (p > FLAG_THRESHOLDS.easyP) flags.push('very easy');
    if (pointBiserial !== null && pointBiserial < 0) flags.push('negative discrimination');
    else if (pointBiserial === null || pointBiserial < FLAG_THRESHOLDS.minPointBiserial)
      flags.push('poor discrimination');
    if (upperLower < FLAG_THRESHOLDS.minUpperLower && !flags.some((f) => f.includes('discrimination')))
      flags.push('low upper–lower index');
    for (const o of options) {
      if (o.keyed) continue;
      if (o.upperShare - o.lowerShare > FLAG_THRESHOLDS.distractorMargin)
        flags.push(`distractor ${o.optionId} draws the strong students`);
      else if (o.share < FLAG_THRESHOLDS.minDistractorShare && item.kind === 'single')
        flags.push(`distractor ${o.optionId} does not function`);
    }
    if (item.kind === 'single') {
      // A possible miskey: the strong students prefer a distractor to the key (on a hard item the
      // class as a whole may well prefer a distractor; that alone says nothing about the key).
      const keyedUpper = options.find((o) => o.keyed)?.upperShare ?? 0;
      const top = options.filter((o) => !o.keyed).find((o) => o.upperShare > keyedUpper);
      if (top) flags.push(`distractor ${top.optionId} chosen more than the key by the upper group (check the key)`);
    }
    return { itemId: item.id, number: item.number, topic: item.topic, p, pointBiserial, upperLower, options, flags };
  });
  const k = items.length;
  const varTotal = variance(totals);
  const sumPq = stats.reduce((a, s) => a + s.p * (1 - s.p), 0);
  const kr20 = k >= 2 && varTotal > 0 ? (k / (k - 1)) * (1 - sumPq / varTotal) : null;
  const students = responses.map((r, i) => ({
    studentId: r.studentId,
    correct: totals[i]!,
    total: k,
    percent: k ? (100 * totals[i]!) / k : 0,
  }));
  return { students, items: stats, kr20, mean: mean(totals), sd: Math.sqrt(variance(totals)), groupSize };
}
