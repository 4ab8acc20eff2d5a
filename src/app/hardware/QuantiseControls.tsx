/**
 * "Quantise for hardware": the width, the button that quantises the editor's network and runs
 * both versions in the engine worker (with progress and cancel), the report, and Apply.
 */
import { formatQuantiseReport } from '../../hdl/quantise-report.ts';
import { MAX_TOTAL_BITS, MIN_TOTAL_BITS } from '../../hdl/quantise-for-hardware.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { hardwareStore, useHardwareStore } from './index.ts';

const BIT_CHOICES = Array.from(
  { length: MAX_TOTAL_BITS - MIN_TOTAL_BITS + 1 },
  (_, k) => MIN_TOTAL_BITS + k,
);

function ProgressLine() {
  const progress = useHardwareStore((s) => s.progress);
  if (progress === null) return null;
  const label = progress.phase === 'float' ? 'float network' : 'quantised network';
  return (
    <div className="hw-progress" data-testid="hw-progress">
      <progress max={1} value={progress.fraction} />
      <span>
        running the {label}: {Math.round(progress.fraction * 100)} %
      </span>
    </div>
  );
}

export function QuantiseControls() {
  const totalBits = useHardwareStore((s) => s.totalBits);
  const status = useHardwareStore((s) => s.status);
  const comparison = useHardwareStore((s) => s.comparison);
  const applied = useHardwareStore((s) => s.applied);
  const message = useHardwareStore((s) => s.message);
  const document = useDocumentStore((s) => s.document);
  const running = status === 'running';
  const stale = comparison !== null && comparison.source !== document;
  const { setTotalBits, compare, cancel, apply } = hardwareStore.getState();
  return (
    <div className="hw-quantise">
      <div className="hw-quantise-row">
        <label className="hw-bits">
          bits W{' '}
          <select
            value={totalBits}
            disabled={running}
            data-testid="hw-bits"
            onChange={(e) => setTotalBits(Number(e.target.value))}
          >
            {BIT_CHOICES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="hw-cancel"
            onClick={cancel}
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="hw-quantise"
            onClick={() => void compare()}
          >
            Quantise for hardware
          </button>
        )}
        {comparison !== null && (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="hw-apply"
            disabled={running || applied || stale || comparison.report.converted.length === 0}
            title={stale ? 'The network changed since it was quantised' : undefined}
            onClick={() => apply()}
          >
            Apply
          </button>
        )}
      </div>
      <ProgressLine />
      {comparison === null && !running && message === null && (
        <p className="hw-note">
          Runs the float network and its W-bit fixed-point version, then shows their rates and
          rasters side by side; Apply replaces the network (one undo).
        </p>
      )}
      {message !== null && (
        <p className={status === 'error' ? 'hw-error' : 'hw-note'} data-testid="hw-message">
          {message}
        </p>
      )}
      {comparison !== null && (
        <ul className="hw-report" data-testid="hw-report">
          {formatQuantiseReport(comparison.report).map((line, k) => (
            <li key={k}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
