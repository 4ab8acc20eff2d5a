/**
 * Plays the clicks of the current run while the sound is on: follows the session's record (a new
 * run brings a new record) for the chosen population.
 */
import { useEffect } from 'react';
import { useSessionStore } from '../../store/session/index.ts';
import { useAudioStore } from './audio-store.ts';
import { ClickPlayer } from './click-player.ts';
import { followRecord } from './follow-record.ts';

/** One player for the page: its audio context lives as long as the page. */
export const clickPlayer = new ClickPlayer();

/** While mounted and enabled, clicks for `population`; `onPlayed` runs after each chunk's clicks. */
export function useSpikeAudio(population: string | null, onPlayed?: () => void): void {
  const record = useSessionStore((s) => s.record);
  const enabled = useAudioStore((s) => s.enabled);
  useEffect(() => {
    if (!enabled || record === null || population === null) return;
    return followRecord(
      record,
      population,
      clickPlayer,
      () => useAudioStore.getState().volume,
      onPlayed,
    );
  }, [enabled, record, population, onPlayed]);
}
