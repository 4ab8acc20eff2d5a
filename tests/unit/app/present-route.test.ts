/** The presenter view's address. */
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/app/learn/route.ts';

describe('the presenter route', () => {
  it('is #/present, both ways', () => {
    expect(parseRoute('#/present')).toEqual({ view: 'present' });
    expect(parseRoute('#present/')).toEqual({ view: 'present' });
    expect(routeHash({ view: 'present' })).toBe('#/present');
    expect(parseRoute(routeHash({ view: 'present' }))).toEqual({ view: 'present' });
  });

  it('does not take longer or similar paths', () => {
    expect(parseRoute('#/present/x')).toEqual({ view: 'lab' });
    expect(parseRoute('#/presenter')).toEqual({ view: 'lab' });
  });
});
