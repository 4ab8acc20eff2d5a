/** What the wasm backend stores per synapse, for the benchmark's bytes-per-synapse column. */
import type { Plan } from '../../plan.ts';
import { delaysStoredApart, targetBytes, targetWidth } from './target-width.ts';
import { learningBytesPerSynapse } from './learning-image.ts';
import { hasPlasticWeights, plasticBytesPerSynapse } from './plasticity-image.ts';

export interface ConnectivityFootprint {
  synapses: number;
  /**
   * Row pointers, targets (u16 when the target has at most 65536 neurons, else u32 carrying
   * per-synapse delays in the top byte), per-synapse weights, per-synapse delays (u16 case),
   * Loihi learning state, classic plasticity state.
   */
  bytes: number;
  bytesPerSynapse: number;
}

/**
 * Bytes of connectivity the wasm backend keeps for a plan: constant weights and delays are
 * stored once per projection, not per synapse.
 *
 * @example connectivityFootprint(compile(cuba)).bytesPerSynapse // about 2.05
 */
export function connectivityFootprint(plan: Plan): ConnectivityFootprint {
  let synapses = 0;
  let bytes = 0;
  for (const pr of plan.projections) {
    const count = pr.csr.targets.length;
    const width = targetWidth(plan, pr);
    synapses += count;
    bytes += 4 * pr.csr.rowPtr.length + targetBytes(width) * count;
    // A learning projection keeps w (f64), wAct (f32, its weights) and a u8 per trace that is
    // on, per synapse (learning-image.ts).
    if (pr.learning) bytes += learningBytesPerSynapse(pr.learning) * count;
    // A plastic one keeps its weights and its rule's per-synapse state (plasticity-image.ts).
    else if (pr.plasticity && hasPlasticWeights(pr.plasticity))
      bytes += plasticBytesPerSynapse(pr) * count;
    else if (pr.csr.weights instanceof Float32Array) bytes += 4 * count;
    if (delaysStoredApart(pr, width)) bytes += count;
  }
  return { synapses, bytes, bytesPerSynapse: synapses > 0 ? bytes / synapses : 0 };
}
