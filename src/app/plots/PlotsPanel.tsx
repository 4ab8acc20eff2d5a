/**
 * Live plots of the current run: spike rasters, membrane traces, population rates, and the
 * weights and traces of learning synapses. The
 * panel re-renders only when a new run starts (a new record); the plots then follow the
 * record's chunks on their own, once per animation frame.
 */
import { useSessionStore } from '../../store/session/index.ts';
import { LiveMarkers } from '../live/LiveMarkers.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { RasterPlot } from './RasterPlot.tsx';
import { RatePlot } from './RatePlot.tsx';
import { SynapsePlot } from './SynapsePlot.tsx';
import { synapseGroup } from './synapse-lines.ts';
import { TracePlot } from './TracePlot.tsx';
import './plots.css';

export function PlotsPanel() {
  const record = useSessionStore((s) => s.record);
  const groups = new Set(
    [...(record?.synapseTraces.values() ?? [])].map((t) => synapseGroup(t.variable)),
  );
  return (
    <section className="plots-panel" aria-label="Plots" data-testid="plots-panel">
      <header className="plots-header">
        <h2>Plots</h2>
        {record && <span className="plots-window">last {record.windowMs} ms</span>}
        <ExportButtons />
      </header>
      {!record && <p className="plots-empty">Press Run to see spikes.</p>}
      {record &&
        record.spikes.size === 0 &&
        record.traces.size === 0 &&
        record.rates.size === 0 &&
        record.synapseTraces.size === 0 && (
          <p className="plots-empty">
            This network records nothing: add a spike, state, rate or weight probe to see plots.
          </p>
        )}
      {record && (
        // The live changes' markers lie over every plot's time axis (src/app/live).
        <div className="live-marked">
          {record.spikes.size > 0 && <RasterPlot record={record} />}
          {record.traces.size > 0 && <TracePlot record={record} />}
          {(record.spikes.size > 0 || record.rates.size > 0) && <RatePlot record={record} />}
          {groups.has('weights') && <SynapsePlot record={record} group="weights" />}
          {groups.has('traces') && <SynapsePlot record={record} group="traces" />}
          <LiveMarkers record={record} />
        </div>
      )}
    </section>
  );
}
