import type { Population } from '../../model/index.ts';

/**
 * Populations with a membrane: they take current steps and have V and a synaptic current to
 * record (an SC dense layer's is its SC current). Spike sources have neither.
 */
export function hasMembrane(population: Population): boolean {
  return population.model === 'stochastic_lif' || population.model === 'sc_dense';
}
