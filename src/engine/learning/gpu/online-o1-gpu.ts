/**
 * OnlineO1 on gpu.js: a population whose step runs as a gpu.js kernel in one mode (cpu,
 * webasm, webgpu), bit for bit `stepMany` for every config `gpuOnlineO1Problems` accepts (see
 * online-o1-kernel.ts for why the limit, and why WebGL2 is refused).
 *
 * The state lives in four Float32Arrays on the host (each value an integer below 2^24, so the
 * arrays are exact); each step passes them to the kernel and takes back the new ones. On cpu
 * and webasm that is where gpu.js keeps its arrays anyway; on webgpu it is an upload and a
 * read-back per step: this is the correctness form of the rule on a GPU, not a resident one.
 */
import { GpuContext, isModeAvailable, readBack, release } from '../../backends/gpu/gpujs.ts';
import type { GpuJsMode, GpuKernel } from '../../backends/gpu/gpujs.ts';
import { BackendUnavailableError } from '../../errors.ts';
import { isNode } from '../../resolve-backend.ts';
import type { OnlineO1Bounds, OnlineO1Config } from '../online-o1-config.ts';
import { onlineO1Bounds } from '../online-o1-config.ts';
import { createOnlineO1Population, stepMany } from '../online-o1-many.ts';
import type { OnlineO1Population } from '../online-o1-many.ts';
import {
  ONLINE_O1_GPU_FUNCTIONS,
  gpuOnlineO1Problems,
  onlineO1KernelSource,
} from './online-o1-kernel.ts';

/** The gpu.js modes this form can run on. */
export type OnlineO1GpuMode = Exclude<GpuJsMode, 'webgl2'>;

/**
 * `count` synapses of one config stepped by gpu.js in `mode`.
 *
 * @example
 * const g = await GpuOnlineO1Population.create('webasm', onlineO1Config(), 1000, 512);
 * await g.step(pre, post, 3); g.toPopulation().weight
 */
export class GpuOnlineO1Population {
  readonly bounds: OnlineO1Bounds;
  private weight: Float32Array;
  private preTrace: Float32Array;
  private postTrace: Float32Array;
  private eligibility: Float32Array;
  private readonly kernels = new Map<'shared' | 'each', GpuKernel>();
  private preF: Float32Array;
  private postF: Float32Array;

  private constructor(
    readonly mode: OnlineO1GpuMode,
    readonly config: OnlineO1Config,
    readonly count: number,
    initial: OnlineO1Population,
    private readonly ctx: GpuContext,
  ) {
    this.bounds = onlineO1Bounds(config);
    this.weight = Float32Array.from(initial.weight);
    this.preTrace = new Float32Array(count);
    this.postTrace = new Float32Array(count);
    this.eligibility = new Float32Array(count);
    this.preF = new Float32Array(count);
    this.postF = new Float32Array(count);
  }

  /**
   * A population on `mode`, after a check step on a small population has matched `stepMany`
   * there. Throws `RangeError` for a config beyond float32's exact range, and
   * `BackendUnavailableError` (naming why) where the mode cannot run or gpu.js degraded it.
   */
  static async create(
    mode: GpuJsMode,
    config: OnlineO1Config,
    count: number,
    initialWeight: number | ArrayLike<number>,
  ): Promise<GpuOnlineO1Population> {
    const name = `gpu:${mode}`;
    const problems = gpuOnlineO1Problems(config);
    if (problems.length > 0) {
      throw new RangeError(
        `OnlineO1 on gpu.js keeps values in float32, exact only below 2^24: ${problems.join('; ')}`,
      );
    }
    if (mode === 'webgl2') {
      throw new BackendUnavailableError(
        name,
        "OnlineO1 needs integer shifts, and gpu.js' emulated GLSL bitwise operators are wrong for some operands",
      );
    }
    if (mode === 'webgpu' && isNode()) await installDawn();
    if (!(await isModeAvailable(mode))) {
      throw new BackendUnavailableError(name, `gpu.js reports that ${mode} is not supported here`);
    }
    if (count < 1) throw new RangeError(`OnlineO1 on gpu.js: needs at least one synapse`);
    const initial = createOnlineO1Population(config, count, initialWeight);
    await GpuOnlineO1Population.selfCheck(mode, config);
    const ctx = new GpuContext(mode, ONLINE_O1_GPU_FUNCTIONS, []);
    return new GpuOnlineO1Population(mode, config, count, initial, ctx);
  }

