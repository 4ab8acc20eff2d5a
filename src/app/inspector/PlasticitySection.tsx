import type { PlasticityRule, Projection, RewardSource } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { weightUnit } from '../editor/projection-summary.ts';
import { issueMessage } from './issue-message.ts';
import {
  classicRecordableVariables,
  replaceProjection,
  rewardCandidates,
  withRuleChoice,
} from './plasticity-edits.ts';
import { RULE_CHOICES, RULE_DESCRIPTIONS, ruleParams, rewarded } from './plasticity-params.ts';
import type { RuleChoice } from './plasticity-params.ts';
import { PlasticityExtras } from './PlasticityExtras.tsx';
import { PlasticityParamFields } from './PlasticityParamFields.tsx';
import { PlasticityRewardFields } from './PlasticityRewardFields.tsx';
import { RecordSynapses } from './RecordSynapses.tsx';
import { Section } from './Section.tsx';
import { SelectField } from './SelectField.tsx';
import { useTryEdit } from './useTryEdit.ts';

/**
 * The Plasticity section of a delta or exponential projection: the weight rule (none, STDP,
 * R-STDP, OnlineO1, homeostatic) with its parameters and reward, short-term and structural
 * plasticity, and "Record weights". A pick is one undo step; typing into a field folds into
 * one step per field; a value the document refuses stays in the field with the model's message.
 */
export function PlasticitySection({ projection }: { projection: Projection }) {
  const tryEdit = useTryEdit();
  const id = projection.id;
  const populations = useDocumentStore((s) => s.document.populations);
  const targetModel = populations.find((p) => p.id === projection.target)?.model;
  const unit = weightUnit(projection, targetModel);
  const rule = projection.plasticity;
  const choice: RuleChoice = rule?.rule ?? 'none';

  const pick = (next: RuleChoice): string | null => {
    const doc = documentStore.getState().document;
    const current = doc.projections.find((p) => p.id === id);
    if (current === undefined) return null;
    const changed = withRuleChoice(doc, current, next);
    if (typeof changed === 'string') return changed;
    const issues = documentStore
      .getState()
      .tryApply(
        { type: 'replaceDocument', document: replaceProjection(doc, changed) },
        { label: 'plasticity rule' },
      );
    return issueMessage(issues, 'plasticity');
  };
  const setRule = (next: PlasticityRule, field: string) =>
    tryEdit({ type: 'updateProjection', id, patch: { plasticity: next } }, field, id);
  const variables = classicRecordableVariables(projection);

  return (
    <>
      <Section title="Plasticity">
        <SelectField
          name="plasticity-rule"
          label="Weight rule"
          value={choice}
          options={RULE_CHOICES}
          onCommit={(next) => (next === choice ? null : pick(next))}
        />
        <p className="field-note plasticity-description" data-testid="plasticity-description">
          {RULE_DESCRIPTIONS[choice]}
        </p>
        {rule !== undefined && (
          <PlasticityParamFields
            prefix="plasticity"
            scope={`${id}:${rule.rule}`}
            specs={ruleParams(rule.rule)}
            values={rule as unknown as Readonly<Record<string, unknown>>}
            weightUnit={unit}
            // The key comes from this rule's own specs, so the result is still this rule.
            onCommit={(key, value, field) => setRule({ ...rule, [key]: value }, field)}
          />
        )}
        {rule !== undefined && rewarded(rule.rule) && 'reward' in rule && (
          <PlasticityRewardFields
            key={`${id}:${rule.rule}:reward`}
            reward={rule.reward}
            candidates={rewardCandidates(populations)}
            integer={rule.rule === 'online_o1'}
            onCommit={(reward: RewardSource, field) => setRule({ ...rule, reward }, field)}
          />
        )}
        {variables.length > 0 && <RecordSynapses projection={projection} variables={variables} />}
      </Section>
      <PlasticityExtras projection={projection} weightUnit={unit} />
    </>
  );
}
