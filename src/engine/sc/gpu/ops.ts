/**
 * The SC gates and counters as gpu.js kernels, in any of its modes (webgpu, webgl2, webasm,
 * cpu): the same results as `../ops.ts`, word for word. Words travel as 16-bit halves
 * (`halves.ts`); gates run one thread per half and the host joins the halves and clears the
 * stream's tail; counts run `PER_THREAD` halves per thread and the host adds the partials.
 *
 * gpu.js fixes a kernel's output size when it compiles, so kernels are compiled per stream
 * length (on first use) and cached by this instance.
 */
import { BackendUnavailableError } from '../../errors.ts';
import { GpuContext, isModeAvailable, readBack, release } from '../../backends/gpu/gpujs.ts';
import type { GpuJsMode, GpuKernel, KernelArg, KernelSpec } from '../../backends/gpu/gpujs.ts';
import { assertSameLength, clearTail, createBitstream, wordCount } from '../bitstream.ts';
import type { Bitstream } from '../bitstream.ts';
import { GLSL_SC_FUNCTIONS, JS_SC_FUNCTIONS } from './helpers.ts';
import { countSource, gateSource, UPLOAD_SOURCE } from './kernels.ts';
import type { CountShape, GateOp } from './kernels.ts';
import { halvesToWords, sumPartials, wordsToHalves } from './halves.ts';

/** Halves per thread of the counting kernels (partials at most 1024, exact in float32). */
export const PER_THREAD = 64;

/**
 * Kernels compute array indices in float32 (exact below 2^24): streams up to 2^23 words (2^24
 * halves, 268 Mbit) only.
 */
export const MAX_WORDS = 2 ** 23;

/** AND+popcount over streams kept where the kernels read them (see `prepareAndPopcount`). */
export interface PreparedCount {
  run(): Promise<number>;
  dispose(): void;
}

/** gpu.js bitstream operations on one mode; every call resolves to plain host values. */
export class GpuBitstreamOps {
  /** `gpu:<mode>`, the mode every kernel was checked to run on. */
  readonly name: string;
  private readonly kernels = new Map<string, GpuKernel>();

  private constructor(
    readonly mode: GpuJsMode,
    private readonly ctx: GpuContext,
  ) {
    this.name = `gpu:${mode}`;
  }

