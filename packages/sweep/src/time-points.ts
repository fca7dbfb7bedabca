import { FIRST_24_HOURS, type TimeWindow } from '@masdrill/rules';

export type TimePointId = 'onset' | 'first-day';

export interface TimePoint {
  readonly id: TimePointId;
  readonly label: string;
  readonly window: TimeWindow;
}

/**
 * Where the criteria are read. The publications classified features at MAS onset (Ravelli 2016,
 * Minoia 2019, Eloseily 2019: clinical-reference.md §1.2–1.5); a generated case presents at
 * onset, hour 0. The first day is every definition's default window (worst value in 24 h).
 */
export const TIME_POINTS: readonly TimePoint[] = [
  { id: 'onset', label: 'at onset (hour 0)', window: { fromHour: 0, toHour: 0 } },
  { id: 'first-day', label: 'over the first day (hours 0–24)', window: FIRST_24_HOURS },
];
