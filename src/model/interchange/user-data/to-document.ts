/**
 * The user's own data as parts of a document: a spike train becomes a `spike_generator`
 * population, a current series a `current_series` stimulus into an existing population, a rate
 * series a Poisson population whose rate follows it (`rate_series`).
 */
import type { CanvasPosition, Population, Stimulus } from '../../document.ts';
import type { SpikeTrain } from './spike-train.ts';

/** What a spike train holds, for the import dialog. */
export interface SpikeTrainSummary {
  spikes: number;
  /** Max index + 1: the fewest neurons that can play it. */
  neurons: number;
  /** Time of the last spike, ms. */
  lastMs: number;
}

/**
 * @example summariseSpikeTrain({ times: [1, 4], indices: [3, 0] }) // { spikes: 2, neurons: 4, lastMs: 4 }
 */
export function summariseSpikeTrain(train: SpikeTrain): SpikeTrainSummary {
  let neurons = 0;
  let lastMs = 0;
  train.indices.forEach((i, k) => {
    neurons = Math.max(neurons, i + 1);
    lastMs = Math.max(lastMs, train.times[k] ?? 0);
  });
  return { spikes: train.times.length, neurons, lastMs };
}

/**
 * A generator that plays the train once: neuron `indices[k]` fires at `times[k]` ms.
 *
 * @example spikeTrainPopulation(train, { id: 'recorded', size: 4, position: { x: 0, y: 0 } }).model // 'spike_generator'
 * @param part.size at least the train's max index + 1 (the document's checks refuse less)
 */
export function spikeTrainPopulation(
  train: SpikeTrain,
  part: { id: string; size: number; position: CanvasPosition; label?: string },
): Population {
  return {
    id: part.id,
    ...(part.label === undefined ? {} : { label: part.label }),
    size: part.size,
    position: part.position,
    model: 'spike_generator',
    params: { indices: train.indices.slice(), times: train.times.slice(), period: 0 },
  };
}

/**
 * One waveform into every neuron of `target`: `values[k]` from `times[k]` ms to the next time.
 *
 * @example currentSeriesStimulus([0, 5], [1.5, 0], { id: 'i', target: 'lif' }).kind // 'current_series'
 */
export function currentSeriesStimulus(
  times: readonly number[],
  values: readonly number[],
  part: { id: string; target: string },
): Stimulus {
  return {
    id: part.id,
    kind: 'current_series',
    target: part.target,
    times: [...times],
    values: [...values],
  };
}

/**
 * Poisson sources whose rate follows the series (Hz from `times[k]` ms to the next time); the
 * constant `rate` (before the first time) is 0.
 *
 * @example rateSeriesPopulation([0, 10], [5, 20], { id: 'r', size: 10, position: { x: 0, y: 0 } }).params
 * // { rate: 0, rate_series: { times: [0, 10], rates: [5, 20] } }
 */
export function rateSeriesPopulation(
  times: readonly number[],
  rates: readonly number[],
  part: { id: string; size: number; position: CanvasPosition; label?: string },
): Population {
  return {
    id: part.id,
    ...(part.label === undefined ? {} : { label: part.label }),
    size: part.size,
    position: part.position,
    model: 'poisson',
    params: { rate: 0, rate_series: { times: [...times], rates: [...rates] } },
  };
}
