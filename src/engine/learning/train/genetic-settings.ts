/**
 * The genetic rule's settings (`TrainOptions.populationSize` ... `weightBound`) and their
 * defaults, apart from the trainer so the option checks and the page read them without it.
 */
import type { TrainOptions } from './types.ts';

/**
 * The genetic rule's settings when unset: `genetic.ts`'s (the seed's `SNNGeneticEvolver`)
 * population 20, mutation rate 0.05, mutation scale 0.1 of a gene's range, elite 0.2. The
 * weight bound 2 is ours: weights are in the units of V (a delta synapse adds its weight to
 * V), and with the gallery's and the tests' threshold 1 above rest, +-2 spans from strong
 * inhibition to one spike firing a neuron from rest with room to spare; wider bounds mostly
 * make the uniform first generation and the mutations (scaled by the range) coarser. A
 * document in other units needs its own bound.
 */
export const GENETIC_DEFAULTS = {
  populationSize: 20,
  mutationRate: 0.05,
  mutationScale: 0.1,
  eliteFraction: 0.2,
  weightBound: 2,
} as const;

export type GeneticSettings = { -readonly [K in keyof typeof GENETIC_DEFAULTS]: number };

/** The options' genetic settings, defaults filled. */
export function geneticSettings(options: TrainOptions): GeneticSettings {
  return {
    populationSize: options.populationSize ?? GENETIC_DEFAULTS.populationSize,
    mutationRate: options.mutationRate ?? GENETIC_DEFAULTS.mutationRate,
    mutationScale: options.mutationScale ?? GENETIC_DEFAULTS.mutationScale,
    eliteFraction: options.eliteFraction ?? GENETIC_DEFAULTS.eliteFraction,
    weightBound: options.weightBound ?? GENETIC_DEFAULTS.weightBound,
  };
}
