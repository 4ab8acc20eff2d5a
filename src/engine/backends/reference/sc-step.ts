/**
 * Steps 1b and 5b of CONTEXT.md for one `sc_dense` layer: the SC current of the step (one bit
 * per channel of `pre AND weight`, counted and looked up) and the rates traces that feed a layer
 * from another population's spikes. Integer draws and thresholds, float32 per operation.
 */
import type { ScSourcePlan } from '../../plan.ts';
import { scActiveCount } from '../../sc/sc-count.ts';
import type { SpikeHistory } from './spike-history.ts';

const f = Math.fround;

/** 2^24 and 2^23 as float32 constants of the rates threshold. */
const TWO_24 = 16777216;
const TWO_23 = 8388608;

/** The spike list of a step before the run. */
const NO_SPIKES = new Uint32Array(0);

/** State of an SC layer beyond its neurons (float LIF, or fixed-point LIF: step 1b integer). */
export interface ScState {
  plan: ScSourcePlan;
  /** `r_c` per channel: the source's rate in spikes per ms (rates inputs; empty otherwise). */
  rates: Float32Array;
  /** `Isc` of the last step advanced (what an `i_syn` probe records). */
  current: number;
}

/** A layer at step 0: traces 0, no current yet. */
export function allocateSc(plan: ScSourcePlan): ScState {
  const rates = new Float32Array(plan.inputs.kind === 'rates' ? plan.channelCount : 0);
  return { plan, rates, current: 0 };
}

/**
 * The 24-bit Bernoulli threshold of a rates channel with trace value `r`: the unit-range value
 * clamped to [0, 1], times 2^24, rounded half up exactly (below 2^23 `q + 0.5` is exact in
 * float32; above it `q` is already an integer).
 */
export function ratesThreshold(r: number, xMin: number, invRange: number): number {
  const u = f(f(r - xMin) * invRange);
  const p = Math.min(1, Math.max(0, u));
  const q = f(p * TWO_24);
  return q >= TWO_23 ? q : Math.floor(f(q + 0.5));
}

/**
 * Step 1b: `Isc` of step t, from bit `t mod length` of every channel's input and weight streams;
 * stores it in `sc.current` and returns it.
 */
export function scCurrent(sc: ScState, t: number): number {
  const { plan, rates } = sc;
  const inputs = plan.inputs;
  const threshold =
    inputs.kind === 'constant'
      ? (c: number) => inputs.thresholds[c] as number
      : (c: number) => ratesThreshold(rates[c] as number, inputs.xMin, inputs.invRange);
  const k = scActiveCount(plan, t % plan.length, threshold);
  const current = plan.currentByCount[k] as number;
  sc.current = current;
  return current;
}

/**
 * Step 5b: decay every trace, then add `gain` to the traces of the source neurons in
 * `spikes[0..count)`, the source's list of step t (of step t-1 for a Loihi source, see
 * `updateRatesFrom`).
 */
export function updateRates(sc: ScState, spikes: Uint32Array, count: number): void {
  const { plan, rates } = sc;
  if (plan.inputs.kind !== 'rates') return;
  const { decay, gain } = plan.inputs;
  for (let c = 0; c < rates.length; c++) rates[c] = f((rates[c] as number) * decay);
  for (let k = 0; k < count; k++) {
    const s = spikes[k] as number;
    if (s < rates.length) rates[s] = f((rates[s] as number) + gain);
  }
}

/**
 * Step 5b for one layer reading `source`: the spikes of step t, or of step t-1 for a Loihi
 * source, which makes its spikes of step t only in step 5c (its rate estimate lags one step, as
 * its synapses do; none at t = 0). A Loihi source's history keeps two slots (state.ts).
 */
export function updateRatesFrom(
  sc: ScState,
  source: SpikeHistory,
  t: number,
  loihiSource: boolean,
): void {
  const from = loihiSource ? t - 1 : t;
  if (from < 0) updateRates(sc, NO_SPIKES, 0);
  else updateRates(sc, source.list(from), source.count(from));
}
