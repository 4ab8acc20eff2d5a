/**
 * The `wasm` backend: the plan stepped by an AssemblyScript kernel compiled to WebAssembly with
 * 128-bit SIMD, bit-identical with `reference` (CONTEXT.md) and the fastest CPU path.
 */
import { BackendUnavailableError } from '../../errors.ts';
import type { BackendFactory } from '../backend.ts';
import { requireModels } from '../supported-models.ts';
import type { ModelName } from '../supported-models.ts';
import { requireExactLoihiInput } from './loihi-image.ts';
import { instantiateKernel } from './module.ts';
import { WasmRunner } from './runner.ts';
import { simdSupported } from './simd.ts';

/**
 * Builds a wasm runner for a plan; throws `BackendUnavailableError` where WebAssembly SIMD is
 * missing.
 *
 * @example
 * const runner = await createWasmBackend(compile(doc));
 * const chunk = await runner.run(1000);
 */
/** The models the kernel steps; a plan with any other is refused (see supported-models.ts). */
export const WASM_MODELS: ReadonlySet<ModelName> = new Set<ModelName>([
  'stochastic_lif',
  'fixed_point_lif',
  'poisson',
  'spike_generator',
  'sc_dense',
  'izhikevich',
  'adex',
  'loihi',
  'dynapsim',
  'nir_neuron',
]);

export const createWasmBackend: BackendFactory = async (plan) => {
  requireModels('wasm', plan, WASM_MODELS);
  requireExactLoihiInput(plan);
  if (!simdSupported()) {
    throw new BackendUnavailableError('wasm', 'this JavaScript engine has no WebAssembly SIMD');
  }
  return new WasmRunner(plan, await instantiateKernel());
};
