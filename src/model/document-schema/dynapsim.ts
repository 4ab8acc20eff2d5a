/**
 * The DynapSim population's parameters and the DPI synapse. Cross-field rules (threshold above
 * the dark current, DPI synapses only into DynapSim populations) are in `checks/dynapsim.ts`.
 */
import type { DpiSynapse, DynapsimParams } from '../document-dynapsim.ts';
import { array, literal, number, object, optional } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

const current = (description: string): Schema<number> =>
  number({ gt: 0, description: `${description}, A (> 0).` });
const capacitance = (description: string): Schema<number> =>
  number({ gt: 0, description: `${description}, F (> 0).` });

export const dynapsimParamsSchema: Schema<DynapsimParams> = object({
  Idc: current('Constant DC current injected into the membrane'),
  If_nmda: current('NMDA gate soft cut-off current (unused by DynapSim)'),
  Igain_ahp: current('Gain bias current of the adaptation block'),
  Igain_mem: current('Gain bias current of the membrane'),
  Igain_syn: current('Gain bias current of the synapse'),
  Ipulse_ahp: current('Pulse-width current of the adaptation block'),
  Ipulse: current('Pulse-width current of the synapse'),
  Iref: current('Refractory-period current'),
  Ispkthr: current('Spike threshold current'),
  Itau_ahp: current('Adaptation leakage current'),
  Itau_mem: current('Membrane leakage current'),
  Itau_syn: current('Synaptic leakage current'),
  Iw_ahp: current('Adaptation weight current'),
  Iscale: current('Weight scaling current'),
  C_ahp: capacitance('Adaptation capacitance'),
  C_syn: capacitance('Synaptic capacitance'),
  C_pulse_ahp: capacitance('Adaptation pulse-width capacitance'),
  C_pulse: capacitance('Synaptic pulse-width capacitance'),
  C_ref: capacitance('Refractory capacitance'),
  C_mem: capacitance('Membrane capacitance'),
  Io: current('Dark current'),
  kappa_n: number({ gt: 0, max: 1, description: 'n-type subthreshold slope factor (0, 1].' }),
  kappa_p: number({ gt: 0, max: 1, description: 'p-type subthreshold slope factor (0, 1].' }),
  Ut: number({ gt: 0, description: 'Thermal voltage, V (> 0).' }),
  Vth: number({ gt: 0, description: 'Transistor cut-off voltage, V (> 0).' }),
  percent_mismatch: number({
    min: 0,
    max: 0.5,
    description: 'Mismatch as a fraction (0.1 = 10 %, sigma = value / 3); 0 = none.',
  }),
  mismatch_seed: number({
    integer: true,
    min: 0,
    max: 0xffffffff,
    description: 'Unsigned 32-bit seed of the mismatch draws.',
  }),
});

export const dpiSynapseSchema: Schema<DpiSynapse> = object({
  kind: literal('dpi'),
  weights: optional(
    array(number(), {
      description:
        'One dimensionless weight per synapse, sources ascending then targets ascending ' +
        '(all_to_all or one_to_one only); replaces the projection weight.',
    }),
  ),
});
