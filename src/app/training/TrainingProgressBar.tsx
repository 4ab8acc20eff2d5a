/**
 * Where a training stands: epoch and batch, the last batch's loss and rate, as a bar (for the
 * genetic algorithm: generation and genome, that genome's loss and the mutation scale).
 */
import { useTrainingStore } from '../../store/training/index.ts';
import { trainedFraction } from './progress.ts';

export function TrainingProgressBar() {
  const progress = useTrainingStore((s) => s.progress);
  const epochs = useTrainingStore((s) => s.startOptions?.epochs ?? 0);
  const genetic = useTrainingStore((s) => s.startOptions?.rule === 'genetic');
  const fraction = trainedFraction(progress, epochs);
  return (
    <div className="training-progress">
      <progress
        max={1}
        value={fraction}
        aria-label="Training progress"
        data-testid="train-progress"
      />
      <span className="training-progress-text" data-testid="train-progress-text">
        {progress === null
          ? 'Not started'
          : genetic
            ? `Generation ${progress.epoch}/${epochs}, genome ${progress.batch}/${progress.batches} · loss ${progress.loss.toFixed(4)} · mutation scale ${progress.learningRate.toPrecision(3)}`
            : `Epoch ${progress.epoch}/${epochs}, batch ${progress.batch}/${progress.batches} · loss ${progress.loss.toFixed(4)} · rate ${progress.learningRate.toPrecision(3)}`}
      </span>
    </div>
  );
}
