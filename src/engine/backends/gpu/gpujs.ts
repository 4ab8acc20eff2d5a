/**
 * A small typed adapter over gpu.js, so the rest of the backend never touches its loosely typed
 * surface: kernels take `DeviceValue`s and resolve to `DeviceValue`s, whatever the mode.
 *
 * What a kernel returns depends on the mode: cpu and webasm hand back plain typed arrays (a fresh
 * copy per call, `Float32Array[]` rows for 2D outputs); webgl2 returns a `Texture` and webgpu a
 * buffer handle, both kept on the device until `toArray()`.
 */
import { GPU, Input } from 'gpu.js';
import type {
  IGPUFunctionSettings,
  IGPUKernelSettings,
  IKernelRunShortcut,
  IPipelineRunShortcut,
  Kernel,
  KernelVariable,
} from 'gpu.js';

/** The gpu.js modes this backend drives. */
export type GpuJsMode = 'webgpu' | 'webgl2' | 'webasm' | 'cpu';

/** A helper function given as source text, with its parameter and return types. */
export interface GpuFunctionSource {
  source: string;
  argumentTypes: Record<string, 'Integer' | 'Number'>;
  returnType: 'Integer' | 'Number';
}

/** A value resident on the device (GL texture, WebGPU buffer) or, on cpu/webasm, on the host. */
export type DeviceValue = Float32Array | Float32Array[] | DeviceHandle;

interface DeviceHandle {
  toArray(): unknown;
  delete?(): void;
}

/** What a kernel accepts per call. */
export type KernelArg = DeviceValue | number;

export interface KernelSpec {
  /** Kernel body as JavaScript source text (see kernels.ts for why text). */
  source: string;
  output: [number] | [number, number];
  constants: Record<string, Float32Array | number>;
  loopMaxIterations: number;
}

export interface GpuKernel {
  (...args: KernelArg[]): Promise<DeviceValue>;
  /** The mode gpu.js actually ran the last call on (it may silently degrade to cpu). */
  actualMode(): string;
  /** Why gpu.js degraded the kernel to cpu, if it did. */
  fallbackReason(): string | null;
}

/** A kernel that a pipeline's orchestration calls (it runs only inside a pipeline). */
export interface TraceKernel {
  readonly shortcut: IKernelRunShortcut;
}

/** An opaque stand-in for a device value while a pipeline is traced. */
export interface TraceHandle {
  readonly traced: unique symbol;
}

/** Records one kernel call into the pipeline being traced and returns its result's handle. */
export type TraceCall = (kernel: TraceKernel, ...args: (TraceHandle | number)[]) => TraceHandle;

/** A host array argument of a pipeline: flat, with its gpu.js dimensions. */
export interface PipelineArg {
  values: Float32Array;
  /** [x] or [x, y] (x fastest), as gpu.js' `output`. */
  dims: [number] | [number, number];
}

/**
 * A compiled multi-kernel plan (gpu.js `createPipeline`): one call runs every recorded kernel
 * call (on webgpu in one command encoder and one submission, on webasm over one wasm memory)
 * and resolves to every returned value, read back and flattened.
 */
export interface GpuPipeline {
  (...args: PipelineArg[]): Promise<Float32Array[]>;
  /** 'fused-encoder' (webgpu), 'fused-sync' (webasm) or 'generic'; known after the first call. */
  executorKind(): string;
  /** The mode the plan's kernels execute on (gpu.js degrades to cpu silently otherwise). */
  backend(): string | null;
  fallbackReason(): string | null;
  destroy(): void;
}

/** Whether gpu.js reports that a mode can run here (webgpu still needs an adapter). */
export async function isModeAvailable(mode: GpuJsMode): Promise<boolean> {
  switch (mode) {
    case 'webgpu':
      return GPU.isWebGPUSupported && (await GPU.isWebGPUAvailable());
    case 'webgl2':
      return GPU.isWebGL2Supported;
    case 'webasm':
      return GPU.isWebAssemblySupported;
    case 'cpu':
      return true;
  }
}

/** One gpu.js instance with the helpers every kernel of this backend may call. */
export class GpuContext {
  private readonly gpu: GPU;
  private created = 0;

  constructor(
    readonly mode: GpuJsMode,
    functions: readonly GpuFunctionSource[],
    nativeFunctions: readonly { name: string; source: string }[],
  ) {
    this.gpu = new GPU({ mode });
    // gpu.js accepts helper source text at run time; its typings only list functions.
    const addFunction = this.gpu.addFunction.bind(this.gpu) as unknown as (
      source: string,
      settings: IGPUFunctionSettings,
    ) => GPU;
    for (const f of functions) {
      addFunction(f.source, { argumentTypes: f.argumentTypes, returnType: f.returnType });
    }
    for (const f of nativeFunctions) this.gpu.addNativeFunction(f.name, f.source);
  }

  /**
   * Kernels and pipelines created in this context so far. gpu.js compiles each at its first
   * call, so an unchanged count across a live edit means that nothing was compiled for it.
   */
  get builds(): number {
    return this.created;
  }

