/**
 * The device layout of a plan: every population's neurons side by side in one index space, so
 * that each step runs a fixed, small number of kernels however many populations there are.
 *
 * Constants are packed into a few interleaved tables because every array a WebGPU kernel reads
 * is one storage buffer, and WebGPU's default limit is 8 per shader stage (output included):
 *
 * - `params`: per population a row of `popStride` floats (fields `POP`, then one decay per
 *   channel slot), followed by the 4097-entry Gaussian table at `gaussBase`.
 * - `neurons`: per neuron a row of `neuronStride` floats (fields `NEURON`), including where its
 *   incoming-synapse lists start and end in the entry tables of `gather.ts`.
 */
import type { Plan } from '../../plan.ts';
import { classicFields, classicModels, CLASSIC, type ClassicModels } from './classic-layout.ts';
import {
  buildDynapsimLayout,
  DYN_POP,
  DYN_ROWS,
  dynapsimPopFields,
  hasDynapsim,
  type DynapsimLayout,
} from './dynapsim-layout.ts';
import { hasLoihi, loihiFields } from './loihi-layout.ts';
import { buildPlasticLayout, writeNeuronFields, type PlasticLayout } from './plasticity-layout.ts';
import { buildScLayout, writeTraceFields, type ScLayout } from './sc-layout.ts';

/** Population kinds as the kernels see them (`sc`: an `sc_dense` layer's LIF neurons). */
export const KIND = {
  lif: 0,
  poisson: 1,
  generator: 2,
  sc: 3,
  izhikevich: 4,
  adex: 5,
  loihi: 6,
  dynapsim: 7,
} as const;

/**
 * Per-population inputs of a step: `stepIn[s * layout.stepBlock + p * layout.stepStride +
 * field]`; `isc` (an SC layer's current, constant inputs) exists in plans with SC layers only.
 */
export const STEP_IN = { ext: 0, keyHi: 1, keyLo: 2, isc: 3 } as const;

/** Fields of a population's row in `params`. */
export const POP = {
  kind: 0,
  vRest: 1,
  vReset: 2,
  vThreshold: 3,
  leak: 4,
  rdt: 5,
  noiseStd: 6,
  refractorySteps: 7,
  threshold24: 8,
  channelCount: 9,
  /**
   * First of `slots` channel decays. With SC layers two more fields follow them: `scRatesField`
   * (a rates layer's slot in the count kernel, else -1) and `scRatesField + 1` (where its
   * `currentByCount` starts in `params`). With Izhikevich or AdEx populations the `CLASSIC`
   * block follows, at `classicField` (classic-layout.ts).
   */
  decay: 10,
} as const;

/**
 * Fields of a neuron's row in `neurons`: its population, its index within it, and the
 * first entry and length of its incoming-synapse lists (entries `listStride` apart, gather.ts),
 * the delta list first, then one list per channel slot c at `lists + 2 * (1 + c)`; then, with SC
 * rates traces, decay and gain of trace row r at `layout.traceField + 2 * r` (sc-layout.ts).
 */
export const NEURON = { population: 0, localIndex: 1, lists: 2 } as const;

/** Spike history bits per float32 word (exact integers up to 2^24; 16 keeps shifts simple). */
export const HISTORY_BITS = 16;

/**
 * Rows of the state array (one column per neuron, `[row][neuron]`): V, the refractory counter,
 * one current per channel slot (an SC layer has no channels: its slot 0 holds `Isc` of the last
 * step, for `i_syn` probes), with Izhikevich or AdEx populations the adaptation row (u or w,
 * `adaptRow`), with DynapSim populations their rows Iahp, Vmem and ws (their Imem, timer and
 * Isyn use V, the refractory row and slot 0), the SC rates trace rows if any, then the
 * spike-history words.
 */
export const ROW = {
  v: 0,
  refr: 1,
  current: (c: number): number => 2 + c,
} as const;

/**
 * Rows of a step's intermediate array: V after integration, the spike flag, and (plans with SC
 * layers only) the step's `Isc` of an SC neuron's layer.
 */
