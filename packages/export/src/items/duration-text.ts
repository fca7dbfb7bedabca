import { formatNumber } from '@masdrill/rules';

const DAYS_PER_YEAR = 365.25;
const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * A duration given in years, as a clinician would say it: days under 2 weeks, weeks under 3
 * months, months under 2 years, then years to one decimal ("0.07 years" reads "4 weeks").
 */
export function durationText(years: number): string {
  const days = Math.round(years * DAYS_PER_YEAR);
  if (days < 1) return 'under a day';
  if (days < 14) return plural(days, 'day');
  if (days < 91) return plural(Math.round(days / 7), 'week');
  const months = Math.round(years * 12);
  if (years < 2) return plural(months, 'month');
  return plural(Math.round(years * 10) / 10, 'year');
}
