/**
 * The preset picker's logic for the classroom models: which published preset a population's
 * parameters match, and the parameters a chosen preset writes (in one edit).
 */
import type { Population } from '../../model/index.ts';
import type { ParamsPatch } from '../../store/document/index.ts';
import { ADEX_PRESETS, IZHIKEVICH_PRESETS, type ModelPreset } from '../../model/presets.ts';

/** A preset as the picker lists it. */
export interface PresetChoice {
  id: string;
  name: string;
  pattern: string;
  source: string;
}

/** The presets offered for `population`'s model (none for models without presets). */
export function presetChoices(population: Population): readonly PresetChoice[] {
  switch (population.model) {
    case 'izhikevich':
      return IZHIKEVICH_PRESETS;
    case 'adex':
      return ADEX_PRESETS;
    case 'stochastic_lif':
    case 'poisson':
    case 'spike_generator':
    case 'sc_dense':
    case 'loihi':
    case 'dynapsim':
    case 'fixed_point_lif':
    case 'nir_neuron':
      return [];
  }
}

/** The keys a preset defines the cell by: the published table's columns, not bias or noise. */
const IZHIKEVICH_KEYS = ['a', 'b', 'c', 'd'] as const;
const ADEX_KEYS = [
  'c',
  'g_l',
  'e_l',
  'v_t',
  'delta_t',
  'v_peak',
  'v_reset',
  'tau_w',
  'a',
  'b',
  'refractory_period',
] as const;

function matches<P>(params: P, presets: readonly ModelPreset<P>[], keys: readonly (keyof P)[]) {
  return presets.find((preset) => keys.every((k) => preset.params[k] === params[k]))?.id ?? null;
}

/**
 * The id of the preset whose defining parameters equal the population's, or `null` (custom).
 *
 * @example matchingPreset(createPopulation('izhikevich', 'iz', origin)) // 'rs'
 */
export function matchingPreset(population: Population): string | null {
  switch (population.model) {
    case 'izhikevich':
      return matches(population.params, IZHIKEVICH_PRESETS, IZHIKEVICH_KEYS);
    case 'adex':
      return matches(population.params, ADEX_PRESETS, ADEX_KEYS);
    case 'stochastic_lif':
    case 'poisson':
    case 'spike_generator':
    case 'sc_dense':
    case 'loihi':
    case 'dynapsim':
    case 'fixed_point_lif':
    case 'nir_neuron':
      return null;
  }
}

/**
 * The parameters preset `id` writes: the published cell, driven by its published current as
 * the bias (as a new population is), keeping the population's own noise. `null` if unknown.
 *
 * @example presetParams(izhikevichPopulation, 'ch') // { a: 0.02, b: 0.2, c: -50, d: 2, bias: 10, ... }
 */
export function presetParams(population: Population, id: string): ParamsPatch | null {
  const pick = <P extends object>(presets: readonly ModelPreset<P>[]): ParamsPatch | null => {
    const preset = presets.find((p) => p.id === id);
    if (preset === undefined) return null;
    // A copy: the document must not share the preset table's v_init object.
    const params = structuredClone(preset.params);
    return { ...params, bias: preset.current, noise_std: noiseOf(population) };
  };
  switch (population.model) {
    case 'izhikevich':
      return pick(IZHIKEVICH_PRESETS);
    case 'adex':
      return pick(ADEX_PRESETS);
    case 'stochastic_lif':
    case 'poisson':
    case 'spike_generator':
    case 'sc_dense':
    case 'loihi':
    case 'dynapsim':
    case 'fixed_point_lif':
    case 'nir_neuron':
      return null;
  }
}

function noiseOf(population: Population): number {
  return 'noise_std' in population.params ? population.params.noise_std : 0;
}
