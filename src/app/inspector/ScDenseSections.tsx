import type { Population } from '../../model/index.ts';
import { PARAM_INFO } from '../../model/index.ts';
import { ScFixedPointEditor } from './ScFixedPointEditor.tsx';
import { ScInputsEditor } from './ScInputsEditor.tsx';
import { Section } from './Section.tsx';
import { WeightsEditor } from './WeightsEditor.tsx';

type ScLayer = Extract<Population, { model: 'sc_dense' }>;

function infoLabel(key: 'inputs' | 'weights', fallback: string): string {
  return PARAM_INFO.sc_dense.find((i) => i.key === key)?.label ?? fallback;
}

/**
 * An SC dense layer's inputs and its weights, one per input channel, and its arithmetic (float
 * or fixed point), above its parameters.
 */
export function ScDenseSections({ layer }: { layer: ScLayer }) {
  return (
    <>
      <Section title={infoLabel('inputs', 'Inputs')}>
        <ScInputsEditor layer={layer} />
      </Section>
      <Section title={infoLabel('weights', 'Weights')}>
        <WeightsEditor layerId={layer.id} params={layer.params} />
      </Section>
      <Section title="Arithmetic">
        <ScFixedPointEditor layer={layer} />
      </Section>
    </>
  );
}
