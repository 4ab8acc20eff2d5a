/**
 * "Run on board": once the board holds a Spikelab core, the editor's network is loaded onto it
 * and run for the document's duration in the board worker; the board's raster fills in beside
 * the engine's raster of the same document and steps, then the verdict and the spikes per
 * second read back. An unplug or a cancel keeps the rasters (the spikes read so far).
 */
import { useMemo } from 'react';
import { useDocumentStore } from '../../../store/document/index.ts';
import { Raster } from '../ComparisonRasters.tsx';
import { rasterFigure } from '../raster-figure.ts';
import { boardStore, useBoardStore } from './board.ts';
import { readBackText, runStageText, verdictText } from './board-run-text.ts';
import type { BoardRunView } from './board-run-view.ts';

function RunRasters({ run }: { run: BoardRunView }) {
  const { document, engine, board, steps, totalSteps, stage } = run;
  const engineFigure = useMemo(
    () => (engine === null ? null : rasterFigure(`Engine (${engine.backend})`, document, engine)),
    [document, engine],
  );
  const boardTitle =
    stage === 'done'
      ? 'Board'
      : `Board (step ${steps} of ${totalSteps}${stage === 'stopped' ? ', stopped' : ''})`;
  const boardFigure = useMemo(
    () => rasterFigure(boardTitle, document, board),
    [boardTitle, document, board],
  );
  return (
    <div className="hw-board-rasters">
      {engineFigure !== null && <Raster figure={engineFigure} testId="board-raster-engine" />}
      <Raster figure={boardFigure} testId="board-raster-board" />
    </div>
  );
}

function RunOutcome({ run }: { run: BoardRunView }) {
  const line = runStageText(run);
  const done = run.done;
  return (
    <>
      {run.load !== null && run.stage === 'loading' && (
        <progress
          max={Math.max(run.load.totalWords, 1)}
          value={run.load.words}
          aria-label="Load progress"
        />
      )}
      {run.stage === 'running' && (
        <progress max={Math.max(run.totalSteps, 1)} value={run.steps} aria-label="Run progress" />
      )}
      {line !== null && (
        <p className="hw-note" data-testid="board-run-progress">
          {line}
        </p>
      )}
      {done !== null && (
        <>
          <p
            className={done.verdict.kind === 'bit-exact' ? 'hw-ok' : 'hw-error'}
            data-testid="board-verdict"
          >
            {verdictText(run, done)}
          </p>
          <p className="hw-note" data-testid="board-readback">
            {readBackText(done, run.totalSteps)}
          </p>
        </>
      )}
    </>
  );
}

export function BoardRun() {
  const phase = useBoardStore((s) => s.phase);
  const identity = useBoardStore((s) => s.status?.identity.kind ?? null);
  const run = useBoardStore((s) => s.run);
  const holdsCore = identity === 'spikelab';
  if (!holdsCore && run === null) return null;
  const running = phase === 'running';
  return (
    <div className="hw-board-run" data-testid="board-run">
      <div className="hw-quantise-row">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="board-run-button"
          disabled={phase !== 'connected' || !holdsCore}
          title="Load the editor's network onto the board's core and run it beside the engine"
          onClick={() =>
            void boardStore.getState().runOnBoard(useDocumentStore.getState().document)
          }
        >
          Run on board
        </button>
        {running && (
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="board-run-cancel"
            onClick={() => boardStore.getState().cancel()}
          >
            Cancel
          </button>
        )}
      </div>
      {run !== null && <RunOutcome run={run} />}
      {run !== null && run.totalSteps > 0 && <RunRasters run={run} />}
    </div>
  );
}