export const MID = { vint: 0, flag: 1, isc: 2 } as const;

export interface DeviceLayout {
  /** Neurons in all populations. */
  total: number;
  /** First global index of each population. */
  offsets: number[];
  /** Channel slots per neuron: the most channels any population has (at least 1). */
  slots: number;
  /** Longest delay of any synapse, steps. */
  maxDelay: number;
  /**
   * Words of spike history per neuron: cover delays 0..maxDelay and the longest run of steps
   * one device call makes, whose spikes are read back from these words afterwards.
   */
  historyWords: number;
  /**
   * Rows of the state array: V, refractory counter, `slots` currents, [u/w], [DynapSim's
   * three], traces, history.
   */
  stateRows: number;
  /** Which classic models (Izhikevich, AdEx) the plan has; null for neither. */
  classic: ClassicModels | null;
  /** Whether the plan has Loihi populations (loihi-layout.ts: no rows or fields of their own). */
  loihi: boolean;
  /**
   * DynapSim populations' rows (Iahp, Vmem, ws after the adaptation row) and constants
   * (dynapsim-layout.ts); null without them.
   */
  dynapsim: DynapsimLayout | null;
  /** State row of the adaptation variable (u or w); -1 without classic populations. */
  adaptRow: number;
  /** Initial adaptation row (Izhikevich's u, 0 elsewhere); null without classic populations. */
  adaptInit: Float32Array | null;
  /** With classic populations, the first `params` field of the `CLASSIC` block. */
  classicField: number;
  /** First state row of the SC rates traces (`traceRows` of them, 0 without rates layers). */
  traceRow: number;
  traceRows: number;
  /** First state row of the history words. */
  historyRow: number;
  /**
   * Weight rules' state rows after the history words, their `neurons` fields after the trace
   * fields and their constants at the end of `params` (plasticity-layout.ts); null without
   * plastic projections (then nothing of it exists).
   */
  plastic: PlasticLayout | null;
  /** Rows of a step's intermediate array (`MID`): 3 with SC layers, else 2. */
  midRows: number;
  /** The plan's SC layers, null without any (then the kernels hold no SC code at all). */
  sc: ScLayout | null;
  /** First field of the trace rows' (decay, gain) pairs in a neuron's row of `neurons`. */
  traceField: number;
  /**
   * A step's block of host inputs (`stepIn`, kernels.ts): `stepStride` fields per population
   * (`STEP_IN`: 3, or 4 with SC layers), then the SC gates (`sc.gateSpan`), `stepBlock` in all.
   */
  stepStride: number;
  stepBlock: number;
  /**
   * The global neurons [genLo, genLo + genSpan) cover every spike generator; the generator
   * flags of a step are uploaded for that range only (genSpan is at least 1).
   */
  genLo: number;
  genSpan: number;
  /**
   * Kernel arrays are flat and 1D (row * total + neuron) rather than 2D `[row][neuron]`: the
   * same memory either way. Flat suits GPUs (gpu.js runs 1D kernels in 64-wide workgroups, so a
   * warp holds one row; 2D ones in 8x8, a warp spanning four rows' code paths); webasm and cpu keep
   * the 2D form they were tuned with.
   */
  flat: boolean;
  /**
   * Neighbouring neurons whose synapse-list entries are interleaved (gather.ts): one GPU warp
   * (32) with flat arrays; 8 otherwise, which measured faster on webasm (each thread's next
   * entry stays one cache line on).
   */
  listStride: number;
  popStride: number;
  /** With SC layers, the first `params` field after the channel decays (see `POP.decay`). */
  scRatesField: number;
  gaussBase: number;
  params: Float32Array;
  neuronStride: number;
  /** One row per neuron; the list bounds are filled in by `buildGatherLists`. */
  neurons: Float32Array;
  /** Initial V of every neuron (0 for sources). */
  vInit: Float32Array;
}

