/**
 * Picks and builds the backend a simulation runs on. Backends other than `reference` are loaded
 * with dynamic imports, so a page that runs on WebGPU never downloads the wasm module and Node
 * never loads gpu.js unless asked to.
 */
import type { BackendChoice } from '../model/document.ts';
import type { BackendRunner } from './backends/backend.ts';
import { BackendUnavailableError, MemoryBudgetError } from './errors.ts';
import type { Plan } from './plan.ts';

/** The modes of the gpu.js backend (`auto` lets it choose). */
export type GpuMode = 'auto' | 'webgpu' | 'webgl2' | 'webasm' | 'cpu';

/** What a run tells its backend beyond the plan. */
export interface BackendHints {
  /**
   * The document marks a projection weight live (a Live panel slider): the gpu backend then
   * passes the weights with every call, so that moving the slider compiles nothing.
   */
  liveWeights?: boolean;
}

/** What `backends/gpu/index.ts` exports. */
export type GpuBackendFactory = (
  plan: Plan,
  mode: GpuMode,
  hints?: BackendHints,
) => Promise<BackendRunner>;

/** Whether this code runs in Node (tests, CLI) rather than in a page or a worker. */
export function isNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: unknown } } };
  return typeof g.process?.versions?.node === 'string';
}

/**
 * Runs a backend module's import, turning a load failure (gpu.js refusing to start, a missing
 * WebAssembly feature at instantiation) into `BackendUnavailableError`, never a crash.
 */
async function load<T>(backend: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    throw new BackendUnavailableError(backend, `its module failed to load (${describe(error)})`);
  }
}

async function wasmBackend(plan: Plan): Promise<BackendRunner> {
  const { createWasmBackend } = await load('wasm', () => import('./backends/wasm/index.ts'));
  return createWasmBackend(plan);
}

async function gpuBackend(
  plan: Plan,
  backend: string,
  mode: GpuMode,
  hints: BackendHints,
): Promise<BackendRunner> {
  if (isNode() && mode === 'webgpu') {
    // Node has no navigator.gpu; Dawn provides one where its binary loads (see node-webgpu.ts).
    await load(backend, async () => {
      const { installNodeWebGpu } = await import('./backends/gpu/node-webgpu.ts');
      await installNodeWebGpu();
    });
  }
  const module = await load(backend, () => import('./backends/gpu/index.ts'));
  // Typed against the contract, so a change of signature fails the type check here.
  const factory: GpuBackendFactory = module.createGpuBackend;
  return factory(plan, mode, hints);
}

async function referenceBackend(plan: Plan): Promise<BackendRunner> {
  const { createReferenceBackend } = await import('./backends/reference/index.ts');
  return createReferenceBackend(plan);
}

/**
 * Builds the runner for `choice`. A named backend that cannot run here rejects with
 * `BackendUnavailableError`; `auto` tries wasm, then (in a page or worker) gpu webgpu and webgl2,
 * then reference.
 *
 * @example const runner = await resolveBackend(plan, 'auto'); runner.name // 'wasm' in Node
 */
export async function resolveBackend(
  plan: Plan,
  choice: BackendChoice,
  hints: BackendHints = {},
): Promise<BackendRunner> {
  switch (choice) {
    case 'reference':
      return referenceBackend(plan);
    case 'wasm':
      return wasmBackend(plan);
    case 'gpu':
      return gpuBackend(plan, choice, 'auto', hints);
    case 'webgpu':
    case 'webgl2':
    case 'webasm':
    case 'cpu':
      return gpuBackend(plan, choice, choice, hints);
    case 'auto':
      return autoBackend(plan, hints);
  }
}

async function autoBackend(plan: Plan, hints: BackendHints): Promise<BackendRunner> {
  // wasm first everywhere, measured on an H100 machine (2026-11-23, WebGPU through Dawn): CUBA
  // (4000 neurons, 1 s) takes 0.03-0.06 s on wasm and 0.41-0.48 s on gpu:webgpu; at 64k neurons
  // 0.6-0.9 s against 1.2-1.35 s. Headless Chromium's software WebGPU takes about 30 ms per step.
  // The gpu modes stay one click away in the backend menu.
  const attempts: (() => Promise<BackendRunner>)[] = isNode()
    ? [() => wasmBackend(plan)]
    : [
        () => wasmBackend(plan),
        () => gpuBackend(plan, 'webgpu', 'webgpu', hints),
        () => gpuBackend(plan, 'webgl2', 'webgl2', hints),
      ];
  for (const attempt of attempts) {
    try {
      return await attempt();
    } catch (error) {
      // A memory refusal holds for every backend, so it surfaces. Anything else (no adapter, a
      // driver that fails to compile a kernel) only means this accelerator cannot help here:
      // `auto` promises a run, and the named backends' own tests catch their bugs.
      if (error instanceof MemoryBudgetError) throw error;
    }
  }
  return referenceBackend(plan);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
