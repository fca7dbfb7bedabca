import { formatNumber, type Dose, type Frequency } from '@masdrill/rules';

const FREQUENCY_WORDS: { readonly [K in Frequency]: string } = {
  once: 'once',
  q4h: 'every 4 hours',
  q6h: 'every 6 hours',
  q8h: 'every 8 hours',
  q12h: 'every 12 hours',
  q24h: 'once a day',
  q48h: 'every 48 hours',
  q3d: 'every 3 days',
  'twice-weekly': 'twice a week',
  weekly: 'once a week',
  q2w: 'every 2 weeks',
  'q12h-3-days-weekly': 'every 12 hours on 3 days a week',
  continuous: 'as a continuous infusion',
};

const UNIT_WORDS: Readonly<Record<string, string>> = { 'mg/m2': 'mg/m²', 'mg/m2/day': 'mg/m²/day' };

/** A dose in words: "30 mg/kg/day IV, once a day, for 3 days". */
export function doseText(d: Dose): string {
  const parts = [`${formatNumber(d.amount)} ${UNIT_WORDS[d.unit] ?? d.unit}`];
  if (d.route) parts[0] += ` ${d.route.toUpperCase()}`;
  parts.push(FREQUENCY_WORDS[d.frequency]);
  if (d.durationDays !== undefined) parts.push(`for ${d.durationDays} days`);
  return parts.join(', ');
}

export const frequencyText = (f: Frequency) => FREQUENCY_WORDS[f];
