/**
 * `compile(document)`: the whole document drawn and rounded into a `Plan` on the host, once, so
 * every backend steps the same connectivity, weights, delays and initial state.
 */
import type { NetworkDocument, Population } from '../../model/document.ts';
import { isPopulationProbe } from '../../model/document.ts';
import { MemoryBudgetError } from '../errors.ts';
import type { ModelPlan, Plan, PopulationPlan, ProjectionPlan } from '../plan.ts';
import { PROJECTION_STREAM, gaussianTable, streamKey } from '../random.ts';
import { quantise } from '../fixed-point/fixed-lif-step.ts';
import { assignChannels } from './channels.ts';
import { buildRows } from './connect.ts';
import { factorWeights } from './connect-conv.ts';
import { compileLif } from './lif-plan.ts';
import { compileFixedLif, quantiseWeights } from './fixed-lif-plan.ts';
import { compileNirNeuron } from './nir-neuron-plan.ts';
import { compileLoihi, loihiWeights, shiftDelays } from './loihi-plan.ts';
import { compileLoihiLearning } from './loihi-learning-plan.ts';
import { compileDynapsim } from './dynapsim-plan.ts';
import { compileAdex, compileIzhikevich } from './classic-plans.ts';
import { describeEstimate, estimateMemory, measurePlan } from './memory-estimate.ts';
import { changesWeights, compilePlasticity, perSynapseWeights } from './plasticity-plan.ts';
import { checkSynapseProbe, compileProbe, compileSynapseProbe } from './probes.ts';
import { compileScDense, compileScFixed, scChannelCount } from './sc-dense-plan.ts';
import { compilePoisson, compileSpikeGenerator } from './source-plans.ts';
import { seriesSegments } from './series-plan.ts';
import { drawDelays, drawWeights, maxDelayOf } from './synapse-values.ts';

export interface CompileOptions {
  /** Refuse documents estimated to need more bytes than this (default 1 GiB). */
  memoryBudgetBytes?: number;
}

/** Synapse indices of a projection are Uint32; the estimate keeps a margin for p draws. */
export const MAX_SYNAPSES_PER_PROJECTION = 2 ** 32 - 2 ** 24;

/** The budget used when none is given: 1 GiB. */
export const DEFAULT_MEMORY_BUDGET_BYTES = 2 ** 30;

/**
 * Builds the plan of a validated document. The memory estimate is checked first, from the
 * document alone, so an oversized network fails fast with `MemoryBudgetError` and allocates
 * nothing.
 *
 * @example
 * const plan = compile(doc, { memoryBudgetBytes: 256 * 2 ** 20 });
 * plan.projections[0]?.csr.targets.length; // synapses drawn for the first projection
 */
