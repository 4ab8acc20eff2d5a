/**
 * What a plan will cost in memory, computed from the document alone (expected synapse counts,
 * not drawn ones) so a network too big for the budget is refused before anything is allocated.
 */
import type {
  Connectivity,
  NetworkDocument,
  Population,
  Projection,
} from '../../model/document.ts';
import { convGeometry, convSynapseCount, isGridded } from '../../model/conv-geometry.ts';
import { formatBytes } from '../errors.ts';
import type { ModelPlan, Plan } from '../plan.ts';
import { hasLoihiLearning } from './loihi-learning-plan.ts';
import { changesWeights } from './plasticity-plan.ts';
import { scChannelCount } from './sc-dense-plan.ts';
import { delayIsShared, weightIsShared } from './synapse-values.ts';

/**
 * Loihi learning state per synapse (CONTEXT.md step 5d): initial mantissa, w and wAct (float64,
 * 24 B), five traces and the x0/y0 flags (1 B each), rounded up to 32 B.
 */
export const LOIHI_LEARNING_BYTES_PER_SYNAPSE = 32;

/**
 * Weight-rule state per synapse (CONTEXT.md step 5e), besides the weight itself: stdp's two
 * float32 traces, rstdp's traces and eligibility, online_o1's four int32 fields.
 */
export const RULE_BYTES_PER_SYNAPSE = { stdp: 8, rstdp: 12, online_o1: 16, homeostatic: 0 };
/** Homeostatic state per target neuron: spike count and rate estimate. */
export const HOMEOSTATIC_BYTES_PER_NEURON = 8;
/** STP state per source neuron: x and u, plus one release per slot of the delay ring. */
export function stpBytesPerSource(maxDelay: number): number {
  return 8 + 4 * (maxDelay + 1);
}

export interface ProjectionEstimate {
  id: string;
  synapses: number;
  /**
   * Bytes per synapse: target 4, + weight 4 if per synapse (always with a weight rule,
   * structural plasticity or a conv or pool rule), + delay 1 if so, + Loihi learning or weight-rule state.
   */
  bytesPerSynapse: number;
  /** Synapses, row pointers and the spike history ring of the source. */
  bytes: number;
}

export interface MemoryEstimate {
  totalBytes: number;
  /** Neuron state, synaptic currents and initial values. */
  neuronBytes: number;
  projections: ProjectionEstimate[];
}

/**
 * Expected synapse count of a rule (its mean for fixed_probability; exact for the others). The
 * conv and pool rules read the source's `shape` (0 synapses without one that fits).
 */
export function expectedSynapses(
  connectivity: Connectivity,
  sourceSize: number,
  targetSize: number,
  samePopulation: boolean,
  sourceShape?: readonly number[],
): number {
  switch (connectivity.rule) {
    case 'all_to_all':
      return (
        sourceSize * targetSize - (samePopulation && !connectivity.allow_self ? sourceSize : 0)
      );
    case 'one_to_one':
      return Math.min(sourceSize, targetSize);
    case 'fixed_probability': {
      const pairs =
        sourceSize * targetSize - (samePopulation && !connectivity.allow_self ? sourceSize : 0);
      return pairs * Math.min(1, Math.max(0, connectivity.p));
    }
    case 'fixed_fan_in': {
      const candidates = samePopulation && !connectivity.allow_self ? sourceSize - 1 : sourceSize;
      return targetSize * Math.min(Math.max(0, connectivity.k), Math.max(0, candidates));
    }
    case 'explicit':
      return connectivity.pairs.sources.length;
    case 'conv2d':
    case 'conv1d':
    case 'sum_pool2d':
    case 'avg_pool2d': {
      const g = convGeometry(connectivity, sourceShape);
      return g === undefined ? 0 : convSynapseCount(g);
    }
  }
}

/** A Loihi projection with one mantissa per synapse stores per-synapse weights. */
function hasMantissaList(projection: Projection): boolean {
  const s = projection.synapse;
  return (
    (s.kind === 'loihi' && s.mantissas !== undefined) ||
    (s.kind === 'dpi' && s.weights !== undefined)
  );
}

