import { seededShuffle } from '@masdrill/quiz';
import { OPTION_LETTERS, type ItemOption } from './exam-item.js';

/** Options in a seeded order, lettered A, B, C…; returns them with the letters of the right ones. */
export function letteredOptions(
  texts: readonly { readonly text: string; readonly right: boolean }[],
  seed: number,
): { options: ItemOption[]; key: string[] } {
  const order = seededShuffle(texts, seed);
  const options = order.map((o, i) => ({ id: OPTION_LETTERS[i]!, text: o.text }));
  const key = order.flatMap((o, i) => (o.right ? [OPTION_LETTERS[i]!] : []));
  return { options, key };
}

/** Options kept in the given order (a "none of these" option stays last). */
export function letteredInOrder(texts: readonly { readonly text: string; readonly right: boolean }[]): {
  options: ItemOption[];
  key: string[];
} {
  return {
    options: texts.map((o, i) => ({ id: OPTION_LETTERS[i]!, text: o.text })),
    key: texts.flatMap((o, i) => (o.right ? [OPTION_LETTERS[i]!] : [])),
  };
}
