/**
 * Train / Cancel / Apply to network / Download metrics, the progress bar, the chain that will
 * be trained, and every message: option problems before a training, warnings about what
 * training ignores, errors, and what Cancel and Apply did.
 */
import { trainingOptionProblems } from '../../store/training/options.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { useTrainingStore } from '../../store/training/index.ts';
import { MetricsDownloads } from './MetricsDownloads.tsx';
import { TrainingProgressBar } from './TrainingProgressBar.tsx';
import { useTrainableChain } from './useTrainableChain.ts';

export function TrainingControls() {
  const status = useTrainingStore((s) => s.status);
  const errors = useTrainingStore((s) => s.errors);
  const notice = useTrainingStore((s) => s.notice);
  const canApply = useTrainingStore((s) => s.trained !== null && !s.applied);
  const options = useTrainingStore((s) => s.options);
  const dt = useDocumentStore((s) => s.document.run.dt);
  const chain = useTrainableChain();
  const busy = status === 'training' || status === 'cancelling';
  const problems = chain.ok ? trainingOptionProblems(options, chain.sizes.at(-1) ?? 0, dt) : [];
  const { train, cancel, apply } = useTrainingStore.getState();
  return (
    <div className="training-controls">
      <div className="training-row">
        <button
          type="button"
          className="run-primary"
          data-testid="train-button"
          disabled={busy || !chain.ok || problems.length > 0}
          onClick={() => void train()}
        >
          Train
        </button>
        <button
          type="button"
          data-testid="train-cancel"
          title={`Stops after the current ${options.rule === 'genetic' ? 'genome' : 'batch'}`}
          disabled={status !== 'training'}
          onClick={cancel}
        >
          Cancel
        </button>
        <button
          type="button"
          data-testid="train-apply"
          title="Write the trained weights into the network (one undoable edit)"
          disabled={busy || !canApply}
          onClick={apply}
        >
          Apply to network
        </button>
        <MetricsDownloads />
        <span className={`run-status training-status-${status}`} data-testid="train-status">
          {status}
        </span>
      </div>
      <TrainingProgressBar />
      {chain.ok ? (
        <p className="training-chain" data-testid="train-chain">
          Trains {chain.chain.input} ({chain.sizes[0]}) →{' '}
          {chain.chain.layers
            .map(
              (l, k) =>
                `${l.population} (${chain.sizes[k + 1]}${l.recurrent ? ', recurrent' : ''})`,
            )
            .join(' → ')}
        </p>
      ) : (
        <ul className="training-errors" data-testid="train-no-chain">
          {chain.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {notice !== null && (
        <p className="training-notice" data-testid="train-notice">
          {notice}
        </p>
      )}
      {[...problems, ...errors].length > 0 && (
        <ul className="training-errors" data-testid="train-errors">
          {[...problems, ...errors].map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {chain.ok && chain.warnings.length > 0 && (
        <ul className="training-warnings" data-testid="train-warnings">
          {chain.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
