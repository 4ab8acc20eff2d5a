/**
 * Compiles a plan's step kernels and the device calls built from them: one gpu.js pipeline per
 * call length, each recording `steps` consecutive steps (two kernels a step, plus the state
 * probes' read when the plan has any) so that a call costs one submission and one readback.
 *
 * The tables a live edit touches are pipeline arguments, not compile-time constants: `params`
 * always (small: population fields and a few tables), the gather's `sourceWeight` only when the
 * kernels are built with `weightsArgument` (it grows with the synapses, and an argument is
 * copied and uploaded with every call; see CONTEXT.md "Live edits").
 */
import type { GatherLists } from './gather.ts';
import type { GpuContext, GpuPipeline, TraceHandle, TraceKernel } from './gpujs.ts';
import { probeSource, stepSources, type SourceOptions } from './kernels.ts';
import type { DeviceLayout } from './layout.ts';
import { scCountSource } from './sc-kernels.ts';

export interface StepKernels {
  /** SC rates layers' currents of the step (sc-kernels.ts); null without rates layers. */
  count: TraceKernel | null;
  neuron: TraceKernel;
  /** Loihi neurons' weight sums of the step (loihi-kernels.ts); null without Loihi populations. */
  loihi: TraceKernel | null;
  deliver: TraceKernel;
  /** Reads the probed state values after a step; null when the plan has no state probes. */
  probe: TraceKernel | null;
  /** Whether `deliver` and `loihi` read the gather's entries from the call argument `W`. */
  weightsArgument: boolean;
}

/**
 * A device call's arguments, in this order: the state, the steps' host inputs, the generator
 * flags, `params`, and (only with `weightsArgument`) the gather's `sourceWeight`.
 */
export const CALL_ARG = { state: 0, stepIn: 1, gen: 2, params: 3, weights: 4 } as const;

/**
 * Creates (without compiling yet: gpu.js compiles on a pipeline's first call) the step's
 * kernels, each with only the constant tables it reads: every array a WebGPU kernel reads (a
 * constant or an argument alike) is a storage buffer, at most 8 per kernel with its output.
 */
export function createStepKernels(
  ctx: GpuContext,
  layout: DeviceLayout,
  lists: GatherLists,
  populations: number,
  probeTable: Float32Array,
  callLengths: readonly number[],
  options: SourceOptions = {},
): StepKernels {
  const src = stepSources(layout, populations, options);
  const weightsArgument = options.weightsArgument ?? false;
  const n = layout.total;
  // Flat indices must stay exact in float32.
  if (layout.flat && n * layout.stateRows > 2 ** 24) {
    throw new RangeError(`gpu backend: ${n} neurons x ${layout.stateRows} state rows exceed 2^24`);
  }
  // `params` is the argument P (kernels.ts), so that a live edit compiles nothing.
  const tables = { neurons: layout.neurons };
  const rows = (count: number): [number] | [number, number] =>
    layout.flat ? [n * count] : [n, count];
  // Without delays the kernels never read wordScale (kernels.ts), and an unused constant would
  // still cost a storage buffer on WebGPU; live weights come as the argument W instead.
  const synapses = {
    ...tables,
    ...(weightsArgument ? {} : { sourceWeight: lists.sourceWeight }),
    ...(layout.maxDelay === 0 ? {} : { wordScale: lists.wordScale }),
  };
  const sc = layout.sc;
  // Host inputs are indexed in float32 too.
  const longest = Math.max(1, ...callLengths);
  if (longest * layout.stepBlock > 2 ** 24) {
    throw new RangeError(
      `gpu backend: ${longest} steps x ${layout.stepBlock} host inputs a step exceed 2^24`,
    );
  }
  return {
    count:
      sc && sc.ratesLayers > 0
        ? ctx.createTraceKernel({
            source: scCountSource(layout, populations),
            output: [sc.ratesLayers * sc.lanes],
            constants: { sc: sc.table },
            loopMaxIterations:
              Math.max(...sc.layers.map((l) => Math.ceil(l.plan.channelCount / sc.lanes))) + 1,
          })
        : null,
    neuron: ctx.createTraceKernel({
      source: src.neuron,
      output: rows(layout.midRows),
      constants: tables,
      loopMaxIterations: layout.slots + 1,
    }),
    loihi: src.loihi
      ? ctx.createTraceKernel({
          source: src.loihi,
          output: [n],
          constants: synapses,
          loopMaxIterations: lists.maxList + 1,
        })
      : null,
    deliver: ctx.createTraceKernel({
      source: src.deliver,
      output: rows(layout.stateRows),
      constants: synapses,
      // Plastic rows with a reward count its population's flags (plasticity-kernels.ts).
      loopMaxIterations:
        Math.max(lists.maxList, ...(layout.plastic?.projections.map((p) => p.rewardSize) ?? [])) +
        1,
    }),
    probe:
      probeTable.length === 0
        ? null
        : ctx.createTraceKernel({
            source: probeSource(layout),
            output: [probeTable.length / 2],
            constants: { probe: probeTable },
            loopMaxIterations: 1,
          }),
    weightsArgument,
  };
}

/**
 * A device call of `steps` steps: its arguments (`CALL_ARG`) resolve to the state after the
 * last step, then (with state probes) the probed values after each step. With SC rates layers a
 * step starts with their count kernel, whose output the neuron kernel reads; with Loihi
 * populations the `loihi` kernel runs between neuron and deliver, which reads its output.
 */
export function createCallPipeline(
  ctx: GpuContext,
  kernels: StepKernels,
  steps: number,
): GpuPipeline {
  const arity = kernels.weightsArgument ? CALL_ARG.weights + 1 : CALL_ARG.params + 1;
  return ctx.createPipeline(arity, (call, args) => {
    const arg = (i: number): TraceHandle => {
      const handle = args[i];
      if (!handle) throw new Error(`gpu backend: device call argument ${i} is missing`);
      return handle;
    };
    const [stepIn, gen, params] = [arg(CALL_ARG.stepIn), arg(CALL_ARG.gen), arg(CALL_ARG.params)];
    // The table arguments of deliver and loihi, in their kernels' order (P, then W).
    const tables = kernels.weightsArgument ? [params, arg(CALL_ARG.weights)] : [params];
    let s = arg(CALL_ARG.state);
    const samples: TraceHandle[] = [];
    for (let k = 0; k < steps; k++) {
      const mid = kernels.count
        ? call(kernels.neuron, s, stepIn, gen, k, call(kernels.count, s, stepIn, k), params)
        : call(kernels.neuron, s, stepIn, gen, k, params);
      s = kernels.loihi
        ? call(kernels.deliver, s, mid, call(kernels.loihi, s, mid, ...tables), ...tables)
        : call(kernels.deliver, s, mid, ...tables);
      if (kernels.probe) samples.push(call(kernels.probe, s));
    }
    return [s, ...samples];
  });
}
