/**
 * The `gpu` backend: the plan stepped by gpu.js kernels on WebGPU, WebGL2, WebAssembly (f32x4
 * SIMD) or plain JavaScript. The mode reported is the one that actually ran: gpu.js degrades a
 * kernel it cannot translate to its cpu mode with only a console warning, so after a first
 * (discarded) step every kernel's real mode is checked.
 */
import { BackendUnavailableError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import type { BackendHints } from '../../resolve-backend.ts';
import type { BackendRunner } from '../backend.ts';
import { refuseLoihiLearning, refusePlasticFeatures, requireModels } from '../supported-models.ts';
import type { ModelName } from '../supported-models.ts';
import { EXP32_FUNCTIONS } from './exp32-helper.ts';
import { LOG32_FUNCTIONS } from './log32-helper.ts';
import { buildGatherLists } from './gather.ts';
import { GpuContext, isModeAvailable, type GpuJsMode } from './gpujs.ts';
import { GLSL_DRAW24, JS_HASH_FUNCTIONS } from './hash.ts';
import { buildProbeMap } from './host-results.ts';
import { buildLayout } from './layout.ts';
import { gpuPlasticityGap } from './plasticity-layout.ts';
import { DEFAULT_CALL_LENGTHS, GpuRunner, type KernelFactory } from './runner.ts';
import { createStepKernels } from './step-kernels.ts';

export { GpuRunner } from './runner.ts';

/** The models the kernels step; a plan with any other is refused (see supported-models.ts). */
export const GPU_MODELS: ReadonlySet<ModelName> = new Set<ModelName>([
  'stochastic_lif',
  'poisson',
  'spike_generator',
  'sc_dense',
  'izhikevich',
  'adex',
  'dynapsim',
  'loihi',
]);

export interface GpuRunnerOptions {
  /**
   * Steps per device call: a chunk is cut into calls of these lengths, longest first (1 is
   * always added). Default `DEFAULT_CALL_LENGTHS`.
   */
  callLengths?: readonly number[];
  /** Synapses per iteration of the delay-0 gather loop (kernels.ts), a power of two. */
  gatherUnroll?: number;
  /** Flat 1D kernel arrays (layout.ts); default: on webgpu and webgl2 only. */
  flatArrays?: boolean;
  /**
   * Pass the gather's weights with every device call from the start, so that no live weight
   * edit compiles anything (by default the first one does, once: `GpuRunner.applyLive`).
   */
  liveWeights?: boolean;
}

/** The order `auto` tries: fastest first. */
export const AUTO_ORDER: readonly GpuJsMode[] = ['webgpu', 'webgl2', 'webasm', 'cpu'];

/**
 * Builds a runner for `plan` on the requested gpu.js mode, or on the first that works for
 * `auto`. Rejects with `BackendUnavailableError` when the mode cannot run here or gpu.js would
 * silently run it on another mode.
 *
 * @example
 * const runner = await createGpuBackend(compile(doc), 'webasm');
 * runner.name; // 'gpu:webasm'
 * const chunk = await runner.run(1000);
 */
export async function createGpuBackend(
  plan: Plan,
  mode: 'auto' | GpuJsMode,
  hints: BackendHints = {},
): Promise<BackendRunner> {
  const options: GpuRunnerOptions =
    hints.liveWeights === undefined ? {} : { liveWeights: hints.liveWeights };
  if (mode !== 'auto') return createOnMode(plan, mode, options);
  const reasons: string[] = [];
  for (const candidate of AUTO_ORDER) {
    try {
      return await createOnMode(plan, candidate, options);
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) throw error;
      reasons.push(`${candidate}: ${error.reason}`);
    }
  }
  throw new BackendUnavailableError('gpu', reasons.join('; '));
}

/**
 * `createGpuBackend` for one mode, with runner options (tests and benchmarks use them to vary
 * the steps per device call).
 *
 * @example const runner = await createOnMode(plan, 'webasm', { callLengths: [16, 4] });
 */
export async function createOnMode(
  plan: Plan,
  mode: GpuJsMode,
  options: GpuRunnerOptions = {},
): Promise<GpuRunner> {
  requireModels(mode, plan, GPU_MODELS);
  refuseLoihiLearning(mode, plan);
  // STDP, R-STDP and OnlineO1 run here (plasticity-layout.ts); STP, homeostatic scaling and
  // structural plasticity are refused by name.
  refusePlasticFeatures(mode, plan, (k) => gpuPlasticityGap(plan, k));
  if (!(await isModeAvailable(mode))) {
    throw new BackendUnavailableError(mode, `gpu.js reports that ${mode} is not supported here`);
  }
  const lengths = options.callLengths ?? DEFAULT_CALL_LENGTHS;
  const flat = options.flatArrays ?? (mode === 'webgpu' || mode === 'webgl2');
  const layout = buildLayout(plan, Math.max(1, ...lengths), flat);
  const liveWeights = options.liveWeights ?? false;
  // With live weights the runner builds the lists itself, with each entry's projection.
  const lists = liveWeights ? null : buildGatherLists(plan, layout);
  const probes = buildProbeMap(plan, layout);
  // exp32 and log32 only where a kernel calls them (AdEx, DynapSim): other plans' contexts are
  // what they were.
  const exp = [
    ...(layout.classic?.adex || layout.dynapsim ? EXP32_FUNCTIONS : []),
    ...(layout.dynapsim ? LOG32_FUNCTIONS : []),
  ];
  const ctx =
    mode === 'webgl2'
      ? new GpuContext(mode, exp, [{ name: 'draw24', source: GLSL_DRAW24 }])
      : new GpuContext(mode, [...JS_HASH_FUNCTIONS, ...exp], []);
  const kernelsFor: KernelFactory = (gather, weightsArgument) =>
    createStepKernels(ctx, layout, gather, plan.populations.length, probes.table, lengths, {
      unroll: options.gatherUnroll,
      weightsArgument,
    });
  const runner = new GpuRunner(
    `gpu:${mode}`,
    plan,
    layout,
    ctx,
    lists,
    probes,
    lengths,
    kernelsFor,
  );
  try {
    await runner.warmUp();
    // gpu.js names its GL kernels' mode 'gpu'; the context is webgl2 as asked.
    const expected = mode === 'webgl2' ? 'gpu' : mode;
    const degraded = runner.executors().find((e) => e.backend !== expected);
    if (degraded) {
      throw new BackendUnavailableError(
        mode,
        `gpu.js ran the kernels on ${degraded.backend ?? 'nothing'} instead` +
          (degraded.reason ? ` (${degraded.reason})` : ''),
      );
    }
  } catch (error) {
    runner.dispose();
    if (error instanceof BackendUnavailableError) throw error;
    throw new BackendUnavailableError(mode, `its kernels failed to run (${describe(error)})`);
  }
  return runner;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
