/**
 * What the inspector offers per model: which populations take current steps, which state
 * variables a probe may record (with the names each model gives them), and the unit of a
 * current step's amplitude. The model's checks are what enforce; this only keeps the page from
 * offering what they would refuse.
 */
import type { PopulationModel, StateVariable } from '../../model/index.ts';

/** A recordable state variable and its label in the probe picker. */
export interface StateOption {
  value: StateVariable;
  label: string;
}

/**
 * The state variables of `model` a probe may record, in the picker's order (none for spike
 * sources). Izhikevich adds its recovery `u`, AdEx its adaptation current `w`.
 *
 * @example stateOptions('adex').map((o) => o.value) // ['v', 'i_syn', 'w']
 */
export function stateOptions(model: PopulationModel): readonly StateOption[] {
  switch (model) {
    case 'fixed_point_lif':
      return [
        { value: 'v', label: 'V (integer, 2^-F)' },
        { value: 'i_syn', label: 'I syn (integer, 2^-F)' },
      ];
    case 'stochastic_lif':
    case 'sc_dense':
      return [
        { value: 'v', label: 'V (membrane)' },
        { value: 'i_syn', label: 'I syn (current)' },
      ];
    case 'loihi':
      return [
        { value: 'v', label: 'v (integer)' },
        { value: 'i_syn', label: 'I (integer)' },
      ];
    case 'izhikevich':
      return [
        { value: 'v', label: 'v (mV)' },
        { value: 'i_syn', label: 'I syn (current)' },
        { value: 'u', label: 'u (recovery)' },
      ];
    case 'adex':
      return [
        { value: 'v', label: 'v (mV)' },
        { value: 'i_syn', label: 'I syn (pA)' },
        { value: 'w', label: 'w (pA)' },
      ];
    case 'dynapsim':
      return [
        { value: 'v', label: 'Imem (A)' },
        { value: 'i_syn', label: 'Isyn (A)' },
      ];
    case 'nir_neuron':
      return [
        { value: 'v', label: 'V (membrane)' },
        { value: 'i_syn', label: 'I syn (Cuba: current; else input)' },
      ];
    case 'poisson':
    case 'spike_generator':
      return [];
  }
}

/** The short name of a recorded variable in the probe list. */
export function stateLabel(model: PopulationModel, variable: StateVariable): string {
  if (model === 'dynapsim') return variable === 'v' ? 'Imem' : 'Isyn';
  if (model === 'loihi') return variable === 'v' ? 'v' : 'I';
  switch (variable) {
    case 'v':
      return 'V';
    case 'i_syn':
      return 'I syn';
    case 'u':
      return 'u';
    case 'w':
      return 'w';
  }
}

/**
 * Whether `model` takes current steps: the LIF kinds and the classroom models do; Loihi and
 * DynapSim have no current input besides their synapses (DynapSim's is `Idc`), sources none.
 */
export function takesStimuli(model: PopulationModel): boolean {
  return (
    model === 'stochastic_lif' ||
    model === 'sc_dense' ||
    model === 'izhikevich' ||
    model === 'adex' ||
    model === 'fixed_point_lif' ||
    model === 'nir_neuron'
  );
}

/**
 * A new current step's amplitude and unit: the published step of the classroom models' first
 * preset (10 mV/ms for Izhikevich, 500 pA for AdEx), 1 model unit otherwise.
 */
export function stimulusDefaults(model: PopulationModel): { amplitude: number; unit: string } {
  if (model === 'izhikevich') return { amplitude: 10, unit: 'mV/ms' };
  if (model === 'adex') return { amplitude: 500, unit: 'pA' };
  return { amplitude: 1, unit: 'model units' };
}
