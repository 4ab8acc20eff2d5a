import { useState } from 'react';
import type { LoihiSynapse, LoihiTrace, LoihiTraceName, Projection } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { issueMessage } from './issue-message.ts';
import {
  DW_DESCRIPTION,
  RULE_PRESETS,
  presetOf,
  recordableVariables,
  withRule,
  withTrace,
} from './loihi-learning.ts';
import { LoihiTracesTable } from './LoihiTracesTable.tsx';
import { RecordSynapses } from './RecordSynapses.tsx';
import { Section } from './Section.tsx';
import { SelectField } from './SelectField.tsx';
import { TextField } from './TextField.tsx';
import { useTryEdit } from './useTryEdit.ts';

const CUSTOM = 'custom';
const PRESET_OPTIONS = [
  ...RULE_PRESETS.map((p) => ({ value: p.id, label: p.label })),
  { value: CUSTOM, label: 'Custom rule' },
];

/**
 * The Learning section of a Loihi projection (brian2-loihi's `dw` and traces): rule presets,
 * the rule typed with the parser's message inline (a rule that does not parse never reaches
 * the document; one that reads a trace switches it on), the traces table, and "Record
 * weights". Typing folds into one undo step per field; presets and switches are steps of
 * their own.
 */
export function LoihiLearningSection({
  projection,
  synapse,
}: {
  projection: Projection;
  synapse: LoihiSynapse;
}) {
  const tryEdit = useTryEdit();
  const id = projection.id;
  // Remounts the rule field after a preset, so a refused draft does not hide the new rule.
  const [picks, setPicks] = useState(0);
  const preset = presetOf(synapse.dw);
  const typed = (next: LoihiSynapse, field: string) =>
    tryEdit({ type: 'updateProjection', id, patch: { synapse: next } }, field, id);
  const step = (next: LoihiSynapse, label: string, field: string) =>
    issueMessage(
      documentStore
        .getState()
        .tryApply({ type: 'updateProjection', id, patch: { synapse: next } }, { label }),
      field,
    );
  const onTrace = (
    name: LoihiTraceName,
    trace: LoihiTrace | undefined,
    cell: 'impulse' | 'tau' | null,
  ) => {
    const next = withTrace(synapse, name, trace);
    if (typeof next === 'string') return next;
    if (cell !== null) return typed(next, `traces.${name}.${cell}`);
    const label = trace === undefined ? `switch ${name} off` : `switch ${name} on`;
    return step(next, label, `traces.${name}`);
  };
  return (
    <Section title="Learning">
      <SelectField
        name="rule-preset"
        label="Rule preset"
        value={preset?.id ?? CUSTOM}
        options={PRESET_OPTIONS}
        description={preset?.description ?? 'Pick a rule to fill in dw and switch on its traces.'}
        onCommit={(choice) => {
          const picked = RULE_PRESETS.find((p) => p.id === choice);
          if (picked === undefined) return null;
          const next = withRule(synapse, picked.dw);
          if (typeof next === 'string') return next;
          setPicks((n) => n + 1);
          return step(next, 'learning rule preset', 'dw');
        }}
      />
      <TextField
        key={`${id}:dw:${picks}`}
        name="dw"
        label="Rule dw"
        value={synapse.dw ?? ''}
        placeholder="e.g. 2^-2*x1*y0 - 2^-2*y1*x0"
        description={DW_DESCRIPTION}
        note={
          synapse.dw === undefined || synapse.dw === ''
            ? 'No rule: the weights stay as set.'
            : 'Applied to every synapse every step; traces the rule reads are switched on.'
        }
        onCommit={(text) => {
          const next = withRule(synapse, text);
          return typeof next === 'string' ? next : typed(next, 'dw');
        }}
      />
      <LoihiTracesTable synapse={synapse} onTrace={onTrace} />
      <RecordSynapses projection={projection} variables={recordableVariables(synapse)} />
    </Section>
  );
}
