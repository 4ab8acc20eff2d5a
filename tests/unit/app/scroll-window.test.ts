import { describe, expect, it } from 'vitest';
import { ScrollWindow } from '../../../src/app/plots/scroll-window.ts';

describe('scroll window', () => {
  it('stands still at [0, window) until a whole window has run', () => {
    const s = new ScrollWindow(100, 1000);
    expect(s.advance(0)).toBe(0);
    expect(s.advance(400)).toBe(0);
    expect(s.advance(1000)).toBe(0);
    expect(s.firstStep).toBe(0);
    expect(s.x(0)).toBe(0);
    expect(s.x(500)).toBe(50);
    expect(s.x(999)).toBe(99);
  });

  it('shifts by the pixels the run gained, then maps steps to the shifted columns', () => {
    const s = new ScrollWindow(100, 1000);
    s.advance(1000);
    expect(s.advance(1250)).toBe(25);
    expect(s.firstStep).toBe(250);
    expect(s.x(250)).toBe(0);
    expect(s.x(1249)).toBe(99);
    // A step that was in column 50 before the shift is now 25 columns further left.
    expect(s.x(500)).toBe(25);
    expect(s.x(100)).toBeLessThan(0);
  });

  it('never drifts: many sub-pixel advances add up to the same shift as one', () => {
    // 0.13 px per step, as a 1300 px plot over a 10,000-step window.
    const a = new ScrollWindow(1300, 10_000);
    const b = new ScrollWindow(1300, 10_000);
    a.advance(10_000);
    b.advance(10_000);
    let total = 0;
    for (let end = 10_003; end <= 25_000; end += 3) total += a.advance(end);
    const last = 10_000 + Math.floor(15_000 / 3) * 3;
    expect(total).toBe(b.advance(last));
    for (const step of [last - 10_000, last - 5000, last - 1]) expect(a.x(step)).toBe(b.x(step));
    expect(a.x(last - 10_000)).toBe(0);
  });

  it('does not move back when an older end arrives', () => {
    const s = new ScrollWindow(100, 1000);
    s.advance(2000);
    expect(s.advance(1500)).toBe(0);
    expect(s.endStep).toBe(2000);
  });
});
