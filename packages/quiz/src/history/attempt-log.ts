import { isStatementId, STATEMENTS } from '@masdrill/rules';
import type { SessionState } from '../session-types.js';
import type { Debrief } from '../view.js';

/** The topics the attempt log scores, in the order stats prints them. */
export const TOPICS = [
  'diagnosis',
  'criteria',
  'first line',
  'dosing',
  'escalation',
  'infection',
  'critical care',
  'pitfalls',
] as const;
export type Topic = (typeof TOPICS)[number];

/** One finished case: one line of the attempt log. */
export interface AttemptRecord {
  readonly masdrillAttempt: 1;
  /** ISO time the case finished. */
  readonly at: string;
  readonly scenario: string;
  /** For a generated case: its kind and seed (replayable with --kind --seed). */
  readonly kind?: string;
  readonly seed?: number;
  readonly overall: number;
  /** Per stage id: the trainee's answers. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** 0…1 per topic tested. */
  readonly topics: Partial<Record<Topic, number>>;
  /** Statement IDs behind what went wrong. */
  readonly missed: readonly string[];
}

/** The attempt-log line for a finished session (the time is passed in: this stays pure). */
export function attemptRecord(state: SessionState, debrief: Debrief, at: Date): AttemptRecord {
  const g = state.scenario.generate;
  const answers: Record<string, unknown> = {};
  state.scenario.stages.forEach((s, i) => {
    answers[s.id] = state.answers[i] ?? {};
  });
  const topics: Partial<Record<Topic, number>> = {};
  for (const t of TOPICS) if (debrief.topics[t] !== undefined) topics[t] = debrief.topics[t];
  return {
    masdrillAttempt: 1,
    at: at.toISOString(),
    scenario: state.scenario.id,
    ...(g ? { kind: g.kind, seed: g.seed } : {}),
    overall: debrief.overall,
    answers,
    topics,
    missed: debrief.missedStatementIds,
  };
}

export interface LogProblem {
  readonly line: number;
  readonly message: string;
}

/** Parses an attempt log: each good line a record; a corrupt or foreign line is a problem, never fatal. */
export function parseAttemptLog(text: string): { attempts: AttemptRecord[]; problems: LogProblem[] } {
  const attempts: AttemptRecord[] = [];
  const problems: LogProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let x: unknown;
    try {
      x = JSON.parse(raw);
    } catch {
      problems.push({ line: i + 1, message: 'not JSON (a line cut short by a crash?)' });
      return;
    }
    const r = x as Partial<AttemptRecord>;
    if (typeof x !== 'object' || x === null || r.masdrillAttempt !== 1) {
      problems.push({ line: i + 1, message: 'not a masdrill attempt record' });
      return;
    }
    if (
      typeof r.at !== 'string' ||
      typeof r.scenario !== 'string' ||
      typeof r.overall !== 'number' ||
      typeof r.topics !== 'object' ||
      r.topics === null ||
      !Array.isArray(r.missed)
    ) {
      problems.push({ line: i + 1, message: 'an attempt record with missing fields' });
      return;
    }
    attempts.push(r as AttemptRecord);
  });
  return { attempts, problems };
}

export interface TopicStats {
  readonly topic: Topic;
  readonly attempts: number;
  /** Mean score 0…1 over every attempt that tested it. */
  readonly accuracy: number;
  /** Mean of the older half and the newer half of those attempts (a trend). */
  readonly earlier?: number;
  readonly recent?: number;
}

export interface AttemptStats {
  readonly cases: number;
  readonly meanOverall: number;
  readonly topics: readonly TopicStats[];
  readonly mostMissed: readonly { readonly id: string; readonly count: number; readonly text: string }[];
  /** Overall scores, oldest first. */
  readonly overallByAttempt: readonly number[];
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Accuracy by topic, the statements most often missed and the trend. Pure. */
export function attemptStats(attempts: readonly AttemptRecord[]): AttemptStats {
  const sorted = [...attempts].sort((a, b) => a.at.localeCompare(b.at));
  const topics: TopicStats[] = [];
  for (const topic of TOPICS) {
    const xs = sorted.flatMap((a) => (typeof a.topics[topic] === 'number' ? [a.topics[topic]!] : []));
    if (!xs.length) continue;
    const half = Math.floor(xs.length / 2);
    topics.push({
      topic,
      attempts: xs.length,
      accuracy: r3(mean(xs)),
      ...(xs.length >= 2 ? { earlier: r3(mean(xs.slice(0, half))), recent: r3(mean(xs.slice(half))) } : {}),
    });
  }
  const counts = new Map<string, number>();
  for (const a of sorted) for (const id of new Set(a.missed)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const mostMissed = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([id, count]) => ({
      id,
      count,
      text: isStatementId(id) ? STATEMENTS[id].paraphrase : '(not a guideline statement)',
    }));
  return {
    cases: sorted.length,
    meanOverall: r3(mean(sorted.map((a) => a.overall))),
    topics,
    mostMissed,
    overallByAttempt: sorted.map((a) => a.overall),
  };
}

/** The weakest topics first (lowest accuracy), for weighting the next drill. */
export function weakTopics(stats: AttemptStats): Topic[] {
  return [...stats.topics].sort((a, b) => a.accuracy - b.accuracy).map((t) => t.topic);
}