/**
 * Builds the tables of a plan's device layout (list bounds still zero); `maxCallSteps` is the
 * most steps one device call runs (the history must hold all their spikes).
 */
export function buildLayout(plan: Plan, maxCallSteps = 1, flat = false): DeviceLayout {
  const pops = plan.populations;
  const offsets: number[] = [];
  let total = 0;
  for (const p of pops) {
    offsets.push(total);
    total += p.size;
  }
  const slots = Math.max(1, ...pops.map((p) => p.channels.length));
  const maxDelay = Math.max(0, ...plan.projections.map((p) => p.maxDelay));
  const classic = classicModels(plan);
  // The adaptation row and the classic block exist only with classic populations, like the SC
  // rows and fields with SC layers: other plans keep their rows and strides.
  const adaptRow = classic ? 2 + slots : -1;
  // DynapSim's rows follow (dynapsim-layout.ts), only in plans with DynapSim populations.
  const dynRow = 2 + slots + (classic ? 1 : 0);
  const withDyn = hasDynapsim(plan);
  const traceRow = dynRow + (withDyn ? DYN_ROWS : 0);
  const sc = buildScLayout(plan, offsets, traceRow, flat ? 32 : 1);
  const scRatesField = POP.decay + slots;
  const classicField = scRatesField + (sc ? 2 : 0);
  const dynField = classicField + (classic ? CLASSIC.count : 0);
  const popStride = dynField + (withDyn ? DYN_POP.count : 0);
  const gaussBase = pops.length * popStride;
  const currentsBase = gaussBase + plan.gaussTable.length;
  const dynBase = currentsBase + (sc?.currents.length ?? 0);
  const dynapsim = withDyn
    ? buildDynapsimLayout(plan, offsets, total, {
        firstRow: dynRow,
        isynRow: ROW.current(0),
        field: dynField,
        base: dynBase,
      })
    : null;
  const traceRows = sc?.traceRows ?? 0;
  const traceField = NEURON.lists + 2 * (1 + slots);
  const historyWords = Math.ceil(Math.max(maxDelay + 1, maxCallSteps) / HISTORY_BITS);
  const plasticBase = dynBase + (dynapsim?.table.length ?? 0);
  const plastic = buildPlasticLayout(plan, {
    total,
    offsets,
    listOf: destinationLists(plan),
    firstRow: traceRow + traceRows + historyWords,
    neuronField: traceField + 2 * traceRows,
    paramBase: plasticBase,
  });
  const params = new Float32Array(plasticBase + (plastic?.table.length ?? 0));
  if (dynapsim) params.set(dynapsim.table, dynBase);
  if (plastic) params.set(plastic.table, plasticBase);
  params.set(plan.gaussTable, gaussBase);
  if (sc) params.set(sc.currents, currentsBase);
  const neuronStride = traceField + 2 * traceRows + (plastic?.neuronFields ?? 0);
  const neurons = new Float32Array(total * neuronStride);
  if (sc) writeTraceFields(sc, plan, offsets, neurons, neuronStride, traceField);
  if (plastic) writeNeuronFields(plastic, neurons, neuronStride);
  const vInit = new Float32Array(total);
  const adaptInit = classic ? new Float32Array(total) : null;
  let genLo = total;
  let genHi = 0;
  pops.forEach((pop, p) => {
    const base = offsets[p] ?? 0;
    for (let j = 0; j < pop.size; j++) {
      neurons[(base + j) * neuronStride + NEURON.population] = p;
      neurons[(base + j) * neuronStride + NEURON.localIndex] = j;
    }
    const row = p * popStride;
    const set = (field: number, value: number): void => {
      params[row + field] = value;
    };
    set(POP.channelCount, pop.channels.length);
    const layer = sc?.layers.find((l) => l.population === p);
    if (sc) set(scRatesField, layer?.ratesSlot ?? -1);
    if (sc) set(scRatesField + 1, currentsBase + (layer?.currentsAt ?? 0));
    for (let c = 0; c < slots; c++) {
      const ch = pop.channels[c];
      set(POP.decay + c, ch === undefined ? 1 : (plan.channels[ch]?.decay ?? 1));
    }
    const m = pop.model;
    switch (m.model) {
      case 'stochastic_lif':
      case 'sc_dense':
        set(POP.kind, m.model === 'sc_dense' ? KIND.sc : KIND.lif);
        set(POP.vRest, m.vRest);
        set(POP.vReset, m.vReset);
        set(POP.vThreshold, m.vThreshold);
        set(POP.leak, m.leak);
        set(POP.rdt, m.rdt);
        set(POP.noiseStd, m.noiseStd);
        set(POP.refractorySteps, m.refractorySteps);
        vInit.set(m.vInit, base);
        break;
      case 'poisson':
        set(POP.kind, KIND.poisson);
        set(POP.threshold24, m.threshold24);
        break;
      case 'spike_generator':
        set(POP.kind, KIND.generator);
        genLo = Math.min(genLo, base);
        genHi = Math.max(genHi, base + pop.size);
        break;
      case 'izhikevich':
      case 'adex': {
        set(POP.kind, m.model === 'izhikevich' ? KIND.izhikevich : KIND.adex);
        const { shared, block } = classicFields(m);
        set(POP.vReset, shared.vReset);
        set(POP.vThreshold, shared.vThreshold);
        set(POP.noiseStd, shared.noiseStd);
        set(POP.refractorySteps, shared.refractorySteps);
        params.set(block, row + classicField);
        vInit.set(m.vInit, base);
        if (m.model === 'izhikevich') adaptInit?.set(m.uInit, base);
        break;
      }
      case 'dynapsim':
        set(POP.kind, KIND.dynapsim);
        if (dynapsim) params.set(dynapsimPopFields(m, dynapsim, p), row + dynapsim.field);
        // Imem lives in the V row and starts at the nominal Io (dynapsim-layout.ts).
        vInit.fill(m.io0, base, base + pop.size);
        break;
      case 'loihi':
        set(POP.kind, KIND.loihi);
        for (const [field, value] of loihiFields(m)) set(POP[field], value);
        break;
      case 'fixed_point_lif':
      case 'nir_neuron':
        // Unreachable: requireModels refuses the model first (index.ts).
        throw new Error(`gpu backend: the ${m.model} model is not implemented`);
      default: {
        const unknown: never = m;
        throw new Error(`gpu backend: unknown population model ${JSON.stringify(unknown)}`);
      }
    }
  });
  return {
    total,
    offsets,
    slots,
    maxDelay,
    historyWords,
    stateRows: traceRow + traceRows + historyWords + (plastic?.rows ?? 0),
    classic,
    loihi: hasLoihi(plan),
    dynapsim,
    adaptRow,
    adaptInit,
    classicField,
    traceRow,
    traceRows,
    historyRow: traceRow + traceRows,
    plastic,
    midRows: sc ? 3 : 2,
    sc,
    traceField,
    stepStride: sc ? 4 : 3,
    stepBlock: pops.length * (sc ? 4 : 3) + (sc?.gateSpan ?? 0),
    genLo: genHi > genLo ? genLo : 0,
    genSpan: Math.max(1, genHi - genLo),
    flat,
    listStride: flat ? 32 : 8,
    popStride,
    scRatesField,
    gaussBase,
    params,
    neuronStride,
    neurons,
    vInit,
  };
}

/** The slot (position in the population's channel list) of a plan channel. */
export function channelSlot(plan: Plan, channel: number): number {
  const target = plan.channels[channel]?.target ?? -1;
  return plan.populations[target]?.channels.indexOf(channel) ?? -1;
}

/** Each projection's list in its targets: 0 for delta synapses, 1 + c for channel slot c. */
export function destinationLists(plan: Plan): number[] {
  return plan.projections.map((proj) =>
    proj.destination.kind === 'delta' ? 0 : 1 + channelSlot(plan, proj.destination.channel),
  );
}
