import type { Projection } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { issueMessage } from './issue-message.ts';
import { replaceProjection, withStp, withStructural } from './plasticity-edits.ts';
import {
  STP_DESCRIPTION,
  STP_PARAMS,
  STRUCTURAL_DESCRIPTION,
  STRUCTURAL_PARAMS,
} from './plasticity-params.ts';
import { PlasticityParamFields } from './PlasticityParamFields.tsx';
import { Section } from './Section.tsx';
import { useTryEdit } from './useTryEdit.ts';

/**
 * Short-term (Tsodyks-Markram) and structural plasticity of a classic projection: a switch
 * each (one undo step) and their parameters (one step per field while typing).
 */
export function PlasticityExtras({
  projection,
  weightUnit,
}: {
  projection: Projection;
  weightUnit: string;
}) {
  const tryEdit = useTryEdit();
  const id = projection.id;
  const { stp, structural } = projection;

  const toggle = (change: (p: Projection) => Projection, label: string, field: string) => {
    const doc = documentStore.getState().document;
    const current = doc.projections.find((p) => p.id === id);
    if (current === undefined) return null;
    const issues = documentStore
      .getState()
      .tryApply(
        { type: 'replaceDocument', document: replaceProjection(doc, change(current)) },
        { label },
      );
    return issueMessage(issues, field);
  };

  return (
    <>
      <Section title="Short-term plasticity">
        <CheckboxField
          name="stp-on"
          label="Tsodyks-Markram depression and facilitation"
          checked={stp !== undefined}
          description={STP_DESCRIPTION}
          onCommit={(on) =>
            toggle((p) => withStp(p, on), `short-term plasticity ${on ? 'on' : 'off'}`, 'stp')
          }
        />
        {stp !== undefined && (
          <>
            <p className="field-note plasticity-description">{STP_DESCRIPTION}</p>
            <PlasticityParamFields
              prefix="stp"
              scope={id}
              specs={STP_PARAMS}
              values={{ ...stp }}
              weightUnit={weightUnit}
              onCommit={(key, value, field) =>
                tryEdit(
                  { type: 'updateProjection', id, patch: { stp: { ...stp, [key]: value } } },
                  field,
                  id,
                )
              }
            />
          </>
        )}
      </Section>
      <Section title="Structural plasticity">
        <CheckboxField
          name="structural-on"
          label="Prune weak synapses and grow new ones"
          checked={structural !== undefined}
          description={STRUCTURAL_DESCRIPTION}
          onCommit={(on) =>
            toggle(
              (p) => withStructural(p, on),
              `structural plasticity ${on ? 'on' : 'off'}`,
              'structural',
            )
          }
        />
        {structural !== undefined && (
          <>
            <p className="field-note plasticity-description">{STRUCTURAL_DESCRIPTION}</p>
            <PlasticityParamFields
              prefix="structural"
              scope={id}
              specs={STRUCTURAL_PARAMS}
              values={{ ...structural }}
              weightUnit={weightUnit}
              onCommit={(key, value, field) =>
                tryEdit(
                  {
                    type: 'updateProjection',
                    id,
                    patch: { structural: { ...structural, [key]: value } },
                  },
                  field,
                  id,
                )
              }
            />
          </>
        )}
      </Section>
    </>
  );
}
