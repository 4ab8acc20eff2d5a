/**
 * The wasm backend's runner: one kernel instance per simulation, state kept in its linear
 * memory between calls, recorded spikes and samples drained into a ChunkBuilder after each call.
 */
import type { Chunk } from '../../api.ts';
import { BackendUnavailableError, NumericalError, formatBytes } from '../../errors.ts';
import type { LiveEdit } from '../../live/live-edit.ts';
import type { Plan } from '../../plan.ts';
import { ChunkBuilder } from '../../record/chunk-builder.ts';
import type { BackendRunner } from '../backend.ts';
import { integrates, planImage, writeImage, writeInitialState, type MemoryImage } from './image.ts';
import { H, J, P, POP_BYTES, PROJ_BYTES, STATUS } from './layout.ts';
import { ERR_ADAPTATION, adaptationVariable } from './classic-image.ts';
import { ERR_LOIHI } from './loihi-image.ts';
import { ERR_IMEM } from './dynapsim-image.ts';
import { ERR_DW } from './learning-image.ts';
import { ERR_NIR_S, nirExternalInput } from './nir-image.ts';
import type { KernelExports } from './module.ts';
import { constantInputSteps, externalInput, fixedExternalInput } from './stimulus.ts';
import { poissonThresholdAt } from '../../rate-series.ts';
import {
  applyIntervals,
  intervalLengths,
  resampleClassic,
  stepsToInterval,
} from './plasticity-interval.ts';

const PAGE = 65536;

export class WasmRunner implements BackendRunner {
  readonly name = 'wasm' as const;
  private step = 0;
  private readonly image: MemoryImage;
  private readonly i32: Int32Array;
  private readonly f32: Float32Array;
  private readonly state: Uint8Array;
  /** State at the start of the current kernel call, to re-run it checked after a warning. */
  private readonly snapshot: Uint8Array;
  /** Interval lengths of homeostatic and structural plasticity (CONTEXT.md 5e, 5f). */
  private readonly intervals: number[];

  /** Lays the plan out in the kernel's memory (growing it) and writes the initial state. */
  constructor(
    private readonly plan: Plan,
    private readonly kernel: KernelExports,
  ) {
    this.image = planImage(plan, kernel.heapBase());
    const memory = kernel.memory;
    const pages = Math.ceil(this.image.end / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) {
      try {
        memory.grow(pages);
      } catch {
        const need = formatBytes(this.image.end);
        throw new BackendUnavailableError('wasm', `${need} of WebAssembly memory could not be had`);
      }
    }
    const buffer = memory.buffer;
    writeImage(plan, this.image, buffer);
    this.i32 = new Int32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.state = new Uint8Array(buffer, this.image.stateStart, this.stateBytes);
    this.snapshot = new Uint8Array(this.stateBytes);
    this.intervals = intervalLengths(plan);
  }

  private get stateBytes(): number {
    return this.image.stateEnd - this.image.stateStart;
  }

  get currentStep(): number {
    return this.step;
  }

