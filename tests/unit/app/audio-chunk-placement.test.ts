import { describe, expect, it } from 'vitest';
import { placeChunk } from '../../../src/app/audio/chunk-placement.ts';

describe('placing a chunk on the audio clock', () => {
  it('starts the first chunk just ahead of the clock, over its simulated span', () => {
    expect(
      placeChunk({ now: 5, previousEnd: null, wallGap: null, simSpan: 0.05, lead: 0.03 }),
    ).toEqual({
      startAt: 5.03,
      span: 0.05,
    });
  });

  it('plays a real-time run gaplessly at its own pace', () => {
    const first = placeChunk({
      now: 0,
      previousEnd: null,
      wallGap: null,
      simSpan: 0.05,
      lead: 0.03,
    });
    const second = placeChunk({
      now: 0.05,
      previousEnd: first.startAt + first.span,
      wallGap: 0.05,
      simSpan: 0.05,
      lead: 0.03,
    });
    expect(second.startAt).toBeCloseTo(0.08, 12);
    expect(second.span).toBeCloseTo(0.05, 12);
  });

  it('compresses a faster-than-real-time chunk into the wall time it took', () => {
    const p = placeChunk({ now: 1, previousEnd: 1.035, wallGap: 0.005, simSpan: 0.05, lead: 0.03 });
    expect(p).toEqual({ startAt: 1.035, span: 0.005 });
  });

  it('never schedules in the past, and restarts a queue that ran too far ahead', () => {
    expect(
      placeChunk({ now: 2, previousEnd: 1, wallGap: 1, simSpan: 0.05, lead: 0.03 }).startAt,
    ).toBe(2.03);
    const late = placeChunk({
      now: 2,
      previousEnd: 3,
      wallGap: 0.01,
      simSpan: 0.05,
      lead: 0.03,
      maxAhead: 0.25,
    });
    expect(late.startAt).toBe(2.03);
  });
});
