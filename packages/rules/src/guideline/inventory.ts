import { CITATIONS, isKnownCitation } from '../citations/citations.js';
import type { Stage } from '../generated/plan.js';
import { ACTIONS } from './actions.js';
import type { CaseFeatures, CaseKind, InfectionTrigger } from './case-features.js';
import { EXTRA_RULES, INDICATIONS } from './indications.js';
import { PITFALLS } from './pitfalls.js';
import type { Basis } from './provenance.js';
import { STATEMENT_IDS, isStatementId, type StatementId } from './statements.js';

export interface BasisUse {
  /** Where the reference is used, e.g. "indication mas-glucocorticoid", "dose rule mp-pulse-mas". */
  readonly where: string;
  readonly basis: Basis;
  /** True for rules that score (indications, extras, pitfalls, dose rules, companions); false for catalogue descriptions. */
  readonly scored: boolean;
}

/** A grid of features wide enough to reach every branch of every indication rule. */
export function featureGrid(): CaseFeatures[] {
  const out: CaseFeatures[] = [];
  const kinds: CaseKind[] = ['mas', 'sjia-flare', 'sepsis', 'misc', 'undetermined'];
  const triggers: InfectionTrigger[] = ['bacterial', 'viral', 'suspected', 'none'];
  const stages: Stage[] = ['presentation', 'refractory'];
  for (const kind of kinds) for (const masPresent of [true, false]) for (const cns of [true, false]) for (const sjia of [true, false])
    for (const severe of [true, false]) for (const stage of stages) for (const infectionTrigger of triggers) for (const shock of [true, false]) {
      out.push({
        caseId: 'grid', stage, decisionHour: 0, kind, masPresent, sjia, infectionTrigger, cns, shock, icuLevel: shock, severe, hemorrhage: false,
        ageYears: severe ? 2 : 13, weightKg: severe ? 12 : 45, heightCm: severe ? 86 : 155, bsaM2: severe ? 0.54 : 1.39, platelets: shock ? 60 : 150,
        ferritin: 800, lvefMin: shock ? 30 : 60, coronaryZMax: shock ? 11 : 3, cardiacDysfunction: shock, readings: [],
      });
    }
  return out;
}

/** Every place a statement ID or citation is used by the guideline data and rules. */
export function basisUses(): BasisUse[] {
  const uses: BasisUse[] = [];
  for (const a of Object.values(ACTIONS)) {
    uses.push({ where: `action ${a.id}`, basis: a.basisOf, scored: false });
    for (const r of a.doseRules) uses.push({ where: `dose rule ${r.id}`, basis: r.basisOf, scored: true });
    for (const c of a.companions ?? []) uses.push({ where: `companion ${a.id}/${c.id}`, basis: c.basisOf, scored: true });
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
      uses.push({ where: `indication ${rule.id}`, basis, scored: true });
    }
  }
  for (const e of EXTRA_RULES) uses.push({ where: `extra ${e.id}`, basis: e.basisOf, scored: true });
  for (const p of PITFALLS) uses.push({ where: `pitfall ${p.id}`, basis: p.basisOf, scored: true });
  return uses;
}

export interface GuidelineInventory {
  readonly scoredStatements: readonly StatementId[];
  /** Statements no scoring rule uses (may still be cited by the catalogue). */
  readonly unscoredStatements: readonly StatementId[];
  readonly citedOnlyStatements: readonly StatementId[];
  readonly citations: readonly string[];
  readonly unresolved: readonly { readonly where: string; readonly reference: string }[];
}

export function guidelineInventory(): GuidelineInventory {
  const uses = basisUses();
  const scored = new Set<string>();
  const cited = new Set<string>();
  const citations = new Set<string>();
  const unresolved: { where: string; reference: string }[] = [];
  for (const u of uses) {
    for (const id of u.basis.statementIds) {
      if (!isStatementId(id)) unresolved.push({ where: u.where, reference: id });
      (u.scored ? scored : cited).add(id);
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
    citations: [...citations].filter((c) => c in CITATIONS).sort(),
    unresolved,
  };
}
