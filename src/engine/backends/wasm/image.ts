/**
 * Lays a plan out in the kernel's linear memory: the header, one descriptor per population,
 * channel, projection and probed neuron, the arrays they point to, and the record buffers.
 * All mutable state (V, refractory counts, currents, SC rates traces, spike history) sits in
 * one contiguous block, so the host can snapshot and restore it with a single copy.
 */
import type { Plan, PopulationPlan } from '../../plan.ts';
import { Arena, padded } from './arena.ts';
import { historySlots, historyWords } from './history.ts';
import {
  TARGETS,
  delaysStoredApart,
  targetBytes,
  targetWidth,
  type TargetWidth,
} from './target-width.ts';
import {
  CHAN_BYTES,
  CSAMP_BYTES,
  HEADER_BYTES,
  LEARN_BYTES,
  PLAST_BYTES,
  POP_BYTES,
  PROBE_BYTES,
  PROJ_BYTES,
} from './layout.ts';
import { writeDescriptors } from './descriptors.ts';
import { allocateScTables, allocateTrace, writeScTables, type ScAddresses } from './sc-image.ts';
import {
  allocateAdaptation,
  allocateClassic,
  isClassic,
  writeClassicInitial,
  type ClassicAddresses,
} from './classic-image.ts';
import { allocateLoihiState, type LoihiAddresses } from './loihi-image.ts';
import {
  allocateLearningState,
  allocateLearningTables,
  synapseSamples,
  writeLearningInitial,
  type LearningState,
  type LearningTables,
  type SynapseSample,
} from './learning-image.ts';
import {
  allocateEventTables,
  allocatePlasticState,
  writeEventTables,
  type EventTables,
  hasPlasticWeights,
  writePlasticInitial,
  type PlasticState,
} from './plasticity-image.ts';
import {
  allocateDynapsim,
  allocateDynapsimState,
  writeDynapsimInitial,
  type DynapsimAddresses,
} from './dynapsim-image.ts';
import { allocateNir, allocateNirState, isNir, type NirAddresses } from './nir-image.ts';

/** Addresses of one population's arrays (0 where the model has none). */
export interface PopulationAddresses {
  v: number;
  refr: number;
  /** List of refractory neurons and its length (state), and their saved V (scratch). */
  held: number;
  heldCount: number;
  saved: number;
  list: number;
  hist: number;
  hslots: number;
  scratch: number;
  chList: number;
  genStepPtr: number;
  genIndices: number;
  /** sc_dense layers only. */
  sc: ScAddresses | undefined;
  /** izhikevich and adex populations only (adaptation array and constants). */
  classic: ClassicAddresses | undefined;
  /** loihi populations only (their state, in the state block). */
  loihi: LoihiAddresses | undefined;
  /** dynapsim populations only (state block, constants, descriptor). */
  dynapsim: DynapsimAddresses | undefined;
  /** nir_neuron populations only (S in the state block, constants, descriptor). */
  nir: NirAddresses | undefined;
}

/** Addresses of one projection's connectivity. */
export interface ProjectionAddresses {
  rowPtr: number;
  targets: number;
  /** A TARGETS code: u16, u32, or u32 with the delay in the top byte. */
  width: TargetWidth;
  weights: number;
  delays: number;
  /** Where a delta projection onto a population without V adds its weights (else 0). */
  sink: number;
  /** Loihi learning (CONTEXT.md step 5d): its state (wAct is `weights`) and tables. */
  learning: { state: LearningState; tables: LearningTables; samples: SynapseSample[] } | undefined;
  /** Classic plasticity (CONTEXT.md steps 3b, 5e, 5f): its state in the state block. */
  plastic: PlasticState | undefined;
  /** Event-driven stdp's constant tables (plasticity-image.ts). */
  events: EventTables | undefined;
  /** Its synapse probe samples (classic kinds), when its weights change. */
  plasticSamples: SynapseSample[];
}

/** Where everything lives, as written by `writeImage`. */
export interface MemoryImage {
  header: number;
  populations: PopulationAddresses[];
  /** Address of each channel's current array. */
  channels: number[];
  projections: ProjectionAddresses[];
  tables: {
    pops: number;
    chans: number;
    projs: number;
    probes: number;
    learns: number;
    /** Weight rule descriptors (PL_*), projections with a rule in projection order. */
    plasts: number;
    /** Classic synapse sample entries (CS_*). */
    csamps: number;
  };
  /** Projections with a weight rule, with short-term plasticity, and classic samples per step. */
  ruleCount: number;
  stpCount: number;
  classicSampleCount: number;
  /** Learning projections, whose descriptors are `tables.learns` in this order. */
  learningCount: number;
  /** Synapse probe samples per step, recorded after the state probes' `probeCount`. */
  synapseSampleCount: number;
  gauss: number;
  union: number;
  rec: number;
  recCapWords: number;
  recNeedWords: number;
  samp: number;
  sampCapFloats: number;
  probeCount: number;
  /** Populations whose spikes are recorded (spike or rate probes), ascending. */
  recorded: number[];
  stateStart: number;
  stateEnd: number;
  end: number;
}

