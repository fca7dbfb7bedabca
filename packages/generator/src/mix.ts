import { isKind, KINDS, type Kind } from './kind.js';
import { Rng, textTag } from './rng.js';

/** A cohort mix: integer weights per kind, e.g. mas:10,sepsis:5,misc:5. */
export interface Mix {
  readonly entries: readonly { readonly kind: Kind; readonly weight: number }[];
  /** Sum of the weights: the block size (see kindAt). */
  readonly total: number;
}

/** A mix that cannot be parsed; the message names the problem and the fix. */
export class MixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MixError';
  }
}

export const MAX_MIX_TOTAL = 100_000;

const ALIASES: Readonly<Record<string, Kind>> = { flare: 'sjia-flare', 'mis-c': 'misc' };

/** "mas:10,sepsis:5,misc:5" → a Mix (kinds in canonical order, so the order written does not matter). */
export function parseMix(text: string): Mix {
  const weights = new Map<Kind, number>();
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0)
    throw new MixError(
      `empty mix "${text}": write kind:weight pairs, e.g. mas:10,sepsis:5,misc:5 (kinds: ${KINDS.join(', ')})`,
    );
  for (const part of parts) {
    const m = /^([a-z-]+):(\d+)$/i.exec(part);
    if (!m)
      throw new MixError(
        `"${part}" is not kind:weight; write e.g. mas:10 (kinds: ${KINDS.join(', ')}; weights are whole numbers)`,
      );
    const name = m[1]!.toLowerCase();
    const kind = isKind(name) ? name : ALIASES[name];
    if (kind === undefined) throw new MixError(`unknown kind "${m[1]}"; kinds: ${KINDS.join(', ')}`);
    if (weights.has(kind)) throw new MixError(`kind "${kind}" appears twice in the mix; give each kind once`);
    const weight = Number(m[2]);
    if (weight < 1) throw new MixError(`weight of "${kind}" must be at least 1 (leave the kind out instead)`);
    weights.set(kind, weight);
  }
  return mixOf(weights);
}

/** A mix from weights (canonical kind order). */
export function mixOf(weights: ReadonlyMap<Kind, number> | Partial<Record<Kind, number>>): Mix {
  const get = (k: Kind): number | undefined =>
    weights instanceof Map ? weights.get(k) : (weights as Partial<Record<Kind, number>>)[k];
  const entries = KINDS.filter((k) => (get(k) ?? 0) > 0).map((kind) => ({ kind, weight: get(kind)! }));
  const total = entries.reduce((s, e) => s + e.weight, 0);
  if (entries.length === 0) throw new MixError('the mix has no kind with a positive weight');
  if (entries.some((e) => !Number.isInteger(e.weight))) throw new MixError('mix weights must be whole numbers');
  if (total > MAX_MIX_TOTAL)
    throw new MixError(
      `mix weights add up to ${total}; keep the total at most ${MAX_MIX_TOTAL} (they are proportions, e.g. mas:2,sepsis:1)`,
    );
  return { entries, total };
}

export function formatMix(mix: Mix): string {
  return mix.entries.map((e) => `${e.kind}:${e.weight}`).join(',');
}

let cache: { mix: Mix; seed: number; block: number; kinds: Kind[] } | undefined;
// The tag of the mix's text, once per Mix (it keys every block's stream with the seed and block).
const MIX_TAG = new WeakMap<Mix, number>();

/**
 * The kind of case `index` in a mix: indices run in blocks of `mix.total`; each block is a seeded
 * shuffle of exactly `weight` slots per kind. So a block holds the exact proportions (20 cases of
 * mas:10,sepsis:5,misc:5 are 10/5/5), and case i of seed S has the same kind whatever n is.
 */
export function kindAt(mix: Mix, seed: number, index: number): Kind {
  if (mix.entries.length === 1) return mix.entries[0]!.kind;
  const block = Math.floor(index / mix.total);
  if (!cache || cache.mix !== mix || cache.seed !== seed || cache.block !== block) {
    const kinds: Kind[] = [];
    for (const e of mix.entries) for (let i = 0; i < e.weight; i++) kinds.push(e.kind);
    let tag = MIX_TAG.get(mix);
    if (tag === undefined) MIX_TAG.set(mix, (tag = textTag(`mix:${formatMix(mix)}`)));
    const rng = new Rng(seed, block, tag);
    for (let i = kinds.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const tmp = kinds[i]!;
      kinds[i] = kinds[j]!;
      kinds[j] = tmp;
    }
    cache = { mix, seed, block, kinds };
  }
  return cache.kinds[index - block * mix.total]!;
}