  run(n: number): Promise<Chunk> {
    try {
      return Promise.resolve(this.runSync(n));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private runSync(n: number): Chunk {
    const builder = new ChunkBuilder(this.plan, this.step, n);
    const hd = this.image.header;
    let wallMs = 0;
    let done = 0;
    while (done < n) {
      const start = this.step;
      // A call ends at each interval step, which the host applies (plasticity-interval.ts).
      const steps = stepsToInterval(
        this.intervals,
        start,
        constantInputSteps(this.plan.populations, start, n - done),
      );
      this.writeInputs(start);
      const t0 = performance.now();
      this.snapshot.set(this.state);
      let k = this.kernel.run(hd, start, steps, 0);
      if (this.i32[(hd + H.status) >>> 2] === STATUS.suspect) {
        // The state ended non-finite: redo the call checking every step, to say where it began.
        this.state.set(this.snapshot);
        k = this.kernel.run(hd, start, steps, 1);
      }
      if (k > 0 && this.intervals.some((length) => (start + k) % length === 0)) {
        const buffer = this.kernel.memory.buffer;
        applyIntervals(this.plan, this.image, buffer, start + k - 1);
        resampleClassic(this.image, buffer, k - 1);
      }
      wallMs += performance.now() - t0;
      this.drain(builder, start, k);
      this.step += k;
      done += k;
      if (this.i32[(hd + H.status) >>> 2] === STATUS.error) throw this.numericalError();
    }
    return builder.finish(wallMs, done);
  }

  /** Writes `ext` of every LIF population and SC layer for a segment starting at step t. */
  private writeInputs(t: number): void {
    this.plan.populations.forEach((p, i) => {
      const at = this.image.tables.pops + i * POP_BYTES + P.ext;
      // A fixed-point population's ext is an integer (i32), see assembly/fixed-lif.ts.
      if (p.model.model === 'fixed_point_lif') this.i32[at >>> 2] = fixedExternalInput(p, t);
      // A nir_neuron population's ext is its stimuli alone (each neuron adds its own bias).
      if (p.model.model === 'nir_neuron') this.f32[at >>> 2] = nirExternalInput(p, t);
      // A rate series changes the Poisson threshold only at a segment's start (stimulus.ts).
      if (p.model.model === 'poisson' && p.model.series) {
        const th = this.image.tables.pops + i * POP_BYTES + P.threshold24;
        this.i32[th >>> 2] = poissonThresholdAt(p.model, t);
      }
      if (!integrates(p)) return;
      this.f32[at >>> 2] = externalInput(p, t);
    });
  }

  /** Moves k steps of recorded spikes and samples from the kernel's buffers into the chunk. */
  private drain(builder: ChunkBuilder, start: number, k: number): void {
    const { rec, samp, probeCount, synapseSampleCount, recorded } = this.image;
    let r = rec >>> 2;
    let s = samp >>> 2;
    const read = (): number => this.f32[s++] ?? 0;
    for (let i = 0; i < k; i++) {
      for (const population of recorded) {
        const count = this.i32[r] ?? 0;
        // A silent step adds nothing (spike lists) and leaves a zero (rate counts): skip it.
        if (count > 0) {
          builder.addSpikes(population, start + i, this.i32.subarray(r + 1, r + 1 + count), count);
        }
        r += count + 1;
      }
      // sampleState visits probes and their neurons in plan order, the order the kernel wrote;
      // then sampleSynapses the synapse probes and their synapses (learning-image.ts).
      if (probeCount > 0) builder.sampleState(start + i, read);
      if (synapseSampleCount > 0) builder.sampleSynapses(start + i, read);
    }
  }

  private numericalError(): NumericalError {
    const hd = this.image.header >>> 2;
    const at = (field: number): number => this.i32[hd + field / 4] ?? 0;
    const population = this.plan.populations[at(H.errPop)];
    const channel = at(H.errVar);
    const tau = this.plan.channels[channel]?.tau ?? 0;
    const loihi = channel === ERR_LOIHI.v ? 'v' : channel === ERR_LOIHI.i ? 'I' : undefined;
    const projection = this.plan.projections[at(H.errProjection)];
    const dw =
      channel === ERR_DW
        ? `dw (projection '${projection?.id ?? '?'}', synapse ${at(H.errSynapse) >>> 0})`
        : undefined;
    const named =
      loihi ?? dw ?? (channel === ERR_IMEM ? 'Imem' : channel === ERR_NIR_S ? 'i_syn' : undefined);
    const variable = named ?? (channel < 0 ? 'v' : `i_syn (tau ${tau} ms)`);
    // A Loihi overflow stores its exact integer value as i32.
    const value =
      (loihi ? this.i32[hd + H.errValue / 4] : this.f32[hd + H.errValue / 4]) ?? Number.NaN;
    // As the reference does, the failing step does not count as done.
    this.step = at(H.errStep);
    return new NumericalError(
      population?.id ?? '?',
      at(H.errStep),
      at(H.errNeuron),
      channel === ERR_ADAPTATION ? adaptationVariable(population) : variable,
      value,
    );
  }

  reset(): Promise<void> {
    writeInitialState(this.plan, this.image, this.kernel.memory.buffer);
    this.step = 0;
    return Promise.resolve();
  }

  learnedWeights(projection: number): Promise<Float32Array> {
    const pr = this.plan.projections[projection];
    const weights = this.image.projections[projection]?.plastic?.weights ?? 0;
    if (!pr || weights === 0) {
      const what = pr ? `projection '${pr.id}'` : `projection ${projection}`;
      return Promise.reject(new Error(`${what} has no weight rule or structural plasticity`));
    }
    // A copy: the kernel keeps changing its own.
    const count = pr.csr.targets.length;
    return Promise.resolve(new Float32Array(this.kernel.memory.buffer, weights, count).slice());
  }

  /**
   * Copies live edits into the kernel's descriptors. Stimuli and biases need nothing: the host
   * writes each population's `ext` from the plan before every kernel call (`writeInputs`).
   */
  applyLive(edits: readonly LiveEdit[]): Promise<void> {
    for (const edit of edits) {
      const pop = (p: number): number => this.image.tables.pops + p * POP_BYTES;
      switch (edit.kind) {
        case 'threshold':
          this.f32[(pop(edit.population) + P.vThreshold) >>> 2] = edit.value;
          break;
        case 'noise':
          this.f32[(pop(edit.population) + P.noiseStd) >>> 2] = edit.value;
          break;
        case 'rate':
          this.i32[(pop(edit.population) + P.threshold24) >>> 2] = edit.threshold24;
          break;
        case 'weight':
          this.f32[
            (this.image.tables.projs + edit.projection * PROJ_BYTES + J.weightConstant) >>> 2
          ] = edit.value;
          break;
        case 'stimulus':
        case 'bias':
          break;
      }
    }
    return Promise.resolve();
  }

  dispose(): void {
    this.step = 0;
  }
}
