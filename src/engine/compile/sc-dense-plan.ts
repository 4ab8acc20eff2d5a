/**
 * The `sc_dense` model's compiled form (CONTEXT.md, step 1b): the LIF constants, the per-channel
 * stream keys and thresholds, and the current of every possible count of active AND gates.
 *
 * Keys and thresholds are the ones `src/engine/sc`'s `BitstreamCurrentSource(..., base_seed)`
 * uses, so a layer with constant inputs steps exactly like the library's `SCDenseLayer`.
 */
import type { ScDenseParams } from '../../model/document.ts';
import type { ScDensePlan, ScInputsPlan } from '../plan.ts';
import { stepKey, streamKey } from '../random.ts';
import { SC_STREAM, threshold24, toUnitInterval } from '../sc/keys.ts';

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
  const inputKeys = new Uint32Array(channelCount);
  const weightKeys = new Uint32Array(channelCount);
  const weightThresholds = new Uint32Array(channelCount);
  for (let c = 0; c < channelCount; c++) {
    inputKeys[c] = stepKey(streamKey(seed, c, SC_STREAM.encoder), 0);
    weightKeys[c] = stepKey(streamKey(seed, c, SC_STREAM.weight), 0);
    const w = params.weights[c] ?? params.w_min;
    weightThresholds[c] = threshold24(toUnitInterval(w, params.w_min, params.w_max));
  }
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
    length: params.length,
    channelCount,
    inputKeys,
    weightKeys,
    weightThresholds,
    inputs: compileInputs(params, dt, channelCount, populationIndex),
    currentByCount: currentTable(params, channelCount),
  };
}

function compileInputs(
  params: ScDenseParams,
  dt: number,
  channelCount: number,
  populationIndex: ReadonlyMap<string, number>,
): ScInputsPlan {
  const inputs = params.inputs;
  if (inputs.kind === 'constant') {
    const thresholds = new Uint32Array(channelCount);
    for (let c = 0; c < channelCount; c++) {
      const x = inputs.values[c] ?? params.x_min;
      thresholds[c] = threshold24(toUnitInterval(x, params.x_min, params.x_max));
    }
    return { kind: 'constant', thresholds };
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

/** `countToCurrent` of `BitstreamCurrentSource`, for every count 0..m. */
function currentTable(params: ScDenseParams, channelCount: number): Float32Array {
  const table = new Float32Array(channelCount + 1);
  const span = f(params.y_max - params.y_min);
  for (let k = 0; k <= channelCount; k++) {
    const scaled = params.scaling === 'sum' ? k : f(k / Math.max(channelCount, 1));
    table[k] = f(params.y_min + f(span * scaled));
  }
  return table;
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
