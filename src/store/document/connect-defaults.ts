/**
 * What a new connection or population needs besides the model's generic defaults, so that the
 * editor never hands the user an invalid network: chip targets take their own synapse kind
 * (a Loihi target a Loihi synapse, a DynapSim target a DPI synapse), and a Loihi population
 * needs the run to step at 1 ms.
 */
import type { Population, Projection, RunSettings } from '../../model/document.ts';
import { createProjection } from '../../model/index.ts';

/**
 * A default projection into `target`: the model's default for membranes that take delta or
 * exponential synapses; for a Loihi target a mixed-sign 8-bit Loihi synapse with mantissa 64
 * (actual weight 4096, below the default threshold 6400 so one spike alone does not fire it);
 * for a DynapSim target a DPI synapse of weight 1 (one Iscale per spike).
 *
 * @example projectionInto('a_to_b', 'a', loihiPopulation).synapse.kind // 'loihi'
 */
export function projectionInto(id: string, source: string, target: Population): Projection {
  const base = createProjection(id, source, target.id);
  switch (target.model) {
    case 'loihi':
      return {
        ...base,
        weight: { kind: 'constant', value: 64 },
        synapse: { kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 },
      };
    case 'dynapsim':
      return { ...base, weight: { kind: 'constant', value: 1 }, synapse: { kind: 'dpi' } };
    case 'izhikevich':
      // Izhikevich's current is in mV/ms and his cells need about 4 to fire: 0.1 does nothing.
      return { ...base, weight: { kind: 'constant', value: 2 } };
    case 'adex':
      // AdEx currents are in pA; a few hundred pA make the published cells fire.
      return { ...base, weight: { kind: 'constant', value: 50 } };
    case 'nir_neuron':
      // Its input is a delta channel read by the next step (CONTEXT.md step 2g); the model's
      // own tau_syn filters it.
      return { ...base, weight: { kind: 'constant', value: 0.5 }, synapse: { kind: 'delta' } };
    case 'stochastic_lif':
    case 'fixed_point_lif':
    case 'poisson':
    case 'spike_generator':
    case 'sc_dense':
      return base;
  }
}

/**
 * The run settings a population of `model` forces on the document, or `undefined` when the
 * current ones suit it: Loihi steps at 1 ms (brian2-loihi).
 *
 * @example requiredRun('loihi', { dt: 0.1, ... }) // { dt: 1 }
 */
export function requiredRun(
  model: Population['model'],
  run: RunSettings,
): Partial<RunSettings> | undefined {
  return model === 'loihi' && run.dt !== 1 ? { dt: 1 } : undefined;
}
