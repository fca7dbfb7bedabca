import { CITATIONS, isKnownCitation } from '../citations/citations.js';
import type { Stage } from '../generated/plan.js';
import { planSchema } from '../generated/plan-schema.js';
import { ACTIONS } from '../guideline/actions.js';
import type { CaseFeatures, CaseKind, InfectionTrigger } from '../guideline/case-features.js';
import { NO_HISTORY } from '../guideline/prior-orders.js';
import { EXTRA_RULES, INDICATIONS, type ExtraRule } from '../guideline/indications.js';
import { PITFALLS } from './pitfalls.js';
import type { Basis } from '../guideline/provenance.js';
import { STATEMENT_IDS, isStatementId, type StatementId } from '../guideline/statements.js';

/**
 * What a use of a basis does in scoring. The first six can cost points or are shown as a problem
 * (a requirement, a pitfall detector, a harmful or risky extra, a companion, a dose rule); the
 * others only teach or describe (the action catalogue, extras that are acceptable or harmless,
 * which can never cost points).
 */
export type BasisRole =
  | 'requirement'
  | 'pitfall'
  | 'harmful-extra'
  | 'risky-extra'
  | 'companion'
  | 'dose-rule'
  | 'acceptable-extra'
  | 'harmless-extra'
  | 'catalogue';

export const SCORING_ROLES: readonly BasisRole[] = [
  'requirement',
  'pitfall',
  'harmful-extra',
  'risky-extra',
  'companion',
  'dose-rule',
];

export interface BasisUse {
  /** Where the reference is used, e.g. "indication mas-glucocorticoid", "dose rule mp-pulse-mas". */
  readonly where: string;
  readonly basis: Basis;
  readonly role: BasisRole;
  /** True when the use can cost points or is shown as a problem (role in SCORING_ROLES); false for teaching and descriptive places. */
  readonly scored: boolean;
}

const use = (where: string, basis: Basis, role: BasisRole): BasisUse => ({
  where,
  basis,
  role,
  scored: SCORING_ROLES.includes(role),
});

function extraRole(e: ExtraRule): BasisRole {
  if (e.level === 'harmful') return 'harmful-extra';
  if (e.level === 'unnecessary') return e.risky ? 'risky-extra' : 'harmless-extra';
  return 'acceptable-extra';
}

/** A grid of features wide enough to reach every branch of every indication rule. */
export function featureGrid(): CaseFeatures[] {
  const out: CaseFeatures[] = [];
  const kinds: CaseKind[] = ['mas', 'sjia-flare', 'sepsis', 'misc', 'undetermined'];
  const triggers: InfectionTrigger[] = ['bacterial', 'viral', 'suspected', 'none'];
  const stages: readonly Stage[] = planSchema.definitions.Stage.enum;
  for (const kind of kinds)
    for (const masPresent of [true, false])
      for (const cns of [true, false])
        for (const sjia of [true, false])
          for (const severe of [true, false])
            for (const stage of stages)
              for (const infectionTrigger of triggers)
                for (const shock of [true, false]) {
                  out.push({
                    caseId: 'grid',
                    stage,
                    decisionHour: 0,
                    kind,
                    masPresent,
                    sjia,
                    infectionTrigger,
                    febrileNeonate: false,
                    cns,
                    shock,
                    icuLevel: shock,
                    severe,
                    hemorrhage: false,
                    ageYears: severe ? 2 : 13,
                    weightKg: severe ? 12 : 45,
                    heightCm: severe ? 86 : 155,
                    bsaM2: severe ? 0.54 : 1.39,
                    platelets: shock ? 60 : 150,
                    ferritin: 800,
                    inr: shock ? 1.6 : 1.1,
                    fibrinogen: shock ? 90 : 300,
                    gcs: cns ? 9 : 15,
                    gcsPrevious: 15,
                    lvefMin: shock ? 30 : 60,
                    coronaryZMax: shock ? 11 : 3,
                    cardiacDysfunction: shock,
                    history: NO_HISTORY,
                    readings: [],
                  });
                }
  return out;
}

/** Every place a statement ID or citation is used by the guideline data and rules. */
export function basisUses(): BasisUse[] {
  const uses: BasisUse[] = [];
  for (const a of Object.values(ACTIONS)) {
    uses.push(use(`action ${a.id}`, a.basisOf, 'catalogue'));
    for (const r of a.doseRules) uses.push(use(`dose rule ${r.id}`, r.basisOf, 'dose-rule'));
    for (const c of a.companions ?? []) uses.push(use(`companion ${a.id}/${c.id}`, c.basisOf, 'companion'));
  }
  const grid = featureGrid();
  for (const rule of INDICATIONS) {
    const seen = new Set<string>();
    for (const f of grid) {
      if (!rule.applies(f)) continue;
      const basis = rule.requirement(f).basisOf;
      const key = JSON.stringify(basis);
      if (seen.has(key)) continue;
      seen.add(key);
      uses.push(use(`indication ${rule.id}`, basis, 'requirement'));
    }
  }
  for (const e of EXTRA_RULES) uses.push(use(`extra ${e.id}`, e.basisOf, extraRole(e)));
  for (const p of PITFALLS) uses.push(use(`pitfall ${p.id}`, p.basisOf, 'pitfall'));
  return uses;
}

export interface GuidelineInventory {
  /** Statements that rest something that can cost points or is shown as a problem (see SCORING_ROLES). */
  readonly scoredStatements: readonly StatementId[];
  /** Statements no scoring use rests on (they may still be cited in teaching places). */
  readonly unscoredStatements: readonly StatementId[];
  /** Unscored statements that are cited, but only in teaching or descriptive places (catalogue, acceptable extras). */
  readonly citedOnlyStatements: readonly StatementId[];
  /** For each cited-only statement, where it is cited. */
  readonly citedOnlyWhere: readonly { readonly statementId: StatementId; readonly where: readonly string[] }[];
  readonly citations: readonly string[];
  readonly unresolved: readonly { readonly where: string; readonly reference: string }[];
}

export function guidelineInventory(): GuidelineInventory {
  const uses = basisUses();
  const scored = new Set<string>();
  const cited = new Map<string, string[]>();
  const citations = new Set<string>();
  const unresolved: { where: string; reference: string }[] = [];
  for (const u of uses) {
    for (const id of u.basis.statementIds) {
      if (!isStatementId(id)) unresolved.push({ where: u.where, reference: id });
      if (u.scored) scored.add(id);
      else cited.set(id, [...(cited.get(id) ?? []), u.where]);
    }
    for (const c of u.basis.citations) {
      if (!isKnownCitation(c)) unresolved.push({ where: u.where, reference: c });
      citations.add(c);
    }
  }
  return {
    scoredStatements: STATEMENT_IDS.filter((id) => scored.has(id)),
    unscoredStatements: STATEMENT_IDS.filter((id) => !scored.has(id)),
    citedOnlyStatements: STATEMENT_IDS.filter((id) => !scored.has(id) && cited.has(id)),
    citedOnlyWhere: STATEMENT_IDS.filter((id) => !scored.has(id) && cited.has(id)).map((statementId) => ({
      statementId,
      where: [...new Set(cited.get(statementId))],
    })),
    citations: [...citations].filter((c) => c in CITATIONS).sort(),
    unresolved,
  };
}
