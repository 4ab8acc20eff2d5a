/**
 * Resource counts against the PYNQ-Z2's xc7z020 (../shared/HARDWARE.md: 53,200 LUTs, 106,400
 * flip-flops, 140 RAMB36, 220 DSP48E1), and the largest network of a document's shape that
 * fits by the estimate model. Pure.
 */
import { capacityFor, type CoreCapacity } from '../core-capacity.ts';
import type { CoreNeeds } from '../core-images.ts';
import { estimateResources, type ImageBits } from './resource-model.ts';
import { scaleNeeds, type NetworkShape } from './network-shape.ts';
import type { ResourceCounts } from './yosys-stat.ts';

export const PYNQ_Z2_CAPACITY: ResourceCounts = {
  luts: 53200,
  flipFlops: 106400,
  bram36: 140,
  dsp: 220,
};

export const RESOURCES: readonly (keyof ResourceCounts)[] = ['luts', 'flipFlops', 'bram36', 'dsp'];

/** Per resource: used, available and the percentage used. */
export type Utilisation = Record<
  keyof ResourceCounts,
  { used: number; of: number; percent: number }
>;

export function utilisation(
  counts: ResourceCounts,
  part: ResourceCounts = PYNQ_Z2_CAPACITY,
): Utilisation {
  const row = (k: keyof ResourceCounts): { used: number; of: number; percent: number } => ({
    used: counts[k],
    of: part[k],
    percent: (100 * counts[k]) / part[k],
  });
  return { luts: row('luts'), flipFlops: row('flipFlops'), bram36: row('bram36'), dsp: row('dsp') };
}

/** Whether `counts` fit `part` (every resource at most its capacity). */
export function fits(counts: ResourceCounts, part: ResourceCounts = PYNQ_Z2_CAPACITY): boolean {
  return RESOURCES.every((k) => counts[k] <= part[k]);
}

/** Per resource: (estimate - measured) / measured, percent (0 when both are 0). */
export function difference(
  estimate: ResourceCounts,
  measured: ResourceCounts,
): Record<keyof ResourceCounts, number> {
  const d = (k: keyof ResourceCounts): number =>
    measured[k] === 0
      ? estimate[k] === 0
        ? 0
        : Infinity
      : (100 * (estimate[k] - measured[k])) / measured[k];
  return { luts: d('luts'), flipFlops: d('flipFlops'), bram36: d('bram36'), dsp: d('dsp') };
}

/** One size of the scaled network and what the estimate model says of it. */
export interface ScaledFit {
  factor: number;
  needs: CoreNeeds;
  capacity: CoreCapacity;
  estimate: ResourceCounts;
  fits: boolean;
}

/** The network of `shape` scaled so that it has `neurons` neurons in all (as near as rounding). */
export function scaledFit(
  shape: NetworkShape,
  neurons: number,
  bits: ImageBits = {},
  part: ResourceCounts = PYNQ_Z2_CAPACITY,
): ScaledFit {
  const factor = neurons / shape.needs.neurons;
  const needs = scaleNeeds(shape, factor);
  const capacity = capacityFor(needs);
  const estimate = estimateResources(capacity, bits);
  return { factor, needs, capacity, estimate, fits: fits(estimate, part) };
}

/** Searched up to this many neurons in all (far beyond a 7020's block RAM). */
export const SEARCH_LIMIT = 2 ** 24;

/**
 * The largest total neuron count N (every population scaled by N / N0) whose network fits
 * `part` by the estimate; `next` is the same shape at N + 1, which does not fit. Binary search:
 * the estimate grows with the capacities and the capacities with N. `undefined` when not even
 * one neuron per population fits.
 */
export function largestFit(
  shape: NetworkShape,
  bits: ImageBits = {},
  part: ResourceCounts = PYNQ_Z2_CAPACITY,
): { largest: ScaledFit; next: ScaledFit } | undefined {
  const at = (n: number): ScaledFit => scaledFit(shape, n, bits, part);
  let lo = shape.sizes.length; // every population one neuron
  if (!at(lo).fits) return undefined;
  let hi = Math.max(lo + 1, shape.needs.neurons);
  while (at(hi).fits) {
    lo = hi;
    if (hi >= SEARCH_LIMIT) return { largest: at(hi), next: at(hi + 1) };
    hi = Math.min(SEARCH_LIMIT, hi * 2);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid).fits) lo = mid;
    else hi = mid;
  }
  return { largest: at(lo), next: at(hi) };
}
