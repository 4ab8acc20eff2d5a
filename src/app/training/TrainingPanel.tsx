/**
 * The Train tab: options on the left; on the right the controls (Train, Cancel, Apply,
 * downloads), progress and messages, the live loss and accuracy curves and a weight heatmap.
 */
import { CurvesPlot } from './CurvesPlot.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import { TrainingForm } from './TrainingForm.tsx';
import { WeightHeatmap } from './WeightHeatmap.tsx';

export function TrainingPanel() {
  return (
    <section className="training-panel" aria-label="Training" data-testid="training-panel">
      <TrainingForm />
      {/* Focusable and named: it scrolls, and before a run has no focusable content (axe). */}
      <div className="training-main" tabIndex={0} role="region" aria-label="Training results">
        <TrainingControls />
        <div className="training-plots">
          <CurvesPlot />
          <WeightHeatmap />
        </div>
      </div>
    </section>
  );
}
