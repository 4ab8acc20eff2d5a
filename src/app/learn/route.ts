/**
 * The page's two views as URL hashes, so a teacher can link straight to a lesson step:
 * `#/learn/sc/3` opens step 3 of the stochastic-computing lesson. Anything else (no hash, a
 * share link's `#doc=...`) is the lab. Pure: parsing and formatting only.
 */

/** Where the page is: the lab, a lesson (its id) at a step (1-based), or the presenter view. */
export type AppRoute =
  | { view: 'lab' }
  | { view: 'learn'; lesson: string | null; step: number }
  | { view: 'present' }
  /** A JSON lesson (`public/lessons/<lesson>.json`) played in the lab, at a step (1-based). */
  | { view: 'lesson'; lesson: string; step: number };

export type AppView = AppRoute['view'];

export const LAB_ROUTE: AppRoute = { view: 'lab' };

/**
 * The route a hash names. `#/learn` (no lesson) opens the lesson list's first lesson; a step
 * that is not a positive integer is step 1 (the lesson clamps a step past its end).
 *
 * @example
 * parseRoute('#/learn/sc/2') // { view: 'learn', lesson: 'sc', step: 2 }
 */
export function parseRoute(hash: string): AppRoute {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'present' && parts.length === 1) return { view: 'present' };
  if (parts[0] === 'lesson' && parts[1] !== undefined) {
    return { view: 'lesson', lesson: parts[1], step: positiveStep(parts[2]) };
  }
  if (parts[0] !== 'learn') return LAB_ROUTE;
  const lesson = parts[1] ?? null;
  return { view: 'learn', lesson, step: positiveStep(parts[2]) };
}

/** A step from the URL: a positive integer, else 1. */
function positiveStep(part: string | undefined): number {
  const step = Number(part);
  return Number.isInteger(step) && step >= 1 ? step : 1;
}

/**
 * The hash of a route (empty for the lab). Step 1 is left out, so the link to a lesson is short.
 *
 * @example
 * routeHash({ view: 'learn', lesson: 'sc', step: 1 }) // '#/learn/sc'
 */
export function routeHash(route: AppRoute): string {
  if (route.view === 'lab') return '';
  if (route.view === 'present') return '#/present';
  if (route.view === 'lesson') return `#/lesson/${route.lesson}/${route.step}`;
  if (route.lesson === null) return '#/learn';
  return route.step > 1 ? `#/learn/${route.lesson}/${route.step}` : `#/learn/${route.lesson}`;
}
