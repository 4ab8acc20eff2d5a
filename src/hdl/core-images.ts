/**
 * The network as data for `hdl/spikelab_core.v`: its `$readmemh` images, built from the
 * compiled `Plan` (never from the document), so the core gets exactly the integers the engine
 * steps: quantised weights and constants, the drawn CSR connectivity and delays, the generator
 * schedules, Poisson keys and thresholds, and the stimulus (ext) schedule. Field layouts are
 * the core's (hdl/README.md, "Network core"); `CoreNeeds` is what the capacities must hold.
 */
import type { FixedLifPlan, LoihiPlan, Plan, PopulationPlan } from '../engine/plan.ts';
import type { OnlineO1Plan } from '../engine/plan-plasticity.ts';
import { fixedRange } from '../engine/fixed-point/fixed-lif-step.ts';

/** Population kinds as the core numbers them (`pop.hex` field 0). */
export const POP_KIND = { fixed: 0, poisson: 1, generator: 2, loihi: 3 } as const;

/** Words per population in `pop.hex` and per projection in `prj.hex`. */
export const POP_FIELDS = 32;
export const PRJ_FIELDS = 16;
/** Channels one fixed-point population may have (the core's 4-bit bank field). */
export const MAX_CHANNELS = 16;
/** The core's widest W and S, and its refractory counter width. */
export const CORE_WMAX = 24;
export const CORE_SMAX = 16;
export const CORE_RW = 16;

/** Memory contents, unpadded; the capacities decide the memories' depths and widths. */
export interface CoreImages {
  net: number[];
  pop: number[];
  prj: number[];
  ext: number[];
  vinit: number[];
  rowStart: number[];
  rowEnd: number[];
  synTarget: number[];
  synWeight: number[];
  synDelay: number[];
  genPtr: number[];
  genIdx: number[];
  /**
   * OnlineO1's integer weight of every synapse (`syn_o1w.hex`; 0 where a synapse does not
   * learn). Empty when no projection learns: such a network's export has no `syn_o1w.hex`.
   */
  o1Weight: number[];
  /**
   * Integer SC layers (step 1b integer): per channel of every layer, in document order, the
   * input and weight keys and thresholds (`sc_in_key.hex` ... `sc_w_thr.hex`), and per layer its
   * `currentByCount` table, layer after layer (`sc_current.hex`). Empty without SC layers: such
   * a network's export has none of these files.
   */
  scInputKey: number[];
  scWeightKey: number[];
  scInputThreshold: number[];
  scWeightThreshold: number[];
  scCurrent: number[];
}

/** How much of each resource the network uses (before rounding to capacities). */
export interface CoreNeeds {
  neurons: number;
  populations: number;
  projections: number;
  channels: number;
  /** Largest delay of a delivered projection, steps. */
  maxDelay: number;
  synapses: number;
  rows: number;
  genPtr: number;
  genIdx: number;
  ext: number;
  /** Loihi neurons (0 or absent: the core is built without its Loihi memories and pass). */
  loihi?: number;
  /** Synapses that learn with online_o1 (0 or absent: the core is built without learning). */
  onlineO1?: number;
  /** Channels of all integer SC layers (absent: the core is built without its SC count). */
  scChannels?: number;
  /** Entries of their current-by-count tables (channels + 1 per layer). */
  scEntries?: number;
}

/** A network that the core cannot hold as built, per item (population or projection). */
export interface CoreProblem {
  path: string;
  message: string;
}

export interface CoreLayout {
  images: CoreImages;
  needs: CoreNeeds;
  /** First global neuron index of each population. */
  bases: number[];
  /** Projections that the core delivers (onto fixed-point and Loihi populations), in document order. */
  delivered: number[];
  problems: CoreProblem[];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** A signed value as the core's 32-bit image word (two's complement). */
const word = (x: number): number => x >>> 0;

/**
 * Lays out `plan` for the core. Models other than fixed_point_lif, poisson, spike_generator
 * and loihi must have been refused before (they throw here).
 */
