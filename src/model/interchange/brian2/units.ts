/**
 * The units of each classic model in the script. The document keeps each model in its authors'
 * units (`document.ts`): the LIF's v and currents in mV with R in 1/ms (R*I is mV/ms, the
 * CUBA convention), Izhikevich's v in mV and I in mV/ms, AdEx's pF, nS, mV, ms and pA.
 */
import type { NetworkDocument } from '../../document.ts';

/** The classic neuron models the script builds as NeuronGroups. */
export type ClassicNeuronModel = 'stochastic_lif' | 'izhikevich' | 'adex';

export interface ModelUnits {
  /** One unit of the model's input current as a Python expression (`mV`, `mV/ms`, `pA`). */
  current: string;
  /** Brian2's dimension of that current in equations (`volt`, `volt/second`, `amp`). */
  currentDimension: string;
}

export const MODEL_UNITS: Record<ClassicNeuronModel, ModelUnits> = {
  stochastic_lif: { current: 'mV', currentDimension: 'volt' },
  izhikevich: { current: 'mV/ms', currentDimension: 'volt/second' },
  adex: { current: 'pA', currentDimension: 'amp' },
};

/** Whether a model is one of the classic NeuronGroups. */
export function isClassicNeuron(model: string): model is ClassicNeuronModel {
  return model === 'stochastic_lif' || model === 'izhikevich' || model === 'adex';
}

/**
 * The exponential synaptic currents of population `id`: one per distinct tau, in order of
 * first appearance among the projections (the engine's channel rule), named `I_tau<tau>`.
 */
export function channelsOf(doc: NetworkDocument, id: string): { tau: number; name: string }[] {
  const taus: number[] = [];
  for (const pr of doc.projections) {
    if (pr.target !== id || pr.synapse.kind !== 'exponential') continue;
    if (!taus.includes(pr.synapse.tau)) taus.push(pr.synapse.tau);
  }
  return taus.map((tau) => ({ tau, name: channelName(tau) }));
}

/** `I_tau5`, `I_tau2_5`: the state variable of the exponential current of time constant tau. */
export function channelName(tau: number): string {
  return `I_tau${String(tau).replace(/[^0-9]/g, '_')}`;
}
