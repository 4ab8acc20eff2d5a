/**
 * Compiles the kernels of one step for a plan, each with only the constant tables it reads
 * (constants are uploaded once per kernel, so the synapse lists go only to the gather kernels).
 */
import type { GatherLists } from './gather.ts';
import type { GpuContext, GpuKernel } from './gpujs.ts';
import type { DeviceLayout } from './layout.ts';
import { COPY, ZERO, stepSources } from './kernels.ts';

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
  layout: DeviceLayout,
  lists: GatherLists,
): StepKernels {
  const src = stepSources(layout);
  const n = layout.total;
  const perNeuron: [number] = [n];
  const perSlot: [number, number] = [n, layout.slots];
  const perWord: [number, number] = [n, layout.historyWords];
  const tables = { params: layout.params, neurons: layout.neurons };
  // Without delays the kernels never read wordScale (kernels.ts), and an unused constant would
  // still cost a storage buffer on WebGPU.
  const synapses =
    layout.maxDelay === 0
      ? { ...tables, sourceWeight: lists.sourceWeight }
      : { ...tables, sourceWeight: lists.sourceWeight, wordScale: lists.wordScale };
  const make = (
    source: string,
    output: [number] | [number, number],
    constants: Record<string, Float32Array | number>,
    loopMaxIterations = layout.slots + 1,
  ): GpuKernel => ctx.createKernel({ source, output, constants, loopMaxIterations });
  return {
    integrate: make(src.integrate, perNeuron, tables),
    spikes: make(src.spikes, perNeuron, tables),
    refractory: make(src.refractory, perNeuron, tables),
    history: make(src.history, perWord, {}),
    channels: make(src.channels, perSlot, synapses, lists.maxList + 1),
    voltage: make(src.voltage, perNeuron, synapses, lists.maxList + 1),
    initialV: make(COPY, perNeuron, { src: layout.vInit }),
    zeroNeurons: make(ZERO, perNeuron, {}),
    zeroChannels: make(ZERO, perSlot, {}),
    zeroHistory: make(ZERO, perWord, {}),
  };
}
