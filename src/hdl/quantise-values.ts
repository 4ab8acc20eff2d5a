/**
 * The values a converted population's registers must hold (`quantise-for-hardware.ts` chooses
 * F from them) and the rescaling of weight distributions.
 */
import type {
  Distribution,
  InitialValue,
  NetworkDocument,
  Population,
  StochasticLifParams,
} from '../model/document.ts';
import { stimulusPeak } from '../model/stimulus-values.ts';

/**
 * A normal weight has no bound; this many standard deviations from the mean must fit (a draw
 * beyond it has a probability below 2e-9, and compile refuses any drawn weight outside W bits).
 */
const NORMAL_SIGMAS = 6;

/**
 * Every value the population's registers must hold: its potentials, bias, initial values,
 * stimulus amplitudes and (rescaled) weights, the largest current of one step (the bias, every
 * stimulus at once and every projection's largest weight once) and V's reachable range, from
 * the lowest of v_reset, v_rest and v_init to the highest of v_threshold and v_init, widened
 * by that current's jump of V in one step.
 */
export function heldValues(
  doc: NetworkDocument,
  population: Extract<Population, { model: 'stochastic_lif' }>,
  weights: readonly Distribution[],
  gain: number,
): number[] {
  const p: StochasticLifParams = population.params;
  const amplitudes = doc.stimuli.filter((s) => s.target === population.id).map(stimulusPeak);
  const weightBounds = weights.flatMap(distributionBounds);
  const current =
    Math.abs(p.bias) +
    amplitudes.reduce((sum, a) => sum + Math.abs(a), 0) +
    weights.reduce((sum, w) => sum + maxAbs(distributionBounds(w)), 0);
  const init = initialBounds(p.v_init);
  const jump = current * gain;
  const low = Math.min(p.v_reset, p.v_rest, ...init) - jump;
  const high = Math.max(p.v_threshold, ...init) + jump;
  return [
    p.v_rest,
    p.v_reset,
    p.v_threshold,
    p.bias,
    ...init,
    ...amplitudes,
    ...weightBounds,
    current,
    -current,
    low,
    high,
  ];
}

/** The largest magnitude (0 for none), by a loop: an explicit weight list may be too long to spread. */
function maxAbs(values: readonly number[]): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

function initialBounds(init: InitialValue): number[] {
  return init.kind === 'constant' ? [init.value] : [init.low, init.high];
}

/** The extreme values a weight distribution gives (a normal one: mean ± 6 sigma). */
function distributionBounds(w: Distribution): number[] {
  switch (w.kind) {
    case 'constant':
      return [w.value];
    case 'uniform':
      return [w.low, w.high];
    case 'normal':
      return [w.mean - NORMAL_SIGMAS * w.std, w.mean + NORMAL_SIGMAS * w.std];
    case 'explicit':
      return w.values;
  }
}

/** Multiplies every value of a weight distribution by `factor` (>= 0). */
export function scaleDistribution(w: Distribution, factor: number): Distribution {
  switch (w.kind) {
    case 'constant':
      return { kind: 'constant', value: w.value * factor };
    case 'uniform':
      return { kind: 'uniform', low: w.low * factor, high: w.high * factor };
    case 'normal':
      return { kind: 'normal', mean: w.mean * factor, std: w.std * factor };
    case 'explicit':
      return { kind: 'explicit', values: w.values.map((v) => v * factor) };
  }
}
