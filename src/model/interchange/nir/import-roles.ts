/** What each NIR node type becomes in a Spikelab document. */
import { NIR_NEURON_TYPES, type NirNeuronType } from '../../document-nir.ts';
import { WEIGHT_TYPES } from './import-weights.ts';

/**
 * `input`: a spike_generator population; `neuron`: a nir_neuron population; `weight`: (part of)
 * a projection; `delay`: the projection's delays; `pass`: absorbed (Flatten: C-order indices do
 * not change); `output`: probes on what feeds it; `unsupported`: reported, not imported.
 */
export type NodeRole = 'input' | 'output' | 'neuron' | 'weight' | 'delay' | 'pass' | 'unsupported';

/** The role of a node type. */
export function nodeRole(type: string): NodeRole {
  if (type === 'Input') return 'input';
  if (type === 'Output') return 'output';
  if (type === 'Delay') return 'delay';
  if (type === 'Flatten' || type === 'Identity') return 'pass';
  if ((WEIGHT_TYPES as readonly string[]).includes(type)) return 'weight';
  if (isNeuronType(type)) return 'neuron';
  return 'unsupported';
}

/** Whether `type` is one of the NIR neuron primitives `nir_neuron` integrates. */
export function isNeuronType(type: string): type is NirNeuronType {
  return (NIR_NEURON_TYPES as readonly string[]).includes(type);
}
