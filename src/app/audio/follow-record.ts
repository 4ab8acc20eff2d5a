/**
 * Feeds a run record's new spikes of one population to the click player: on every chunk the
 * record takes in, the spikes since the last chunk are placed on the audio clock
 * (chunk-placement.ts) and capped (click-schedule.ts).
 */
import type { RunRecord } from '../../store/session/record.ts';
import { placeChunk } from './chunk-placement.ts';
import type { ClickPlayer } from './click-player.ts';
import { scheduleClicks } from './click-schedule.ts';

/** Starts following; returns the function that stops. Spikes already recorded are not played. */
export function followRecord(
  record: RunRecord,
  population: string,
  player: ClickPlayer,
  volume: () => number,
  onPlayed?: () => void,
): () => void {
  let lastStep = record.endStep;
  let lastArrival: number | null = null;
  let previousEnd: number | null = null;
  return record.subscribe(() => {
    const toStep = record.endStep;
    const fromStep = lastStep;
    if (toStep <= fromStep) return;
    lastStep = toStep;
    const now = player.now();
    const series = record.spikes.get(population)?.window;
    if (now === null || !series) return;
    const arrival = performance.now();
    const placement = placeChunk({
      now,
      previousEnd,
      wallGap: lastArrival === null ? null : (arrival - lastArrival) / 1000,
      simSpan: ((toStep - fromStep) * record.dt) / 1000,
    });
    lastArrival = arrival;
    previousEnd = placement.startAt + placement.span;
    const steps = series.steps.subarray(series.firstAtOrAfter(fromStep), series.length);
    player.play(scheduleClicks(steps, { fromStep, toStep, ...placement }), volume());
    onPlayed?.();
  });
}
