import type { Case, Investigations } from '@masdrill/rules';

/**
 * The case as the trainee sees it at an hour: observations, labs and investigations up to that hour
 * only, without the ground truth or the outcome (encounter.died). Pure.
 */
export function visibleCase(c: Case, hour: number): Case {
  const upTo = <T extends { hour: number }>(rows: readonly T[] | undefined): T[] | undefined =>
    rows?.filter((r) => r.hour <= hour);
  const investigations: Investigations = {};
  for (const key of ['boneMarrow', 'echo', 'cultures', 'viralTests'] as const) {
    const rows = upTo(c.investigations[key] as { hour: number }[] | undefined);
    if (rows?.length) (investigations as Record<string, unknown>)[key] = rows;
  }
  const { died: _died, ...encounter } = c.encounter;
  const visible: Case = {
    ...c,
    encounter,
    observations: upTo(c.observations) ?? [],
    labs: upTo(c.labs) ?? [],
    investigations,
  };
  delete visible.truth;
  return visible;
}