/** A Loihi projection with a rule or traces keeps learning state per synapse. */
function learns(projection: Projection): boolean {
  return projection.synapse.kind === 'loihi' && hasLoihiLearning(projection.synapse);
}

/** Bytes per synapse of a projection as compiled (`CsrConnectivity`, plus learning state). */
export function bytesPerSynapse(projection: Projection): number {
  const rule = projection.plasticity?.rule;
  return (
    4 +
    (weightIsShared(projection.weight) &&
    !hasMantissaList(projection) &&
    !isGridded(projection.connectivity) &&
    !changesWeights(projection)
      ? 0
      : 4) +
    (delayIsShared(projection.delay) ? 0 : 1) +
    (learns(projection) ? LOIHI_LEARNING_BYTES_PER_SYNAPSE : 0) +
    (rule === undefined ? 0 : RULE_BYTES_PER_SYNAPSE[rule])
  );
}

/** Plasticity state that is not per synapse: homeostatic per target, STP per source. */
function plasticityNeuronBytes(
  projection: Projection,
  sourceSize: number,
  targetSize: number,
  maxDelay: number,
): number {
  return (
    (projection.plasticity?.rule === 'homeostatic'
      ? HOMEOSTATIC_BYTES_PER_NEURON * targetSize
      : 0) + (projection.stp === undefined ? 0 : stpBytesPerSource(maxDelay) * sourceSize)
  );
}

function delayBound(projection: Projection): number {
  const d = projection.delay;
  if (d.kind === 'explicit') return d.steps.reduce((a, b) => Math.max(a, b), 0);
  return d.kind === 'constant' ? d.steps : d.high;
}

/** Bytes a backend allocates for this document: state, connectivity and spike histories. */
export function estimateMemory(doc: NetworkDocument): MemoryEstimate {
  const sizes = new Map(doc.populations.map((p) => [p.id, p.size]));
  let neuronBytes = 0;
  const sizeOf = (id: string) => sizes.get(id);
  for (const p of doc.populations) neuronBytes += populationBytes(p, sizeOf);
  const channels = new Set<string>();
  for (const pr of doc.projections) {
    if (pr.synapse.kind === 'exponential') channels.add(`${pr.target}\u0000${pr.synapse.tau}`);
  }
  for (const c of channels) neuronBytes += 4 * (sizes.get(c.split('\u0000')[0] ?? '') ?? 0);
  const projections = doc.projections.map((pr): ProjectionEstimate => {
    const ns = sizes.get(pr.source) ?? 0;
    const nt = sizes.get(pr.target) ?? 0;
    const shape = doc.populations.find((p) => p.id === pr.source)?.shape;
    const synapses = expectedSynapses(pr.connectivity, ns, nt, pr.source === pr.target, shape);
    const perSynapse = bytesPerSynapse(pr);
    // Ring of the source's spike lists for steps t-maxDelay..t, as the reference keeps it,
    // plus a spiked-flag per slot and a merge buffer when delays differ between synapses.
    // A Loihi source's delays count one step more (CONTEXT.md step 5c).
    const fromLoihi = doc.populations.some((p) => p.id === pr.source && p.model === 'loihi');
    const slots = delayBound(pr) + (fromLoihi ? 2 : 1);
    const history = 4 * ns * slots + (delayIsShared(pr.delay) ? 0 : ns * slots + 5 * ns);
    const plastic = plasticityNeuronBytes(pr, ns, nt, slots - 1);
    const bytes = synapses * perSynapse + 4 * (ns + 1) + history + plastic;
    return { id: pr.id, synapses, bytesPerSynapse: perSynapse, bytes };
  });
  const totalBytes = neuronBytes + projections.reduce((sum, p) => sum + p.bytes, 0);
  return { totalBytes, neuronBytes, projections };
}

/**
 * LIF: V, refractory counter, initial V, spike list (16 B a neuron). Sources: spike list only.
 * An SC layer is a LIF population plus, per channel, two stream keys, the weight threshold and
 * the input threshold or rates trace (16 B), and its current table (4 B per count 0..m).
 */