export function layoutCore(plan: Plan): CoreLayout {
  const problems: CoreProblem[] = [];
  const bases: number[] = [];
  let neurons = 0;
  for (const p of plan.populations) {
    bases.push(neurons);
    neurons += p.size;
  }

  const images: CoreImages = {
    net: [],
    pop: [],
    prj: [],
    ext: [],
    vinit: new Array<number>(neurons).fill(0),
    rowStart: [],
    rowEnd: [],
    synTarget: [],
    synWeight: [],
    synDelay: [],
    genPtr: [],
    genIdx: [],
    o1Weight: [],
    scInputKey: [],
    scWeightKey: [],
    scInputThreshold: [],
    scWeightThreshold: [],
    scCurrent: [],
  };

  let channels = 1;
  let loihi = 0;
  plan.populations.forEach((p, i) => {
    const fields = new Array<number>(POP_FIELDS).fill(0);
    const base = bases[i] ?? 0;
    fields[1] = base;
    fields[2] = p.size;
    const m = p.model;
    switch (m.model) {
      case 'fixed_point_lif': {
        fields[0] = POP_KIND.fixed;
        fixedFields(fields, p, m, plan, problems, i);
        channels = Math.max(channels, p.channels.length);
        m.vInit.forEach((v, j) => (images.vinit[base + j] = v));
        if (m.sc !== undefined) scFields(fields, m.sc, images);
        break;
      }
      case 'poisson':
        fields[0] = POP_KIND.poisson;
        fields[13] = m.key >>> 0;
        fields[14] = m.threshold24;
        break;
      case 'spike_generator':
        fields[0] = POP_KIND.generator;
        fields[13] = images.genPtr.length;
        fields[14] = m.stepPtr.length;
        fields[15] = m.periodSteps;
        // Pointers into the shared index table: this generator's entries start after the others.
        for (const ptr of m.stepPtr) images.genPtr.push(images.genIdx.length + ptr);
        for (const j of m.indices) images.genIdx.push(j);
        break;
      case 'loihi':
        fields[0] = POP_KIND.loihi;
        loihiFields(fields, m);
        loihi += p.size;
        break;
      case 'stochastic_lif':
      case 'sc_dense':
      case 'izhikevich':
      case 'adex':
      case 'dynapsim':
      case 'nir_neuron':
        // exportRefusals names these before a plan is laid out.
        throw new Error(`layoutCore: population '${p.id}' (${m.model}) has no core form`);
    }
    images.pop.push(...fields);
  });

  // Projections onto fixed-point and Loihi populations; events into a source population are
  // dropped (the engine drops them too), so those projections are not delivered at all.
  const delivered: number[] = [];
  let maxDelay = 0;
  let onlineO1 = 0;
  plan.projections.forEach((pr, k) => {
    const target = plan.populations[pr.target];
    const source = plan.populations[pr.source];
    if (target === undefined || source === undefined) return;
    const tm = target.model;
    if (tm.model !== 'fixed_point_lif' && tm.model !== 'loihi') return;
    const toLoihi = tm.model === 'loihi';
    if (toLoihi ? pr.destination.kind !== 'delta' : pr.destination.kind !== 'current') {
      throw new Error(
        `layoutCore: projection '${pr.id}' onto a ${tm.model} target is not a ` +
          (toLoihi ? 'delta (Loihi synapse)' : 'current'),
      );
    }
    const rule = pr.plasticity?.rule;
    if (pr.learning || (rule !== undefined && (rule.rule !== 'online_o1' || toLoihi))) {
      // hardwareRefusals names Loihi learning (step 5d) before a plan is laid out.
      throw new Error(`layoutCore: projection '${pr.id}' learns, which the core does not run`);
    }
    const o1 = rule?.rule === 'online_o1' ? rule : undefined;
    const bank =
      pr.destination.kind === 'current' ? target.channels.indexOf(pr.destination.channel) : 0;
    // A Loihi target's I is summed without a clamp: the bounds are unused (0).
    const { min, max } =
      tm.model === 'fixed_point_lif' ? fixedRange(tm.totalBits) : { min: 0, max: 0 };
    const { rowPtr, targets, weights, delays } = pr.csr;
    const perSynapse = delays instanceof Uint8Array;
    const fields = new Array<number>(PRJ_FIELDS).fill(0);
    fields[0] = pr.source;
    fields[1] = bases[pr.source] ?? 0;
    fields[2] = source.size;
    fields[3] = bank;
    fields[4] = word(min);
    fields[5] = word(max);
    fields[6] = images.rowStart.length;
    fields[7] = perSynapse ? 1 : 0;
    fields[8] = perSynapse ? 0 : delays.constant;
    fields[9] = pr.maxDelay;
    fields[10] = toLoihi ? 1 : 0;
    if (o1 !== undefined) {
      o1Fields(fields, o1, tm.model === 'fixed_point_lif' ? tm.totalBits : 24, pr.id, k, problems);
    }
    maxDelay = Math.max(maxDelay, pr.maxDelay);
    const first = images.synTarget.length;
    for (let s = 0; s < source.size; s++) {
      images.rowStart.push(first + (rowPtr[s] ?? 0));
      images.rowEnd.push(first + (rowPtr[s + 1] ?? 0));
    }
    const targetBase = bases[pr.target] ?? 0;
    for (let e = 0; e < targets.length; e++) {
      images.synTarget.push(targetBase + (targets[e] ?? 0));
      images.synWeight.push(
        o1 !== undefined
          ? o1Delivered(o1.initialWeights[e] ?? 0, o1.weightScale)
          : weights instanceof Float32Array
            ? (weights[e] ?? 0)
            : weights.constant,
      );
      images.synDelay.push(perSynapse ? (delays[e] ?? 0) : delays.constant);
    }
    if (o1 !== undefined) {
      // The synapses before this projection's (none of them learned, or learned already).
      const o1w = images.o1Weight;
      while (o1w.length < first) o1w.push(0);
      o1w.push(...o1.initialWeights);
      onlineO1 += targets.length;
    }
    images.prj.push(...fields);
    delivered.push(k);
  });

  // Learning synapses' integer weights cover every synapse (0 after the last learning one).
  if (onlineO1 > 0) {
    const rest = images.synTarget.length - images.o1Weight.length;
    images.o1Weight.push(...new Array<number>(rest).fill(0));
  }
  images.ext = extSchedule(plan, problems);
  const extEvents = images.ext.length / 4;
  images.net = [plan.populations.length, delivered.length, extEvents, 0];
  return {
    images,
    bases,
    delivered,
    problems,
    needs: {
      neurons,
      populations: plan.populations.length,
      projections: delivered.length,
      channels,
      maxDelay,
      synapses: images.synTarget.length,
      rows: images.rowStart.length,
      genPtr: images.genPtr.length,
      genIdx: images.genIdx.length,
      ext: extEvents,
      loihi,
      ...(onlineO1 > 0 ? { onlineO1 } : {}),
      ...(images.scCurrent.length > 0
        ? { scChannels: images.scInputKey.length, scEntries: images.scCurrent.length }
        : {}),
    },
  };
}