/** Populations whose spikes some probe wants, as ChunkBuilder.wantsSpikes decides. */
export function recordedPopulations(plan: Plan): number[] {
  const wanted = new Set<number>();
  for (const probe of plan.probes)
    if (probe.kind === 'spikes' || probe.kind === 'rate') wanted.add(probe.population);
  return plan.populations.map((p) => p.index).filter((i) => wanted.has(i));
}

/** Number of (probe, neuron) samples taken each step, in ChunkBuilder's order. */
export function probeSampleCount(plan: Plan): number {
  let n = 0;
  for (const probe of plan.probes) if (probe.kind === 'state') n += probe.neurons.length;
  return n;
}

/**
 * Populations with V and refractory counts: `stochastic_lif`, `sc_dense` (a LIF layer with SC
 * input), and the classroom models `izhikevich` and `adex` (assembly/classic.ts).
 */
export function integrates(p: PopulationPlan | undefined): boolean {
  const model = p?.model.model;
  return (
    model === 'stochastic_lif' || model === 'sc_dense' || model === 'izhikevich' || model === 'adex'
  );
}

/** A `fixed_point_lif` population: V and refractory counts, stepped by assembly/fixed-lif.ts. */
export function isFixedLif(p: PopulationPlan | undefined): boolean {
  return p?.model.model === 'fixed_point_lif';
}

