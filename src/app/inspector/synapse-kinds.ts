/**
 * The synapse kinds a projection may use, by its target's model (the document's rule: a Loihi
 * target takes Loihi synapses only, a DynapSim target DPI synapses only, every other neuron
 * delta or exponential ones), and the fresh synapse of each kind.
 */
import type { PopulationModel, SynapseSpec } from '../../model/index.ts';

export type SynapseKind = SynapseSpec['kind'];

const LABELS: Readonly<Record<SynapseKind, string>> = {
  exponential: 'Exponential current',
  delta: 'Delta (voltage jump)',
  loihi: 'Loihi (mantissa × 2^(6+w_exp))',
  dpi: 'DPI (weight × Iscale)',
};

/**
 * The kinds offered for a target of `model`, plus `current` if it is not among them (a loaded
 * file may hold it; the select must still show it, and validation says why it is wrong).
 *
 * @example synapseKinds('loihi', 'loihi') // [{ value: 'loihi', label: ... }]
 */
export function synapseKinds(
  model: PopulationModel | undefined,
  current: SynapseKind,
): { value: SynapseKind; label: string }[] {
  const kinds: SynapseKind[] =
    model === 'loihi' ? ['loihi'] : model === 'dynapsim' ? ['dpi'] : ['exponential', 'delta'];
  if (!kinds.includes(current)) kinds.push(current);
  return kinds.map((value) => ({ value, label: LABELS[value] }));
}

/** A fresh synapse of `kind` (the defaults a new connection gets). */
export function freshSynapse(kind: SynapseKind): SynapseSpec {
  switch (kind) {
    case 'exponential':
      return { kind, tau: 5 };
    case 'delta':
      return { kind };
    case 'loihi':
      return { kind, w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 };
    case 'dpi':
      return { kind };
  }
}
