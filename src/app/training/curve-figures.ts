/**
 * The figures of the live training curves (pure: data in, plotly traces and layout out): loss
 * per batch with each epoch's mean, and train / test accuracy per epoch against chance.
 */
import type { EpochMetrics, TrainRule } from '../../engine/learning/train/types.ts';
import type { PlotLayout, Trace } from '../plots/plotly.ts';
import { AXIS, baseLayout, populationColor } from '../plots/plot-theme.ts';
import { batchAxis } from './progress.ts';

export const CURVE_HEIGHT = 220;

const LEGEND = { orientation: 'h', x: 1, xanchor: 'right', y: 1, yanchor: 'bottom' } as const;

/** What the axis and the loss traces are called: a genetic run has generations of genomes. */
export interface CurveTerms {
  epoch: string;
  batch: string;
  /** The per-epoch loss: the batches' mean, or the genetic algorithm's best genome so far. */
  epochLoss: string;
}

export function curveTerms(rule: TrainRule): CurveTerms {
  return rule === 'genetic'
    ? { epoch: 'generation', batch: 'genome', epochLoss: 'best so far' }
    : { epoch: 'epoch', batch: 'batch', epochLoss: 'epoch mean' };
}

function layout(
  title: string,
  yTitle: string,
  epochs: number,
  terms: CurveTerms = curveTerms('bptt'),
): PlotLayout {
  const base = baseLayout(title, CURVE_HEIGHT);
  return {
    ...base,
    margin: { l: 52, r: 12, t: 44, b: 36 },
    showlegend: true,
    legend: { ...LEGEND, font: { size: 10 } },
    xaxis: { ...AXIS, title: { text: terms.epoch }, range: [0, Math.max(1, epochs)] },
    yaxis: { ...AXIS, title: { text: yTitle } },
  };
}

/**
 * Loss: every batch's (a thin line, at its fraction of the epoch) and each epoch's mean.
 *
 * @example lossFigure([0.9, 0.7], 2, [], 5).data[0]?.x // [0.5, 1]
 */
export function lossFigure(
  batchLosses: readonly number[],
  batchesPerEpoch: number,
  history: readonly EpochMetrics[],
  epochs: number,
  terms: CurveTerms = curveTerms('bptt'),
): { data: Trace[]; layout: PlotLayout } {
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: terms.batch,
        x: batchLosses.map((_, i) => batchAxis(i, batchesPerEpoch)),
        y: [...batchLosses],
        line: { width: 1, color: populationColor(0) },
        opacity: 0.6,
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: terms.epochLoss,
        x: history.map((m) => m.epoch),
        y: history.map((m) => m.loss),
        line: { width: 2, color: populationColor(1) },
        marker: { size: 5 },
      },
    ],
    layout: layout('Loss', 'cross-entropy', epochs, terms),
  };
}

/** Train and test accuracy per epoch, with chance (1 / classes) dashed. */
export function accuracyFigure(
  history: readonly EpochMetrics[],
  epochs: number,
  classes: number,
  terms: CurveTerms = curveTerms('bptt'),
): { data: Trace[]; layout: PlotLayout } {
  const base = layout('Accuracy', 'fraction correct', epochs, terms);
  const x = history.map((m) => m.epoch);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'train',
        x,
        y: history.map((m) => m.trainAccuracy),
        line: { width: 2, color: populationColor(2) },
        marker: { size: 5 },
      },
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'test',
        x,
        y: history.map((m) => m.testAccuracy),
        line: { width: 2, color: populationColor(3) },
        marker: { size: 5 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'chance',
        x: [0, Math.max(1, epochs)],
        y: [1 / classes, 1 / classes],
        line: { width: 1, dash: 'dash', color: '#5b6a80' },
      },
    ],
    layout: { ...base, yaxis: { ...base.yaxis, range: [0, 1.02] } },
  };
}
