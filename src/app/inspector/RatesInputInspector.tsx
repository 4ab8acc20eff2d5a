import type { Population, ScInputs } from '../../model/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { formatNumber } from '../editor/projection-summary.ts';
import { RatesFields } from './ScInputsEditor.tsx';
import { Section } from './Section.tsx';
import { useTryEdit } from './useTryEdit.ts';
import { WeightsEditor } from './WeightsEditor.tsx';

type ScLayer = Extract<Population, { model: 'sc_dense' }>;

/**
 * The selected rates edge: which population an SC dense layer reads, how its rates are
 * estimated, and the weights of those channels. Disconnecting gives the layer fixed values.
 */
export function RatesInputInspector({ layer }: { layer: ScLayer }) {
  const tryEdit = useTryEdit();
  const remove = useDocumentStore((s) => s.deleteSelection);
  const others = useDocumentStore((s) => s.document.populations).filter((p) => p.id !== layer.id);
  const inputs = layer.params.inputs;
  if (inputs.kind !== 'rates') return null;
  const write = (next: ScInputs, field: string) =>
    tryEdit({ type: 'setScInputs', id: layer.id, inputs: next }, field, layer.id);
  return (
    <div className="inspector-body" data-testid="rates-inspector">
      <header className="inspector-head">
        <span className="rates-dot" aria-hidden="true" />
        <div>
          <h2 className="inspector-title">
            {inputs.source} → {layer.label ?? layer.id}
          </h2>
          <p className="inspector-sub">
            firing rates as inputs · {layer.params.weights.length} channels · τ{' '}
            {formatNumber(inputs.tau)} ms
          </p>
        </div>
      </header>
      <Section title="Rates input">
        <RatesFields layer={layer} inputs={inputs} others={others} write={write} />
      </Section>
      <Section title="Weights">
        <WeightsEditor layerId={layer.id} params={layer.params} />
      </Section>
      <div className="inspector-actions">
        <button
          type="button"
          className="btn btn-danger"
          onClick={remove}
          title="Delete (Del): the layer goes back to fixed input values, one per weight"
          data-testid="rates-disconnect"
        >
          Disconnect
        </button>
      </div>
    </div>
  );
}
