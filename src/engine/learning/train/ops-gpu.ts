/**
 * `TrainOps` as gpu.js kernels (`gpu-kernels.ts`) in one of its modes: buffers are device
 * values (textures on webgl2, buffers on webgpu, host arrays on cpu and webasm). Kernels are
 * compiled per shape on first use and cached; every host array is uploaded through a kernel,
 * because gpu.js fixes each argument's kind (host array or device value) when it compiles.
 */
import { BackendUnavailableError } from '../../errors.ts';
import { GpuContext, isModeAvailable, readBack, release } from '../../backends/gpu/gpujs.ts';
import type { DeviceValue, GpuJsMode, GpuKernel, KernelArg } from '../../backends/gpu/gpujs.ts';
import {
  backwardSource,
  countSource,
  eligibilityGradSource,
  eligibilitySource,
  FILL_SOURCE,
  forwardSource,
  inputGradSource,
  recurrentGradSource,
  spikesSource,
  TRACE_SOURCE,
  UPLOAD_SOURCE,
  weightGradSource,
} from './gpu-kernels.ts';
import type { BufferStats, Floats, LayerShape, NeuronConstants, TrainOps } from './ops.ts';
import type { TrainDevice } from './types.ts';

export class GpuTrainOps implements TrainOps<DeviceValue> {
  readonly device: TrainDevice;
  private readonly kernels = new Map<string, GpuKernel>();
  private readonly lengths = new Map<DeviceValue, number>();
  private readonly nc: Float32Array;
  private live = 0;
  private peak = 0;

  private constructor(
    readonly mode: GpuJsMode,
    readonly neuron: NeuronConstants,
    private readonly ctx: GpuContext,
  ) {
    this.device = `gpu:${mode}`;
    this.nc = Float32Array.of(
      neuron.decay,
      neuron.rest,
      neuron.threshold,
      neuron.reset,
      neuron.slope,
    );
  }

