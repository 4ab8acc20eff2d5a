/**
 * The gpu backend's runner: state lives in device values (textures, buffers, or on cpu/webasm
 * host arrays gpu.js hands back) and six kernels advance it one step (CONTEXT.md):
 *
 *   integrate (1-2) -> spikes (2-3) -> refractory (2, 6) -> history -> channels (4-5)
 *   -> voltage (5-6)
 *
 * What comes back to the host: on cpu/webasm (host arrays anyway) the flags and state of every
 * step; on webgl2/webgpu spike history words once per 16 steps, V and the currents per step only
 * for state probes, and at the end of each chunk for the finiteness check.
 */
import type { Chunk, ResolvedBackend } from '../../api.ts';
import type { Plan } from '../../plan.ts';
import { ChunkBuilder } from '../../record/chunk-builder.ts';
import type { BackendRunner } from '../backend.ts';
import { readBack, release, type DeviceValue, type GpuContext } from './gpujs.ts';
import { checkFinite, recordSpikes, sample } from './host-results.ts';
import { HostInputs } from './host-inputs.ts';
import { HISTORY_BITS, type DeviceLayout } from './layout.ts';
import type { StepKernels } from './step-kernels.ts';

interface DeviceState {
  v: DeviceValue;
  refr: DeviceValue;
  /** Channel currents, slot-major: slot c of neuron j at c * total + j once read back. */
  i: DeviceValue;
  /** Spike history words, word-major. */
  hist: DeviceValue;
}

export interface GpuRunnerOptions {
  /** Take spikes from the history words as on a GPU, even on cpu/webasm (for tests). */
  spikesFromHistory?: boolean;
}

export class GpuRunner implements BackendRunner {
  private step = 0;
  private state: DeviceState | undefined;
  private readonly inputs: HostInputs;
  /**
   * cpu and webasm results are host arrays already, so spikes are taken from the flags and the
   * state checked every step. On a GPU a readback per step would dominate: spikes come back
   * from the history words, which hold the last HISTORY_BITS steps, once per HISTORY_BITS steps.
   */
  private readonly hostResults: boolean;
  private readonly flagScratch: Float32Array;

  constructor(
    readonly name: ResolvedBackend,
    private readonly plan: Plan,
    private readonly layout: DeviceLayout,
    private readonly ctx: GpuContext,
    private readonly kernels: StepKernels,
    options: GpuRunnerOptions = {},
  ) {
    this.inputs = new HostInputs(plan, layout);
    this.hostResults = !options.spikesFromHistory && (ctx.mode === 'cpu' || ctx.mode === 'webasm');
    this.flagScratch = new Float32Array(layout.total);
  }

  get currentStep(): number {
    return this.step;
  }

  /** Modes the kernels really ran on; gpu.js may have degraded some to cpu. */
  kernelModes(): { mode: string; reason: string | null }[] {
    const names = Object.keys(this.kernels) as (keyof StepKernels)[];
    return names
      .map((name) => this.kernels[name])
      .map((k) => ({
        mode: k.actualMode(),
        reason: k.fallbackReason(),
      }));
  }

  async reset(): Promise<void> {
    this.releaseState();
    const k = this.kernels;
    this.state = {
      v: await k.initialV(),
      refr: await k.zeroNeurons(),
      i: await k.zeroChannels(),
      hist: await k.zeroHistory(),
    };
    this.step = 0;
  }

  /**
   * Compiles every kernel by running step 0 once (results discarded, no checks), then goes back
   * to the initial state. gpu.js compiles lazily and picks its real mode at that point.
   */
  async warmUp(): Promise<void> {
    await this.reset();
    const flags = await this.advance(0);
    await readBack(flags);
    release(flags);
    await this.reset();
  }

  async run(n: number): Promise<Chunk> {
    if (!this.state) await this.reset();
    const builder = new ChunkBuilder(this.plan, this.step, n);
    const wantsState = builder.stateProbes.length > 0;
    let recordMs = 0;
    // Steps whose spikes are so far only in the device's history words.
    let pending = 0;
    const start = performance.now();
    for (let s = 0; s < n; s++) {
      const t = this.step;
      const flags = await this.advance(t);
      this.step = t + 1;
      const r0 = performance.now();
      if (this.hostResults) {
        recordSpikes(this.plan, this.layout, builder, t, await readBack(flags));
      } else if (++pending === HISTORY_BITS || s === n - 1) {
        await this.recordFromHistory(builder, t, pending);
        pending = 0;
      }
      release(flags);
      if (wantsState || this.hostResults) {
        const { v, i } = await this.readState();
        if (this.hostResults) checkFinite(this.plan, this.layout, v, i, t);
        if (wantsState)
          builder.sampleState(t, (p, variable, j) =>
            sample(this.plan, this.layout, v, i, p, variable, j),
          );
      }
      recordMs += performance.now() - r0;
    }
    if (!this.hostResults && n > 0) {
      // Reading V back every step would cost a GPU round trip per step; on the GPU a non-finite
      // value is caught at the end of the chunk and reported at its last step.
      const { v, i } = await this.readState();
      checkFinite(this.plan, this.layout, v, i, this.step - 1);
    }
    return builder.finish(performance.now() - start - recordMs, n);
  }

  dispose(): void {
    this.releaseState();
    this.state = undefined;
    this.ctx.destroy();
  }

  /** Runs the kernels of step t; returns the step's spike flags (still on the device). */
  private async advance(t: number): Promise<DeviceValue> {
    const st = this.state;
    if (!st) throw new Error('gpu backend: state not initialised');
    const k = this.kernels;
    const { stepIn, gen } = this.inputs;
    this.inputs.prepare(t);
    const vint = await k.integrate(st.v, st.refr, st.i, stepIn);
    const flags = await k.spikes(vint, st.refr, stepIn, gen);
    const refr = await k.refractory(st.refr, flags);
    const hist = await k.history(st.hist, flags);
    // Without delays the gather kernels test the flags themselves (kernels.ts).
    const spk = this.layout.maxDelay === 0 ? flags : hist;
    const i = await k.channels(st.i, spk);
    const v = await k.voltage(vint, flags, spk);
    for (const old of [vint, st.v, st.refr, st.i, st.hist]) release(old);
    this.state = { v, refr, i, hist };
    return flags;
  }

  private async readState(): Promise<{ v: Float32Array; i: Float32Array }> {
    const st = this.state;
    if (!st) throw new Error('gpu backend: state not initialised');
    return { v: await readBack(st.v), i: await readBack(st.i) };
  }

  /** Records steps `last - count + 1 .. last` from bit `last - step` of history word 0. */
  private async recordFromHistory(
    builder: ChunkBuilder,
    last: number,
    count: number,
  ): Promise<void> {
    const st = this.state;
    if (!st) throw new Error('gpu backend: state not initialised');
    const words = await readBack(st.hist);
    const flags = this.flagScratch;
    for (let age = count - 1; age >= 0; age--) {
      for (let j = 0; j < flags.length; j++) flags[j] = ((words[j] ?? 0) >>> age) & 1;
      recordSpikes(this.plan, this.layout, builder, last - age, flags);
    }
  }

  private releaseState(): void {
    const st = this.state;
    if (!st) return;
    for (const value of [st.v, st.refr, st.i, st.hist]) release(value);
  }
}
