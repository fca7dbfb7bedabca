import type { ActionId } from '../generated/plan.js';
import type { Basis } from './provenance.js';

/**
 * One definition of "adequate treatment": what controls each disease process, read by the scorer
 * (which requirement an order satisfies) and by the patient's response model (what the patient
 * responds to). Pure data and one pure function; no hidden truth goes in except what the caller
 * passes as `hidden` (the response model's own per-patient responsiveness, IVIG-2, SJIA-3).
 *
 * An order counts only when its dose is adequate: the caller leaves out orders whose dose is below
 * the sourced range (or a g-for-mg slip downwards) and orders that are harmful; a dose above the
 * maximum adds nothing beyond the maximum (it still counts as given, at the maximum).
 */
export type ControlledProcess = 'mas' | 'infection' | 'misc' | 'sjia-flare';

/** What an order in force contributes to MAS control: the tiers of first-line and refractory therapy. */
export type MasRole = 'high-dose-glucocorticoid' | 'moderate-glucocorticoid' | 'first-line-partner' | 'second-line';

/** An order the table reads: the action, and its daily dose per kg where the table needs a dose band. */
export interface ControlOrder {
  readonly action: ActionId;
  /** mg/kg/day of the order (dosePerKgPerDay in the rules computes it); undefined when unknown. */
  readonly mgPerKgDay?: number;
}

/** What the table needs to know about the patient (visible features, or the response profile's). */
export interface ControlPatient {
  readonly sjia: boolean;
  /** The infection to cover: antibiotics cover all; an antiviral covers a viral one (design choice viral-trigger-antimicrobial). */
  readonly infection: 'bacterial' | 'viral' | 'suspected' | 'none';
}

/** The response model's hidden responsiveness; the scorer passes nothing and gets the guideline's reading (the agent counts). */
export interface HiddenResponsiveness {
  /** IVIG-2: IVIG turns refractory MAS in some patients only. */
  readonly ivigResponds?: boolean;
  /** SJIA-3: etanercept in some steroid- and cyclosporine-resistant sJIA-MAS. */
  readonly etanerceptResponds?: boolean;
}

/** A dose band in mg/kg/day, with its source. */
export interface DoseBand {
  readonly minMgPerKgDay: number;
  readonly maxMgPerKgDay: number;
  readonly basisOf: Basis;
  readonly note: string;
}

export interface MasControlEntry {
  readonly action: ActionId;
  readonly role: MasRole;
  /** When the role applies (all of them); absent: always. */
  readonly conditions?: readonly (
    | 'sjia'
    | 'not-sjia-or-with-partner'
    | 'on-high-dose-glucocorticoid'
    | 'with-partner'
  )[];
  /** The role needs a dose in this band (anakinra's high dose, ANK-2). */
  readonly doseBand?: DoseBand;
  /** The role depends on the patient's hidden responsiveness in the response model (IVIG-2, SJIA-3). */
  readonly hidden?: keyof HiddenResponsiveness;
  readonly basisOf: Basis;
}

const b = (statementIds: Basis['statementIds'], citations: Basis['citations']): Basis => ({ statementIds, citations });

/**
 * ANK-2 "high-dose anakinra may be required in refractory cases" gives no number: high dose is read
 * as at least the top of ANK-1's 2–10 mg/kg/day (10), up to the 48 mg/kg/day reported (Halyabar).
 * Design choice high-dose-anakinra.
 */
export const HIGH_DOSE_ANAKINRA: DoseBand = {
  minMgPerKgDay: 10,
  maxMgPerKgDay: 48,
  basisOf: b(['ANK-1', 'ANK-2'], ['guideline', 'halyabar-2019']),
  note: "high dose = at least the top of ANK-1's 2–10 mg/kg/day, up to 48 mg/kg/day reported (design choice high-dose-anakinra)",
};

