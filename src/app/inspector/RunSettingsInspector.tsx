import { BACKEND_CHOICES, SEED_LIMIT, type BackendChoice } from '../../model/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { NumberField } from './NumberField.tsx';
import { Section } from './Section.tsx';
import { SelectField } from './SelectField.tsx';
import { useTryEdit } from './useTryEdit.ts';

const BACKEND_OPTIONS = BACKEND_CHOICES.map((b: BackendChoice) => ({
  value: b,
  label: b === 'auto' ? 'auto (fastest available)' : b,
}));

/** Run settings and a summary of the network, shown when nothing is selected. */
export function RunSettingsInspector() {
  const run = useDocumentStore((s) => s.document.run);
  const counts = useDocumentStore((s) => s.document.populations.length);
  const neurons = useDocumentStore((s) => s.document.populations.reduce((n, p) => n + p.size, 0));
  const projections = useDocumentStore((s) => s.document.projections.length);
  const tryEdit = useTryEdit();
  return (
    <div className="inspector-body" data-testid="run-inspector">
      <header className="inspector-head">
        <div>
          <h2 className="inspector-title">Network</h2>
          <p className="inspector-sub">
            {counts} populations · {neurons.toLocaleString('en-US')} neurons · {projections}{' '}
            projections
          </p>
        </div>
      </header>
      <Section title="Run settings">
        <NumberField
          name="dt"
          path="run/dt"
          label="Time step dt"
          unit="ms"
          value={run.dt}
          min={0}
          step={0.01}
          description="Integration step; smaller is more accurate and slower."
          onCommit={(dt) => tryEdit({ type: 'updateRun', patch: { dt } }, 'dt', 'run')}
        />
        <NumberField
          name="duration"
          path="run/duration"
          label="Duration"
          unit="ms"
          value={run.duration}
          min={0}
          description="Length of a run."
          onCommit={(duration) =>
            tryEdit({ type: 'updateRun', patch: { duration } }, 'duration', 'run')
          }
        />
        <NumberField
          name="seed"
          path="run/seed"
          label="Seed"
          value={run.seed}
          min={0}
          max={SEED_LIMIT - 1}
          integer
          description="Seed of every random draw; the same seed gives the same run."
          onCommit={(seed) => tryEdit({ type: 'updateRun', patch: { seed } }, 'seed', 'run')}
        />
        <SelectField
          name="backend"
          label="Backend"
          value={run.backend}
          options={BACKEND_OPTIONS}
          description="Which engine runs the network."
          onCommit={(backend) =>
            tryEdit({ type: 'updateRun', patch: { backend } }, 'backend', 'run')
          }
        />
      </Section>
      <p className="muted inspector-tip">Select a population or projection to edit it.</p>
    </div>
  );
}