  /** One step, as `stepMany(state, pre, post, reward)`. */
  async step(pre: Uint8Array, post: Uint8Array, reward: number | Int32Array): Promise<void> {
    const n = this.count;
    if (pre.length < n || post.length < n || (typeof reward !== 'number' && reward.length < n)) {
      throw new RangeError(
        `OnlineO1 (gpu): ${n} synapses need ${n} pre and post spikes${typeof reward === 'number' ? '' : ' and rewards'}, got ${pre.length} pre, ${post.length} post` +
          (typeof reward === 'number' ? '' : `, ${reward.length} rewards`),
      );
    }
    if (typeof reward === 'number' && !Number.isInteger(reward)) {
      throw new RangeError(`OnlineO1 (gpu): the reward must be an integer, got ${reward}`);
    }
    for (let i = 0; i < n; i++) {
      this.preF[i] = pre[i] ?? 0;
      this.postF[i] = post[i] ?? 0;
    }
    const { minReward, maxReward } = this.bounds;
    const r =
      typeof reward === 'number'
        ? Math.min(maxReward, Math.max(minReward, reward))
        : Float32Array.from(reward.subarray(0, n));
    const kernel = this.kernel(typeof r === 'number' ? 'shared' : 'each');
    const result = await kernel(
      this.weight,
      this.preTrace,
      this.postTrace,
      this.eligibility,
      this.preF,
      this.postF,
      r,
    );
    try {
      if (kernel.actualMode() !== this.mode) {
        const why = kernel.fallbackReason();
        throw new BackendUnavailableError(
          `gpu:${this.mode}`,
          `gpu.js ran the OnlineO1 kernel on ${kernel.actualMode()} instead${why ? ` (${why})` : ''}`,
        );
      }
      const flat = await readBack(result);
      // Rows of the [count, 4] output: weight, pre trace, post trace, eligibility.
      this.weight = flat.slice(0, n);
      this.preTrace = flat.slice(n, 2 * n);
      this.postTrace = flat.slice(2 * n, 3 * n);
      this.eligibility = flat.slice(3 * n, 4 * n);
    } finally {
      release(result);
    }
  }

  /** The state as `stepMany`'s four Int32Arrays (a copy). */
  toPopulation(): OnlineO1Population {
    const p = createOnlineO1Population(this.config, this.count, 0);
    p.weight.set(this.weight);
    p.preTrace.set(this.preTrace);
    p.postTrace.set(this.postTrace);
    p.eligibility.set(this.eligibility);
    return p;
  }

  /** Bytes of the state arrays on the host: four Float32Arrays, 128 bits a synapse. */
  stateBytes(): number {
    return (
      this.weight.byteLength +
      this.preTrace.byteLength +
      this.postTrace.byteLength +
      this.eligibility.byteLength
    );
  }

  dispose(): void {
    this.ctx.destroy();
  }

  private kernel(kind: 'shared' | 'each'): GpuKernel {
    let k = this.kernels.get(kind);
    if (k === undefined) {
      k = this.ctx.createKernel({
        source: onlineO1KernelSource(this.config, kind === 'shared'),
        output: [this.count, 4],
        constants: {},
        loopMaxIterations: 1,
      });
      this.kernels.set(kind, k);
    }
    return k;
  }

  /**
   * A few steps of a small population on `mode` against `stepMany`, every field and both reward
   * forms: a driver or translation that gets the integer arithmetic wrong makes the mode
   * unavailable instead of silently wrong.
   */
  private static async selfCheck(mode: OnlineO1GpuMode, config: OnlineO1Config): Promise<void> {
    const n = 8;
    const b = onlineO1Bounds(config);
    const weights = Array.from({ length: n }, (_, i) => Math.floor((b.maxWeight * i) / (n - 1)));
    const gpu = new GpuOnlineO1Population(
      mode,
      config,
      n,
      createOnlineO1Population(config, n, weights),
      new GpuContext(mode, ONLINE_O1_GPU_FUNCTIONS, []),
    );
    const js = createOnlineO1Population(config, n, weights);
    try {
      for (let t = 0; t < 6; t++) {
        const pre = Uint8Array.from({ length: n }, (_, i) => ((i + t) % 3 === 0 ? 1 : 0));
        const post = Uint8Array.from({ length: n }, (_, i) => ((i * 5 + t) % 4 === 0 ? 1 : 0));
        const reward =
          t % 2 === 0
            ? b.maxReward
            : Int32Array.from({ length: n }, (_, i) => (i % 2 === 0 ? b.minReward : i));
        stepMany(js, pre, post, reward);
        await gpu.step(pre, post, reward);
      }
      const got = gpu.toPopulation();
      for (const field of ['weight', 'preTrace', 'postTrace', 'eligibility'] as const) {
        for (let i = 0; i < n; i++) {
          if (got[field][i] !== js[field][i]) {
            throw new BackendUnavailableError(
              `gpu:${mode}`,
              `the OnlineO1 kernel's check step differs from stepMany (${field}[${i}]: ${got[field][i]} instead of ${js[field][i]})`,
            );
          }
        }
      }
    } catch (error) {
      if (error instanceof BackendUnavailableError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackendUnavailableError(
        `gpu:${mode}`,
        `the OnlineO1 kernel failed to run (${reason})`,
      );
    } finally {
      gpu.dispose();
    }
  }
}

/** Node has no navigator.gpu; Dawn provides one where its binary loads (node-webgpu.ts). */
async function installDawn(): Promise<void> {
  try {
    const { installNodeWebGpu } = await import('../../backends/gpu/node-webgpu.ts');
    await installNodeWebGpu();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new BackendUnavailableError('gpu:webgpu', `Dawn (WebGPU for Node) did not load: ${why}`);
  }
}
