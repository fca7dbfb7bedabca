import type { CitationKey, StatementId } from '@masdrill/rules';
import { RESPONSE_TABLE } from '../tables/response-table.js';
import type { ActivityTrace } from './activity.js';
import type { ProcessId, ResponseProfile } from './disease-processes.js';

/** What a reassessment sees since the last plan. */
export type ResponseCourse = 'improving' | 'stable' | 'worsening';

/** One reason the patient is doing what they do, with what it rests on. */
export interface CourseReason {
  readonly text: string;
  readonly statementIds: readonly StatementId[];
  readonly citations: readonly CitationKey[];
}

export interface ProcessCourse {
  readonly process: ProcessId;
  /** Activity now (1 = as at presentation). */
  readonly activity: number;
  /** Activity now over activity at the last plan. */
  readonly change: number;
  readonly trend: ResponseCourse;
  /** The guideline treats it (an sJIA flare without MAS is watched, not scored). */
  readonly needsTreatment: boolean;
  /** It shows at this hour (MAS emerging in MIS-C counts once overt). */
  readonly counted: boolean;
}

const MARGIN = RESPONSE_TABLE.courseMargin.value;

function trendOf(change: number): ResponseCourse {
  return change > 1 + MARGIN ? 'worsening' : change < 1 - MARGIN ? 'improving' : 'stable';
}

/**
 * Each process's course between `sinceHour` and `hour`. MAS emerging in MIS-C is read from what the
 * labs show (`masDepth`: how deep into the MAS pattern they are), since the pattern arrives on the
 * case's own timing while treatment only scales it.
 */
export function processCourses(
  profile: ResponseProfile,
  trace: ActivityTrace,
  sinceHour: number,
  hour: number,
  masCounts: boolean,
  masDepth?: (hour: number) => number,
): ProcessCourse[] {
  return profile.processes.map((process) => {
    // The trend reads the drive: an untreated process past the labs' bound is still worsening.
    const read =
      process === 'mas' && profile.masEmerges && masDepth ? masDepth : (h: number) => trace.drive(process, h);
    const activity =
      process === 'mas' && profile.masEmerges && masDepth ? masDepth(hour) : trace.activity(process, hour);
    const now = read(hour);
    const since = read(sinceHour);
    const change = since > 0 ? now / since : now > 0 ? Infinity : 1;
    return {
      process,
      activity,
      change,
      trend: trendOf(change),
      needsTreatment: process !== 'sjia-flare',
      counted: process !== 'mas' || !profile.masEmerges || masCounts,
    };
  });
}

/** The overall course: worsening if any counted process worsens, improving if all improve, else stable. */
export function overallCourse(courses: readonly ProcessCourse[]): ResponseCourse {
  const counted = courses.filter((c) => c.counted);
  if (counted.some((c) => c.trend === 'worsening')) return 'worsening';
  return counted.length > 0 && counted.every((c) => c.trend === 'improving') ? 'improving' : 'stable';
}

/** A process the guideline treats that is not falling: the plan in force is not enough. */
export function inadequateResponse(courses: readonly ProcessCourse[]): boolean {
  return courses.some((c) => c.counted && c.needsTreatment && c.trend !== 'improving');
}

const r = (
  text: string,
  statementIds: readonly StatementId[],
  citations: readonly CitationKey[] = ['guideline'],
): CourseReason => ({ text, statementIds, citations });

