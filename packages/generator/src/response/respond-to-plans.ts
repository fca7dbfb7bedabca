import {
  caseFeatures,
  NUMERIC_ANALYTES,
  type Case,
  type Investigations,
  type LabPanel,
  type Observation,
  type Plan,
} from '@masdrill/rules';
import { Rng } from '../rng.js';
import { RESPONSE_TABLE } from '../tables/response-table.js';
import { traceActivity, type ActivityTrace } from './activity.js';
import type { MasTreatment } from './control.js';
import {
  courseReasons,
  inadequateResponse,
  overallCourse,
  processCourses,
  type CourseReason,
  type ProcessCourse,
  type ResponseCourse,
} from './course.js';
import { responseProfile, type ResponseProfile } from './disease-processes.js';
import { cyclosporineHypertension, drugHypertensionReason, withDrugHypertension } from './drug-toxicity.js';
import { activeActions, type ActiveAction } from './regimen.js';
import { deepestMasPattern, masPatternDepth, respondPanel } from './respond-labs.js';
import { respondObservation } from './respond-observations.js';
import { responseLevels } from './resolved-levels.js';

/** The patient at an hour, after the plans so far. */
export interface PatientResponse {
  /** The patient from presentation up to `hour` (nothing later: the future has not happened yet). */
  readonly case: Case;
  readonly hour: number;
  /** The last plan's decision hour before `hour` (0 when there is none): the course is read since then. */
  readonly sinceHour: number;
  readonly course: ResponseCourse;
  /** A process the guideline treats is not falling: the plan in force is not enough. */
  readonly inadequate: boolean;
  /** How far the MAS treatment in force over the interval went (none outside MAS). */
  readonly masTreatment: MasTreatment;
  readonly processes: readonly ProcessCourse[];
  readonly reasons: readonly CourseReason[];
  /** The hour the patient died (untreated decompensation past RESPONSE_TABLE.decompensation.deathAt); the case ends there. */
  readonly diedAtHour?: number;
}

/** Rows up to `untilHour`: the case's own hours, then every extensionStepHours past its last row, and `untilHour` itself. */
function hoursUpTo<T extends { hour: number }>(rows: readonly T[], untilHour: number, endsThere = false): number[] {
  const own = rows.map((r) => r.hour).filter((h) => h > 0 && h <= untilHour);
  const last = rows.reduce((m, r) => Math.max(m, r.hour), 0);
  const extra: number[] = [];
  for (let h = last + RESPONSE_TABLE.extensionStepHours; h <= untilHour; h += RESPONSE_TABLE.extensionStepHours)
    extra.push(h);
  // A death between the case's own readings is charted at its hour (observations only: no panel is drawn as a patient dies).
  if ((untilHour > last || endsThere) && !extra.includes(untilHour)) extra.push(untilHour);
  return [...new Set([...own, ...extra])].sort((a, b) => a - b);
}

/** The row at `hour`, else the latest before it (with the hour changed): what the laboratory or the nurses record then. */
function rowAt<T extends { hour: number }>(rows: readonly T[], hour: number): T | undefined {
  let best: T | undefined;
  for (const r of rows) if (r.hour <= hour && r.hour >= 0 && (!best || r.hour > best.hour)) best = r;
  return best && best.hour !== hour ? { ...best, hour } : best;
}

/** The presentation panel: each analyte at hour 0, else its first value after 0. */
function presentationPanel(labs: readonly LabPanel[]): LabPanel {
  const out: Record<string, unknown> = { hour: 0 };
  const later = [...labs].filter((l) => l.hour >= 0).sort((a, b) => a.hour - b.hour);
  for (const a of NUMERIC_ANALYTES) {
    const first = later.find((l) => l[a] !== undefined);
    if (first) out[a] = first[a];
  }
  return out as unknown as LabPanel;
}

