/** The live loss and accuracy curves of the training (plotly, redrawn a few times a second). */
import { useCallback, useEffect, useRef } from 'react';
import { drawPlot, purgePlot } from '../plots/plotly.ts';
import { useTrainingStore } from '../../store/training/index.ts';
import { CURVE_HEIGHT, accuracyFigure, curveTerms, lossFigure } from './curve-figures.ts';
import { useThrottledDraw } from './useThrottledDraw.ts';

export function CurvesPlot() {
  const lossRef = useRef<HTMLDivElement>(null);
  const accuracyRef = useRef<HTMLDivElement>(null);
  const batchLosses = useTrainingStore((s) => s.batchLosses);
  const history = useTrainingStore((s) => s.history);
  const batches = useTrainingStore((s) => s.progress?.batches ?? 1);
  const epochs = useTrainingStore((s) => s.startOptions?.epochs ?? s.options.epochs);
  const classes = useTrainingStore((s) => s.startOptions?.classes ?? s.options.classes);
  const rule = useTrainingStore((s) => s.startOptions?.rule ?? s.options.rule);

  const draw = useCallback(() => {
    const loss = lossRef.current;
    const accuracy = accuracyRef.current;
    if (!loss || !accuracy) return;
    const terms = curveTerms(rule);
    const l = lossFigure(batchLosses, batches, history, epochs, terms);
    const a = accuracyFigure(history, epochs, classes, terms);
    void drawPlot(loss, l.data, l.layout);
    void drawPlot(accuracy, a.data, a.layout);
  }, [batchLosses, batches, history, epochs, classes, rule]);
  useThrottledDraw(draw, 150);

  useEffect(() => {
    const loss = lossRef.current;
    const accuracy = accuracyRef.current;
    return () => {
      if (loss) purgePlot(loss);
      if (accuracy) purgePlot(accuracy);
    };
  }, []);

  return (
    <div className="training-curves">
      <div
        ref={lossRef}
        className="training-plot"
        style={{ height: CURVE_HEIGHT }}
        data-testid="train-loss-plot"
      />
      <div
        ref={accuracyRef}
        className="training-plot"
        style={{ height: CURVE_HEIGHT }}
        data-testid="train-accuracy-plot"
      />
    </div>
  );
}
