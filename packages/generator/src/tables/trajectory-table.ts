import { prior, type Source } from '../source.js';

/**
 * Shapes of the latent activity over the hours [0, 12, 24, 48, 72] (activity 1 = presentation,
 * 0 = baseline; above 1 = further from baseline than at presentation). `progression` is a per-case
 * draw U(0, max) that scales the bump. All DESIGN PRIORS: each disease's typical course with
 * standard care (MAS worsening for a day before control, sepsis peaking at 12–24 h, MIS-C cardiac
 * markers rising over the first day, MIS-C with MAS drifting into MAS by 48 h). MIS-C's own
 * inflammation eases from presentation on treatment unless it drifts into MAS (it rose over the first day, which carried 39% of
 * MIS-C without MAS into the 2016 laboratory criteria against Buda 2022's 21.5% of all MIS-C).
 */
export interface TrajectoryShape {
  /** Activity at each hour when progression = 0 and when progression = 1 (linear in between). */
  readonly at: readonly number[];
  readonly perProgression: readonly number[];
  readonly progressionMax: number;
}

export const TRAJECTORY_HOURS: readonly number[] = [0, 12, 24, 48, 72];

export const TRAJECTORY_TABLE: {
  readonly source: Source;
  readonly mas: TrajectoryShape;
  readonly sjiaFlare: TrajectoryShape;
  readonly sepsis: TrajectoryShape;
  readonly sepsisProcalcitonin: TrajectoryShape;
  readonly misc: TrajectoryShape;
  /** MIS-C drifting into MAS: its inflammation keeps rising over the first day. */
  readonly miscWithMas: TrajectoryShape;
  readonly miscCardiac: TrajectoryShape;
  /** Weight of the MAS overlay in MIS-C with MAS, by hour. */
  readonly miscMasOverlay: readonly number[];
} = {
  source: prior('disease courses over the first 72 h'),
  mas: { at: [1, 1, 1, 1, 0.95], perProgression: [0, 0.5, 1, 0.7, 0.25], progressionMax: 0.5 },
  sjiaFlare: { at: [1, 1, 0.95, 0.85, 0.75], perProgression: [0, 0.1, 0.1, 0.1, 0.1], progressionMax: 0.5 },
  sepsis: { at: [1, 1, 1, 0.85, 0.65], perProgression: [0, 1, 0.7, 0.3, 0], progressionMax: 0.3 },
  sepsisProcalcitonin: { at: [1, 1.15, 1.2, 1.05, 0.8], perProgression: [0, 0.5, 0.5, 0.3, 0], progressionMax: 0.3 },
  misc: { at: [1, 0.97, 0.92, 0.8, 0.65], perProgression: [0, 0.1, 0.15, 0.1, 0.05], progressionMax: 0.4 },
  miscWithMas: { at: [1, 1.05, 1.1, 1, 0.85], perProgression: [0, 0.3, 0.4, 0.3, 0.1], progressionMax: 0.4 },
  miscCardiac: { at: [1, 1.15, 1.25, 1.2, 1], perProgression: [0, 0.3, 0.5, 0.5, 0.3], progressionMax: 0.4 },
  miscMasOverlay: [0.15, 0.45, 0.8, 1, 1],
};

/** Activity at each of TRAJECTORY_HOURS for a progression draw. */
export function activityCurve(shape: TrajectoryShape, progression: number): number[] {
  const out = new Array<number>(shape.at.length);
  for (let i = 0; i < shape.at.length; i++) out[i] = shape.at[i]! + progression * shape.perProgression[i]!;
  return out;
}
