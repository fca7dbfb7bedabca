/**
 * One criteria set's status for one case: the status code (MET … NOT_APPLICABLE), and its count or
 * score with the range the not-assessed items leave reachable. For count sets value = met and
 * [min, max] = [met, met + not assessed]; for scores value/min/max as the engine's ScoreSummary,
 * NaN where the engine reports no score.
 */
export class StatusRow {
  status = 0;
  value = NaN;
  min = NaN;
  max = NaN;

  set(status: number, value: number, min: number, max: number): void {
    this.status = status;
    this.value = value;
    this.min = min;
    this.max = max;
  }
}
