import { RESPONSE_TABLE } from '../tables/response-table.js';
import { controlAt, type Control } from './control.js';
import type { ProcessId, ResponseProfile } from './disease-processes.js';
import { inForceAt, type ActiveAction } from './regimen.js';

/** Each process's activity hour by hour from presentation (1 at hour 0), under the plans in force. */
export interface ActivityTrace {
  readonly lastHour: number;
  /** Activity of a process at an hour (linear between whole hours); 1 before hour 0. Bounded (RESPONSE_TABLE.activity): what the labs are read at. */
  activity(process: ProcessId, hour: number): number;
  /**
   * The same without the upper bound: an untreated process keeps growing past it. Trends, the
   * decompensation the chart shows together (lactate, pressure, GCS) and death read it.
   */
  drive(process: ProcessId, hour: number): number;
  /** The control in force at an hour. */
  control(hour: number): Control;
}

const LOG_MIN = Math.log(RESPONSE_TABLE.activity.min);
const LOG_MAX = Math.log(RESPONSE_TABLE.activity.max);
/** The drive stops growing past the highest death threshold (the patient has died by then). */
const LOG_DRIVE_MAX = Math.log(RESPONSE_TABLE.decompensation.driveMax);

/** A methylprednisolone pulse course has been given: a moderate glucocorticoid now carries it on (GC-1; clinical-reference §3.1). */
function pulseGivenBefore(actions: readonly ActiveAction[], hour: number): boolean {
  return actions.some((a) => a.action === 'methylprednisolone-pulse' && !a.underdosed && a.from < hour);
}

/** Integrates each process hour by hour: log-activity moves at the rate the control in force gives it. Pure. */
export function traceActivity(
  profile: ResponseProfile,
  actions: readonly ActiveAction[],
  untilHour: number,
): ActivityTrace {
  const lastHour = Math.max(0, Math.ceil(untilHour));
  const controls: Control[] = [];
  const logs = new Map<ProcessId, Float64Array>(profile.processes.map((p) => [p, new Float64Array(lastHour + 1)]));
  const drives = new Map<ProcessId, Float64Array>(profile.processes.map((p) => [p, new Float64Array(lastHour + 1)]));
  for (let h = 0; h < lastHour; h++) {
    const c = controlAt(inForceAt(actions, h), profile, pulseGivenBefore(actions, h));
    controls.push(c);
    for (const pc of c.processes) {
      const l = logs.get(pc.process)!;
      // MAS emerging in MIS-C follows the case's own course up to its peak; from there it moves with the treatment.
      const rate = pc.process === 'mas' && profile.masEmerges && h < (profile.masPeakHour ?? 0) ? 0 : pc.ratePerHour;
      const next = l[h]! + rate;
      l[h + 1] = next < LOG_MIN ? LOG_MIN : Math.min(next, LOG_MAX);
      // The drive moves with the rate from where it is, never below the bounded activity.
      const d = drives.get(pc.process)!;
      const dn = d[h]! + rate;
      d[h + 1] = dn < l[h + 1]! ? l[h + 1]! : Math.min(dn, LOG_DRIVE_MAX);
    }
  }
  const finalControl = controlAt(inForceAt(actions, lastHour), profile, pulseGivenBefore(actions, lastHour));
  const read = (l: Float64Array | undefined, hour: number) => {
    if (!l || hour <= 0) return 1;
    const x = Math.min(hour, lastHour);
    const i = Math.floor(x);
    const w = x - i;
    const v = w === 0 ? l[i]! : l[i]! * (1 - w) + l[i + 1]! * w;
    return Math.exp(v);
  };
  return {
    lastHour,
    activity: (process, hour) => read(logs.get(process), hour),
    drive: (process, hour) => read(drives.get(process), hour),
    control(hour) {
      const i = Math.max(0, Math.floor(hour));
      return i < controls.length ? controls[i]! : finalControl;
    },
  };
}
