import type { Case, Scenario, ValidationProblem } from '@masdrill/rules';
import { EXPERT, expertExcept, playSession, SessionError } from './play.js';
import { sessionReport } from './report.js';
import { constraintProblems } from './scenario-case.js';
import type { SessionReport, StageReport } from './session-types.js';

export interface WrongSetResult {
  readonly stageIndex: number;
  readonly stageId: string;
  readonly wrongIndex: number;
  readonly name: string;
  readonly score: number;
  readonly expectScoreBelow: number;
  readonly expectFeedback: readonly string[];
  /** Expected statement IDs the stage's problem feedback does not cite. */
  readonly missingFeedback: readonly string[];
  readonly report?: StageReport;
  readonly error?: string;
}

export interface ScenarioCheck {
  readonly expert?: SessionReport;
  readonly expertError?: { readonly stageId: string; readonly question: string; readonly message: string };
  readonly wrong: readonly WrongSetResult[];
}

/** Plays a scenario with its expert answers, then with each wrong answer set (the expert everywhere else). Pure. */
export function checkScenario(s: Scenario, c: Case): ScenarioCheck {
  let expert: SessionReport | undefined;
  let expertError: ScenarioCheck['expertError'];
  try {
    expert = sessionReport(playSession(s, c, EXPERT));
  } catch (error) {
    if (!(error instanceof SessionError)) throw error;
    expertError = { stageId: error.stageId, question: error.question, message: error.message };
  }
  const wrong: WrongSetResult[] = [];
  s.stages.forEach((stage, i) =>
    (stage.wrong ?? []).forEach((w, j) => {
      const base = {
        stageIndex: i,
        stageId: stage.id,
        wrongIndex: j,
        name: w.name,
        expectScoreBelow: w.expectScoreBelow,
        expectFeedback: w.expectFeedback,
      };
      try {
        const r = sessionReport(playSession(s, c, expertExcept(stage.id, w.answers))).stages[i]!;
        wrong.push({
          ...base,
          score: r.score,
          report: r,
          missingFeedback: w.expectFeedback.filter((id) => !r.problemStatementIds.includes(id)),
        });
      } catch (error) {
        if (!(error instanceof SessionError)) throw error;
        wrong.push({ ...base, score: NaN, missingFeedback: w.expectFeedback, error: error.message });
      }
    }),
  );
  return { ...(expert ? { expert } : {}), ...(expertError ? { expertError } : {}), wrong };
}

/**
 * The scenario's meaning, checked against its case: the constraints hold, the expert answers are
 * accepted and score 100 at every stage, a forced planStage agrees with the patient's course, and each
 * wrong answer set scores below its bound with the feedback it expects. Paths point into the scenario.
 */
export function lintScenario(s: Scenario, c: Case, file: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [...constraintProblems(c, s.constrain, file)];
  const check = checkScenario(s, c);
  const stageAt = (id: string) => s.stages.findIndex((x) => x.id === id);
  if (check.expertError) {
    const i = stageAt(check.expertError.stageId);
    problems.push({
      file,
      path: `$.stages[${i}].expert${check.expertError.question === 'advance' ? '' : `.${check.expertError.question}`}`,
      message: `the expert answer is refused: ${check.expertError.message}`,
      fix: 'correct the expert answer (or leave it out to derive it from the rules)',
    });
  }
  check.expert?.stages.forEach((r, i) => {
    const stage = s.stages[i]!;
    if (stage.planStage !== undefined && stage.planStage !== r.coursePlanStage) {
      problems.push({
        file,
        path: `$.stages[${i}].planStage`,
        message: `the stage is scored as ${stage.planStage}, but on the expert's plans the patient's course calls for ${r.coursePlanStage}${r.course ? ` (the patient is ${r.course})` : ''}`,
        fix:
          stage.planStage === 'refractory'
            ? 'pick a patient who needs second-line therapy (constrain masNeeds: second-line), or remove planStage'
            : 'remove planStage, or pick a patient whose course calls for it',
      });
    }
    for (const q of r.questions) {
      if (q.fraction >= 1) continue;
      const authored = stage.expert?.[q.question] !== undefined;
      const problemsHere = r.feedback
        .filter((f) => f.question === q.question && f.severity !== 'good')
        .map((f) => f.title)
        .slice(0, 4)
        .join(' ');
      problems.push({
        file,
        path: `$.stages[${i}]${authored ? `.expert.${q.question}` : ''}`,
        message: `the expert's ${q.question} answer scores ${Math.round(q.fraction * 1000) / 10}% (stage ${r.score}/100): ${problemsHere || `expected ${JSON.stringify(q.expected)}`}`,
        fix: authored
          ? `correct it${q.question === 'criteria' ? ` (the key by hour ${r.hour}: ${JSON.stringify(q.expected)})` : ''}, or leave it out to derive it from the rules`
          : 'report this: a derived expert answer should score 100',
      });
    }
  });
  for (const w of check.wrong) {
    const at = `$.stages[${w.stageIndex}].wrong[${w.wrongIndex}]`;
    if (w.error) {
      problems.push({
        file,
        path: `${at}.answers`,
        message: `the answers are refused: ${w.error}`,
        fix: 'correct the wrong answer set so the session accepts it',
      });
      continue;
    }
    if (!(w.score < w.expectScoreBelow))
      problems.push({
        file,
        path: `${at}.expectScoreBelow`,
        message: `"${w.name}" scores ${w.score}, not below ${w.expectScoreBelow}`,
        fix: `raise expectScoreBelow above ${w.score}, or make the answers more wrong`,
      });
    for (const id of w.missingFeedback) {
      const k = w.expectFeedback.indexOf(id);
      problems.push({
        file,
        path: `${at}.expectFeedback[${k}]`,
        message: `"${w.name}" draws no feedback citing ${id} (it cites ${w.report?.problemStatementIds.join(', ') || 'nothing'})`,
        fix: 'expect only what the feedback cites, or change the answers',
      });
    }
  }
  return problems;
}