export function compile(doc: NetworkDocument, options: CompileOptions = {}): Plan {
  const budget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES;
  const estimate = estimateMemory(doc);
  if (estimate.totalBytes > budget) {
    throw new MemoryBudgetError(estimate.totalBytes, budget, describeEstimate(estimate));
  }
  for (const p of estimate.projections) {
    // CSR indices are Uint32: a bigger projection would wrap silently, whatever the budget.
    if (p.synapses > MAX_SYNAPSES_PER_PROJECTION) {
      throw new RangeError(
        `projection '${p.id}' would have about ${p.synapses.toExponential(2)} synapses; ` +
          `at most ${MAX_SYNAPSES_PER_PROJECTION} fit one projection`,
      );
    }
  }
  const { dt } = doc.run;
  const seed = doc.run.seed >>> 0;
  const totalSteps = Math.round(doc.run.duration / dt);
  const gaussTable = gaussianTable();
  const populationIndex = new Map(doc.populations.map((p, i) => [p.id, i]));
  const projectionIndex = new Map(doc.projections.map((p, i) => [p.id, i]));
  const { channels, byProjection } = assignChannels(doc, populationIndex, dt);

  const populations = doc.populations.map((p, index): PopulationPlan => {
    const model = compileModel(p, index, dt, seed, totalSteps, doc, populationIndex);
    // A fixed-point population adds q(amplitude), an integer, to its input (step 2f).
    const amplitude = (a: number): number =>
      model.model === 'fixed_point_lif' ? quantise(a, model.fractionBits) : Math.fround(a);
    return {
      id: p.id,
      index,
      size: p.size,
      model,
      channels: channels.flatMap((c, ci) => (c.target === index ? [ci] : [])),
      // Current steps in document order, then each current series' segments (series-plan.ts):
      // a live edit names a step by its position among the steps.
      stimuli: [
        ...doc.stimuli.flatMap((s) =>
          s.target === p.id && s.kind === 'current_step'
            ? [
                {
                  startStep: Math.round(s.start / dt),
                  stopStep: Math.round(s.stop / dt),
                  amplitude: amplitude(s.amplitude),
                },
              ]
            : [],
        ),
        ...doc.stimuli.flatMap((s) =>
          s.target === p.id && s.kind === 'current_series'
            ? seriesSegments(s.times, s.values, dt, totalSteps, amplitude)
            : [],
        ),
      ],
    };
  });

  const projections = doc.projections.map((pr, index): ProjectionPlan => {
    const source = indexOf(populationIndex, pr.source, `projection '${pr.id}'`);
    const target = indexOf(populationIndex, pr.target, `projection '${pr.id}'`);
    const rows = buildRows(
      pr.connectivity,
      populations[source]?.size ?? 0,
      populations[target]?.size ?? 0,
      source === target,
      streamKey(seed, index, PROJECTION_STREAM.connect),
      doc.populations[source]?.shape,
    );
    const count = rows.targets.length;
    const drawnWeights =
      // Conv and pool rules: the kernel value times the (validated) constant weight.
      'factors' in rows
        ? factorWeights(rows.factors, pr.weight.kind === 'constant' ? pr.weight.value : 1)
        : pr.synapse.kind === 'loihi'
          ? loihiWeights(pr, pr.synapse, count)
          : pr.synapse.kind === 'dpi' && pr.synapse.weights !== undefined
            ? Float32Array.from(pr.synapse.weights.slice(0, count))
            : drawWeights(
                pr.weight,
                count,
                streamKey(seed, index, PROJECTION_STREAM.weight),
                gaussTable,
              );
    // A rule or structural plasticity changes the weights in place: one per synapse.
    const targetModel = populations[target]?.model;
    const weights =
      targetModel?.model === 'fixed_point_lif'
        ? fixedWeights(
            quantiseWeights(
              drawnWeights,
              pr.weight.kind === 'constant' ? pr.weight.value : undefined,
              targetModel,
              `projections[${index}]`,
            ),
            changesWeights(pr),
            count,
          )
        : changesWeights(pr)
          ? perSynapseWeights(drawnWeights, count)
          : drawnWeights;
    const plasticity = compilePlasticity(pr, index, weights, dt, seed, populationIndex);
    const drawn = drawDelays(pr.delay, count, streamKey(seed, index, PROJECTION_STREAM.delay));
    const fromLoihi = doc.populations[source]?.model === 'loihi';
    const delays = fromLoihi ? shiftDelays(drawn) : drawn;
    const channel = byProjection[index] ?? -1;
    const learning =
      pr.synapse.kind === 'loihi'
        ? compileLoihiLearning(pr, pr.synapse, index, count, seed)
        : undefined;
    return {
      id: pr.id,
      source,
      target,
      destination: channel < 0 ? { kind: 'delta' } : { kind: 'current', channel },
      csr: { rowPtr: rows.rowPtr, targets: rows.targets, weights, delays },
      maxDelay: maxDelayOf(delays),
      ...(learning ? { learning } : {}),
      ...(plasticity ? { plasticity } : {}),
    };
  });

  const plan: Plan = {
    dt,
    totalSteps,
    seed,
    populations,
    channels,
    projections,
    probes: doc.probes.map((p, i) =>
      isPopulationProbe(p)
        ? compileProbe(p, populationIndex, dt)
        : checkSynapseProbe(compileSynapseProbe(p, projectionIndex), i, projections),
    ),
    gaussTable,
    estimatedBytes: 0,
  };
  plan.estimatedBytes = measurePlan(plan);
  return plan;
}

function compileModel(
  p: Population,
  index: number,
  dt: number,
  seed: number,
  totalSteps: number,
  doc: NetworkDocument,
  populationIndex: ReadonlyMap<string, number>,
): ModelPlan {
  switch (p.model) {
    case 'stochastic_lif':
      return compileLif(p.params, p.size, dt, seed, index);
    case 'poisson':
      return compilePoisson(p.params, dt, seed, index);
    case 'spike_generator':
      return compileSpikeGenerator(p.params, p.size, dt, totalSteps);
    case 'sc_dense': {
      const sizeOf = (id: string): number | undefined => {
        const i = populationIndex.get(id);
        return i === undefined ? undefined : doc.populations[i]?.size;
      };
      const channels = scChannelCount(p.params, sizeOf);
      // Step 1b integer: the layer integrates as a fixed_point_lif population.
      if (p.params.fixed_point !== undefined) {
        return compileScFixed(p.params, p.size, dt, channels);
      }
      return compileScDense(p.params, p.size, dt, channels, populationIndex);
    }
    case 'loihi':
      return compileLoihi(p.params);
    case 'izhikevich':
      return compileIzhikevich(p.params, p.size, dt, seed, index);
    case 'adex':
      return compileAdex(p.params, p.size, dt, seed, index);
    case 'dynapsim':
      return compileDynapsim(p.params, p.size, dt, gaussianTable());
    case 'fixed_point_lif':
      return compileFixedLif(p.params, p.size, dt, seed, index);
    case 'nir_neuron':
      return compileNirNeuron(p.params, p.size, dt);
  }
}

function indexOf(index: ReadonlyMap<string, number>, id: string, where: string): number {
  const i = index.get(id);
  // Validation rejects unknown ids; reaching this means compile() got an unvalidated document.
  if (i === undefined) throw new Error(`${where}: unknown population '${id}'`);
  return i;
}

/**
 * A fixed-point target's quantised weights, per synapse when the projection learns (online_o1,
 * the one rule validation allows onto it, rewrites them to its delivered integers).
 */
function fixedWeights(
  weights: Float32Array | { constant: number },
  learns: boolean,
  count: number,
): Float32Array | { constant: number } {
  return learns ? perSynapseWeights(weights, count) : weights;
}
