/** The Learn view's URL scheme and lesson list. */
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type AppRoute } from '../../../src/app/learn/route.ts';
import { LESSONS, clampStep, findLesson } from '../../../src/app/learn/lessons.ts';

describe('parseRoute', () => {
  it('reads lesson and step from #/learn/<lesson>/<step>', () => {
    expect(parseRoute('#/learn/sc/3')).toEqual({ view: 'learn', lesson: 'sc', step: 3 });
    expect(parseRoute('#/learn/sc')).toEqual({ view: 'learn', lesson: 'sc', step: 1 });
    expect(parseRoute('#/learn')).toEqual({ view: 'learn', lesson: null, step: 1 });
    expect(parseRoute('#learn/sc/2/')).toEqual({ view: 'learn', lesson: 'sc', step: 2 });
  });

  it('treats a step that is not a positive integer as step 1', () => {
    for (const bad of ['0', '-2', '1.5', 'x', '']) {
      expect(parseRoute(`#/learn/sc/${bad}`)).toEqual({ view: 'learn', lesson: 'sc', step: 1 });
    }
  });

  it('is the lab for no hash, a share link, or anything else', () => {
    expect(parseRoute('')).toEqual({ view: 'lab' });
    expect(parseRoute('#')).toEqual({ view: 'lab' });
    expect(parseRoute('#doc=abc123')).toEqual({ view: 'lab' });
    expect(parseRoute('#/lab')).toEqual({ view: 'lab' });
    expect(parseRoute('#/learning/sc')).toEqual({ view: 'lab' });
  });
});

describe('routeHash', () => {
  it('writes the lab as no hash and leaves out step 1', () => {
    expect(routeHash({ view: 'lab' })).toBe('');
    expect(routeHash({ view: 'learn', lesson: 'sc', step: 1 })).toBe('#/learn/sc');
    expect(routeHash({ view: 'learn', lesson: 'sc', step: 4 })).toBe('#/learn/sc/4');
    expect(routeHash({ view: 'learn', lesson: null, step: 1 })).toBe('#/learn');
  });

  it('round-trips through parseRoute', () => {
    const routes: AppRoute[] = [
      { view: 'lab' },
      { view: 'learn', lesson: null, step: 1 },
      { view: 'learn', lesson: 'sc', step: 1 },
      { view: 'learn', lesson: 'sc', step: 7 },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
});

describe('lesson list', () => {
  it('starts with the stochastic-computing lesson, one step per tutorial part', () => {
    expect(LESSONS[0]?.id).toBe('sc');
    const sc = findLesson('sc');
    // Tutorial sections 1-6, with section 2's error law as a step of its own.
    expect(sc.steps.map((s) => s.source.slice(0, 12))).toEqual([
      'Tutorial §1:',
      'Tutorial §2:',
      'Tutorial §2:',
      'Tutorial §3:',
      'Tutorial §4:',
      'Tutorial §5:',
      'Tutorial §6:',
    ]);
  });

  it('falls back to the first lesson and clamps steps into range', () => {
    expect(findLesson(null).id).toBe('sc');
    expect(findLesson('no-such-lesson').id).toBe('sc');
    const sc = findLesson('sc');
    expect(clampStep(sc, 0)).toBe(1);
    expect(clampStep(sc, 3)).toBe(3);
    expect(clampStep(sc, 99)).toBe(sc.steps.length);
  });
});