/**
 * The largest delivered weight the core stores for a learning synapse: `2^23 - 1`. The engine
 * delivers `fround(weight * weightScale)` (a whole number: the hardware check asks a whole
 * weight_scale) and saturates `I + w` to the target's W bits; for W <= 23 any w >= 2^W - 1
 * saturates at the maximum, so the clamp changes nothing (`o1Fields` refuses a 24-bit target
 * whose weights can pass it).
 */
export const O1_DELIVERED_MAX = 2 ** 23 - 1;

/** The weight the core delivers for OnlineO1 integer weight `w` (spikelab_core: o1_deliver). */
export function o1Delivered(w: number, weightScale: number): number {
  return Math.min(w * weightScale, O1_DELIVERED_MAX);
}

/**
 * Fields 11..14 of a projection that learns with online_o1 (README: `prj.hex`): 11 packs
 * 1 | weight_bits << 1 | trace_bits << 6 | reward_bits << 11 | learning_shift << 16 |
 * trace_decay_shift << 21; 12 the reward population; 13 the integer reward per spike (32-bit
 * two's complement); 14 the weight scale (a whole number; min(scale, 2^23): past it every
 * nonzero weight is clamped alike).
 */
function o1Fields(
  fields: number[],
  o1: OnlineO1Plan,
  totalBits: number,
  id: string,
  index: number,
  problems: CoreProblem[],
): void {
  fields[11] =
    1 +
    o1.weightBits * 2 +
    o1.traceBits * 2 ** 6 +
    o1.rewardBits * 2 ** 11 +
    o1.learningShift * 2 ** 16 +
    o1.traceDecayShift * 2 ** 21;
  fields[12] = o1.reward.population;
  fields[13] = word(o1.reward.amount);
  fields[14] = Math.min(o1.weightScale, 2 ** 23);
  const path = `projections[${index}].plasticity`;
  if (o1.reward.amount < INT32_MIN || o1.reward.amount > INT32_MAX) {
    problems.push({
      path,
      message: `projection '${id}' has an online_o1 reward of ${o1.reward.amount} per spike; the core holds a 32-bit signed amount`,
    });
  }
  const largest = (2 ** o1.weightBits - 1) * o1.weightScale;
  if (totalBits > 23 && largest > O1_DELIVERED_MAX) {
    problems.push({
      path,
      message:
        `projection '${id}' can deliver ${largest} (weight ${2 ** o1.weightBits - 1} x scale ` +
        `${o1.weightScale}) into a ${totalBits}-bit fixed_point_lif target; the core delivers ` +
        `a learning weight of at most ${O1_DELIVERED_MAX}: lower weight_bits or weight_scale, ` +
        'or the target to 23 bits',
    });
  }
}

