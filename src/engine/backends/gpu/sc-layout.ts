/**
 * The device side of a plan's `sc_dense` layers (CONTEXT.md steps 1b and 5b).
 *
 * A layer's SC current `Isc` is one value per step shared by its neurons. Its random bits do
 * not depend on state (keys `stepKey(inputKeys[c], t mod L)` and `stepKey(weightKeys[c], t mod
 * L)`), so the host draws them (sc-host.ts):
 *
 * - constant inputs: the host computes the whole count and uploads `Isc` per step;
 * - rates inputs: the input threshold comes from the trace `r_c`, which is device state within a
 *   multi-step call, so the host uploads per step and channel a _gate_, the input draw where the
 *   weight bit is 1 and 2^24 (never below a threshold <= 2^24) where it is 0, and the count
 *   kernel (sc-kernels.ts) counts `gate < thr(r_c)`: `lanes` threads per rates layer, lane l
 *   taking channels l, l + lanes, ... (32 lanes, one warp, on a GPU: a layer of m channels costs
 *   m/32 loop rounds, not m; 1 on webasm/cpu, where threads run one after another anyway). The
 *   neuron kernel adds the lanes' counts (exact small integers) and looks `Isc` up in the
 *   layer's `currentByCount`, appended to `params` after the Gaussian table.
 *
 * Traces live in state rows of their own, at the source neuron's column: a trace is keyed by
 * (source, decay, gain), two layers reading the same source with the same tau share it, and
 * traces of different sources share a row (their columns differ). Each trace row has two fields
 * per neuron in `layout.neurons` (decay, gain; decay -1 where the column holds no trace).
 */
import type { Plan, ScDensePlan } from '../../plan.ts';

/** Fields of a rates layer's row in the count kernel's table (`ScLayout.table`). */
export const SC_LAYER = {
  /** Channels m (the source's size). */
  channels: 0,
  /** Loop rounds of a lane: ceil(m / lanes). */
  rounds: 1,
  /** First of the layer's gates within a step's gate block. */
  gateAt: 2,
  /** State row of the layer's trace. */
  traceRow: 3,
  /** Global index of the source's neuron 0 (the trace of channel c is at column base + c). */
  sourceBase: 4,
  xMin: 5,
  invRange: 6,
  stride: 7,
} as const;

/** 2^24: a gate value no threshold exceeds (a channel whose weight bit is 0). */
export const NEVER = 16777216;

export interface ScLayerLayout {
  /** Plan index of the population. */
  population: number;
  plan: ScDensePlan;
  /** Rates inputs: the count kernel's thread (order among rates layers); -1: constant inputs. */
  ratesSlot: number;
  /** Rates inputs: first of its `channelCount` gates in a step's gate block. */
  gateAt: number;
  /** Rates inputs: where its `currentByCount` starts in `ScLayout.currents`. */
  currentsAt: number;
}

/** One trace row's entries: decay and gain over a source population's columns. */
export interface TraceEntry {
  row: number;
  source: number;
  decay: number;
  gain: number;
  /** The source is a Loihi population: the trace adds its spikes of t-1 (loihi-kernels.ts). */
  loihi: boolean;
}

export interface ScLayout {
  layers: ScLayerLayout[];
  ratesLayers: number;
  /** Gates per step: the channels of every rates layer. */
  gateSpan: number;
  /** Count kernel threads per rates layer (a power of two). */
  lanes: number;
  /** The count kernel's table: one `SC_LAYER` row per rates layer. */
  table: Float32Array;
  /** The rates layers' `currentByCount` tables, one after another (for `params`). */
  currents: Float32Array;
  /** Trace rows (relative: 0 is the first trace row of the state). */
  traceRows: number;
  traces: TraceEntry[];
}

/**
 * Lays out the SC layers of `plan`, or returns null when it has none (then nothing of this
 * file reaches the kernels). `firstTraceRow` is the state row where trace rows begin.
 */
