/**
 * The spike sound settings, shared by the lab's run toolbar and the presenter view: on or off,
 * which population clicks, and how loud. Off by default (a page must not start making noise).
 */
import { create } from 'zustand';

export interface AudioSettings {
  enabled: boolean;
  /** Population id; null: the first population with a spike probe. */
  population: string | null;
  /** 0..1 */
  volume: number;
  setEnabled: (enabled: boolean) => void;
  setPopulation: (population: string) => void;
  setVolume: (volume: number) => void;
}

export const useAudioStore = create<AudioSettings>()((set) => ({
  enabled: false,
  population: null,
  volume: 0.5,
  setEnabled: (enabled) => set({ enabled }),
  setPopulation: (population) => set({ population }),
  setVolume: (volume) => set({ volume: Math.min(1, Math.max(0, volume)) }),
}));
