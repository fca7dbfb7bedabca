/** An inclusive span of hours from presentation that a definition reads. */
export interface TimeWindow {
  readonly fromHour: number;
  readonly toHour: number;
}

/** Most definitions read "the worst value in the first 24 h" (Phoenix says so explicitly). */
export const FIRST_24_HOURS: TimeWindow = { fromHour: 0, toHour: 24 };

export function inWindow(hour: number, window: TimeWindow): boolean {
  return hour >= window.fromHour && hour <= window.toHour;
}

export function describeWindow(window: TimeWindow): string {
  return `hours ${window.fromHour} to ${window.toHour} from presentation`;
}
