/**
 * The Sweep tab: choose a parameter, a range and a population; Run sends the document to the
 * sweep worker, which runs every variant as one batch (`src/engine/sweep`) and reports
 * progress; Cancel stops it after the current chunk. Results: the rate curve, a table of the
 * points and the variants' rasters as small multiples.
 */
import { useEffect, useRef, useState } from 'react';
import type { SweepResult } from '../../engine/sweep/run-sweep.ts';
import { paramLabel } from '../../model/param-path.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import { createSweepClient, type SweepClient } from './sweep-client.ts';
import { SweepCurve } from './SweepCurve.tsx';
import { SweepForm } from './SweepForm.tsx';
import { SweepRasters } from './SweepRasters.tsx';
import { SweepTable } from './SweepTable.tsx';
import { fitSettings, loadSettings, saveSettings, type SweepSettings } from './sweep-settings.ts';
import './sweep.css';

type Status = 'idle' | 'running' | 'cancelling';

interface Shown {
  result: SweepResult;
  label: string;
}

export function SweepPanel() {
  const doc = useDocumentStore((s) => s.document);
  const [settings, setSettings] = useState<SweepSettings>(() =>
    fitSettings(loadSettings(window.localStorage), doc),
  );
  const [status, setStatus] = useState<Status>('idle');
  const [progress, setProgress] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const client = useRef<SweepClient | null>(null);

  // A new document may lack the saved path or population: refit (keeps what still fits).
  useEffect(() => setSettings((s) => fitSettings(s, doc)), [doc]);
  useEffect(() => saveSettings(window.localStorage, settings), [settings]);
  useEffect(
    () => () => {
      client.current?.terminate();
      client.current = null;
    },
    [],
  );

  const run = async () => {
    setStatus('running');
    setProgress(0);
    setMessage(null);
    const label = paramLabel(doc, settings.path);
    client.current ??= createSweepClient();
    const c = client.current;
    try {
      const outcome = await c.run(
        {
          document: doc,
          spec: {
            path: settings.path,
            range: { kind: 'range', from: settings.from, to: settings.to, count: settings.count },
            population: settings.population,
          },
          backend: settings.backend,
        },
        (done, total) => setProgress(total > 0 ? done / total : 0),
      );
      if (outcome.ok) setShown({ result: outcome.result, label });
      else if (outcome.cancelled) setMessage('Sweep cancelled.');
      else {
        setMessage(outcome.message);
        // A crashed worker is not reused.
        c.terminate();
        client.current = null;
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
      c.terminate();
      client.current = null;
    } finally {
      setStatus('idle');
    }
  };

  const busy = status !== 'idle';
  const result = shown?.result;
  return (
    <section className="sweep-panel" aria-label="Parameter sweep" data-testid="sweep-panel">
      <div className="sweep-side">
        <SweepForm doc={doc} settings={settings} disabled={busy} onChange={setSettings} />
        <div className="sweep-controls">
          {busy ? (
            <button
              type="button"
              data-testid="sweep-cancel"
              disabled={status === 'cancelling'}
              onClick={() => {
                setStatus('cancelling');
                void client.current?.cancel();
              }}
            >
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              data-testid="sweep-run"
              disabled={settings.path === '' || settings.population === ''}
              onClick={() => void run()}
            >
              Run sweep
            </button>
          )}
          <progress
            aria-label="Sweep progress"
            data-testid="sweep-progress"
            max={1}
            value={busy ? progress : result ? 1 : 0}
          />
        </div>
        {message !== null && (
          <p className="sweep-message" role="status" data-testid="sweep-message">
            {message}
          </p>
        )}
        {result && (
          <p className="sweep-hint" data-testid="sweep-summary">
            {result.points.length} variants in one batch on {result.backend}:{' '}
            {(result.loopMs / 1000).toFixed(2)} s stepping
          </p>
        )}
      </div>
      {/* Scrolls on its own: focusable, so the keyboard can scroll it (axe). */}
      <div className="sweep-main" tabIndex={0} role="region" aria-label="Sweep results">
        {result && shown ? (
          <>
            <SweepCurve points={result.points} label={shown.label} population={result.population} />
            <SweepTable points={result.points} label={shown.label} />
            <SweepRasters
              points={result.points}
              totalSteps={result.totalSteps}
              label={shown.label}
            />
          </>
        ) : (
          <p className="sweep-hint">
            Each variant is the network with the parameter set to one value of the range; all of
            them run side by side as one batch (on the gpu backend, one kernel launch per step for
            every variant), with the same seed and so the same random draws.
          </p>
        )}
      </div>
    </section>
  );
}
