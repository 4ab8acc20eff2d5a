/**
 * A weight heatmap of one matrix of the chain: before training the weights a run starts from;
 * while it trains the weights after the latest epoch (the worker sends a copy with each epoch's
 * metrics), and after it the trained weights, or their change from the start.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TrainNetwork } from '../../engine/learning/train/types.ts';
import { drawPlot, purgePlot } from '../plots/plotly.ts';
import { useTrainingStore } from '../../store/training/index.ts';
import {
  HEATMAP_HEIGHT,
  difference,
  heatmapFigure,
  weightRows,
  type MatrixChoice,
} from './heatmap-figure.ts';
import { useThrottledDraw } from './useThrottledDraw.ts';
import { useTrainableChain } from './useTrainableChain.ts';

type View = 'initial' | 'trained' | 'change';

interface Matrix extends MatrixChoice {
  label: string;
  source: string;
  target: string;
}

export function WeightHeatmap() {
  const ref = useRef<HTMLDivElement>(null);
  const chain = useTrainableChain();
  const start = useTrainingStore((s) => s.start);
  const trained = useTrainingStore((s) => s.trained);
  const latest = useTrainingStore((s) => s.latest);
  const epochWord = useTrainingStore((s) =>
    s.startOptions?.rule === 'genetic' ? 'generation' : 'epoch',
  );
  // What "trained" shows: the result once there is one, else the latest epoch's weights.
  const after = trained ?? latest?.network ?? null;
  const afterLabel = trained !== null ? 'trained' : `${epochWord} ${latest?.epoch ?? 0}`;
  const [picked, setPicked] = useState(0);
  const [view, setView] = useState<View>('trained');
  // The chain that was trained while there is a result; else the document's as it stands.
  const shown = start ?? (chain.ok ? chain : null);
  const matrices: Matrix[] = useMemo(
    () =>
      shown === null
        ? []
        : shown.chain.layers.flatMap((l, k) => {
            const from =
              k === 0 ? shown.chain.input : (shown.chain.layers[k - 1]?.population ?? '');
            const ff = {
              layer: k,
              recurrent: false,
              label: `${from} → ${l.population}`,
              source: from,
              target: l.population,
            };
            return l.recurrent === undefined
              ? [ff]
              : [
                  ff,
                  {
                    layer: k,
                    recurrent: true,
                    label: `${l.population} → ${l.population} (recurrent)`,
                    source: l.population,
                    target: l.population,
                  },
                ];
          }),
    [shown],
  );
  const matrix = matrices[Math.min(picked, matrices.length - 1)];
  const effectiveView: View = after === null ? 'initial' : view;

  // Throttled: epochs can end many times a second, and the page must stay responsive (Cancel).
  const draw = useCallback(() => {
    const div = ref.current;
    if (!div || matrix === undefined || shown === null) return;
    const rowsOf = (n: TrainNetwork) => weightRows(n, matrix);
    const initial = rowsOf(shown.network);
    const now = after === null ? null : rowsOf(after);
    const rows =
      effectiveView === 'initial' || now === null
        ? initial
        : effectiveView === 'trained'
          ? now
          : initial === null
            ? null
            : difference(now, initial);
    if (rows === null) return;
    const what =
      effectiveView === 'initial'
        ? 'initial weights'
        : effectiveView === 'trained'
          ? `${afterLabel} weights`
          : `${afterLabel} − initial`;
    const title = `${matrix.label}: ${what}`;
    const f = heatmapFigure(rows, title, `${matrix.source} neuron`, `${matrix.target} neuron`);
    void drawPlot(div, f.data, f.layout);
  }, [matrix, shown, after, afterLabel, effectiveView]);
  useThrottledDraw(draw, 300);

  useEffect(() => {
    const div = ref.current;
    return () => {
      if (div) purgePlot(div);
    };
  }, []);

  if (matrix === undefined) {
    return <p className="plots-empty">No trainable chain: nothing to show.</p>;
  }
  return (
    <div className="training-heatmap">
      <div className="training-row">
        <label className="training-field">
          <span>Weights</span>
          <select
            value={Math.min(picked, matrices.length - 1)}
            data-testid="train-heatmap-layer"
            onChange={(e) => setPicked(Number(e.target.value))}
          >
            {matrices.map((m, i) => (
              <option key={m.label} value={i}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="training-field">
          <span>Show</span>
          <select
            value={effectiveView}
            data-testid="train-heatmap-view"
            disabled={after === null}
            onChange={(e) => setView(e.target.value as View)}
          >
            <option value="initial">initial</option>
            <option value="trained">{trained !== null ? 'trained' : `latest ${epochWord}`}</option>
            <option value="change">change</option>
          </select>
        </label>
      </div>
      <div
        ref={ref}
        className="training-plot"
        style={{ height: HEATMAP_HEIGHT }}
        data-testid="train-heatmap"
      />
    </div>
  );
}
