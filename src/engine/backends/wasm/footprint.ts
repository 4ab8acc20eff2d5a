/** What the wasm backend stores per synapse, for the benchmark's bytes-per-synapse column. */
import type { Plan } from '../../plan.ts';

export interface ConnectivityFootprint {
  synapses: number;
  /** Row pointers, targets (u16 when the target has at most 65536 neurons), weights, delays. */
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
    const wide = (plan.populations[pr.target]?.size ?? 0) > 65536;
    synapses += count;
    bytes += 4 * pr.csr.rowPtr.length + (wide ? 4 : 2) * count;
    if (pr.csr.weights instanceof Float32Array) bytes += 4 * count;
    if (pr.csr.delays instanceof Uint8Array) bytes += count;
  }
  return { synapses, bytes, bytesPerSynapse: synapses > 0 ? bytes / synapses : 0 };
}
