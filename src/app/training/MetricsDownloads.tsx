/**
 * Download metrics: the per-epoch history as CSV or JSON, written by the engine's own
 * `CsvCallback` / `JsonCallback` (one row per epoch, `step` = epoch), so a file from the page
 * reads like one from the CLI.
 */
import { CsvCallback, JsonCallback } from '../../engine/learning/callbacks.ts';
import type { EpochMetrics, TrainingCallback } from '../../engine/learning/train/types.ts';
import { downloadText, fileStem } from '../plots/download.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { useTrainingStore } from '../../store/training/index.ts';

function replay(history: readonly EpochMetrics[], callback: TrainingCallback): void {
  for (const m of history) callback.log({ ...m }, m.epoch);
  callback.close();
}

export function MetricsDownloads() {
  const empty = useTrainingStore((s) => s.history.length === 0);
  const save = (format: 'csv' | 'json') => {
    const { history } = useTrainingStore.getState();
    const stem = `${fileStem(useDocumentStore.getState().document.name)}-training`;
    replay(
      history,
      format === 'csv'
        ? new CsvCallback((text) => downloadText(`${stem}.csv`, text, 'text/csv'))
        : new JsonCallback((text) => downloadText(`${stem}.json`, text, 'application/json')),
    );
  };
  return (
    <span className="training-downloads" role="group" aria-label="Download metrics">
      <button
        type="button"
        data-testid="train-download-csv"
        disabled={empty}
        title="Per-epoch loss, accuracies, rate and speed as CSV"
        onClick={() => save('csv')}
      >
        Metrics CSV
      </button>
      <button
        type="button"
        data-testid="train-download-json"
        disabled={empty}
        title="Per-epoch loss, accuracies, rate and speed as JSON"
        onClick={() => save('json')}
      >
        JSON
      </button>
    </span>
  );
}
