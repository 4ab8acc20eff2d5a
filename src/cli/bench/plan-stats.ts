/**
 * What the compiled plan says about a network's size: synapses, bytes of connectivity per
 * synapse, total state, and each neuron's out-degree (to count synaptic events from spikes).
 */
import { compile } from '../../engine/compile/index.ts';
import type { CsrConnectivity } from '../../engine/plan.ts';
import type { NetworkDocument } from '../../model/document.ts';

export interface PlanStats {
  neurons: number;
  synapses: number;
  /** Row pointers, targets and any per-synapse weights and delays, over all projections. */
  connectivityBytes: number;
  /** The plan's estimate of every byte a backend allocates. */
  stateBytes: number;
  /** Out-degree of each neuron, by population id, summed over the projections it feeds. */
  outDegree: Map<string, Uint32Array>;
}

/** Compiles the document once (as every backend does) and measures the plan. */
export function planStats(doc: NetworkDocument): PlanStats {
  const plan = compile(doc);
  const outDegree = new Map(plan.populations.map((p) => [p.id, new Uint32Array(p.size)]));
  let synapses = 0;
  let connectivityBytes = 0;
  for (const projection of plan.projections) {
    const { csr } = projection;
    synapses += csr.targets.length;
    connectivityBytes += csrBytes(csr);
    const degrees = outDegree.get(plan.populations[projection.source]?.id ?? '');
    if (degrees === undefined) continue;
    for (let s = 0; s < degrees.length; s++) {
      degrees[s] = (degrees[s] ?? 0) + (csr.rowPtr[s + 1] ?? 0) - (csr.rowPtr[s] ?? 0);
    }
  }
  return {
    neurons: plan.populations.reduce((n, p) => n + p.size, 0),
    synapses,
    connectivityBytes,
    stateBytes: plan.estimatedBytes,
    outDegree,
  };
}

function csrBytes(csr: CsrConnectivity): number {
  const weights = csr.weights instanceof Float32Array ? csr.weights.byteLength : 0;
  const delays = csr.delays instanceof Uint8Array ? csr.delays.byteLength : 0;
  return csr.rowPtr.byteLength + csr.targets.byteLength + weights + delays;
}

/** Synaptic events of a run: every spike delivers one event per outgoing synapse. */
export function synapticEvents(
  stats: PlanStats,
  spikes: ReadonlyMap<string, { indices: Uint32Array }>,
): number {
  let events = 0;
  for (const [id, record] of spikes) {
    const degrees = stats.outDegree.get(id);
    if (degrees === undefined) continue;
    for (const index of record.indices) events += degrees[index] ?? 0;
  }
  return events;
}