  /** Compiles (lazily, on first call) one kernel. */
  createKernel(spec: KernelSpec): GpuKernel {
    this.created++;
    // loopMaxIterations is a documented setting missing from IGPUKernelSettings' typings.
    const settings: IGPUKernelSettings & { loopMaxIterations: number } = {
      output: spec.output,
      constants: spec.constants,
      loopMaxIterations: spec.loopMaxIterations,
      // Keep outputs on the device, each call in a texture of its own: state is read by the
      // next step while the step's kernels write new state.
      pipeline: true,
      immutable: true,
      precision: 'single',
      tactic: 'precision',
    };
    const shortcut: IKernelRunShortcut = this.gpu.createKernel(spec.source, settings);
    const call = async (...args: KernelArg[]): Promise<DeviceValue> => {
      // gpu.js' declared argument type is narrower than what it accepts (its own handles), and
      // its declared result omits the Promise a webgpu kernel returns.
      const result: unknown = await Promise.resolve(shortcut(...(args as KernelVariable[])));
      return result as DeviceValue;
    };
    return Object.assign(call, {
      actualMode: () => modeOf(shortcut.kernel),
      fallbackReason: () => shortcut.fallbackReason ?? shortcut.kernel.fallbackReason ?? null,
    });
  }

  /** A kernel for pipelines only, with this backend's settings (see `createKernel`). */
  createTraceKernel(spec: KernelSpec): TraceKernel {
    this.created++;
    const settings: IGPUKernelSettings & { loopMaxIterations: number } = {
      output: spec.output,
      constants: spec.constants,
      loopMaxIterations: spec.loopMaxIterations,
      precision: 'single',
      tactic: 'precision',
    };
    return { shortcut: this.gpu.createKernel(spec.source, settings) };
  }

  /**
   * Compiles `orchestrate` (run once, at the first call, over one handle per argument) into a
   * pipeline of `arity` arguments. Kernel calls it makes through `call` are recorded, not run.
   *
   * @example
   * const p = ctx.createPipeline(2, (call, [a, b]) => [call(add, a, b)]);
   * const [sum] = await p(x, y); // x, y: PipelineArg
   */
  createPipeline(
    arity: number,
    orchestrate: (call: TraceCall, args: readonly TraceHandle[]) => TraceHandle[],
  ): GpuPipeline {
    if (!Number.isInteger(arity) || arity < 1) {
      throw new RangeError(`gpu backend: a pipeline needs 1 or more arguments, not ${arity}`);
    }
    const call: TraceCall = (kernel, ...args) =>
      // Inside a trace gpu.js answers a kernel call with a handle instead of running it.
      kernel.shortcut(...(args as unknown as KernelVariable[])) as unknown as TraceHandle;
    const traced = function (...handles: unknown[]): TraceHandle[] {
      return orchestrate(call, handles as TraceHandle[]);
    };
    // gpu.js makes one handle per parameter of the orchestration, counting them by `fn.length`,
    // which a rest parameter leaves at 0 (a function's length is configurable).
    Object.defineProperty(traced, 'length', { value: arity });
    this.created++;
    const shortcut: IPipelineRunShortcut = this.gpu.createPipeline(
      traced,
      // One thread: the worker pool's gain is not ours to take on a shared machine, and its
      // workers would outlive a disposed runner.
      { threads: false },
    );
    const run = async (...args: PipelineArg[]): Promise<Float32Array[]> => {
      if (args.length !== arity) {
        throw new Error(`gpu backend: the pipeline takes ${arity} arguments, not ${args.length}`);
      }
      const inputs = args.map(
        (a) => new Input(a.values as unknown as number[], a.dims) as KernelVariable,
      );
      const results: unknown = await shortcut(...inputs);
      if (!Array.isArray(results)) throw new Error('gpu backend: pipeline returned no array');
      return results.map((r: unknown) => flattenResult(r));
    };
    return Object.assign(run, {
      executorKind: () => shortcut.pipeline.executorKind,
      backend: () => shortcut.backend,
      fallbackReason: () => shortcut.pipeline.fallbackReason,
      destroy: () => {
        void shortcut.destroy().catch(() => undefined);
      },
    });
  }

  destroy(): void {
    void this.gpu.destroy().catch(() => undefined);
  }
}

/** A pipeline result (a typed array, or rows of one) as one flat Float32Array. */
function flattenResult(value: unknown): Float32Array {
  if (value instanceof Float32Array) return value;
  if (Array.isArray(value)) return flattenRows(value as Float32Array[]);
  throw new Error('gpu backend: unexpected result shape from a pipeline');
}

/**
 * gpu.js' own name for a kernel's mode, except that all its GL kernels call themselves 'gpu':
 * those are told apart by their context (class names do not survive minification).
 */
function modeOf(kernel: Kernel): string {
  const ctor = kernel.constructor as { mode?: unknown };
  const mode = typeof ctor.mode === 'string' ? ctor.mode : 'unknown';
  if (mode !== 'gpu') return mode;
  const isWebGl2 =
    typeof WebGL2RenderingContext !== 'undefined' &&
    kernel.context instanceof WebGL2RenderingContext;
  return isWebGl2 ? 'webgl2' : 'webgl';
}

/** Reads a 1D or 2D device value back into one flat Float32Array (rows concatenated). */
export async function readBack(value: DeviceValue): Promise<Float32Array> {
  if (value instanceof Float32Array) return value;
  if (Array.isArray(value)) return flattenRows(value);
  const raw: unknown = await value.toArray();
  if (raw instanceof Float32Array) return raw;
  if (Array.isArray(raw)) return flattenRows(raw as Float32Array[]);
  throw new Error('gpu backend: unexpected result shape from toArray()');
}

function flattenRows(rows: readonly Float32Array[]): Float32Array {
  const width = rows[0]?.length ?? 0;
  const out = new Float32Array(width * rows.length);
  rows.forEach((row, i) => out.set(row, i * width));
  return out;
}

/** Frees a device value that no kernel will read again (a no-op for host arrays). */
export function release(value: DeviceValue | undefined): void {
  if (value && !(value instanceof Float32Array) && !Array.isArray(value)) value.delete?.();
}
