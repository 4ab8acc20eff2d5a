/** The Live panel's rules: what it offers, first ranges, policy ranges, marker positions. */
import { describe, expect, it } from 'vitest';
import {
  defaultControl,
  liveProblem,
  offeredPaths,
  sliderRange,
  withControl,
  withoutControl,
  type PathPolicy,
} from '../../../../src/app/live/live-controls.ts';
import { markersInWindow } from '../../../../src/app/live/marker-layout.ts';
import { liveNetwork } from '../../engine/fixtures/live-network.ts';

const OPEN: PathPolicy = { isHidden: () => false, isLocked: () => false, rangeOf: () => null };

describe('live controls', () => {
  it('offers the live numbers that are not sliders yet, minus what the policy hides or locks', () => {
    const doc = withControl(liveNetwork(), { path: 'stimuli/drive/amplitude', min: 0, max: 1 });
    const policy: PathPolicy = {
      ...OPEN,
      isHidden: (p) => p.startsWith('populations/Z/'),
      isLocked: (p) => p === 'projections/EZ/weight/value',
    };
    expect(offeredPaths(doc, policy)).toEqual([
      'populations/in/params/rate',
      'populations/E/params/bias',
      'populations/E/params/noise_std',
      'populations/E/params/v_threshold',
      'projections/inE/weight/value',
      'projections/EE/weight/value',
    ]);
    const back = withoutControl(doc, 'stimuli/drive/amplitude');
    expect(back.live).toBeUndefined();
    expect(offeredPaths(back, OPEN)).toContain('stimuli/drive/amplitude');
  });

  it('starts a slider around the current value, and narrows it to the policy range', () => {
    const doc = liveNetwork();
    expect(defaultControl(doc, 'stimuli/drive/amplitude')).toEqual({
      path: 'stimuli/drive/amplitude',
      min: 0,
      max: 0.06,
    });
    // A rate stops at one spike a step (dt 0.1 ms: 10 kHz).
    expect(defaultControl(doc, 'populations/in/params/rate')).toMatchObject({ min: 0, max: 300 });
    expect(defaultControl(doc, 'populations/E/params/v_threshold')).toMatchObject({
      min: 0,
      max: 2,
    });
    const control = { path: 'p', min: 0, max: 10 };
    expect(sliderRange(control, null)).toEqual({ min: 0, max: 10, step: 0.1 });
    expect(sliderRange(control, { min: 2, max: 20 })).toEqual({ min: 2, max: 10, step: 0.08 });
  });

  it('says why a slider cannot be live', () => {
    const doc = liveNetwork();
    expect(liveProblem(doc, 'stimuli/drive/amplitude')).toBeNull();
    expect(liveProblem(doc, 'populations/E/params/tau_mem')).toContain(
      "stochastic_lif's params/tau_mem is compiled into the run",
    );
    expect(liveProblem(doc, 'stimuli/gone/amplitude')).toBe(
      "'stimuli/gone/amplitude' names no number of this network",
    );
  });

  it('places one marker per step inside the time window', () => {
    const entry = (step: number, value: number) => ({ step, path: 'p', value, label: 'x' });
    const markers = markersInWindow(
      [entry(5, 1), entry(50, 2), entry(50, 3), entry(200, 4)],
      0.1,
      [1, 11],
      { left: 64, width: 100 },
    );
    expect(markers.map((m) => [m.step, m.x, m.entries.length])).toEqual([[50, 104, 2]]);
  });
});
