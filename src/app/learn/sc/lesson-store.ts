/**
 * The SC lesson's settings, one slice per step. Held outside the step components so moving
 * between steps, or to the lab and back, keeps what the student set. UI state only (not saved):
 * a reload starts the lesson from the tutorial's values.
 */
import { create } from 'zustand';
import type { GeneratorKind } from './generators.ts';
import type { SweepCurve, SweepConfig, SweepMeasure } from './error-sweep.ts';

export interface LifSlice {
  current: number;
  tauMem: number;
  noiseStd: number;
}

export interface AndSlice {
  x: number;
  w: number;
  length: number;
  seed: number;
  generator: GeneratorKind;
  correlated: boolean;
}

export interface SweepSlice {
  generators: readonly GeneratorKind[];
  trials: number;
  measure: SweepMeasure;
  /** The last finished sweep and what it measured. */
  result: { config: SweepConfig; curves: readonly SweepCurve[] } | null;
}

export interface CurrentSlice {
  inputs: readonly number[];
  weights: readonly number[];
  length: number;
  seed: number;
}

export interface LayerSlice {
  neurons: number;
  noiseStd: number;
}

export interface TwoLayerSlice {
  noiseStd: number;
  xMax2: number;
}

export interface CheckSlice {
  current: number;
  noiseStd: number;
}

export interface ScLessonSettings {
  lif: LifSlice;
  and: AndSlice;
  sweep: SweepSlice;
  current: CurrentSlice;
  layer: LayerSlice;
  twoLayer: TwoLayerSlice;
  check: CheckSlice;
}

/** The tutorial's own values, where it gives them. */
export const TUTORIAL_SETTINGS: ScLessonSettings = {
  lif: { current: 0.08, tauMem: 20, noiseStd: 0 },
  and: { x: 0.6, w: 0.5, length: 4096, seed: 7, generator: 'bernoulli', correlated: false },
  sweep: {
    generators: ['bernoulli', 'lfsr', 'sobol'],
    trials: 100,
    measure: 'product',
    result: null,
  },
  current: { inputs: [0.5, 0.8, 0.3], weights: [0.6, 0.4, 0.9], length: 2048, seed: 42 },
  layer: { neurons: 4, noiseStd: 0.02 },
  twoLayer: { noiseStd: 0.01, xMax2: 0.1 },
  check: { current: 0.08, noiseStd: 0 },
};

interface ScLessonState extends ScLessonSettings {
  /** Merge `patch` into one step's slice. */
  update: <K extends keyof ScLessonSettings>(slice: K, patch: Partial<ScLessonSettings[K]>) => void;
}

export const useScLesson = create<ScLessonState>()((set) => ({
  ...TUTORIAL_SETTINGS,
  update: (slice, patch) => set((s) => ({ [slice]: { ...s[slice], ...patch } })),
}));