/** Why each counted process is doing what it does under the control in force over the interval. */
export function courseReasons(
  profile: ResponseProfile,
  trace: ActivityTrace,
  courses: readonly ProcessCourse[],
  hour: number,
): CourseReason[] {
  const control = trace.control(Math.max(0, hour - 1));
  const out: CourseReason[] = [];
  for (const course of courses) {
    if (!course.counted) continue;
    const pc = control.processes.find((p) => p.process === course.process)!;
    switch (course.process) {
      case 'mas':
        if (profile.masEmerges && control.glucocorticoid < 1 && course.trend !== 'improving')
          out.push(
            r(
              'MAS has developed on the standard MIS-C protocol: low-to-moderate glucocorticoid and IVIG do not control it.',
              ['MISC-1', 'MISC-2'],
            ),
          );
        else if (pc.untreated)
          out.push(
            r(
              'No MAS treatment in force: MAS progresses toward shock and organ failure. Treatment should not wait for the full work-up.',
              ['HEAD-1', 'DX-2', 'PIT-1'],
            ),
          );
        else if (course.trend === 'improving')
          out.push(r('MAS is responding: ferritin is falling, platelets and fibrinogen are recovering.', ['MON-1']));
        else if (control.glucocorticoid < 1 && profile.masEmerges)
          out.push(
            r(
              'MAS has developed on the standard MIS-C protocol: low-to-moderate glucocorticoid and IVIG do not control it.',
              ['MISC-1', 'MISC-2'],
            ),
          );
        else if (control.glucocorticoid < 1)
          out.push(r('No high-dose glucocorticoid in force: MAS is not controlled.', ['HEAD-1', 'GC-1']));
        else if (control.masTreatment === 'glucocorticoid-alone')
          out.push(
            r(
              'On a high-dose glucocorticoid alone MAS is not controlled: an inadequate response calls for cyclosporine A (or anakinra).',
              ['CSA-1', 'HEAD-1', 'ANK-1'],
            ),
          );
        else {
          out.push(
            r(
              'Refractory: MAS is not responding to the glucocorticoid with cyclosporine or anakinra (pulses work in about two-thirds of patients). Second-line therapy is due.',
              ['GC-3', 'CC-1', 'EMA-1'],
            ),
          );
          if (control.ivigOnlyEscalation && control.has('ivig'))
            out.push(r('IVIG has not turned it: it worked in two of six patients in one series.', ['IVIG-2']));
        }
        if (profile.cns && control.glucocorticoid > 0 && !control.has('dexamethasone')) {
          out.push(
            r(
              'Methylprednisolone does not cross the blood-brain barrier as dexamethasone does: the neurological state has not improved.',
              ['GC-2'],
            ),
          );
        }
        break;
      case 'infection':
        if (!pc.untreated)
          out.push(
            r(
              'The infection is responding to antimicrobials.',
              profile.processes.includes('mas') ? ['INF-1'] : [],
              profile.processes.includes('mas') ? ['guideline'] : ['ssc-peds-2020'],
            ),
          );
        else if (profile.processes.includes('mas'))
          out.push(
            r(
              control.immunosuppressed
                ? 'Immunosuppression without antimicrobials for the triggering infection: the infection runs on faster.'
                : 'The triggering infection is untreated.',
              ['INF-1'],
            ),
          );
        else
          out.push(
            r('No antibiotics in force: the infection and the organ dysfunction progress.', [], ['ssc-peds-2020']),
          );
        break;
      case 'misc':
        if (pc.untreated)
          out.push(r('Untreated MIS-C: inflammation and the cardiac markers keep rising.', [], ['acr-misc-2021']));
        else if (course.trend !== 'improving')
          out.push(
            r(
              control.has('ivig')
                ? 'IVIG without a glucocorticoid: a partial response (NIH advises against IVIG alone).'
                : 'A glucocorticoid without IVIG: a partial response (IVIG is first-tier MIS-C therapy).',
              [],
              ['nih-misc', 'acr-misc-2021'],
            ),
          );
        else out.push(r('MIS-C is responding: CRP and the cardiac markers are falling.', [], ['acr-misc-2021']));
        break;
      case 'sjia-flare':
        out.push(
          pc.untreated
            ? r('The sJIA flare holds level. Nothing yet says MAS: keep watching ferritin, counts and fibrinogen.', [
                'DX-3',
                'MON-1',
              ])
            : r('The sJIA flare is settling on treatment.', [], []),
        );
        break;
    }
  }
  return out;
}
