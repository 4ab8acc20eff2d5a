import type { DelaySpec, PopulationModel, SynapseSpec } from '../../model/index.ts';
import { MAX_DELAY_STEPS } from '../../model/index.ts';
import { LoihiSynapseFields } from './LoihiSynapseFields.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { freshSynapse, synapseKinds } from './synapse-kinds.ts';

const DELAYS: readonly { value: DelaySpec['kind']; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'uniform_int', label: 'Uniform (whole steps)' },
];

/** The delay a switch of kind starts from: the constant, the low bound, or the list's least. */
function firstDelay(delay: DelaySpec): number {
  if (delay.kind === 'constant') return delay.steps;
  if (delay.kind === 'uniform_int') return delay.low;
  return delay.steps.reduce((a, b) => Math.min(a, b), MAX_DELAY_STEPS);
}

interface SynapseEditorProps {
  synapse: SynapseSpec;
  delay: DelaySpec;
  dt: number;
  /** The target's model decides which synapse kinds are offered. */
  targetModel: PopulationModel | undefined;
  onSynapse: (value: SynapseSpec, field: string) => string | null;
  onDelay: (value: DelaySpec, field: string) => string | null;
}

/**
 * Synapse kind (those valid for the target's model) with its fields (an exponential's time
 * constant, a Loihi synapse's sign mode, exponent and bits) and transmission delay.
 */
export function SynapseEditor(props: SynapseEditorProps) {
  const { synapse, delay, dt, targetModel, onSynapse, onDelay } = props;
  const kinds = synapseKinds(targetModel, synapse.kind);
  const first = firstDelay(delay);
  // A per-synapse list (from a NIR file) is shown, never typed; switching away replaces it.
  const delayKinds =
    delay.kind === 'explicit'
      ? [...DELAYS, { value: 'explicit' as const, label: `Per synapse (${delay.steps.length})` }]
      : DELAYS;
  return (
    <>
      <SelectField
        name="synapse-kind"
        label="Synapse"
        value={synapse.kind}
        options={kinds}
        onCommit={(kind) => (kind === synapse.kind ? null : onSynapse(freshSynapse(kind), 'kind'))}
      />
      {synapse.kind === 'loihi' && <LoihiSynapseFields synapse={synapse} onSynapse={onSynapse} />}
      {synapse.kind === 'exponential' && (
        <NumberField
          name="tau"
          label="Time constant τ"
          unit="ms"
          value={synapse.tau}
          min={0}
          description="The synaptic current decays with this time constant."
          onCommit={(tau) => onSynapse({ kind: 'exponential', tau }, 'tau')}
        />
      )}
      <SelectField
        name="delay-kind"
        label="Delay"
        value={delay.kind}
        options={delayKinds}
        onCommit={(kind) =>
          kind === delay.kind || kind === 'explicit'
            ? null
            : onDelay(
                kind === 'constant'
                  ? { kind, steps: first }
                  : { kind, low: first, high: Math.min(MAX_DELAY_STEPS, first + 10) },
                'kind',
              )
        }
      />
      {delay.kind === 'explicit' && (
        <p className="field-note" data-testid="delay-explicit-summary">
          {delay.steps.length} delays, one per synapse, {first} to{' '}
          {delay.steps.reduce((a, b) => Math.max(a, b), 0)} steps
        </p>
      )}
      {delay.kind === 'constant' && (
        <NumberField
          name="delay-steps"
          label="Steps"
          unit={`× ${dt} ms`}
          value={delay.steps}
          min={0}
          max={MAX_DELAY_STEPS}
          integer
          onCommit={(steps) => onDelay({ kind: 'constant', steps }, 'steps')}
        />
      )}
      {delay.kind === 'uniform_int' && (
        <div className="field-row">
          <NumberField
            name="delay-low"
            label="Low"
            unit="steps"
            value={delay.low}
            min={0}
            max={MAX_DELAY_STEPS}
            integer
            onCommit={(low) => onDelay({ ...delay, low }, 'low')}
          />
          <NumberField
            name="delay-high"
            label="High"
            unit="steps"
            value={delay.high}
            min={0}
            max={MAX_DELAY_STEPS}
            integer
            onCommit={(high) => onDelay({ ...delay, high }, 'high')}
          />
        </div>
      )}
    </>
  );
}
