/**
 * Small documents for the plasticity tests: spike generators drive LIF neurons at chosen steps,
 * so every pre and post spike time is known in advance.
 */
import type { NetworkDocument, Population, Projection } from '../../../src/model/document.ts';
import { lifPopulation, makeDocument, tutorialLif } from './fixtures/documents.ts';

/** A spike generator firing neuron `indices[k]` at `times[k]` ms (played once). */
export function generator(
  id: string,
  size: number,
  indices: number[],
  times: number[],
): Population {
  return {
    id,
    size,
    position: { x: 0, y: 0 },
    model: 'spike_generator',
    params: { indices, times, period: 0 },
  };
}

/** A delta projection with a constant weight and delay. */
export function deltaProjection(
  id: string,
  source: string,
  target: string,
  rule: 'one_to_one' | 'all_to_all',
  weight: number,
  delaySteps = 0,
): Projection {
  return {
    id,
    source,
    target,
    connectivity: rule === 'one_to_one' ? { rule } : { rule, allow_self: true },
    weight: { kind: 'constant', value: weight },
    delay: { kind: 'constant', steps: delaySteps },
    synapse: { kind: 'delta' },
  };
}

/** The tutorial LIF (threshold 1, tau 20 ms, no leak to speak of at these scales). */
export function postPopulation(id: string, size: number): Population {
  return lifPopulation(id, size, tutorialLif({ tau_mem: 1000 }));
}

/**
 * A teacher generator forcing post neuron i to spike at `postSteps[i]`: a weight of 10 (ten
 * thresholds) delivered at step s is integrated at step s + 1, so the teacher fires one step
 * earlier.
 */
export function teacherFor(postSteps: readonly (number | undefined)[], dt: number): Population {
  const indices: number[] = [];
  const times: number[] = [];
  postSteps.forEach((step, i) => {
    if (step === undefined) return;
    indices.push(i);
    times.push((step - 1) * dt);
  });
  return generator('teacher', postSteps.length, indices, times);
}

export { makeDocument };
export type { NetworkDocument };
