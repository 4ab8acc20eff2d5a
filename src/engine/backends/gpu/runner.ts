/**
 * The gpu backend's runner. The state (layout.ts) is stepped on the device by device calls of
 * several steps each (step-kernels.ts): a chunk of n steps is cut into calls of the lengths in
 * `callLengths` (longest first), and each call uploads the state and the steps' host inputs
 * once, runs two kernels a step in one submission, and reads the state back once. The history
 * words in the state hold every step of a call, so spikes come from them; state probes come
 * from a small read per step inside the call.
 *
 * The finiteness check (step 7) runs on the state after each call. A non-finite value stays
 * non-finite in every later step (NaN and infinities propagate through the update; a V that
 * overflowed during integration is reset), so when a call ends non-finite the runner replays
 * it one step a time from its starting state to report the same step and neuron as the
 * reference.
 *
 * Live edits (`applyLive`) compile nothing: `params` goes to the device with every call, and so
 * do the gather's weights once a weight is live (see `applyLive` for the one exception).
 */
import type { Chunk, ResolvedBackend } from '../../api.ts';
import type { LiveEdit } from '../../live/live-edit.ts';
import type { Plan } from '../../plan.ts';
import { ChunkBuilder } from '../../record/chunk-builder.ts';
import type { BackendRunner } from '../backend.ts';
import { buildGatherLists, type GatherLists } from './gather.ts';
import type { GpuContext, GpuPipeline, PipelineArg } from './gpujs.ts';
import {
  checkFinite,
  isFinite,
  recordSamples,
  recordSpikesFromHistory,
  type ProbeMap,
} from './host-results.ts';
import { HostInputs } from './host-inputs.ts';
import { POP, ROW, type DeviceLayout } from './layout.ts';
import { checkLoihiOverflow, loihiOverflowed } from './loihi-host.ts';
import { readLearnedWeights, writeInitialPlasticState } from './plasticity-layout.ts';
import { createCallPipeline, type StepKernels } from './step-kernels.ts';

/** The call lengths used by default: 64 steps a call, remainders in powers of 4. */
export const DEFAULT_CALL_LENGTHS: readonly number[] = [64, 16, 4, 1];

/**
 * Step kernels for these gather lists; with `weightsArgument`, reading the lists' weights from a
 * per-call argument instead of a compile-time constant (step-kernels.ts).
 */
export type KernelFactory = (lists: GatherLists, weightsArgument: boolean) => StepKernels;

/** The gather's entries while they are a call argument, and each entry's projection. */
interface LiveWeights {
  sourceWeight: Float32Array;
  projectionOf: Int32Array;
}

interface CallResult {
  state: Float32Array;
  /** Probe kernel output of each step of the call (empty without state probes). */
  samples: Float32Array[];
}

export class GpuRunner implements BackendRunner {
  private step = 0;
  private state: Float32Array;
  private readonly inputs: HostInputs;
  private readonly pipelines = new Map<number, GpuPipeline>();
  /** Longest first, ending with 1. */
  private readonly lengths: number[];
  private kernels: StepKernels;
  /** Null while the weights are compiled into the kernels as a constant. */
  private weights: LiveWeights | null = null;

  /**
   * `lists`: the gather lists for kernels with constant weights, or null to pass the weights
   * with every call from the start (see `applyLive`).
   */
  constructor(
    readonly name: ResolvedBackend,
    private readonly plan: Plan,
    private readonly layout: DeviceLayout,
    private readonly ctx: GpuContext,
    lists: GatherLists | null,
    private readonly probes: ProbeMap,
    callLengths: readonly number[],
    private readonly kernelsFor: KernelFactory,
  ) {
    this.inputs = new HostInputs(plan, layout);
    this.lengths = [...new Set([...callLengths, 1])].sort((a, b) => b - a);
    this.state = this.initialState();
    this.kernels = lists ? kernelsFor(lists, false) : this.weightsAsArgument();
  }

  /**
   * Kernels and pipelines built so far (each compiles at its first call): a live edit that
   * leaves it unchanged compiled nothing.
   */
  get builds(): number {
    return this.ctx.builds;
  }

  get currentStep(): number {
    return this.step;
  }

