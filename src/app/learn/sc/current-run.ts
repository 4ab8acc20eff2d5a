/**
 * Tutorial section 3 through the SC library's `BitstreamCurrentSource`: the per-step current,
 * its mean over the first steps, the full-length estimate and the exact value, plus the product
 * bits each step reads (step t reads bit t of every channel's product stream).
 */
import { BitstreamCurrentSource } from '../../../engine/sc/index.ts';
import { firstBits } from './bit-rows.ts';

/** The tutorial's current range. */
export const CURRENT_RANGE = { yMin: 0, yMax: 0.1 } as const;

export interface CurrentSettings {
  inputs: readonly number[];
  weights: readonly number[];
  length: number;
  seed: number;
  steps: number;
}

export interface CurrentRun {
  /** I(t) for t = 0 .. steps - 1. */
  currents: number[];
  /** Active channels k(t) at each step. */
  active: number[];
  meanOverSteps: number;
  fullEstimate: number;
  exact: number;
  /** The first `steps` bits of each channel's product stream (what step t reads, column t). */
  productBits: Uint8Array[];
}

/** Run the source for `steps` steps. */
export function runCurrentSource(s: CurrentSettings): CurrentRun {
  const source = new BitstreamCurrentSource(
    s.inputs,
    0,
    1,
    s.weights,
    0,
    1,
    s.length,
    CURRENT_RANGE.yMin,
    CURRENT_RANGE.yMax,
    s.seed,
  );
  const currents: number[] = [];
  for (let t = 0; t < s.steps; t++) currents.push(source.step());
  const productBits = source.productStreams.map((p) => firstBits(p, s.steps));
  const active = currents.map((_, t) => productBits.reduce((k, row) => k + (row[t] ?? 0), 0));
  return {
    currents,
    active,
    meanOverSteps: currents.reduce((a, b) => a + b, 0) / Math.max(1, s.steps),
    fullEstimate: source.fullCurrentEstimate(),
    exact: source.exactCurrent(),
    productBits,
  };
}
