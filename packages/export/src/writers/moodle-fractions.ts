import type { ExamItem } from '../items/exam-item.js';

/** The grade fractions Moodle's importers accept (question/format.php), as written in its exports. */
export const MOODLE_FRACTIONS: readonly string[] = [
  '100',
  '90',
  '83.33333',
  '80',
  '75',
  '70',
  '66.66667',
  '60',
  '50',
  '40',
  '33.33333',
  '30',
  '25',
  '20',
  '16.66667',
  '14.28571',
  '12.5',
  '11.11111',
  '10',
  '5',
  '0',
];

/** The allowed fraction nearest 100/k (k right answers) — exact for k ≤ 10 except 6, 7 and 9, which Moodle lists rounded. */
function allowed(value: number): string {
  const sign = value < 0 ? '-' : '';
  const best = MOODLE_FRACTIONS.reduce((a, b) =>
    Math.abs(Number(b) - Math.abs(value)) < Math.abs(Number(a) - Math.abs(value)) ? b : a,
  );
  if (Math.abs(Number(best) - Math.abs(value)) > 1e-4) throw new RangeError(`no Moodle fraction for ${value}`);
  return best === '0' ? '0' : `${sign}${best}`;
}

/**
 * The fraction of the mark an option carries: single answer 100 or 0; multiple response 100/k for
 * each of the k right options and −100/m for each of the m wrong ones (picking every option scores 0).
 */
export function moodleFraction(item: ExamItem, optionId: string): string {
  const right = item.key.includes(optionId);
  if (item.kind === 'single') return right ? '100' : '0';
  const k = item.key.length;
  const m = item.options.length - k;
  return right ? allowed(100 / k) : m > 0 ? allowed(-100 / m) : '0';
}