function systemicActivity(
  profile: ResponseProfile,
  trace: ActivityTrace,
  hour: number,
  withEmergingMas: boolean,
  unbounded = false,
): number {
  let a = 0;
  let any = false;
  for (const p of profile.processes) {
    if (p === 'mas' && profile.masEmerges && !withEmergingMas) continue;
    a = Math.max(a, unbounded ? trace.drive(p, hour) : trace.activity(p, hour));
    any = true;
  }
  return any ? a : 1;
}

/** The first whole hour up to `untilHour` at which the systemic drive reaches the death threshold of this patient's severity. */
function deathHour(profile: ResponseProfile, trace: ActivityTrace, untilHour: number): number | undefined {
  const at = RESPONSE_TABLE.decompensation.deathAt[profile.severity];
  for (let h = 1; h <= Math.ceil(untilHour); h++) if (systemicActivity(profile, trace, h, true, true) >= at) return h;
  return undefined;
}

/** PIT-2: the AST/ALT multiple at each hour from interferon-targeted therapy (emapalumab) in a child under 3. */
function transaminaseFold(base: Case, actions: readonly ActiveAction[]): (hour: number) => number {
  const t = RESPONSE_TABLE.interferonHepatotoxicity;
  const starts = actions.filter((a) => a.action === 'emapalumab' && !a.underdosed).map((a) => a.from);
  if (base.patient.ageYears >= t.underAgeYears || starts.length === 0) return () => 1;
  const start = Math.min(...starts);
  return (hour) => 1 + (t.fold - 1) * Math.min(1, Math.max(0, (hour - start - t.fromHours) / t.rampHours));
}

/** The hour of the case's own panel deepest into the MAS pattern. */
function masPeakHour(labs: readonly LabPanel[], deepest: LabPanel, levels: ReturnType<typeof responseLevels>): number {
  let best = 0;
  let depth = -1;
  for (const l of labs) {
    if (l.hour < 0) continue;
    const d = masPatternDepth(l, deepest, levels);
    if (d > depth) {
      depth = d;
      best = l.hour;
    }
  }
  return best;
}

/**
 * MIS-C with MAS: the MAS pattern the labs move from at an hour. While MAS is not controlled it
 * cannot resolve on the case's own timing: the deepest the case's own course has reached so far
 * (MISC-1/2: the standard protocol does not control it); once controlled, the case's own value.
 */
function masReference(
  own: readonly LabPanel[],
  levels: ReturnType<typeof responseLevels>,
  hour: number,
  uncontrolled: boolean,
): LabPanel | undefined {
  return uncontrolled
    ? deepestMasPattern(
        own.filter((l) => l.hour <= hour),
        levels,
      )
    : undefined;
}

function upTo<T extends { hour: number }>(rows: readonly T[] | undefined, hour: number): T[] | undefined {
  const kept = rows?.filter((r) => r.hour <= hour);
  return kept?.length ? kept : undefined;
}

/**
 * The patient's response to the plans so far, at `untilHour`: labs, findings and vital signs after
 * presentation follow the activity of each disease process under the treatment in force (a teaching
 * model, see tables/response-table.ts), and the course since the last plan with its reasons.
 * Deterministic: the same case and plans give the same patient. Pure.
 */
