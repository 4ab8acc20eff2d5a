/**
 * The tutorial's layers (sections 4 and 5) run through the SC library's `SCDenseLayer`, with
 * what steps 5 and 6 show: spike trains, per-neuron rates and how much they spread.
 */
import { SCDenseLayer, toUnitInterval } from '../../../engine/sc/index.ts';

/** Section 4's eight inputs and weights. */
export const SECTION4 = {
  inputs: [0.3, 0.7, 0.5, 0.2, 0.9, 0.4, 0.6, 0.8],
  weights: [0.5, 0.6, 0.4, 0.3, 0.7, 0.5, 0.8, 0.2],
  seed: 42,
} as const;

/** Section 5's network: 8 inputs -> 4 neurons -> 2 neurons. */
export const SECTION5 = {
  inputs: [0.4, 0.7, 0.3, 0.8, 0.6, 0.5, 0.9, 0.2],
  weights1: [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.5, 0.6],
  weights2: [0.6, 0.5, 0.7, 0.4],
  seed1: 100,
  seed2: 200,
} as const;

/** The tutorial's common layer settings: L = 2048, I in [0, 0.1], tau 20 ms, dt 1 ms. */
export const LAYER_FIXED = { length: 2048, yMin: 0, yMax: 0.1, tauMem: 20, dtMs: 1 } as const;

/** One layer's run. */
export interface LayerRun {
  trains: Uint8Array[];
  rates: number[];
  spread: RateSpread;
  /** The exact mean current of the layer's source. */
  exactCurrent: number;
}

/** Mean, standard deviation (n - 1) and coefficient of variation of rates. */
export interface RateSpread {
  mean: number;
  sd: number;
  /** sd / mean (0 when the mean is 0). */
  cv: number;
}

/** Spread of a list of rates (sd 0 for fewer than two). */
export function rateSpread(rates: readonly number[]): RateSpread {
  const n = rates.length;
  if (n === 0) return { mean: 0, sd: 0, cv: 0 };
  const mean = rates.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1));
  return { mean, sd, cv: mean === 0 ? 0 : sd / mean };
}

export interface LayerSettings {
  neurons: number;
  inputs: readonly number[];
  weights: readonly number[];
  /** Inputs are encoded over [0, xMax]. */
  xMax: number;
  noiseStd: number;
  steps: number;
  seed: number;
}

/** Build and run one `SCDenseLayer`. */
export function runLayer(s: LayerSettings): LayerRun {
  const layer = new SCDenseLayer(
    s.neurons,
    s.inputs,
    s.weights,
    0,
    s.xMax,
    0,
    1,
    LAYER_FIXED.length,
    LAYER_FIXED.yMin,
    LAYER_FIXED.yMax,
    LAYER_FIXED.dtMs,
    { tauMem: LAYER_FIXED.tauMem, noiseStd: s.noiseStd },
    s.seed,
  );
  layer.run(s.steps);
  const rates = layer.summary().stats.map((stat) => stat.firingRateHz);
  return {
    trains: layer.getSpikeTrains(),
    rates,
    spread: rateSpread(rates),
    exactCurrent: layer.source.exactCurrent(),
  };
}

/** Section 5 with layer 1's rates fed to layer 2 as spikes per ms. */
export interface TwoLayerRun {
  layer1: LayerRun;
  /** Layer 1's rates in spikes per ms: layer 2's input values. */
  inputs2: number[];
  /** Those values as layer 2's stream densities (clamped to [0, 1] by its range [0, xMax]). */
  probabilities2: number[];
  layer2: LayerRun;
}

/** Run section 5's two layers; `xMax2` is the range layer 2 encodes its inputs over. */
export function runTwoLayers(noiseStd: number, xMax2: number, steps: number): TwoLayerRun {
  const layer1 = runLayer({
    neurons: 4,
    inputs: SECTION5.inputs,
    weights: SECTION5.weights1,
    xMax: 1,
    noiseStd,
    steps,
    seed: SECTION5.seed1,
  });
  const inputs2 = layer1.rates.map((hz) => hz / 1000);
  const layer2 = runLayer({
    neurons: 2,
    inputs: inputs2,
    weights: SECTION5.weights2,
    xMax: xMax2,
    noiseStd,
    steps,
    seed: SECTION5.seed2,
  });
  return {
    layer1,
    inputs2,
    probabilities2: inputs2.map((x) => toUnitInterval(x, 0, xMax2)),
    layer2,
  };
}

/** Spike coordinates for a raster: time (ms) and neuron index, one point per spike. */
export function rasterPoints(
  trains: readonly Uint8Array[],
  dtMs = 1,
): { t: number[]; n: number[] } {
  const t: number[] = [];
  const n: number[] = [];
  trains.forEach((row, j) => {
    for (let k = 0; k < row.length; k++) {
      if (row[k]) {
        t.push(k * dtMs);
        n.push(j);
      }
    }
  });
  return { t, n };
}