  /** What ran each call length: the mode its kernels executed on and gpu.js' executor. */
  executors(): {
    steps: number;
    backend: string | null;
    executor: string;
    reason: string | null;
  }[] {
    return [...this.pipelines].map(([steps, p]) => ({
      steps,
      backend: p.backend(),
      executor: p.executorKind(),
      reason: p.fallbackReason(),
    }));
  }

  reset(): Promise<void> {
    this.state = this.initialState();
    this.step = 0;
    return Promise.resolve();
  }

  /**
   * Compiles every call length by running it once from the initial state (results discarded),
   * then goes back to step 0. gpu.js compiles lazily and picks its real mode at that point.
   */
  async warmUp(): Promise<void> {
    for (const steps of this.lengths) await this.call(this.state, 0, steps);
    await this.reset();
  }

  async run(n: number): Promise<Chunk> {
    const builder = new ChunkBuilder(this.plan, this.step, n);
    const start = performance.now();
    let recordMs = 0;
    let remaining = n;
    if (remaining <= 0) return builder.finish(0, 0);
    let steps = this.lengthFor(remaining);
    let pending = this.call(this.state, this.step, steps);
    while (remaining > 0) {
      const before = this.state;
      const t0 = this.step;
      const result = await pending;
      if (!this.healthy(result.state)) await this.replay(before, t0, steps);
      this.state = result.state;
      this.step = t0 + steps;
      remaining -= steps;
      const done = steps;
      // The next call goes to the device before this one's results are decoded on the host.
      if (remaining > 0) {
        steps = this.lengthFor(remaining);
        pending = this.call(this.state, this.step, steps);
      }
      const r0 = performance.now();
      this.record(builder, result, t0, done);
      recordMs += performance.now() - r0;
    }
    return builder.finish(performance.now() - start - recordMs, n);
  }

  learnedWeights(projection: number): Promise<Float32Array> {
    const p = this.layout.plastic?.projections.find((q) => q.projection === projection);
    if (!p) {
      const id = this.plan.projections[projection]?.id ?? String(projection);
      return Promise.reject(
        new Error(`projection '${id}' has no weight rule or structural plasticity`),
      );
    }
    return Promise.resolve(readLearnedWeights(p, this.state, this.layout.total));
  }

  /**
   * Writes live edits where the next device call reads them; nothing is compiled, except once
   * for the first weight edit of kernels built with constant weights. Stimuli and biases reach
   * the device through each call's host inputs (`HostInputs` reads the plan). Thresholds, noise
   * and Poisson rates are fields of `params`, a per-call argument: written on the host, uploaded
   * with the next call. A weight is in the gather's entries, which are compiled into the kernels
   * as a constant by default, since an argument is copied and uploaded with every call and grows
   * with the synapses (8 bytes each; CONTEXT.md "Live edits" has the costs): the first weight
   * edit rebuilds the kernels to take them as an argument (pipelines compile again, lazily, at
   * the next call of each length), and later weight edits rewrite the projection's entries in
   * the host array only. The state stays, since it is a host array between calls.
   */
  applyLive(edits: readonly LiveEdit[]): Promise<void> {
    const { params, popStride } = this.layout;
    let weightEdited = false;
    for (const edit of edits) {
      switch (edit.kind) {
        case 'threshold':
          params[edit.population * popStride + POP.vThreshold] = edit.value;
          break;
        case 'noise':
          params[edit.population * popStride + POP.noiseStd] = edit.value;
          break;
        case 'rate':
          params[edit.population * popStride + POP.threshold24] = edit.threshold24;
          break;
        case 'weight':
          if (this.weights) writeWeight(this.weights, edit.projection, edit.value);
          weightEdited = true;
          break;
        case 'stimulus':
        case 'bias':
          break;
      }
    }
    // The plan holds the edited weights, which the new lists are built from.
    if (weightEdited && !this.weights) this.kernels = this.weightsAsArgument();
    return Promise.resolve();
  }

  dispose(): void {
    for (const p of this.pipelines.values()) p.destroy();
    this.pipelines.clear();
    this.ctx.destroy();
  }

  private lengthFor(remaining: number): number {
    return this.lengths.find((l) => l <= remaining) ?? 1;
  }

