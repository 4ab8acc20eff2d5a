/**
 * "Resource fit": the generator's estimate of the core for the editor's network against the
 * PYNQ-Z2 (at once), the largest network of the same shape that fits, and "Synthesise with
 * Yosys" (`@yowasp/yosys` in a worker, `synth_xilinx -family xc7` on the export) with its
 * passes, elapsed time and Cancel; then Yosys's counts beside the estimate with the difference,
 * as `spikelab fit` prints them. A result for an earlier version of the network is marked stale.
 */
import { useEffect, useState } from 'react';
import { PYNQ_Z2_CAPACITY, RESOURCES, difference, utilisation } from '../../hdl/fit/fit-report.ts';
import { LABEL, capacityText, num, pct } from '../../hdl/fit/fit-text.ts';
import type { NetworkFit } from '../../hdl/fit/fit-network.ts';
import type { ResourceCounts } from '../../hdl/fit/yosys-stat.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { fitStore, useFitStore } from './fit.ts';
import type { Synthesis } from './fit-store.ts';

const percentUse = (counts: ResourceCounts, k: keyof ResourceCounts): string =>
  `${utilisation(counts)[k].percent.toFixed(1)}%`;

function FitTable({ fit, synthesis }: { fit: NetworkFit; synthesis: Synthesis | null }) {
  const measured = synthesis?.counts ?? null;
  const diff = measured === null ? null : difference(fit.estimate, measured);
  return (
    <table className="hw-fit-table" data-testid="hw-fit-table">
      <thead>
        <tr>
          <th />
          <th>estimate</th>
          {measured !== null && <th>yosys</th>}
          {diff !== null && <th>diff.</th>}
          <th>PYNQ-Z2</th>
          <th>use</th>
        </tr>
      </thead>
      <tbody>
        {RESOURCES.map((k) => (
          <tr key={k} data-testid={`hw-fit-row-${k}`}>
            <td>{LABEL[k]}</td>
            <td data-testid={`hw-fit-estimate-${k}`}>{num(fit.estimate[k])}</td>
            {measured !== null && <td data-testid={`hw-fit-yosys-${k}`}>{num(measured[k])}</td>}
            {diff !== null && <td data-testid={`hw-fit-diff-${k}`}>{pct(diff[k])}</td>}
            <td>{num(PYNQ_Z2_CAPACITY[k])}</td>
            <td>{percentUse(measured ?? fit.estimate, k)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The CLI's "largest network" line, short enough for the side column. */
function largestLine(fit: NetworkFit): string {
  if (fit.largest === undefined)
    return 'No network of this shape fits a PYNQ-Z2 (by the estimate).';
  const { largest, next } = fit.largest;
  const limits = RESOURCES.filter((k) => next.estimate[k] > PYNQ_Z2_CAPACITY[k]).map(
    (k) => LABEL[k],
  );
  return (
    `Largest of this shape that fits (estimate): ${num(largest.needs.neurons)} neurons, ` +
    `${num(largest.needs.synapses)} synapses (every population x${largest.factor.toFixed(2)}); ` +
    `one neuron more exceeds ${limits.join(', ') || 'nothing (rounding)'}.`
  );
}

/** Seconds since `startedMs`, redrawn twice a second while mounted. */
function Elapsed({ startedMs }: { startedMs: number }) {
  const [nowMs, setNowMs] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(performance.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <span data-testid="hw-fit-elapsed">{Math.max(0, (nowMs - startedMs) / 1000).toFixed(0)} s</span>
  );
}

function RunProgress() {
  const run = useFitStore((s) => s.run);
  const status = useFitStore((s) => s.status);
  if (run === null) return null;
  return (
    <div className="hw-fit-progress" data-testid="hw-fit-progress">
      <div>
        {status === 'loading'
          ? 'Loading Yosys (WebAssembly, about 30 MB)…'
          : `Synthesising: ${run.count} passes`}{' '}
        (<Elapsed startedMs={run.startedMs} />)
      </div>
      <ul className="hw-fit-passes">
        {run.passes.map((line, k) => (
          <li key={k}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

export function ResourceFitSection() {
  const doc = useDocumentStore((s) => s.document);
  const estimate = useFitStore((s) => s.estimate);
  const run = useFitStore((s) => s.run);
  const synthesis = useFitStore((s) => s.synthesis);
  const message = useFitStore((s) => s.message);
  useEffect(() => {
    void fitStore.getState().estimateFor(doc);
  }, [doc]);

  const current = estimate !== null && estimate.source === doc ? estimate : null;
  const fit = current !== null && 'fit' in current ? current.fit : null;
  const estimateMs = current !== null && 'ms' in current ? current.ms : 0;
  const stale = synthesis !== null && synthesis.source !== doc;
  const { synthesise, cancel } = fitStore.getState();

  return (
    <div className="hw-fit">
      {current === null && <p className="hw-note">Estimating…</p>}
      {current !== null && 'error' in current && (
        <ul className="hw-export-lines hw-note" data-testid="hw-fit-refused">
          {current.error.map((line, k) => (
            <li key={k}>{line}</li>
          ))}
        </ul>
      )}
      {fit !== null && (
        <>
          <p className="hw-note" data-testid="hw-fit-summary">
            {num(fit.exported.needs.neurons)} neurons, {num(fit.synapses)} synapses; core{' '}
            {capacityText(fit.exported.capacity)} (estimated in {Math.round(estimateMs)} ms)
          </p>
          <FitTable fit={fit} synthesis={stale ? null : synthesis} />
          <p className="hw-note" data-testid="hw-fit-largest">
            {largestLine(fit)}
          </p>
        </>
      )}
      <div className="hw-quantise-row">
        {run !== null ? (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="hw-fit-cancel"
            onClick={cancel}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="hw-fit-synthesise"
            disabled={fit === null}
            onClick={() => void synthesise(doc)}
          >
            Synthesise with Yosys
          </button>
        )}
      </div>
      <RunProgress />
      {synthesis !== null && !stale && (
        <p className="hw-ok" data-testid="hw-fit-yosys-done">
          Yosys {synthesis.version} synth_xilinx -family xc7: {synthesis.seconds.toFixed(1)} s
          {synthesis.loadSeconds > 0 && ` (+${synthesis.loadSeconds.toFixed(1)} s loading)`}.
        </p>
      )}
      {stale && (
        <p className="hw-note" data-testid="hw-fit-stale">
          The network changed since the last synthesis: its numbers are hidden; synthesise again.
        </p>
      )}
      {message !== null && (
        <p
          className={message.startsWith('Synthesis cancelled') ? 'hw-note' : 'hw-error'}
          data-testid="hw-fit-message"
        >
          {message}
        </p>
      )}
    </div>
  );
}
