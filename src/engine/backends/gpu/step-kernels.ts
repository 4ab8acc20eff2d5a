/**
 * Compiles the kernels of one step for a plan, each with only the constant tables it reads
 * (constants are uploaded once per kernel, so the synapse lists go only to the gather kernels).
 */
import type { Plan } from '../../plan.ts';
import type { GatherLists } from './gather.ts';
import type { GpuContext, GpuKernel } from './gpujs.ts';
import type { DeviceLayout } from './layout.ts';
import {
  CHANNELS,
  COPY,
  HISTORY,
  INTEGRATE,
  REFRACTORY,
  SPIKES,
  VOLTAGE,
  ZERO,
} from './kernels.ts';

export interface StepKernels {
  integrate: GpuKernel;
  spikes: GpuKernel;
  refractory: GpuKernel;
  history: GpuKernel;
  channels: GpuKernel;
  voltage: GpuKernel;
  /** Initial state. */
  initialV: GpuKernel;
  zeroNeurons: GpuKernel;
  zeroChannels: GpuKernel;
  zeroHistory: GpuKernel;
}

/** Creates (without compiling yet: gpu.js compiles on the first call) the step's kernels. */
export function createStepKernels(
  ctx: GpuContext,
  plan: Plan,
  layout: DeviceLayout,
  lists: { v: GatherLists; channel: GatherLists },
): StepKernels {
  const n = layout.total;
  const perNeuron: [number] = [n];
  const tables = { popOf: layout.popOf, kind: layout.kind };
  const make = (
    source: string,
    output: [number] | [number, number],
    constants: Record<string, Float32Array | number>,
    loopMaxIterations = 1,
  ): GpuKernel => ctx.createKernel({ source, output, constants, loopMaxIterations });
  return {
    integrate: make(INTEGRATE, perNeuron, {
      ...tables,
      localIndex: layout.localIndex,
      slots: layout.slots,
      channelCount: layout.channelCount,
      vRest: layout.vRest,
      leak: layout.leak,
      rdt: layout.rdt,
      noiseStd: layout.noiseStd,
      gauss: plan.gaussTable,
    }),
    spikes: make(SPIKES, perNeuron, {
      ...tables,
      localIndex: layout.localIndex,
      vThreshold: layout.vThreshold,
      threshold24: layout.threshold24,
    }),
    refractory: make(REFRACTORY, perNeuron, {
      popOf: layout.popOf,
      refractorySteps: layout.refractorySteps,
    }),
    history: make(HISTORY, [n, layout.historyWords], {}),
    channels: make(
      CHANNELS,
      [n, layout.slots],
      {
        popOf: layout.popOf,
        channelCount: layout.channelCount,
        decay: layout.decay,
        slots: layout.slots,
        total: n,
        cPtr: lists.channel.ptr,
        cSource: lists.channel.source,
        cWeight: lists.channel.weight,
        cWord: lists.channel.word,
        cScale: lists.channel.scale,
      },
      lists.channel.maxRow + 1,
    ),
    voltage: make(
      VOLTAGE,
      perNeuron,
      {
        ...tables,
        vReset: layout.vReset,
        vPtr: lists.v.ptr,
        vSource: lists.v.source,
        vWeight: lists.v.weight,
        vWord: lists.v.word,
        vScale: lists.v.scale,
      },
      lists.v.maxRow + 1,
    ),
    initialV: make(COPY, perNeuron, { src: layout.vInit }),
    zeroNeurons: make(ZERO, perNeuron, {}),
    zeroChannels: make(ZERO, [n, layout.slots], {}),
    zeroHistory: make(ZERO, [n, layout.historyWords], {}),
  };
}
