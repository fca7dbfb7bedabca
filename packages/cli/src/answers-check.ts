import { closest, type AnswersFile, type Scenario, type ValidationProblem } from '@masdrill/rules';

/**
 * An answers file against the scenario it is played with: the scenario it names, and every stage
 * it answers. One rule for `play --answers` and `validate`, so they agree.
 */
export function answersProblems(answers: AnswersFile, s: Scenario, file: string): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const ids = s.stages.map((x) => x.id);
  if (answers.scenario !== undefined && answers.scenario !== s.id) {
    problems.push({
      file,
      path: '$.scenario',
      message: `the answers are for scenario "${answers.scenario}", not "${s.id}"`,
      fix: `play them with --scenario ${answers.scenario}, or correct the scenario field`,
    });
  }
  for (const id of Object.keys(answers.stages)) {
    if (ids.includes(id)) continue;
    const guess = closest(id, ids);
    problems.push({
      file,
      path: /^[A-Za-z_$][\w$]*$/.test(id) ? `$.stages.${id}` : `$.stages[${JSON.stringify(id)}]`,
      message: `no stage "${id}" in scenario ${s.id}`,
      fix: `${guess ? `did you mean "${guess}"? ` : ''}the stages are ${ids.join(', ')}`,
    });
  }
  return problems;
}