export function buildScLayout(
  plan: Plan,
  offsets: readonly number[],
  firstTraceRow: number,
  lanes: number,
): ScLayout | null {
  const layers: ScLayerLayout[] = [];
  const traces: TraceEntry[] = [];
  /** Per trace row, the source populations whose columns it holds. */
  const rowSources: Set<number>[] = [];
  const rates: { layer: ScLayerLayout; row: number }[] = [];
  let gateSpan = 0;
  let currentsAt = 0;
  plan.populations.forEach((pop, population) => {
    const m = pop.model;
    if (m.model !== 'sc_dense') return;
    const inputs = m.inputs;
    if (inputs.kind === 'constant') {
      layers.push({ population, plan: m, ratesSlot: -1, gateAt: 0, currentsAt: 0 });
      return;
    }
    const layer = { population, plan: m, ratesSlot: rates.length, gateAt: gateSpan, currentsAt };
    gateSpan += m.channelCount;
    currentsAt += m.currentByCount.length;
    layers.push(layer);
    let trace = traces.find(
      (e) => e.source === inputs.source && e.decay === inputs.decay && e.gain === inputs.gain,
    );
    if (!trace) {
      let row = rowSources.findIndex((sources) => !sources.has(inputs.source));
      if (row < 0) row = rowSources.push(new Set()) - 1;
      rowSources[row]?.add(inputs.source);
      const loihi = plan.populations[inputs.source]?.model.model === 'loihi';
      trace = { row, source: inputs.source, decay: inputs.decay, gain: inputs.gain, loihi };
      traces.push(trace);
    }
    rates.push({ layer, row: trace.row });
  });
  if (layers.length === 0) return null;
  // Zero-length tables would make zero-sized buffers; a padding entry is never read.
  const table = new Float32Array(Math.max(1, rates.length * SC_LAYER.stride));
  const currents = new Float32Array(currentsAt);
  for (const { layer, row } of rates) {
    const m = layer.plan;
    if (m.inputs.kind !== 'rates') continue;
    const at = layer.ratesSlot * SC_LAYER.stride;
    table[at + SC_LAYER.channels] = m.channelCount;
    table[at + SC_LAYER.rounds] = Math.ceil(m.channelCount / lanes);
    table[at + SC_LAYER.gateAt] = layer.gateAt;
    table[at + SC_LAYER.traceRow] = firstTraceRow + row;
    table[at + SC_LAYER.sourceBase] = offsets[m.inputs.source] ?? 0;
    table[at + SC_LAYER.xMin] = m.inputs.xMin;
    table[at + SC_LAYER.invRange] = m.inputs.invRange;
    currents.set(m.currentByCount, layer.currentsAt);
  }
  return {
    layers,
    ratesLayers: rates.length,
    gateSpan,
    lanes,
    table,
    currents,
    traceRows: rowSources.length,
    traces,
  };
}

/**
 * Writes each trace row's (decay, gain) into the `neurons` table at `traceField + 2 * row`: the
 * trace's values over its source's columns, decay -1 (no trace) everywhere else.
 */
export function writeTraceFields(
  sc: ScLayout,
  plan: Plan,
  offsets: readonly number[],
  neurons: Float32Array,
  neuronStride: number,
  traceField: number,
): void {
  const total = neurons.length / neuronStride;
  for (let r = 0; r < sc.traceRows; r++) {
    for (let j = 0; j < total; j++) neurons[j * neuronStride + traceField + 2 * r] = -1;
  }
  for (const trace of sc.traces) {
    const base = offsets[trace.source] ?? 0;
    const at = traceField + 2 * trace.row;
    for (let j = base; j < base + (plan.populations[trace.source]?.size ?? 0); j++) {
      neurons[j * neuronStride + at] = trace.decay;
      neurons[j * neuronStride + at + 1] = trace.gain;
    }
  }
}