  /**
   * Operations on `mode` after a first kernel ran there. Rejects with `BackendUnavailableError`
   * where gpu.js cannot run the mode or degrades it to cpu.
   *
   * @example const ops = await GpuTrainOps.create('cpu', constants);
   */
  static async create(mode: GpuJsMode, neuron: NeuronConstants): Promise<GpuTrainOps> {
    const name = `gpu:${mode}`;
    if (!(await isModeAvailable(mode))) {
      throw new BackendUnavailableError(name, `gpu.js reports that ${mode} is not supported here`);
    }
    const ops = new GpuTrainOps(mode, neuron, new GpuContext(mode, [], []));
    try {
      const probe = await ops.upload(Float32Array.of(1, 2));
      const back = await ops.read(probe);
      ops.release(probe);
      if (back[0] !== 1 || back[1] !== 2)
        throw new Error(`a test upload read back ${back[0]}, ${back[1]}`);
    } catch (error) {
      ops.dispose();
      if (error instanceof BackendUnavailableError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackendUnavailableError(name, `its kernels failed to run (${reason})`);
    }
    return ops;
  }

  private kernel(
    key: string,
    source: string,
    length: number,
    loop: number,
    constants: Record<string, Float32Array> = {},
  ): GpuKernel {
    const cacheKey = `${key}:${length}`;
    let k = this.kernels.get(cacheKey);
    if (!k) {
      k = this.ctx.createKernel({
        source,
        output: [length],
        constants: { nc: this.nc, ...constants },
        loopMaxIterations: Math.max(loop, 1) + 1,
      });
      this.kernels.set(cacheKey, k);
    }
    return k;
  }

  private async run(
    kernel: GpuKernel,
    length: number,
    what: string,
    ...args: KernelArg[]
  ): Promise<DeviceValue> {
    const out = await kernel(...args);
    if (kernel.actualMode() !== this.mode) {
      const why = kernel.fallbackReason();
      throw new BackendUnavailableError(
        this.device,
        `gpu.js ran the ${what} kernel on ${kernel.actualMode()} instead${why ? ` (${why})` : ''}`,
      );
    }
    this.lengths.set(out, length);
    this.live += length;
    this.peak = Math.max(this.peak, this.live);
    return out;
  }

  upload(values: Floats): Promise<DeviceValue> {
    const host = values instanceof Float32Array ? values : Float32Array.from(values);
    if (this.mode === 'cpu' || this.mode === 'webasm') {
      const copy = host.slice();
      this.lengths.set(copy, copy.length);
      this.live += copy.length;
      this.peak = Math.max(this.peak, this.live);
      return Promise.resolve(copy);
    }
    return this.run(
      this.kernel('upload', UPLOAD_SOURCE, host.length, 1),
      host.length,
      'upload',
      host,
    );
  }

  filled(length: number, value: number): Promise<DeviceValue> {
    const k = this.kernel(`fill${value}`, FILL_SOURCE, length, 1, {
      value: Float32Array.of(value),
    });
    return this.run(k, length, 'fill');
  }

  read(buffer: DeviceValue): Promise<Floats> {
    return readBack(buffer).then((a) => a.slice());
  }

  release(buffer: DeviceValue | null | undefined): void {
    if (!buffer) return;
    const n = this.lengths.get(buffer);
    if (n === undefined) return;
    this.lengths.delete(buffer);
    this.live -= n;
    release(buffer);
  }

  stats(): BufferStats {
    return { live: this.live, peak: this.peak };
  }

  private get smooth(): boolean {
    return this.neuron.smooth;
  }

  forwardStep(
    s: LayerShape,
    vPrev: DeviceValue,
    x: DeviceValue,
    xOffset: number,
    w: DeviceValue,
    r: DeviceValue | null,
  ): Promise<DeviceValue> {
    const n = s.batch * s.size;
    const k = this.kernel(
      `fwd${s.inputs}x${s.size}${r ? 'r' : ''}`,
      forwardSource(s.inputs, s.size, r !== null, this.smooth),
      n,
      Math.max(s.inputs, s.size),
    );
    const args: KernelArg[] = r ? [vPrev, x, xOffset, w, r] : [vPrev, x, xOffset, w];
    return this.run(k, n, 'forward', ...args);
  }

  spikes(batch: number, size: number, vPrev: DeviceValue): Promise<DeviceValue> {
    return this.run(
      this.kernel('spikes', spikesSource(this.smooth), batch * size, 1),
      batch * size,
      'spikes',
      vPrev,
    );
  }

  countStep(
    batch: number,
    size: number,
    counts: DeviceValue,
    vPrev: DeviceValue,
  ): Promise<DeviceValue> {
    return this.run(
      this.kernel('count', countSource(this.smooth), batch * size, 1),
      batch * size,
      'count',
      counts,
      vPrev,
    );
  }

  backwardStep(
    s: LayerShape,
    vPrev: DeviceValue,
    x: DeviceValue,
    xOffset: number,
    gV: DeviceValue,
    gS: DeviceValue,
    gSOffset: number,
    w: DeviceValue,
    r: DeviceValue | null,
  ): Promise<DeviceValue> {
    const n = s.batch * s.size;
    const src = backwardSource(s.inputs, s.size, r !== null, this.smooth);
    const k = this.kernel(
      `bwd${s.inputs}x${s.size}${r ? 'r' : ''}`,
      src,
      n,
      Math.max(s.inputs, s.size),
    );
    const args: KernelArg[] = [vPrev, x, xOffset, gV, gS, gSOffset, w];
    if (r) args.push(r);
    return this.run(k, n, 'backward', ...args);
  }

  weightGradStep(
    s: LayerShape,
    dW: DeviceValue,
    x: DeviceValue,
    xOffset: number,
    vPrev: DeviceValue,
    gV: DeviceValue,
  ): Promise<DeviceValue> {
    const n = s.inputs * s.size;
    const k = this.kernel(
      `dw${s.batch}x${s.inputs}x${s.size}`,
      weightGradSource(s.batch, s.inputs, s.size, this.smooth),
      n,
      s.batch,
    );
    return this.run(k, n, 'weight gradient', dW, x, xOffset, vPrev, gV);
  }

  recurrentGradStep(
    batch: number,
    size: number,
    dR: DeviceValue,
    vPrev: DeviceValue,
    gV: DeviceValue,
  ): Promise<DeviceValue> {
    const n = size * size;
    const k = this.kernel(
      `dr${batch}x${size}`,
      recurrentGradSource(batch, size, this.smooth),
      n,
      batch,
    );
    return this.run(k, n, 'recurrent gradient', dR, vPrev, gV);
  }

  inputGradStep(
    s: LayerShape,
    w: DeviceValue,
    vPrev: DeviceValue,
    gV: DeviceValue,
  ): Promise<DeviceValue> {
    const n = s.batch * s.inputs;
    const k = this.kernel(
      `dx${s.inputs}x${s.size}`,
      inputGradSource(s.inputs, s.size, this.smooth),
      n,
      s.size,
    );
    return this.run(k, n, 'input gradient', w, vPrev, gV);
  }

  traceStep(
    batch: number,
    inputs: number,
    trace: DeviceValue,
    x: DeviceValue,
    xOffset: number,
  ): Promise<DeviceValue> {
    const n = batch * inputs;
    return this.run(this.kernel('trace', TRACE_SOURCE, n, 1), n, 'trace', trace, x, xOffset);
  }

  eligibilityStep(
    s: LayerShape,
    e: DeviceValue,
    trace: DeviceValue,
    vPrev: DeviceValue,
  ): Promise<DeviceValue> {
    const n = s.batch * s.inputs * s.size;
    const k = this.kernel(`elig${s.inputs}x${s.size}`, eligibilitySource(s.inputs, s.size), n, 1);
    return this.run(k, n, 'eligibility', e, trace, vPrev);
  }

  eligibilityGrad(s: LayerShape, e: DeviceValue, signal: DeviceValue): Promise<DeviceValue> {
    const n = s.inputs * s.size;
    const k = this.kernel(
      `eg${s.batch}x${s.inputs}x${s.size}`,
      eligibilityGradSource(s.batch, s.inputs, s.size),
      n,
      s.batch,
    );
    return this.run(k, n, 'eligibility gradient', e, signal);
  }

  dispose(): void {
    this.kernels.clear();
    this.ctx.destroy();
  }
}