  /**
   * Step kernels that read the gather's weights from a call argument, built from the plan's
   * connectivity and weights as they are now; the pipelines of the old kernels go.
   */
  private weightsAsArgument(): StepKernels {
    const lists = buildGatherLists(this.plan, this.layout, true);
    const projectionOf = lists.projectionOf;
    if (!projectionOf) throw new Error('gpu backend: gather lists without their projections');
    this.weights = { sourceWeight: lists.sourceWeight, projectionOf };
    for (const p of this.pipelines.values()) p.destroy();
    this.pipelines.clear();
    return this.kernelsFor(lists, true);
  }

  /** Runs steps t0 .. t0 + steps - 1 from `state` on the device. */
  private async call(state: Float32Array, t0: number, steps: number): Promise<CallResult> {
    let pipeline = this.pipelines.get(steps);
    if (!pipeline) {
      pipeline = createCallPipeline(this.ctx, this.kernels, steps);
      this.pipelines.set(steps, pipeline);
    }
    const { stepIn, gen } = this.inputs.prepare(t0, steps);
    const flat = (values: Float32Array): PipelineArg => ({ values, dims: [values.length] });
    // In CALL_ARG's order (step-kernels.ts); gpu.js copies each argument when the call is made.
    const args: PipelineArg[] = [
      {
        values: state,
        dims: this.layout.flat ? [state.length] : [this.layout.total, this.layout.stateRows],
      },
      flat(stepIn),
      flat(gen),
      flat(this.layout.params),
    ];
    if (this.weights) args.push(flat(this.weights.sourceWeight));
    const [next, ...samples] = await pipeline(...args);
    if (!next) throw new Error('gpu backend: a device call returned no state');
    return { state: next, samples };
  }

  /** Every value finite and no Loihi neuron overflowed (loihi-host.ts). */
  private healthy(state: Float32Array): boolean {
    return (
      isFinite(this.plan, this.layout, state) && !loihiOverflowed(this.plan, this.layout, state)
    );
  }

  /**
   * Steps again from `state` one at a time and throws at the first non-finite step (a Loihi
   * overflow first: the reference meets it in step 5c, before step 7's check).
   */
  private async replay(state: Float32Array, t0: number, steps: number): Promise<void> {
    let s = state;
    for (let k = 0; k < steps; k++) {
      const next = (await this.call(s, t0 + k, 1)).state;
      checkLoihiOverflow(this.plan, this.layout, s, next, t0 + k);
      s = next;
      checkFinite(this.plan, this.layout, s, t0 + k);
    }
    // Unreachable while non-finite values persist (see the file comment); say so if not.
    checkFinite(this.plan, this.layout, s, t0 + steps - 1);
    throw new Error('gpu backend: a non-finite state vanished on replay');
  }

  private record(builder: ChunkBuilder, result: CallResult, t0: number, steps: number): void {
    const last = t0 + steps - 1;
    recordSpikesFromHistory(this.plan, this.layout, builder, result.state, last, steps);
    result.samples.forEach((values, k) => recordSamples(builder, this.probes, t0 + k, values));
  }

  private initialState(): Float32Array {
    const state = new Float32Array(this.layout.total * this.layout.stateRows);
    state.set(this.layout.vInit, ROW.v * this.layout.total);
    const { adaptInit, adaptRow } = this.layout;
    if (adaptInit) state.set(adaptInit, adaptRow * this.layout.total);
    // DynapSim's Isyn and Iahp start at Io (dynapsim-layout.ts).
    for (const { row, values } of this.layout.dynapsim?.initRows ?? []) {
      state.set(values, row * this.layout.total);
    }
    const plastic = this.layout.plastic;
    if (plastic) writeInitialPlasticState(this.plan, plastic, state, this.layout.total);
    return state;
  }
}

/** Sets the weight of every gather entry of `projection` (a live, shared weight) to `value`. */
function writeWeight(weights: LiveWeights, projection: number, value: number): void {
  const { sourceWeight, projectionOf } = weights;
  for (let e = 0; e < projectionOf.length; e++) {
    if (projectionOf[e] === projection) sourceWeight[2 * e + 1] = value;
  }
}
