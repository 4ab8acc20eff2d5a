import type { Projection } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { connectivityLabel, projectionSign, weightUnit } from '../editor/projection-summary.ts';
import { chipWeightFields } from './ChipWeights.tsx';
import { ConnectivityEditor } from './ConnectivityEditor.tsx';
import { structuredRuleEdit } from './conv-edits.ts';
import { DistributionEditor } from './DistributionEditor.tsx';
import { LoihiLearningSection } from './LoihiLearningSection.tsx';
import { PlasticitySection } from './PlasticitySection.tsx';
import { Section } from './Section.tsx';
import { SynapseEditor } from './SynapseEditor.tsx';
import { TextField } from './TextField.tsx';
import { useTryEdit } from './useTryEdit.ts';

/** Everything about one projection: connectivity, weights, synapse and delay. */
export function ProjectionInspector({ projection }: { projection: Projection }) {
  const tryEdit = useTryEdit();
  const id = projection.id;
  const sourceSize = useDocumentStore(
    (s) => s.document.populations.find((p) => p.id === projection.source)?.size ?? 1,
  );
  const sourceShape = useDocumentStore(
    (s) => s.document.populations.find((p) => p.id === projection.source)?.shape,
  );
  const dt = useDocumentStore((s) => s.document.run.dt);
  const target = useDocumentStore((s) =>
    s.document.populations.find((p) => p.id === projection.target),
  );
  const sign = projectionSign(projection);
  const synapse = projection.synapse;
  const update = (patch: Partial<Omit<Projection, 'id'>>, field: string) =>
    tryEdit({ type: 'updateProjection', id, patch }, field, id);
  return (
    <div className="inspector-body" data-testid="projection-inspector" key={id}>
      <header className="inspector-head">
        <span className={`sign-dot proj-${sign}`} aria-hidden="true" />
        <div>
          <h2 className="inspector-title">
            {projection.source} → {projection.target}
          </h2>
          <p className="inspector-sub">
            {sign} · {connectivityLabel(projection.connectivity)} · <code>{id}</code>
          </p>
        </div>
      </header>
      <Section title="Projection">
        <TextField
          name="label"
          label="Label"
          placeholder={id}
          value={projection.label ?? ''}
          onCommit={(text) => update(text.trim() === '' ? {} : { label: text }, 'label')}
        />
      </Section>
      <Section title="Connectivity">
        <ConnectivityEditor
          value={projection.connectivity}
          sourceSize={sourceSize}
          isSelf={projection.source === projection.target}
          sourceShape={sourceShape}
          targetShape={target?.shape}
          structuredAllowed={synapse.kind === 'delta' || synapse.kind === 'exponential'}
          onCommit={(connectivity, field) => update({ connectivity }, field)}
          onStructured={(connectivity, field, reshape) =>
            // One edit for the rule, its constant weight and the target's new shape.
            tryEdit(
              structuredRuleEdit(documentStore.getState().document, id, connectivity, reshape),
              field,
              id,
            )
          }
        />
      </Section>
      <Section title="Weights">
        {chipWeightFields({ projection, target, onCommit: update }) ?? (
          <DistributionEditor
            name="weight"
            path={`projections/${projection.id}/weight`}
            label="Distribution"
            value={projection.weight}
            unit={weightUnit(projection, target?.model)}
            onCommit={(weight, field) => update({ weight }, field)}
          />
        )}
      </Section>
      <Section title="Synapse">
        <SynapseEditor
          synapse={projection.synapse}
          delay={projection.delay}
          dt={dt}
          targetModel={target?.model}
          onSynapse={(synapse, field) => update({ synapse }, field)}
          onDelay={(delay, field) => update({ delay }, field)}
        />
      </Section>
      {synapse.kind === 'loihi' && (
        <LoihiLearningSection key={id} projection={projection} synapse={synapse} />
      )}
      {(synapse.kind === 'delta' || synapse.kind === 'exponential') && (
        <PlasticitySection key={id} projection={projection} />
      )}
    </div>
  );
}
