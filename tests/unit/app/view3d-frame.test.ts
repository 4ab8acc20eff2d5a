import { describe, expect, it } from 'vitest';
import { fadeIntensity, SpikeFade } from '../../../src/app/view3d/spike-fade.ts';
import { newSpikeRange } from '../../../src/app/view3d/spike-feed.ts';
import { chooseLod, pixelsAcross, SPHERE_MAX_NEURONS } from '../../../src/app/view3d/lod.ts';
import { boundsOf, easeFraction, fitCamera } from '../../../src/app/view3d/camera-math.ts';
import { SpikeSeries } from '../../../src/store/session/series.ts';

describe('SpikeFade', () => {
  it('lights a neuron at once and fades it linearly to nothing over fadeMs', () => {
    expect([0, 25, 50, 100, 150].map((t) => fadeIntensity(t, 100))).toEqual([1, 0.75, 0.5, 0, 0]);
    const fade = new SpikeFade(10, 100);
    fade.flash(new Uint32Array([3, 7]), 0, 2, 1000);
    const seen = new Map<number, number>();
    const write = (i: number, b: number) => seen.set(i, b);
    expect(fade.update(1040, write)).toBe(true);
    expect([...seen]).toEqual([
      [3, 0.6],
      [7, 0.6],
    ]);
    fade.flash([7], 0, 1, 1050);
    seen.clear();
    fade.update(1100, write);
    expect(seen.get(3)).toBe(0);
    expect(seen.get(7)).toBeCloseTo(0.5, 12);
    expect(fade.litCount).toBe(1);
    seen.clear();
    fade.update(1200, write);
    expect([...seen]).toEqual([[7, 0]]);
    // Once dark, nothing is visited any more.
    expect(fade.update(1300, write)).toBe(false);
  });

  it('visits only the flashed neurons, ignores indices out of range, and sums the activity', () => {
    const fade = new SpikeFade(100_000, 100);
    fade.flash([5, 99_999, 100_000, 5], 0, 4, 0);
    const visited: number[] = [];
    const positions = new Float32Array(300_000);
    positions.set([1, 2, 3], 15);
    positions.set([3, 2, 1], 3 * 99_999);
    const sum = { x: 0, y: 0, z: 0, weight: 0 };
    fade.update(50, (i) => visited.push(i), positions, sum);
    expect(visited).toEqual([5, 99_999]);
    expect(sum).toEqual({ x: 2, y: 2, z: 2, weight: 1 });
    expect([...fade.clear()]).toEqual([5, 99_999]);
    expect(fade.litCount).toBe(0);
  });
});

describe('newSpikeRange', () => {
  it('takes the spikes at or after the step the view read up to', () => {
    const s = new SpikeSeries();
    s.append(new Int32Array([1, 2, 2, 5]), new Uint32Array([0, 1, 2, 3]));
    expect(newSpikeRange(s, 0)).toEqual({ start: 0, end: 4 });
    expect(newSpikeRange(s, 2)).toEqual({ start: 1, end: 4 });
    expect(newSpikeRange(s, 6)).toEqual({ start: 4, end: 4 });
  });
});

describe('level of detail', () => {
  it('measures screen size like a perspective camera', () => {
    // At distance d with a 90 degree field of view the screen spans 2d.
    expect(pixelsAcross(1, 10, 90, 800)).toBeCloseTo(40, 9);
  });

  it('draws spheres for few, near neurons and points otherwise, with hysteresis', () => {
    expect(chooseLod(500, 12, 'point')).toBe('sphere');
    expect(chooseLod(500, 1, 'sphere')).toBe('point');
    expect(chooseLod(SPHERE_MAX_NEURONS + 1, 100, 'sphere')).toBe('point');
    expect(chooseLod(500, 3.2, 'point')).toBe('point');
    expect(chooseLod(500, 3.2, 'sphere')).toBe('sphere');
    expect(chooseLod(500, 2.8, 'sphere')).toBe('sphere');
    expect(chooseLod(500, 2.4, 'sphere')).toBe('point');
  });
});

describe('camera', () => {
  it('bounds boxes by the sphere around their joint box', () => {
    const b = boundsOf([
      { center: { x: 0, y: 0, z: 0 }, radius: 1 },
      { center: { x: 10, y: 0, z: 0 }, radius: 1 },
    ]);
    expect(b.center).toEqual({ x: 5, y: 0, z: 0 });
    expect(b.radius).toBeCloseTo(Math.hypot(12, 2, 2) / 2, 12);
  });

  it('stands far enough to see the bounds in the narrower field of view', () => {
    const bounds = { center: { x: 1, y: 2, z: 3 }, radius: 10 };
    const wide = fitCamera(bounds, 60, 2, { x: 0, y: 0, z: 1 }, 1);
    expect(wide.distance).toBeCloseTo(20, 9); // sin(30 deg) = 1/2
    expect(wide.position).toEqual({ x: 1, y: 2, z: 3 + wide.distance });
    expect(wide.target).toEqual(bounds.center);
    const tall = fitCamera(bounds, 60, 0.5, { x: 0, y: 0, z: 1 }, 1);
    expect(tall.distance).toBeGreaterThan(wide.distance);
  });

  it('eases at the same pace whatever the frame rate', () => {
    const two = 1 - (1 - easeFraction(8, 700)) ** 2;
    expect(two).toBeCloseTo(easeFraction(16, 700), 12);
    expect(easeFraction(0, 700)).toBe(0);
    expect(easeFraction(10, 0)).toBe(1);
  });
});
