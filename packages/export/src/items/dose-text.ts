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

/** A dose unit as printed: "mg/m²/day", never the code "mg/m2/day". */
export const unitText = (unit: string) => UNIT_WORDS[unit] ?? unit;

/**
 * A dose in words: "30 mg/kg/day IV, once a day, for 3 days". With `dividedInto` (a daily amount
 * given in several doses) the division and the interval are said once, together:
 * "10 mg/m²/day IV, in 2 divided doses, one every 12 hours".
 */
export function doseText(d: Dose, dividedInto?: number): string {
  const parts = [`${formatNumber(d.amount)} ${unitText(d.unit)}`];
  if (d.route) parts[0] += ` ${d.route.toUpperCase()}`;
  parts.push(
    dividedInto !== undefined && dividedInto > 1
      ? `in ${dividedInto} divided doses, one ${FREQUENCY_WORDS[d.frequency]}`
      : FREQUENCY_WORDS[d.frequency],
  );
  if (d.durationDays !== undefined) parts.push(`for ${d.durationDays} days`);
  return parts.join(', ');
}

export const frequencyText = (f: Frequency) => FREQUENCY_WORDS[f];