/** Decides every address; nothing is written yet. */
export function planImage(plan: Plan, heapBase: number): MemoryImage {
  const arena = new Arena(heapBase);
  const header = arena.alloc(HEADER_BYTES);
  const slots = historySlots(plan);

  // Mutable state first, in one block.
  const stateStart = arena.alloc(0);
  const state = plan.populations.map((p) => {
    const n = integrates(p) || isFixedLif(p) || isNir(p) ? padded(p.size) : 0;
    // The held count gets 16 bytes so the arrays after it stay v128-aligned.
    return {
      v: arena.alloc(4 * n),
      refr: arena.alloc(4 * n),
      held: arena.alloc(integrates(p) ? 4 * n : 0),
      heldCount: arena.alloc(integrates(p) ? 16 : 0),
    };
  });
  const traces = plan.populations.map((p) =>
    p.model.model === 'sc_dense' ? allocateTrace(arena, p.model) : 0,
  );
  const adaptation = plan.populations.map((p) =>
    isClassic(p.model) ? allocateAdaptation(arena, p.size) : 0,
  );
  const loihi = plan.populations.map((p) =>
    p.model.model === 'loihi' ? allocateLoihiState(arena, p.size) : undefined,
  );
  const dynapsim = plan.populations.map((p) =>
    p.model.model === 'dynapsim' ? allocateDynapsimState(arena, p.size) : 0,
  );
  const nirS = plan.populations.map((p) => (isNir(p) ? allocateNirState(arena, p.size) : 0));
  const learningState = plan.projections.map((pr) =>
    pr.learning ? allocateLearningState(arena, pr) : undefined,
  );
  const plasticState = plan.projections.map((pr) =>
    pr.plasticity ? allocatePlasticState(arena, plan, pr) : undefined,
  );
  const channels = plan.channels.map((c) => arena.alloc(4 * padded(sizeOf(plan, c.target))));
  const hist = plan.populations.map((p, i) =>
    (slots[i] ?? 0) > 0 ? arena.alloc(4 * (slots[i] ?? 0) * historyWords(p.size)) : 0,
  );
  const stateEnd = arena.alloc(0);

  const populations = plan.populations.map((p, i): PopulationAddresses => {
    const m = p.model;
    return {
      v: integrates(p) || isFixedLif(p) || isNir(p) ? (state[i]?.v ?? 0) : 0,
      refr: integrates(p) || isFixedLif(p) ? (state[i]?.refr ?? 0) : 0,
      held: integrates(p) ? (state[i]?.held ?? 0) : 0,
      heldCount: integrates(p) ? (state[i]?.heldCount ?? 0) : 0,
      saved: integrates(p) ? arena.alloc(4 * padded(p.size)) : 0,
      list: arena.alloc(4 * padded(p.size)),
      hist: hist[i] ?? 0,
      hslots: slots[i] ?? 0,
      scratch: integrates(p) && p.channels.length > 2 ? arena.alloc(4 * padded(p.size)) : 0,
      chList: arena.alloc(4 * p.channels.length),
      genStepPtr: m.model === 'spike_generator' ? arena.alloc(4 * m.stepPtr.length) : 0,
      genIndices: m.model === 'spike_generator' ? arena.alloc(4 * m.indices.length) : 0,
      sc:
        m.model === 'sc_dense'
          ? allocateScTables(arena, m, traces[i] ?? 0)
          : m.model === 'fixed_point_lif' && m.sc
            ? allocateScTables(arena, m.sc, 0)
            : undefined,
      classic: isClassic(m) ? allocateClassic(arena, adaptation[i] ?? 0) : undefined,
      loihi: loihi[i],
      dynapsim:
        m.model === 'dynapsim' ? allocateDynapsim(arena, p.size, dynapsim[i] ?? 0) : undefined,
      nir: isNir(p) ? allocateNir(arena, p.size, nirS[i] ?? 0) : undefined,
    };
  });
  const samples = synapseSamples(plan);
  const learningCount = learningState.filter((l) => l !== undefined).length;
  const learns = arena.alloc(LEARN_BYTES * learningCount);
  let learned = 0;
  const projections = plan.projections.map((pr, k): ProjectionAddresses => {
    const width = targetWidth(plan, pr);
    const count = pr.csr.targets.length;
    const { weights } = pr.csr;
    const target = plan.populations[pr.target];
    const needsSink =
      pr.destination.kind === 'delta' && !integrates(target) && target?.model.model !== 'dynapsim';
    const state = learningState[k];
    const plastic = plasticState[k];
    const list = samples.perProjection[k] ?? [];
    const learning =
      pr.learning && state
        ? {
            state,
            tables: allocateLearningTables(
              arena,
              pr.learning,
              list.length,
              learns + LEARN_BYTES * learned++,
            ),
            samples: list,
          }
        : undefined;
    return {
      rowPtr: arena.alloc(4 * pr.csr.rowPtr.length),
      targets: arena.alloc(targetBytes(width) * count),
      width,
      // A learning projection delivers its current wAct, a plastic one its current weights:
      // both live in the state block.
      weights: state
        ? state.wAct
        : plastic?.weights
          ? plastic.weights
          : weights instanceof Float32Array
            ? arena.alloc(4 * count)
            : 0,
      delays: delaysStoredApart(pr, width) ? arena.alloc(count) : 0,
      sink: needsSink ? arena.alloc(4 * padded(sizeOf(plan, pr.target))) : 0,
      learning,
      plastic,
      events: allocateEventTables(arena, plan, pr),
      plasticSamples: hasPlasticWeights(pr.plasticity) ? list : [],
    };
  });
  const ruleCount = plan.projections.filter((pr) => pr.plasticity?.rule).length;
  const stpCount = plan.projections.filter((pr) => pr.plasticity?.stp).length;
  const classicSampleCount = projections.reduce((n, a) => n + a.plasticSamples.length, 0);
  const probeCount = probeSampleCount(plan);
  const tables = {
    pops: arena.alloc(POP_BYTES * plan.populations.length),
    chans: arena.alloc(CHAN_BYTES * plan.channels.length),
    projs: arena.alloc(PROJ_BYTES * plan.projections.length),
    probes: arena.alloc(PROBE_BYTES * probeCount),
    learns,
    plasts: arena.alloc(PLAST_BYTES * ruleCount),
    csamps: arena.alloc(CSAMP_BYTES * classicSampleCount),
  };
  const gauss = arena.alloc(4 * plan.gaussTable.length);
  const union = arena.alloc(4 * Math.max(0, ...plan.populations.map((p) => historyWords(p.size))));
  const recorded = recordedPopulations(plan);
  // Worst case of one step: every recorded neuron spikes. The buffers hold many steps, so one
  // call into the kernel usually covers a whole chunk.
  const recNeedWords = recorded.reduce((s, i) => s + sizeOf(plan, i) + 1, 0);
  const recCapWords = Math.max(4 * recNeedWords, 1 << 18);
  const sampCapFloats = Math.max(16 * (probeCount + samples.total), 1 << 18);
  const rec = arena.alloc(4 * recCapWords);
  const samp = arena.alloc(4 * sampCapFloats);
  return {
    header,
    populations,
    channels,
    projections,
    tables,
    gauss,
    union,
    rec,
    recCapWords,
    recNeedWords,
    samp,
    sampCapFloats,
    probeCount,
    learningCount,
    ruleCount,
    stpCount,
    classicSampleCount,
    synapseSampleCount: samples.total,
    recorded,
    stateStart,
    stateEnd,
    end: arena.end,
  };
}