/** MAS: the tiers the guideline builds treatment from (HEAD-1, GC-1/2, CSA-1, ANK-1/2, SJIA-1, second line). */
export const MAS_CONTROL: readonly MasControlEntry[] = [
  {
    action: 'methylprednisolone-pulse',
    role: 'high-dose-glucocorticoid',
    basisOf: b(['HEAD-1', 'GC-1'], ['guideline']),
  },
  { action: 'dexamethasone', role: 'high-dose-glucocorticoid', basisOf: b(['GC-2'], ['guideline', 'hlh-94-2011']) },
  {
    action: 'methylprednisolone-low-moderate',
    role: 'moderate-glucocorticoid',
    basisOf: b([], ['uptodate-mas', 'halyabar-2019']),
  },
  { action: 'cyclosporine', role: 'first-line-partner', basisOf: b(['HEAD-1', 'CSA-1'], ['guideline']) },
  { action: 'anakinra', role: 'first-line-partner', basisOf: b(['ANK-1'], ['guideline']) },
  // SJIA-1: tocilizumab is a first-line partner in Still's disease; elsewhere it is second line (TCZ-1).
  { action: 'tocilizumab', role: 'first-line-partner', conditions: ['sjia'], basisOf: b(['SJIA-1'], ['guideline']) },
  { action: 'emapalumab', role: 'second-line', basisOf: b(['EMA-1'], ['guideline', 'de-benedetti-2023']) },
  { action: 'ruxolitinib', role: 'second-line', basisOf: b(['JAK-1'], ['guideline']) },
  { action: 'baricitinib', role: 'second-line', basisOf: b(['JAK-1'], ['guideline']) },
  { action: 'etoposide', role: 'second-line', basisOf: b(['ETO-1'], ['guideline']) },
  {
    action: 'anakinra',
    role: 'second-line',
    doseBand: HIGH_DOSE_ANAKINRA,
    conditions: ['with-partner'],
    basisOf: b(['ANK-2', 'PIT-4'], ['guideline', 'halyabar-2019']),
  },
  {
    action: 'tocilizumab',
    role: 'second-line',
    conditions: ['not-sjia-or-with-partner'],
    basisOf: b(['TCZ-1'], ['guideline']),
  },
  {
    action: 'ivig',
    role: 'second-line',
    conditions: ['on-high-dose-glucocorticoid'],
    hidden: 'ivigResponds',
    basisOf: b(['IVIG-1', 'IVIG-2'], ['guideline']),
  },
  // SJIA-3: in steroid- (and cyclosporine-) resistant sJIA-MAS, so on a high-dose glucocorticoid.
  {
    action: 'etanercept',
    role: 'second-line',
    conditions: ['sjia', 'on-high-dose-glucocorticoid'],
    hidden: 'etanerceptResponds',
    basisOf: b(['SJIA-3'], ['guideline']),
  },
];

/** The other processes: the actions that control them. */
export const PROCESS_CONTROL: {
  readonly [K in Exclude<ControlledProcess, 'mas'>]: {
    readonly actions: readonly ActionId[];
    readonly basisOf: Basis;
    readonly rule: string;
  };
} = {
  infection: {
    actions: ['empirical-antibiotics', 'antiviral-therapy'],
    basisOf: b(['INF-1'], ['guideline', 'ssc-peds-2020']),
    rule: 'antibiotics cover any infection; an antiviral covers a viral trigger only (design choice viral-trigger-antimicrobial)',
  },
  misc: {
    actions: [
      'ivig',
      'methylprednisolone-low-moderate',
      'methylprednisolone-pulse',
      'dexamethasone',
      'anakinra',
      'infliximab',
    ],
    basisOf: b([], ['acr-misc-2021', 'nih-misc']),
    rule: 'two halves: IVIG, and a glucocorticoid (or anakinra or infliximab in its place)',
  },
  'sjia-flare': {
    actions: [
      'methylprednisolone-pulse',
      'methylprednisolone-low-moderate',
      'dexamethasone',
      'anakinra',
      'tocilizumab',
      'cyclosporine',
    ],
    basisOf: b(['SJIA-1'], ['guideline']),
    rule: "any first-line Still's therapy (SJIA-1)",
  },
};