  /**
   * Operations on `mode`, after a first count has run there. Rejects with
   * `BackendUnavailableError` where the mode cannot run (webgpu without an adapter, gpu.js
   * degrading the kernels to cpu, a driver that fails to compile them).
   *
   * @example
   * const ops = await GpuBitstreamOps.create('webasm');
   * await ops.andPopcount(a, b) === andPopcountWords(a.words, b.words, 0, a.words.length);
   */
  static async create(mode: GpuJsMode): Promise<GpuBitstreamOps> {
    const name = `gpu:${mode}`;
    if (!(await isModeAvailable(mode))) {
      throw new BackendUnavailableError(name, `gpu.js reports that ${mode} is not supported here`);
    }
    const ctx =
      mode === 'webgl2'
        ? new GpuContext(mode, [], GLSL_SC_FUNCTIONS)
        : new GpuContext(mode, JS_SC_FUNCTIONS, []);
    const ops = new GpuBitstreamOps(mode, ctx);
    try {
      // 0xf0 & 0x3c = 0x30: two ones. Compiles and runs one kernel, checking its mode.
      const a = { length: 8, words: Uint32Array.of(0xf0) };
      const b = { length: 8, words: Uint32Array.of(0x3c) };
      const ones = await ops.andPopcount(a, b);
      if (ones !== 2) throw new Error(`a test count gave ${ones} instead of 2`);
    } catch (error) {
      ops.dispose();
      if (error instanceof BackendUnavailableError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new BackendUnavailableError(name, `its kernels failed to run (${reason})`);
    }
    return ops;
  }

  /** Bitwise AND (stochastic multiplication). */
  and(a: Bitstream, b: Bitstream): Promise<Bitstream> {
    return this.gate('and', [a, b]);
  }

  /** Bitwise OR. */
  or(a: Bitstream, b: Bitstream): Promise<Bitstream> {
    return this.gate('or', [a, b]);
  }

  /** Bitwise XOR. */
  xor(a: Bitstream, b: Bitstream): Promise<Bitstream> {
    return this.gate('xor', [a, b]);
  }

  /** Bitwise NOT, tail cleared. */
  not(a: Bitstream): Promise<Bitstream> {
    return this.gate('not', [a]);
  }

  /** Multiplexer: bit of `b` where `select` is 1, else of `a`. */
  mux(a: Bitstream, b: Bitstream, select: Bitstream): Promise<Bitstream> {
    return this.gate('mux', [a, b, select]);
  }

  /** Number of ones. */
  popcount(a: Bitstream): Promise<number> {
    return this.count(false, [a]);
  }

  /** Ones of `a & b`, fused (the product is never stored). */
  andPopcount(a: Bitstream, b: Bitstream): Promise<number> {
    return this.count(true, [a, b]);
  }

  /**
   * Uploads `a` and `b` once (to the device on webgl2 and webgpu; cpu and webasm keep host
   * arrays, which webasm copies into its memory per call) and returns a count of the ones of
   * `a & b` over them: a kernel call plus the read-back of the partial counts.
   */
  async prepareAndPopcount(a: Bitstream, b: Bitstream): Promise<PreparedCount> {
    const length = assertSameLength(a, b);
    if (length === 0) return { run: () => Promise.resolve(0), dispose: () => undefined };
    const shape = this.countShape(wordCount(length));
    const size = shape.threads * shape.perThread;
    let args: KernelArg[] = [wordsToHalves(a.words, size), wordsToHalves(b.words, size)];
    if (this.mode === 'webgl2' || this.mode === 'webgpu') {
      const upload = this.ctx.createKernel({
        source: UPLOAD_SOURCE,
        output: [size],
        constants: {},
        loopMaxIterations: 1,
      });
      args = [await upload(...args.slice(0, 1)), await upload(...args.slice(1))];
      this.checkMode(upload, 'upload');
    }
    // Its own kernel: gpu.js fixes argument kinds (host array or device value) at compilation.
    const kernel = this.ctx.createKernel(this.countSpec(true, shape));
    const held = args;
    return {
      run: async () => this.partials(kernel, 'resident and+popcount', held),
      dispose: () => held.forEach((h) => typeof h !== 'number' && release(h)),
    };
  }

  /** Frees the gpu.js context and every kernel compiled on it. */
  dispose(): void {
    this.ctx.destroy();
    this.kernels.clear();
  }

  private async gate(op: GateOp, inputs: Bitstream[]): Promise<Bitstream> {
    const out = createBitstream(assertSameLength(...inputs));
    const words = out.words.length;
    if (words === 0) return out;
    checkSize(words);
    const kernel = this.kernel(`${op}:${words}`, () => ({
      source: gateSource(op),
      output: [2 * words],
      constants: {},
      loopMaxIterations: 1,
    }));
    const halves = await this.run(
      kernel,
      op,
      inputs.map((s) => wordsToHalves(s.words)),
    );
    halvesToWords(halves, out.words, `${this.name} ${op}`);
    clearTail(out);
    return out;
  }

  private async count(fused: boolean, inputs: Bitstream[]): Promise<number> {
    const words = wordCount(assertSameLength(...inputs));
    if (words === 0) return 0;
    const shape = this.countShape(words);
    const size = shape.threads * shape.perThread;
    const what = fused ? 'and+popcount' : 'popcount';
    const kernel = this.kernel(`${what}:${words}`, () => this.countSpec(fused, shape));
    return this.partials(
      kernel,
      what,
      inputs.map((s) => wordsToHalves(s.words, size)),
    );
  }

  private async partials(kernel: GpuKernel, what: string, args: KernelArg[]): Promise<number> {
    const partials = await this.run(kernel, what, args);
    return sumPartials(partials, 16 * PER_THREAD, `${this.name} ${what}`);
  }

  private countShape(words: number): CountShape {
    checkSize(words);
    return {
      threads: Math.ceil((2 * words) / PER_THREAD),
      perThread: PER_THREAD,
      strided: this.mode === 'webgl2' || this.mode === 'webgpu',
    };
  }

  private countSpec(fused: boolean, shape: CountShape): KernelSpec {
    return {
      source: countSource(fused, shape),
      output: [shape.threads],
      constants: {},
      loopMaxIterations: shape.perThread,
    };
  }

  private kernel(key: string, spec: () => KernelSpec): GpuKernel {
    let kernel = this.kernels.get(key);
    if (!kernel) {
      kernel = this.ctx.createKernel(spec());
      this.kernels.set(key, kernel);
    }
    return kernel;
  }

  /** Runs a kernel, checks the mode it ran on, reads its output back and frees it. */
  private async run(kernel: GpuKernel, what: string, args: KernelArg[]): Promise<Float32Array> {
    const result = await kernel(...args);
    try {
      this.checkMode(kernel, what);
      return await readBack(result);
    } finally {
      release(result);
    }
  }

  /** gpu.js degrades a kernel it cannot translate to cpu with only a console warning. */
  private checkMode(kernel: GpuKernel, what: string): void {
    const actual = kernel.actualMode();
    if (actual !== this.mode) {
      const why = kernel.fallbackReason();
      throw new BackendUnavailableError(
        this.name,
        `gpu.js ran the ${what} kernel on ${actual} instead${why ? ` (${why})` : ''}`,
      );
    }
  }
}

function checkSize(words: number): void {
  if (words > MAX_WORDS) {
    throw new RangeError(
      `SC gpu kernels: a stream of ${words} words exceeds ${MAX_WORDS} (float32 array indices)`,
    );
  }
}
