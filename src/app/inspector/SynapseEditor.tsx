import type { DelaySpec, PopulationModel, SynapseSpec } from '../../model/index.ts';
import { MAX_DELAY_STEPS } from '../../model/index.ts';
import { LoihiSynapseFields } from './LoihiSynapseFields.tsx';
import { NumberField } from './NumberField.tsx';
import { SelectField } from './SelectField.tsx';
import { freshSynapse, synapseKinds } from './synapse-kinds.ts';

const DELAYS = [
  { value: 'constant', label: 'Constant' },
  { value: 'uniform_int', label: 'Uniform (whole steps)' },
] as const;

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
        options={DELAYS}
        onCommit={(kind) =>
          onDelay(
            kind === 'constant'
              ? { kind, steps: delay.kind === 'constant' ? delay.steps : delay.low }
              : {
                  kind,
                  low: delay.kind === 'constant' ? delay.steps : delay.low,
                  high: (delay.kind === 'constant' ? delay.steps : delay.low) + 10,
                },
            'kind',
          )
        }
      />
      {delay.kind === 'constant' ? (
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
      ) : (
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