/** How far the treatment in force goes for each process. */
export interface TreatmentControl {
  readonly mas: {
    /** 1 a high-dose glucocorticoid, 0.5 a moderate one, 0 none. */
    readonly glucocorticoid: 0 | 0.5 | 1;
    readonly firstLinePartner: boolean;
    readonly secondLine: boolean;
    /** glucocorticoid + partner + second line: 0 … 3 (the response model's masNeed is on this scale). */
    readonly tier: number;
    /** The orders that give each role, for the words a report or a course shows. */
    readonly byRole: { readonly [K in MasRole]: readonly ActionId[] };
  };
  readonly infectionCovered: boolean;
  /** MIS-C halves covered: IVIG, and a glucocorticoid or its stand-in (0 … 2). */
  readonly miscTier: 0 | 1 | 2;
  readonly flareTreated: boolean;
}

function entryHolds(
  e: MasControlEntry,
  order: ControlOrder,
  p: ControlPatient,
  has: (a: ActionId) => boolean,
  highDoseGc: boolean,
  hidden: HiddenResponsiveness | undefined,
): boolean {
  if (e.doseBand && (order.mgPerKgDay === undefined || order.mgPerKgDay < e.doseBand.minMgPerKgDay * (1 - 1e-9)))
    return false;
  for (const condition of e.conditions ?? []) {
    switch (condition) {
      case 'sjia':
        if (!p.sjia) return false;
        break;
      case 'not-sjia-or-with-partner':
        if (p.sjia && !has('cyclosporine') && !has('anakinra')) return false;
        break;
      case 'on-high-dose-glucocorticoid':
        if (!highDoseGc) return false;
        break;
      case 'with-partner':
        if (!has('cyclosporine') && !has('tocilizumab')) return false;
        break;
    }
  }
  if (e.hidden && hidden && hidden[e.hidden] === false) return false;
  return true;
}

/**
 * The control the orders in force give each process. Pure.
 *
 * `orders`: the orders in force with an adequate dose (below-range doses and harmful orders left
 * out by the caller). `hidden`: only the response model passes it; without it an agent whose
 * effect varies between patients (IVIG-2, SJIA-3) counts as the guideline allows it.
 */
export function treatmentControl(
  orders: readonly ControlOrder[],
  p: ControlPatient,
  hidden?: HiddenResponsiveness,
): TreatmentControl {
  const set = new Set(orders.map((o) => o.action));
  const has = (a: ActionId) => set.has(a);
  const byRole: { [K in MasRole]: ActionId[] } = {
    'high-dose-glucocorticoid': [],
    'moderate-glucocorticoid': [],
    'first-line-partner': [],
    'second-line': [],
  };
  const highDoseGc = MAS_CONTROL.some((e) => e.role === 'high-dose-glucocorticoid' && has(e.action));
  for (const e of MAS_CONTROL) {
    for (const o of orders) {
      if (o.action !== e.action || byRole[e.role].includes(o.action)) continue;
      if (entryHolds(e, o, p, has, highDoseGc, hidden)) byRole[e.role].push(o.action);
    }
  }
  const glucocorticoid: 0 | 0.5 | 1 = byRole['high-dose-glucocorticoid'].length
    ? 1
    : byRole['moderate-glucocorticoid'].length
      ? 0.5
      : 0;
  const firstLinePartner = byRole['first-line-partner'].length > 0;
  const secondLine = byRole['second-line'].length > 0;
  const infectionCovered = has('empirical-antibiotics') || (p.infection === 'viral' && has('antiviral-therapy'));
  const miscTier = ((has('ivig') ? 1 : 0) + (glucocorticoid > 0 || has('anakinra') || has('infliximab') ? 1 : 0)) as
    | 0
    | 1
    | 2;
  const flareTreated = PROCESS_CONTROL['sjia-flare'].actions.some(has);
  return {
    mas: {
      glucocorticoid,
      firstLinePartner,
      secondLine,
      tier: glucocorticoid + (firstLinePartner ? 1 : 0) + (secondLine ? 1 : 0),
      byRole,
    },
    infectionCovered,
    miscTier,
    flareTreated,
  };
}
