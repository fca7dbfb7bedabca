import { generateCase, responseProfile } from '@masdrill/generator';
import { evaluate, type Case, type Constraints, type Scenario, type ValidationProblem } from '@masdrill/rules';

/** The generated case of a scenario with `generate:` (index 0 and standard difficulty by default). */
export function generatedCaseOf(s: Scenario): Case | undefined {
  if (!s.generate) return undefined;
  const g = s.generate;
  return generateCase({ kind: g.kind, seed: g.seed, index: g.index ?? 0, difficulty: g.difficulty ?? 'standard' });
}

/** What a case is, for the constraint checks and messages. */
export function caseFacts(c: Case) {
  const shock = c.observations.some((o) => o.shock === true || (o.vasoactiveCount ?? 0) > 0);
  const ferritins = c.labs.map((l) => l.ferritin).filter((v): v is number => typeof v === 'number');
  const marrows = c.investigations.boneMarrow ?? [];
  return {
    subtype: c.truth?.subtype,
    trigger: c.truth?.trigger,
    severity: c.truth?.severity,
    masPresent: c.truth?.masPresent,
    cnsInvolvement: c.truth?.cnsInvolvement,
    shock,
    ageYears: c.patient.ageYears,
    sjia: c.background.sjia,
    maxFerritin: ferritins.length ? Math.max(...ferritins) : undefined,
    marrowHemophagocytosis: marrows.length ? marrows.some((m) => m.hemophagocytosis) : undefined,
  };
}

const MAS_NEEDS = ['glucocorticoid-alone', 'first-line-combination', 'second-line'] as const;

/** Problems where the case does not meet the scenario's constraints (paths under $.constrain). Pure. */
export function constraintProblems(c: Case, k: Constraints | undefined, file: string): ValidationProblem[] {
  if (!k) return [];
  const problems: ValidationProblem[] = [];
  const facts = caseFacts(c);
  const fix = 'pick another seed (or case) that meets it, or relax the constraint';
  const check = (path: string, ok: boolean, message: string) => {
    if (!ok) problems.push({ file, path: `$.constrain.${path}`, message: `case ${c.id}: ${message}`, fix });
  };
  const truthNeeded = (path: string, v: unknown) => {
    if (v === undefined)
      problems.push({
        file,
        path: `$.constrain.${path}`,
        message: `case ${c.id} has no truth.${path} to check`,
        fix: "state it in the case's truth, or drop the constraint",
      });
    return v !== undefined;
  };
  if (k.subtype && truthNeeded('subtype', facts.subtype))
    check('subtype', k.subtype.includes(facts.subtype!), `subtype is ${facts.subtype}, not ${k.subtype.join(' or ')}`);
  if (k.trigger && truthNeeded('trigger', facts.trigger))
    check('trigger', k.trigger.includes(facts.trigger!), `trigger is ${facts.trigger}, not ${k.trigger.join(' or ')}`);
  if (k.severity && truthNeeded('severity', facts.severity))
    check(
      'severity',
      k.severity.includes(facts.severity!),
      `severity is ${facts.severity}, not ${k.severity.join(' or ')}`,
    );
  if (k.masPresent !== undefined && truthNeeded('masPresent', facts.masPresent))
    check('masPresent', k.masPresent === facts.masPresent, `masPresent is ${facts.masPresent}`);
  if (k.cnsInvolvement !== undefined)
    check(
      'cnsInvolvement',
      k.cnsInvolvement === (facts.cnsInvolvement ?? c.observations.some((o) => o.cnsInvolvement === true)),
      `CNS involvement is ${!k.cnsInvolvement}`,
    );
  if (k.shock !== undefined) check('shock', k.shock === facts.shock, `shock is ${facts.shock ? '' : 'not '}documented`);
  if (k.ageYears?.min !== undefined)
    check('ageYears.min', facts.ageYears >= k.ageYears.min, `age ${facts.ageYears} y is below ${k.ageYears.min}`);
  if (k.ageYears?.max !== undefined)
    check('ageYears.max', facts.ageYears <= k.ageYears.max, `age ${facts.ageYears} y is above ${k.ageYears.max}`);
  if (k.sjia)
    check('sjia', k.sjia.includes(facts.sjia), `background.sjia is ${facts.sjia}, not ${k.sjia.join(' or ')}`);
  if (k.marrowHemophagocytosis !== undefined)
    check(
      'marrowHemophagocytosis',
      facts.marrowHemophagocytosis === k.marrowHemophagocytosis,
      facts.marrowHemophagocytosis === undefined
        ? 'no bone marrow is examined'
        : `the marrow ${facts.marrowHemophagocytosis ? 'shows' : 'does not show'} hemophagocytosis`,
    );
  if (k.ferritinAtLeast !== undefined)
    check(
      'ferritinAtLeast',
      (facts.maxFerritin ?? 0) >= k.ferritinAtLeast,
      `the highest ferritin is ${facts.maxFerritin ?? 'not measured'}`,
    );
  if (k.masNeeds !== undefined) {
    const need = MAS_NEEDS[responseProfile(c).masNeed - 1]!;
    check('masNeeds', need === k.masNeeds, `this patient's MAS needs ${need} to respond`);
  }
  if (k.criteriaMet || k.criteriaNotMet) {
    const results = evaluate(c).results;
    const status = (id: string) => results.find((r) => r.id === id)?.status;
    (k.criteriaMet ?? []).forEach((id, i) =>
      check(`criteriaMet[${i}]`, status(id) === 'met', `${id} is ${status(id)}`),
    );
    (k.criteriaNotMet ?? []).forEach((id, i) => check(`criteriaNotMet[${i}]`, status(id) !== 'met', `${id} is met`));
  }
  return problems;
}
