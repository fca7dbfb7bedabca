import { PUBLISHED_PERFORMANCE, type PublishedPerformance } from '@masdrill/rules';
import type { ComparisonId } from './comparisons.js';
import type { TimePointId } from './time-points.js';

/**
 * Where each comparable published figure sits among the sweep's comparisons: the synthetic groups
 * closest to the published ones, at the time point the publication read.
 */
const PLACES: Readonly<Record<string, { readonly comparison: ComparisonId; readonly timePoint: TimePointId }>> = {
  'ravelli-2016-validation': { comparison: 'sjia-mas-vs-flare', timePoint: 'onset' },
  'minoia-2019-development': { comparison: 'sjia-mas-vs-flare', timePoint: 'onset' },
  'eloseily-2019-ratio': { comparison: 'sjia-mas-vs-flare', timePoint: 'onset' },
};

export function publishedFor(
  comparison: ComparisonId,
  timePoint: TimePointId,
  set: string,
): readonly PublishedPerformance[] {
  return PUBLISHED_PERFORMANCE.filter(
    (p) =>
      p.comparable &&
      p.subject === set &&
      PLACES[p.id]?.comparison === comparison &&
      PLACES[p.id]?.timePoint === timePoint,
  );
}

export function placeOf(
  id: string,
): { readonly comparison: ComparisonId; readonly timePoint: TimePointId } | undefined {
  return PLACES[id];
}
