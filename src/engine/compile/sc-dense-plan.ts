/**
 * The `sc_dense` model's compiled form (CONTEXT.md, step 1b): the LIF constants, the per-channel
 * stream keys and thresholds, and the current of every possible count of active AND gates.
 *
 * Keys and thresholds are the ones `src/engine/sc`'s `BitstreamCurrentSource(..., base_seed)`
 * uses, so a layer with constant inputs steps exactly like the library's `SCDenseLayer`.
 */
import type { ScDenseParams } from '../../model/document.ts';
import { scFixedAsLif } from '../../model/sc-fixed-point.ts';
import type { FixedLifPlan, ScDensePlan, ScInputsPlan, ScSourcePlan } from '../plan.ts';
import { stepKey, streamKey } from '../random.ts';
import { scCurrentTable, scFixedCurrentTable } from '../sc/current-table.ts';
import { SC_STREAM, threshold24, toUnitInterval } from '../sc/keys.ts';
import { compileFixedLif } from './fixed-lif-plan.ts';

const f = Math.fround;

/**
 * @param channelCount channels of the layer: `inputs.values.length`, or the size of the rates
 *   source (validation has checked that `weights` has that many entries).
 * @example compileScDense(params, 4, 1, 8, new Map([['l1', 0]])).currentByCount[8]
 */
export function compileScDense(
  params: ScDenseParams,
  size: number,
  dt: number,
  channelCount: number,
  populationIndex: ReadonlyMap<string, number>,
): ScDensePlan {
  const seed = params.base_seed >>> 0;
  return {
    model: 'sc_dense',
    vRest: f(params.v_rest),
    vReset: f(params.v_reset),
    vThreshold: f(params.v_threshold),
    leak: f(dt / params.tau_mem),
    rdt: f(params.resistance * dt),
    noiseStd: f(params.noise_std),
    refractorySteps: Math.round(params.refractory_period / dt),
    bias: 0,
    vInit: new Float32Array(size).fill(f(params.v_rest)),
    noiseKey: streamKey(seed, 0, SC_STREAM.noise),
    ...compileStreams(params, channelCount),
    inputs: compileInputs(params, dt, channelCount, populationIndex),
    currentByCount: scCurrentTable(params, channelCount),
  };
}

/**
 * An `sc_dense` layer with `fixed_point` (step 1b integer): a `fixed_point_lif` population of
 * the layer's LIF values whose `sc` holds the same streams and the current table quantised to
 * units of 2^-F. Validation has refused `rates` inputs, noise and out-of-range currents.
 *
 * @example compileScFixed(params, 4, 1, 8).sc.currentByCount[8] // q(0.8) = 205 at F = 8
 */
export function compileScFixed(
  params: ScDenseParams,
  size: number,
  dt: number,
  channelCount: number,
): FixedLifPlan & { sc: NonNullable<FixedLifPlan['sc']> } {
  const widths = params.fixed_point;
  const inputs = params.inputs;
  // Validation guarantees both; reaching this means an unvalidated document.
  if (widths === undefined) throw new Error('sc_dense: compileScFixed needs fixed_point');
  if (inputs.kind !== 'constant') {
    throw new Error('sc_dense: fixed_point takes constant inputs only (rates are float32)');
  }
  // Seed and population index only serve a uniform v_init; the layer starts at v_rest.
  const lif = compileFixedLif(scFixedAsLif(params, widths), size, dt, 0, 0);
  return {
    ...lif,
    sc: {
      ...compileStreams(params, channelCount),
      inputs: { kind: 'constant', thresholds: constantThresholds(params, inputs.values) },
      currentByCount: scFixedCurrentTable(params, channelCount, widths.fraction_bits),
    },
  };
}

/** The keys and weight thresholds of `BitstreamCurrentSource(..., base_seed)`. */
function compileStreams(
  params: ScDenseParams,
  channelCount: number,
): Omit<ScSourcePlan, 'inputs' | 'currentByCount'> {
  const seed = params.base_seed >>> 0;
  const inputKeys = new Uint32Array(channelCount);
  const weightKeys = new Uint32Array(channelCount);
  const weightThresholds = new Uint32Array(channelCount);
  for (let c = 0; c < channelCount; c++) {
    inputKeys[c] = stepKey(streamKey(seed, c, SC_STREAM.encoder), 0);
    weightKeys[c] = stepKey(streamKey(seed, c, SC_STREAM.weight), 0);
    const w = params.weights[c] ?? params.w_min;
    weightThresholds[c] = threshold24(toUnitInterval(w, params.w_min, params.w_max));
  }
  return { length: params.length, channelCount, inputKeys, weightKeys, weightThresholds };
}

function constantThresholds(params: ScDenseParams, values: readonly number[]): Uint32Array {
  const thresholds = new Uint32Array(values.length);
  for (let c = 0; c < values.length; c++) {
    thresholds[c] = threshold24(toUnitInterval(values[c] as number, params.x_min, params.x_max));
  }
  return thresholds;
}

function compileInputs(
  params: ScDenseParams,
  dt: number,
  channelCount: number,
  populationIndex: ReadonlyMap<string, number>,
): ScInputsPlan {
  const inputs = params.inputs;
  if (inputs.kind === 'constant') {
    return { kind: 'constant', thresholds: constantThresholds(params, inputs.values) };
  }
  const source = populationIndex.get(inputs.source);
  // Validation rejects unknown sources; reaching this means an unvalidated document.
  if (source === undefined)
    throw new Error(`sc_dense inputs: unknown population '${inputs.source}'`);
  const decay = f(Math.exp(-dt / inputs.tau));
  return {
    kind: 'rates',
    source,
    decay,
    gain: f(f(1 - decay) / dt),
    xMin: f(params.x_min),
    invRange: f(1 / (params.x_max - params.x_min)),
  };
}

/** Input channels of an `sc_dense` layer: its constant values, or its rates source's size. */
export function scChannelCount(
  params: ScDenseParams,
  sizeOf: (populationId: string) => number | undefined,
): number {
  return params.inputs.kind === 'constant'
    ? params.inputs.values.length
    : (sizeOf(params.inputs.source) ?? 0);
}
