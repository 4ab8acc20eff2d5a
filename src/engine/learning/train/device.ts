/**
 * The operations a `TrainDevice` names, for a network's neuron.
 */
import { BackendUnavailableError } from '../../errors.ts';
import { isNode } from '../../resolve-backend.ts';
import { JsTrainOps } from './ops-js.ts';
import { GpuTrainOps } from './ops-gpu.ts';
import type { NeuronConstants, TrainOps } from './ops.ts';
import type { TrainDevice, TrainNeuron } from './types.ts';

/** The kernels' constants of a neuron; `smooth` picks the smooth forward (gradient checks). */
export function neuronConstants(n: TrainNeuron, slope: number, smooth = false): NeuronConstants {
  return {
    decay: 1 - n.leak,
    rest: n.vRest * n.leak,
    threshold: n.vThreshold,
    reset: n.vReset,
    slope,
    smooth,
  };
}

/**
 * Operations on `device`; a gpu mode that cannot run here rejects with
 * `BackendUnavailableError` naming it.
 */
export async function createTrainOps(
  device: TrainDevice,
  neuron: NeuronConstants,
): Promise<TrainOps<unknown>> {
  switch (device) {
    case 'js':
      return new JsTrainOps(neuron);
    case 'gpu:cpu':
      return await GpuTrainOps.create('cpu', neuron);
    case 'gpu:webasm':
      return await GpuTrainOps.create('webasm', neuron);
    case 'gpu:webgl2':
      return await GpuTrainOps.create('webgl2', neuron);
    case 'gpu:webgpu':
      if (isNode()) await installDawn();
      return await GpuTrainOps.create('webgpu', neuron);
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
