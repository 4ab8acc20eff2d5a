/**
 * Feeds the run's spikes to the clouds' fades: on every change of the run record, the spikes
 * of each population recorded since the last look light their neurons. A new run (a new
 * record) starts from its own beginning; spikes recorded before the view opened are not shown.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { sessionStore } from '../../store/session/index.ts';
import type { RunRecord } from '../../store/session/record.ts';
import type { NeuronCloud } from './neuron-cloud.ts';
import { SpikeFade } from './spike-fade.ts';
import { newSpikeRange } from './spike-feed.ts';
import { useInvalidate } from './useInvalidate.ts';

/** How long a flash fades, ms of wall time. */
export const FADE_MS = 100;

export function useSpikeFeed(clouds: readonly NeuronCloud[]): RefObject<Map<string, SpikeFade>> {
  const invalidate = useInvalidate();
  const fades = useRef(new Map<string, SpikeFade>());
  useEffect(() => {
    const map = new Map(
      clouds.map((c) => [c.population.id, new SpikeFade(c.population.size, FADE_MS)]),
    );
    fades.current = map;
    let stopRecord: (() => void) | null = null;
    const attach = (record: RunRecord | null) => {
      stopRecord?.();
      stopRecord = null;
      for (const c of clouds) {
        for (const i of map.get(c.population.id)?.clear() ?? []) c.writeBrightness(i, 0);
        c.commitColors();
      }
      invalidate();
      if (!record) return;
      let cursor = record.endStep;
      const read = () => {
        const now = performance.now();
        for (const [id, fade] of map) {
          const series = record.spikes.get(id)?.window;
          if (!series) continue;
          const { start, end } = newSpikeRange(series, cursor);
          fade.flash(series.indices, start, end, now);
        }
        cursor = record.endStep;
        invalidate();
      };
      stopRecord = record.subscribe(read);
    };
    attach(sessionStore.getState().record);
    const stopSession = sessionStore.subscribe((s, prev) => {
      if (s.record !== prev.record) attach(s.record);
    });
    return () => {
      stopSession();
      stopRecord?.();
    };
  }, [clouds, invalidate]);
  return fades;
}
