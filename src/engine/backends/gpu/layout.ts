/**
 * The device layout of a plan: every population's neurons side by side in one index space, so
 * that each step runs a fixed, small number of kernels however many populations there are.
 * Per-population constants live in tables indexed by population; per-neuron tables say which
 * population a neuron belongs to and its index within it.
 */
import type { Plan } from '../../plan.ts';

/** Population kinds as the kernels see them. */
export const KIND = { lif: 0, poisson: 1, generator: 2 } as const;

/** Spike history bits per float32 word (exact integers up to 2^24; 16 keeps shifts simple). */
export const HISTORY_BITS = 16;

export interface DeviceLayout {
  /** Neurons in all populations. */
  total: number;
  /** First global index of each population. */
  offsets: number[];
  /** Channel slots per neuron: the most channels any population has (at least 1). */
  slots: number;
  /** Words of spike history per neuron (covers delays 0..maxDelay). */
  historyWords: number;
  popOf: Float32Array;
  localIndex: Float32Array;
  kind: Float32Array;
  vRest: Float32Array;
  vReset: Float32Array;
  vThreshold: Float32Array;
  leak: Float32Array;
  rdt: Float32Array;
  noiseStd: Float32Array;
  refractorySteps: Float32Array;
  threshold24: Float32Array;
  channelCount: Float32Array;
  /** Decay of channel slot c of population p at `p * slots + c` (1 for unused slots). */
  decay: Float32Array;
  /** Initial V of every neuron (0 for sources). */
  vInit: Float32Array;
}

/** Builds the tables of a plan's device layout. */
export function buildLayout(plan: Plan): DeviceLayout {
  const pops = plan.populations;
  const offsets: number[] = [];
  let total = 0;
  for (const p of pops) {
    offsets.push(total);
    total += p.size;
  }
  const slots = Math.max(1, ...pops.map((p) => p.channels.length));
  const maxDelay = Math.max(0, ...plan.projections.map((p) => p.maxDelay));
  const table = (): Float32Array => new Float32Array(pops.length);
  const layout: DeviceLayout = {
    total,
    offsets,
    slots,
    historyWords: Math.ceil((maxDelay + 1) / HISTORY_BITS),
    popOf: new Float32Array(total),
    localIndex: new Float32Array(total),
    kind: table(),
    vRest: table(),
    vReset: table(),
    vThreshold: table(),
    leak: table(),
    rdt: table(),
    noiseStd: table(),
    refractorySteps: table(),
    threshold24: table(),
    channelCount: table(),
    decay: new Float32Array(pops.length * slots).fill(1),
    vInit: new Float32Array(total),
  };
  pops.forEach((pop, p) => {
    const base = offsets[p] ?? 0;
    for (let j = 0; j < pop.size; j++) {
      layout.popOf[base + j] = p;
      layout.localIndex[base + j] = j;
    }
    layout.channelCount[p] = pop.channels.length;
    pop.channels.forEach((ch, c) => {
      layout.decay[p * slots + c] = plan.channels[ch]?.decay ?? 1;
    });
    const m = pop.model;
    switch (m.model) {
      case 'stochastic_lif':
        layout.kind[p] = KIND.lif;
        layout.vRest[p] = m.vRest;
        layout.vReset[p] = m.vReset;
        layout.vThreshold[p] = m.vThreshold;
        layout.leak[p] = m.leak;
        layout.rdt[p] = m.rdt;
        layout.noiseStd[p] = m.noiseStd;
        layout.refractorySteps[p] = m.refractorySteps;
        layout.vInit.set(m.vInit, base);
        break;
      case 'poisson':
        layout.kind[p] = KIND.poisson;
        layout.threshold24[p] = m.threshold24;
        break;
      case 'spike_generator':
        layout.kind[p] = KIND.generator;
        break;
    }
  });
  return layout;
}

/** The slot (position in the population's channel list) of a plan channel. */
export function channelSlot(plan: Plan, channel: number): number {
  const target = plan.channels[channel]?.target ?? -1;
  return plan.populations[target]?.channels.indexOf(channel) ?? -1;
}
