import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Scenario, StageAnswers } from '@masdrill/rules';
import { expertAnswers, playSession, sessionReport, type AnswerSource, type StageReport } from '@masdrill/quiz';
import { REPO_ROOT } from './run-cli.js';
import { scenarioCaseOf } from './scenarios.js';

const { parse } = createRequire(`${REPO_ROOT}packages/cli/package.json`)('yaml') as { parse(text: string): unknown };
export const EXAMINER_DIR = `${REPO_ROOT}test/examiner/`;

/**
 * One examiner's answer set (test/examiner/<scenario>/<name>.yaml): answers for some stages (the
 * expert answers the rest, and the questions a set leaves out), the stage it is judged at, the band
 * that stage's score must land in and the statement IDs its problem feedback must cite.
 */
export interface ExaminerSet {
  readonly file: string;
  readonly scenario: string;
  readonly name: string;
  /** valid: an alternative the guideline allows (≥ 90); weak: a typical weak plan (in between); dangerous: ≤ 40. */
  readonly kind: 'valid' | 'weak' | 'dangerous';
  readonly judged: string;
  readonly band: readonly [number, number];
  /** Statement IDs or citation keys (e.g. ssc-peds-2020) its problem feedback must rest on. */
  readonly expectFeedback: readonly string[];
  readonly stages: Readonly<Record<string, StageAnswers>>;
  readonly why?: string;
}

export function loadExaminerSets(): ExaminerSet[] {
  const out: ExaminerSet[] = [];
  for (const scenario of readdirSync(EXAMINER_DIR).sort()) {
    for (const f of readdirSync(`${EXAMINER_DIR}${scenario}`)
      .filter((x) => x.endsWith('.yaml'))
      .sort()) {
      const data = parse(readFileSync(`${EXAMINER_DIR}${scenario}/${f}`, 'utf8')) as Omit<
        ExaminerSet,
        'file' | 'scenario'
      >;
      out.push({ ...data, expectFeedback: data.expectFeedback ?? [], file: `${scenario}/${f}`, scenario });
    }
  }
  return out;
}

export function loadScenario(id: string): Scenario {
  return parse(readFileSync(`${REPO_ROOT}scenarios/${id}.yaml`, 'utf8')) as Scenario;
}

/** The set's answers where it gives them, the expert's everywhere else (a plan given either way replaces the expert's). */
function sourceOf(set: ExaminerSet): AnswerSource {
  return (state) => {
    const expert = expertAnswers(state);
    const given = set.stages[state.current!.stage.id];
    if (!given) return expert;
    const { plan, orders, ...rest } = expert;
    const planGiven = given.plan !== undefined || given.orders !== undefined;
    return { ...rest, ...(planGiven ? {} : { ...(plan ? { plan } : {}), ...(orders ? { orders } : {}) }), ...given };
  };
}

/**
 * The score a set is judged on: the judged stage's plan score (rules scorePlan) when the set gives
 * that stage a plan — the examiner judges the plan, not the diagnosis and criteria the expert gave —
 * else the stage score.
 */
export function judgedScore(set: ExaminerSet, r: StageReport): number {
  const given = set.stages[set.judged];
  return given && (given.plan !== undefined || given.orders !== undefined) && r.plan ? r.plan.overall : r.score;
}

/** Plays a set; the judged stage's report. */
export function runExaminerSet(set: ExaminerSet): StageReport {
  const s = loadScenario(set.scenario);
  const report = sessionReport(playSession(s, scenarioCaseOf(s), sourceOf(set)));
  const judged = report.stages.find((r) => r.stageId === set.judged);
  if (!judged) throw new Error(`${set.file}: no stage "${set.judged}" in ${set.scenario}`);
  return judged;
}