function sizeOf(plan: Plan, population: number): number {
  return plan.populations[population]?.size ?? 0;
}

/** Writes the plan's initial state: V from vInit, nobody refractory, currents and history 0. */
export function writeInitialState(plan: Plan, image: MemoryImage, buffer: ArrayBuffer): void {
  new Uint8Array(buffer, image.stateStart, image.stateEnd - image.stateStart).fill(0);
  plan.populations.forEach((p, i) => {
    const a = image.populations[i];
    const m = p.model;
    if (a && (m.model === 'stochastic_lif' || m.model === 'sc_dense'))
      new Float32Array(buffer, a.v, p.size).set(m.vInit);
    // Integers below 2^23 in magnitude: exact in f32.
    if (a && m.model === 'fixed_point_lif') new Float32Array(buffer, a.v, p.size).set(m.vInit);
    // nir_neuron: V = vInit, S = 0 (zeroed above).
    if (a && m.model === 'nir_neuron') new Float32Array(buffer, a.v, p.size).set(m.vInit);
    if (a?.classic && isClassic(m)) writeClassicInitial(m, a.v, a.classic, buffer);
    if (a?.dynapsim && m.model === 'dynapsim') writeDynapsimInitial(m, a.dynapsim, buffer);
  });
  plan.projections.forEach((pr, k) => {
    const learning = image.projections[k]?.learning;
    if (learning) writeLearningInitial(pr, learning.state, buffer);
    const plastic = image.projections[k]?.plastic;
    if (plastic) writePlasticInitial(plan, pr, plastic, buffer);
  });
}

/** Writes descriptors, connectivity, schedules and the Gaussian table; then the initial state. */
export function writeImage(plan: Plan, image: MemoryImage, buffer: ArrayBuffer): void {
  writeDescriptors(plan, image, buffer);
  new Float32Array(buffer, image.gauss, plan.gaussTable.length).set(plan.gaussTable);
  plan.populations.forEach((p, i) => {
    const a = image.populations[i];
    if (!a) return;
    new Int32Array(buffer, a.chList, p.channels.length).set(p.channels);
    if (p.model.model === 'spike_generator') {
      new Uint32Array(buffer, a.genStepPtr, p.model.stepPtr.length).set(p.model.stepPtr);
      new Uint32Array(buffer, a.genIndices, p.model.indices.length).set(p.model.indices);
    }
    if (p.model.model === 'sc_dense' && a.sc) writeScTables(p.model, a.sc, buffer);
    // A fixed-point SC layer (step 1b integer): constant inputs, integer current table.
    if (p.model.model === 'fixed_point_lif' && p.model.sc && a.sc) {
      writeScTables(p.model.sc, a.sc, buffer);
    }
  });
  plan.projections.forEach((pr, i) => {
    const events = image.projections[i]?.events;
    if (events) writeEventTables(plan, pr, events, buffer);
  });
  plan.projections.forEach((pr, i) => {
    const a = image.projections[i];
    if (!a) return;
    const { rowPtr, targets, weights, delays } = pr.csr;
    new Uint32Array(buffer, a.rowPtr, rowPtr.length).set(rowPtr);
    if (a.width === TARGETS.u16) new Uint16Array(buffer, a.targets, targets.length).set(targets);
    else new Uint32Array(buffer, a.targets, targets.length).set(targets);
    // A learning or plastic projection's weights are state, written by writeInitialState.
    if (weights instanceof Float32Array && !a.learning && !hasPlasticWeights(pr.plasticity))
      new Float32Array(buffer, a.weights, weights.length).set(weights);
    if (delays instanceof Uint8Array) {
      if (a.width === TARGETS.u32WithDelay) {
        const packed = new Uint32Array(buffer, a.targets, targets.length);
        for (let k = 0; k < delays.length; k++)
          packed[k] = ((delays[k] ?? 0) << 24) | (packed[k] ?? 0);
      } else {
        new Uint8Array(buffer, a.delays, delays.length).set(delays);
      }
    }
  });
  writeInitialState(plan, image, buffer);
}
