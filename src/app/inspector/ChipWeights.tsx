import type { ReactNode } from 'react';
import type { Population, Projection } from '../../model/index.ts';
import { formatNumber } from '../editor/projection-summary.ts';
import { mantissaNote, parseMantissas } from './loihi-weights.ts';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';
import { toDisplay } from './chip-units.ts';

interface ChipWeightsProps {
  projection: Projection;
  target: Population | undefined;
  onCommit: (patch: Partial<Omit<Projection, 'id'>>, field: string) => string | null;
}

/**
 * The weights of a projection into a chip, in the chip's terms. Loihi: the weight mantissa (one
 * for all synapses, or the list `synapse.mantissas`) with the actual weight the chip adds to I.
 * DynapSim: the dimensionless DPI weight with the current it injects (w × the target's Iscale).
 * `null` for other synapses, which use the generic distribution editor. A plain function, not a
 * component, so the caller can fall back when it returns `null`.
 */
export function chipWeightFields({ projection, target, onCommit }: ChipWeightsProps): ReactNode {
  const synapse = projection.synapse;
  const weight = projection.weight;
  if (synapse.kind === 'loihi') {
    if (synapse.mantissas !== undefined) {
      const list = synapse.mantissas;
      return (
        <TextField
          name="mantissas"
          label={`Weight mantissas (${list.length}, one per synapse)`}
          value={list.join(', ')}
          description="In connection order: sources ascending, then targets ascending."
          note={`actual weights ${list
            .slice(0, 6)
            .map((m) => mantissaNote(m, synapse).replace(/^actual weight /, ''))
            .join(', ')}${list.length > 6 ? ', …' : ''}`}
          onCommit={(text) => {
            const parsed = parseMantissas(text);
            if (typeof parsed === 'string') return parsed;
            return onCommit({ synapse: { ...synapse, mantissas: parsed } }, 'mantissas');
          }}
        />
      );
    }
    if (weight.kind === 'constant') {
      return (
        <NumberField
          name="weight-mantissa"
          label="Weight mantissa"
          unit="mantissa"
          value={weight.value}
          step={1}
          integer
          description="Every synapse's mantissa; the actual weight is mantissa × 2^(6 + w_exp), truncated to the weight bits."
          note={mantissaNote(weight.value, synapse)}
          onCommit={(value) => onCommit({ weight: { kind: 'constant', value } }, 'value')}
        />
      );
    }
    return null;
  }
  if (synapse.kind === 'dpi') {
    const iscale = target?.model === 'dynapsim' ? target.params.Iscale : undefined;
    const injected = (w: number) =>
      iscale === undefined ? '' : `= ${formatNumber(toDisplay(w * iscale, 1e9))} nA`;
    if (synapse.weights !== undefined) {
      const list = synapse.weights;
      return (
        <TextField
          name="dpi-weights"
          label={`Weights (${list.length}, one per synapse)`}
          value={list.join(', ')}
          description="Dimensionless (Rockpool's quantized weights), in connection order."
          onCommit={(text) => {
            const values = text
              .split(/[\s,;]+/)
              .filter((s) => s !== '')
              .map(Number);
            if (values.some((v) => !Number.isFinite(v))) return 'Every item must be a number';
            return onCommit({ synapse: { kind: 'dpi', weights: values } }, 'weights');
          }}
        />
      );
    }
    if (weight.kind === 'constant') {
      return (
        <NumberField
          name="dpi-weight"
          label="Weight"
          unit="× Iscale"
          value={weight.value}
          description="A spike through this synapse injects weight × the target's Iscale."
          note={injected(weight.value)}
          onCommit={(value) => onCommit({ weight: { kind: 'constant', value } }, 'value')}
        />
      );
    }
  }
  return null;
}
