import type { LoihiSignMode, LoihiSynapse } from '../../model/index.ts';
import { LOIHI_SYNAPSE_INFO } from '../../model/index.ts';
import { scaleNote, stepNote } from './loihi-weights.ts';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';

const info = (key: (typeof LOIHI_SYNAPSE_INFO)[number]['key']) => {
  const found = LOIHI_SYNAPSE_INFO.find((i) => i.key === key);
  if (found === undefined) throw new Error(`LOIHI_SYNAPSE_INFO has no ${key}`);
  return found;
};

const SIGN_MODES: readonly { value: LoihiSignMode; label: string }[] = [
  { value: 'mixed', label: 'Mixed (−256..254)' },
  { value: 'excitatory', label: 'Excitatory (0..255)' },
  { value: 'inhibitory', label: 'Inhibitory (−256..0)' },
];

interface LoihiSynapseFieldsProps {
  synapse: LoihiSynapse;
  onSynapse: (value: LoihiSynapse, field: string) => string | null;
}

/**
 * A Loihi synapse's own fields (brian2-loihi's `LoihiSynapses`): sign mode, weight exponent and
 * weight bits, each with what it does to the weight beside it. The mantissas are the weights
 * (see `ChipWeights`).
 */
export function LoihiSynapseFields({ synapse, onSynapse }: LoihiSynapseFieldsProps) {
  const wExp = info('w_exp');
  const bits = info('num_weight_bits');
  return (
    <>
      <SelectField
        name="sign_mode"
        label={info('sign_mode').label}
        value={synapse.sign_mode}
        options={SIGN_MODES}
        description={info('sign_mode').description}
        onCommit={(sign_mode) => onSynapse({ ...synapse, sign_mode }, 'sign_mode')}
      />
      <NumberField
        name="w_exp"
        label={wExp.label}
        unit={wExp.unit}
        value={synapse.w_exp}
        min={wExp.min}
        max={wExp.max}
        step={1}
        integer
        description={wExp.description}
        note={scaleNote(synapse)}
        onCommit={(w_exp) => onSynapse({ ...synapse, w_exp }, 'w_exp')}
      />
      <NumberField
        name="num_weight_bits"
        label={bits.label}
        unit={bits.unit}
        value={synapse.num_weight_bits}
        min={bits.min}
        max={bits.max}
        step={1}
        integer
        description={bits.description}
        note={stepNote(synapse)}
        onCommit={(num_weight_bits) =>
          onSynapse({ ...synapse, num_weight_bits }, 'num_weight_bits')
        }
      />
    </>
  );
}