/** Fields 3..12 and 16.. of a fixed-point population (README: `pop.hex`). */
function fixedFields(
  fields: number[],
  p: PopulationPlan,
  m: FixedLifPlan,
  plan: Plan,
  problems: CoreProblem[],
  index: number,
): void {
  const { min, max } = fixedRange(m.totalBits);
  fields[3] = p.channels.length;
  fields[4] = m.scaleBits;
  fields[5] = word(min);
  fields[6] = word(max);
  fields[7] = word(m.vRest);
  fields[8] = word(m.vReset);
  fields[9] = word(m.vThreshold);
  fields[10] = m.leak;
  fields[11] = m.gain;
  fields[12] = m.refractorySteps;
  if (m.refractorySteps >= 2 ** CORE_RW) {
    problems.push({
      path: `populations[${index}]`,
      message:
        `population '${p.id}' has a refractory period of ${m.refractorySteps} steps; the core ` +
        `counts at most ${2 ** CORE_RW - 1}`,
    });
  }
  if (p.channels.length > MAX_CHANNELS) {
    problems.push({
      path: `populations[${index}]`,
      message:
        `population '${p.id}' has ${p.channels.length} synaptic currents (distinct taus); the ` +
        `core holds at most ${MAX_CHANNELS}`,
    });
  }
  p.channels.forEach((c, k) => {
    if (k < MAX_CHANNELS) fields[16 + k] = plan.channels[c]?.fixedDecay ?? 0;
  });
}

/** pop.hex field 0 bit 2: the fixed-point population is an integer SC layer. */
export const POP_SC_FLAG = 4;

/**
 * An integer SC layer's fields (README: `pop.hex`): field 0 gains `POP_SC_FLAG`; 13 its first
 * channel in the SC channel tables, 14 its channel count, 15 its stream length L, 16 its
 * `currentByCount` table's first entry (the layer has no synaptic channels, so the decay words
 * are free); its channels and table are appended to the images.
 */
function scFields(fields: number[], sc: NonNullable<FixedLifPlan['sc']>, images: CoreImages): void {
  fields[0] = (fields[0] ?? 0) | POP_SC_FLAG;
  fields[13] = images.scInputKey.length;
  fields[14] = sc.channelCount;
  fields[15] = sc.length;
  fields[16] = images.scCurrent.length;
  for (let c = 0; c < sc.channelCount; c++) {
    images.scInputKey.push((sc.inputKeys[c] ?? 0) >>> 0);
    images.scWeightKey.push((sc.weightKeys[c] ?? 0) >>> 0);
    images.scInputThreshold.push(sc.inputs.thresholds[c] ?? 0);
    images.scWeightThreshold.push(sc.weightThresholds[c] ?? 0);
  }
  for (const current of sc.currentByCount) images.scCurrent.push(current);
}

/**
 * Fields 9..12 of a Loihi population (README: `pop.hex`): threshold (threshold_v_mant * 2^6),
 * decay_v, decay_I, refractory (1..64); step 5c in hdl/loihi_compartment.v.
 */
function loihiFields(fields: number[], m: LoihiPlan): void {
  fields[9] = m.threshold;
  fields[10] = m.decayV;
  fields[11] = m.decayI;
  fields[12] = m.refractory;
}

/**
 * The stimulus schedule as change events (step, population, value, 0): a fixed-point
 * population's ext = q(bias) + the q(amplitude) of every stimulus active at the step
 * (`fixedExternal`), listed at step 0 when nonzero and wherever it changes.
 */
function extSchedule(plan: Plan, problems: CoreProblem[]): number[] {
  const events: [number, number, number][] = [];
  plan.populations.forEach((p, i) => {
    if (p.model.model !== 'fixed_point_lif') return;
    const bias = p.model.bias;
    // An SC layer's current joins ext in the core's 32-bit adder: ext plus any table entry must fit.
    const table = p.model.sc?.currentByCount ?? [0];
    const low = Math.min(0, ...table);
    const high = Math.max(0, ...table);
    const steps = new Set<number>([0]);
    for (const s of p.stimuli) {
      for (const at of [s.startStep, s.stopStep]) {
        if (at > 0 && at < plan.totalSteps) steps.add(at);
      }
    }
    let previous = 0;
    for (const t of [...steps].sort((a, b) => a - b)) {
      let ext = bias;
      for (const s of p.stimuli) if (s.startStep <= t && t < s.stopStep) ext += s.amplitude;
      if (ext + low < INT32_MIN || ext + high > INT32_MAX) {
        problems.push({
          path: `populations[${i}]`,
          message: `population '${p.id}' has an input (bias + stimuli${low < high ? ' + SC current' : ''}) of ${ext}${low < high ? ` + [${low}, ${high}]` : ''} at step ${t}, beyond the core's 32-bit ext register`,
        });
        return;
      }
      if (ext !== previous) events.push([t, i, ext]);
      previous = ext;
    }
  });
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return events.flatMap(([t, pop, ext]) => [t, pop, word(ext), 0]);
}
