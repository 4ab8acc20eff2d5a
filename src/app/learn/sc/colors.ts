/** Colours of the lesson's recurring things, from the lab's plot palette. */
import { POPULATION_COLORS } from '../../plots/plot-theme.ts';
import type { GeneratorKind } from './generators.ts';

const [blue, orange, green, yellow, purple] = POPULATION_COLORS as readonly string[];

export const COLORS = {
  pre: blue ?? '#5ca8ff',
  weight: orange ?? '#ff8a5c',
  product: green ?? '#4ade80',
  exact: yellow ?? '#f5c542',
  theory: '#8391a7',
  membrane: blue ?? '#5ca8ff',
  spike: orange ?? '#ff8a5c',
} as const;

export const GENERATOR_COLORS: Record<GeneratorKind, string> = {
  bernoulli: orange ?? '#ff8a5c',
  lfsr: purple ?? '#c084fc',
  sobol: green ?? '#4ade80',
};
