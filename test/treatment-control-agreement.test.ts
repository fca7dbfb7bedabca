import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateCase, responseProfile } from '@masdrill/generator';
import { HIGH_DOSE_ANAKINRA, treatmentControl, type ActionId } from '@masdrill/rules';
// The response model's control, read from source: scorer and patient must agree on what is adequate (issue 9, item 4).
import { controlAt } from '../packages/generator/src/response/control.js';
import type { ActiveAction } from '../packages/generator/src/response/regimen.js';

const TREATMENTS: readonly ActionId[] = [
  'methylprednisolone-pulse',
  'dexamethasone',
  'methylprednisolone-low-moderate',
  'cyclosporine',
  'anakinra',
  'tocilizumab',
  'emapalumab',
  'ruxolitinib',
  'baricitinib',
  'etoposide',
  'ivig',
  'etanercept',
  'infliximab',
  'empirical-antibiotics',
  'antiviral-therapy',
];

describe("one definition of adequate: the rules' treatment-control table and the response model agree", () => {
  it('over generated cases and sets of orders in force (anakinra at doses around the high-dose band)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('mas', 'sjia-flare', 'sepsis', 'misc' as const),
        fc.integer({ min: 0, max: 2000 }),
        fc.subarray([...TREATMENTS]),
        fc.constantFrom(2, 4, HIGH_DOSE_ANAKINRA.minMgPerKgDay - 0.5, HIGH_DOSE_ANAKINRA.minMgPerKgDay, 20),
        (kind, index, actions, anakinraMgPerKgDay) => {
          const c = generateCase({ kind, seed: 11, index });
          const p = responseProfile(c);
          const inForce: ActiveAction[] = actions.map((action) => ({
            action,
            from: 0,
            to: Infinity,
            underdosed: false,
            ...(action === 'anakinra' ? { mgPerKgDay: anakinraMgPerKgDay } : {}),
          }));
          const response = controlAt(inForce, p);
          const rules = treatmentControl(
            inForce.map((a) => ({
              action: a.action,
              ...(a.mgPerKgDay !== undefined ? { mgPerKgDay: a.mgPerKgDay } : {}),
            })),
            { sjia: p.sjia, infection: p.infection },
            { ivigResponds: p.ivigResponds, etanerceptResponds: p.etanerceptResponds },
          );
          const why = `${kind} ${index} ${actions.join(',')} anakinra ${anakinraMgPerKgDay}`;
          expect(rules.mas.glucocorticoid, why).toBe(response.glucocorticoid);
          expect(rules.mas.firstLinePartner, why).toBe(response.secondAgent);
          expect(rules.mas.secondLine, why).toBe(response.secondLine);
          for (const pc of response.processes) {
            if (pc.process === 'infection') expect(rules.infectionCovered, why).toBe(!pc.untreated);
            if (pc.process === 'misc') expect(2 - rules.miscTier, why).toBe(pc.short);
            if (pc.process === 'sjia-flare') expect(rules.flareTreated, why).toBe(!pc.untreated);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
