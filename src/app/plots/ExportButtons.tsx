/** Export of the recorded run in the CLI's JSON and CSV formats, and as NIR graph data. */
import { useSessionStore } from '../../store/session/index.ts';
import { exportCsv, exportRun, exportTraceCsv } from '../../store/session/export.ts';
import { downloadText, fileStem } from './download.ts';
import { exportNirData } from './export-nir-data.ts';

export function ExportButtons() {
  const record = useSessionStore((s) => s.record);
  const busy = useSessionStore((s) => s.status === 'running' || s.status === 'starting');
  const disabled = !record || busy;
  // The spike CSV has no place for traces: a second file, as `spikelab run --traces-out`.
  const traced = record?.document.probes.some((p) => p.kind === 'state' || p.kind === 'synapse');
  const title = busy ? 'Pause or wait for the run to finish to export' : undefined;
  return (
    <div className="export-buttons" role="group" aria-label="Export run">
      <button
        type="button"
        data-testid="export-json"
        disabled={disabled}
        title={title}
        onClick={() => {
          if (!record) return;
          const { backend } = useSessionStore.getState();
          const json = JSON.stringify(exportRun(record, backend));
          downloadText(`${fileStem(record.document.name)}.run.json`, json, 'application/json');
        }}
      >
        Export JSON
      </button>
      <button
        type="button"
        data-testid="export-csv"
        disabled={disabled}
        title={title}
        onClick={() => {
          if (!record) return;
          downloadText(
            `${fileStem(record.document.name)}.spikes.csv`,
            exportCsv(record),
            'text/csv',
          );
        }}
      >
        Export CSV
      </button>
      {traced && (
        <button
          type="button"
          data-testid="export-traces-csv"
          disabled={disabled}
          title={title}
          onClick={() => {
            if (!record) return;
            downloadText(
              `${fileStem(record.document.name)}.traces.csv`,
              exportTraceCsv(record),
              'text/csv',
            );
          }}
        >
          Export traces CSV
        </button>
      )}
      <button
        type="button"
        data-testid="export-nir-data"
        disabled={disabled}
        title={title ?? 'Spikes and state traces as NIR graph data (HDF5, nir.read_data)'}
        onClick={() => {
          if (record) void exportNirData(record);
        }}
      >
        Export NIR data
      </button>
    </div>
  );
}