function neuronStateBytes(model: Population['model'], size: number, channels: number): number {
  switch (model) {
    case 'stochastic_lif':
    case 'fixed_point_lif':
      // The fixed-point LIF keeps the same V, counter, initial V and spike list.
      return 16 * size;
    case 'sc_dense':
      return 16 * size + 16 * channels + 4 * (channels + 1);
    case 'loihi':
      // v and I (float64), refractory counter, spike list.
      return 24 * size;
    case 'izhikevich':
    case 'adex':
      // The LIF's 16 B plus the adaptation variable (u or w).
      return 20 * size;
    case 'dynapsim':
      // Imem, Isyn, Iahp, Vmem, timer, input (float32), 16 float32 constants, spike flag and list:
      // 92 B per neuron on wasm; the gpu backend's rows and appended constants take about 130 B
      // (the largest of the backends), so the estimate is that.
      return 132 * size;
    case 'nir_neuron':
      // V, S (or u), spike list and nine float32 coefficient arrays (step 2g).
      return 48 * size;
    case 'poisson':
    case 'spike_generator':
      return 4 * size;
  }
}

function populationBytes(p: Population, sizeOf: (id: string) => number | undefined): number {
  const channels = p.model === 'sc_dense' ? scChannelCount(p.params, sizeOf) : 0;
  return neuronStateBytes(p.model, p.size, channels);
}

function planChannels(model: ModelPlan): number {
  if (model.model === 'fixed_point_lif') return model.sc?.channelCount ?? 0;
  return model.model === 'sc_dense' ? model.channelCount : 0;
}

/** The document model a plan's population came from (an SC layer in fixed point: sc_dense). */
function documentModel(model: ModelPlan): Population['model'] {
  return model.model === 'fixed_point_lif' && model.sc ? 'sc_dense' : model.model;
}

/** One line naming the biggest projection first, for `MemoryBudgetError`. */
export function describeEstimate(estimate: MemoryEstimate): string {
  const sorted = [...estimate.projections].sort((a, b) => b.bytes - a.bytes);
  const parts = sorted
    .slice(0, 3)
    .map(
      (p) =>
        `projection '${p.id}': ${formatCount(p.synapses)} synapses x ${p.bytesPerSynapse} B = ` +
        formatBytes(p.bytes),
    );
  parts.push(`neurons and currents: ${formatBytes(estimate.neuronBytes)}`);
  if (sorted.length > 3) parts.push(`${sorted.length - 3} more projections`);
  return parts.join('; ');
}

function formatCount(n: number): string {
  return n >= 1e6 ? n.toExponential(2) : String(Math.round(n));
}

/** The same accounting as `estimateMemory`, with the synapse counts and delays actually drawn. */
export function measurePlan(plan: Plan): number {
  let bytes = 0;
  for (const p of plan.populations)
    bytes += neuronStateBytes(documentModel(p.model), p.size, planChannels(p.model));
  for (const c of plan.channels) bytes += 4 * (plan.populations[c.target]?.size ?? 0);
  for (const pr of plan.projections) {
    const ns = plan.populations[pr.source]?.size ?? 0;
    const synapses = pr.csr.targets.length;
    const slots = pr.maxDelay + 1;
    bytes += synapses * 4 + 4 * (ns + 1) + 4 * ns * slots;
    if (pr.csr.weights instanceof Float32Array) bytes += 4 * synapses;
    if (pr.csr.delays instanceof Uint8Array) bytes += synapses + ns * slots + 5 * ns;
    if (pr.learning) bytes += LOIHI_LEARNING_BYTES_PER_SYNAPSE * synapses;
    const plastic = pr.plasticity;
    if (plastic?.rule) bytes += RULE_BYTES_PER_SYNAPSE[plastic.rule.rule] * synapses;
    if (plastic?.rule?.rule === 'homeostatic') {
      bytes += HOMEOSTATIC_BYTES_PER_NEURON * (plan.populations[pr.target]?.size ?? 0);
    }
    if (plastic?.stp) bytes += stpBytesPerSource(pr.maxDelay) * ns;
  }
  return bytes;
}