export function respondToPlans(base: Case, plans: readonly Plan[], untilHour: number): PatientResponse {
  const levels = responseLevels(base);
  const own = responseProfile(base);
  const deepest = own.masEmerges ? deepestMasPattern(base.labs, levels) : undefined;
  const profile: ResponseProfile = deepest ? { ...own, masPeakHour: masPeakHour(base.labs, deepest, levels) } : own;
  const actions = activeActions(base, plans);
  const trace = traceActivity(profile, actions, untilHour);
  const fold = transaminaseFold(base, actions);
  const pressureRise = cyclosporineHypertension(actions);
  const diedAtHour = deathHour(profile, trace, untilHour);
  // The case ends at death: nothing is recorded after it.
  const endHour = diedAtHour ?? untilHour;

  const anchorLab = presentationPanel(base.labs);
  const labs: LabPanel[] = base.labs.filter((l) => l.hour <= 0);
  for (const h of hoursUpTo(base.labs, endHour)) {
    const measured = rowAt(base.labs, h)!;
    const drive = systemicActivity(profile, trace, h, false, true);
    // A patient sicker than at presentation has a lactate measured whenever one was at presentation.
    const withLactate =
      measured.lactate === undefined && anchorLab.lactate !== undefined && drive > 1
        ? { ...measured, lactate: anchorLab.lactate }
        : measured;
    labs.push(
      respondPanel(
        withLactate,
        anchorLab,
        levels,
        {
          systemic: systemicActivity(profile, trace, h, false),
          systemicDrive: drive,
          ...(profile.masEmerges
            ? {
                emergingMasReference: masReference(
                  base.labs,
                  levels,
                  h,
                  trace.control(h).processes.find((p) => p.process === 'mas')!.short > 0,
                ),
              }
            : {}),
          ...(profile.masEmerges ? { emergingMas: trace.activity('mas', h) } : {}),
          ...(fold(h) !== 1 ? { transaminaseFold: fold(h) } : {}),
        },
        new Rng(`labs:${base.id}:${h}`),
      ),
    );
  }

  const anchorObs = rowAt(base.observations, 0) ?? base.observations.find((o) => o.hour >= 0);
  const observations: Observation[] = base.observations.filter((o) => o.hour <= 0);
  if (anchorObs) {
    for (const h of hoursUpTo(base.observations, endHour, diedAtHour !== undefined)) {
      const control = trace.control(h);
      const mas = profile.processes.includes('mas') ? trace.activity('mas', h) : undefined;
      const systemic = systemicActivity(profile, trace, h, true);
      // GC-2: methylprednisolone does not reach the brain as dexamethasone does; the CNS does not improve on it.
      const neurological =
        mas === undefined
          ? systemic
          : control.glucocorticoid > 0 && !control.has('dexamethasone')
            ? Math.max(1, mas)
            : mas;
      const gcsSoFar = base.observations
        .filter((o) => o.hour >= 0 && o.hour <= h && o.gcs !== undefined)
        .map((o) => o.gcs!);
      observations.push(
        respondObservation(rowAt(base.observations, h)!, anchorObs, {
          systemic,
          neurological,
          cnsCase: profile.cns,
          ...(gcsSoFar.length ? { worstGcs: Math.min(...gcsSoFar) } : {}),
          vasoactiveSupport: control.has('vasoactive-infusion') || control.has('icu-admission'),
          decompensation: Math.max(
            0,
            systemicActivity(profile, trace, h, true, true) - RESPONSE_TABLE.thresholds.organFailureAppears,
          ),
        }),
      );
    }
    // Cyclosporine above its maximum raises the pressure (clinical-reference §3.1, pitfall 9).
    observations.forEach((o, k) => {
      observations[k] = withDrugHypertension(o, pressureRise(o.hour));
    });
  }

  const investigations: Investigations = {};
  for (const key of ['boneMarrow', 'echo', 'cultures', 'viralTests'] as const) {
    const rows = upTo(base.investigations[key] as { hour: number }[] | undefined, untilHour);
    if (rows) (investigations as Record<string, unknown>)[key] = rows;
  }
  const patient: Case = {
    ...base,
    labs,
    observations,
    investigations,
    ...(diedAtHour !== undefined ? { encounter: { ...base.encounter, died: true } } : {}),
  };

  const sinceHour = plans.reduce(
    (m, p) => ((p.decisionHour ?? 0) < untilHour ? Math.max(m, p.decisionHour ?? 0) : m),
    0,
  );
  const masCounts = !profile.masEmerges || caseFeatures(patient, 'presentation', untilHour).masPresent;
  const masDepth = deepest
    ? (hour: number) => {
        const row = rowAt(labs, hour);
        return row ? masPatternDepth(row, deepest, levels) : 0;
      }
    : undefined;
  const processes = processCourses(profile, trace, sinceHour, untilHour, masCounts, masDepth);
  const control = trace.control(Math.max(0, untilHour - 1));
  const reasons = courseReasons(profile, trace, processes, untilHour);
  const before = observations.filter((o) => o.hour <= sinceHour).pop();
  const now = observations[observations.length - 1];
  if (fold(untilHour) > fold(sinceHour)) {
    reasons.push({
      text: 'AST and ALT are rising on emapalumab: in a child under 3, interferon-targeted therapy can raise them 2- to 25-fold from about a week in.',
      statementIds: ['PIT-2'],
      citations: ['guideline'],
    });
  }
  reasons.push(...drugHypertensionReason(pressureRise, sinceHour, untilHour));
  let course = overallCourse(processes);
  let inadequate = inadequateResponse(processes);
  if (now && now.hour > sinceHour) {
    if (now.shock && !before?.shock)
      reasons.push({
        text: 'Shock has developed: this patient needs intensive care.',
        statementIds: ['CC-2'],
        citations: ['guideline'],
      });
    if (now.respiratorySupport === 'invasive' && before?.respiratorySupport !== 'invasive')
      reasons.push({
        text: 'Respiratory failure: the patient is now ventilated.',
        statementIds: ['CC-2'],
        citations: ['guideline'],
      });
    // A falling GCS is worsening whatever the labs do.
    if (now.gcs !== undefined && before?.gcs !== undefined && now.gcs < before.gcs) {
      course = 'worsening';
      inadequate = true;
      const onMp = control.glucocorticoid > 0 && !control.has('dexamethasone') && profile.cns;
      reasons.push(
        onMp
          ? {
              text: `The GCS has fallen from ${before.gcs} to ${now.gcs}: the brain is worsening whatever the labs show. Methylprednisolone does not cross the blood-brain barrier as dexamethasone does.`,
              statementIds: ['GC-2', 'CC-1'],
              citations: ['guideline'],
            }
          : {
              text: `The GCS has fallen from ${before.gcs} to ${now.gcs}: the patient is worsening whatever the labs show.`,
              statementIds: ['CC-1'],
              citations: ['guideline'],
            },
      );
    } else if (
      now.gcs !== undefined &&
      before?.gcs !== undefined &&
      now.gcs === before.gcs &&
      now.gcs < (anchorObs?.gcs ?? 15)
    ) {
      // A GCS still below presentation and not rising: the brain is not responding, whatever the labs do.
      if (course === 'improving') course = 'stable';
      inadequate = true;
      reasons.push({
        text: `The GCS is still ${now.gcs} (${anchorObs?.gcs} at presentation): the neurological state is not improving.`,
        statementIds:
          profile.cns && control.glucocorticoid > 0 && !control.has('dexamethasone') ? ['GC-2', 'CC-1'] : ['CC-1'],
        citations: ['guideline'],
      });
    }
  }
  if (diedAtHour !== undefined) {
    course = 'worsening';
    inadequate = true;
    reasons.push({
      text: `The patient died at hour ${diedAtHour}: untreated, the illness ran on through shock and multi-organ failure.`,
      statementIds: profile.processes.includes('mas') ? ['HEAD-1', 'PRO-1'] : [],
      citations: profile.processes.includes('mas') ? ['guideline'] : ['ssc-peds-2020'],
    });
  }
  return {
    case: patient,
    hour: untilHour,
    sinceHour,
    ...(diedAtHour !== undefined ? { diedAtHour } : {}),
    course,
    inadequate,
    masTreatment: profile.processes.includes('mas') ? control.masTreatment : 'none',
    processes,
    reasons,
  };
}
