/**
 * The run area's tabs: Run (the run toolbar and its plots), Train (the training panel), Sweep
 * (`src/app/sweep`: parameter sweeps run as one batch) and Hardware (`src/app/hardware`).
 * Only the open tab is mounted: the run's plots redraw from the session's record when they
 * come back, and the training panel from the training store, so nothing is lost by switching.
 * The Train tab's label shows a training's progress while the Run tab is open.
 */
import { useState, type ReactNode } from 'react';
import { useTrainingStore } from '../../store/training/index.ts';
import { trainedFraction } from './progress.ts';
import { TrainingPanel } from './TrainingPanel.tsx';
import { HardwarePanel } from '../hardware/HardwarePanel.tsx';
import { HardwareTabLabel } from '../hardware/HardwareTabLabel.tsx';
import { SweepPanel } from '../sweep/SweepPanel.tsx';
import { PolicyGate } from '../teacher/PolicyGate.tsx';
import { usePolicy } from '../../store/classroom/index.ts';
import './training.css';

type Tab = 'run' | 'train' | 'sweep' | 'hardware';

function TrainTabLabel() {
  const busy = useTrainingStore((s) => s.status === 'training' || s.status === 'cancelling');
  const fraction = useTrainingStore((s) =>
    trainedFraction(s.progress, s.startOptions?.epochs ?? 0),
  );
  return (
    <>
      Train
      {busy && <span className="tab-badge">{Math.round(fraction * 100)}%</span>}
    </>
  );
}

export function RunTrainTabs({ run }: { run: ReactNode }) {
  const [picked, setTab] = useState<Tab>('run');
  // A tab the teacher hid after it was opened falls back to Run.
  const tab = usePolicy().isHidden(`ui/tab-${picked}`) ? 'run' : picked;
  const tabButton = (value: Tab, label: ReactNode) => (
    <button
      type="button"
      role="tab"
      id={`area-tab-${value}`}
      aria-selected={tab === value}
      aria-controls={`area-panel-${value}`}
      className={tab === value ? 'area-tab area-tab-active' : 'area-tab'}
      data-testid={`tab-${value}`}
      onClick={() => setTab(value)}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className="area-tabs" role="tablist" aria-label="Run, train, sweep or hardware">
        {tabButton('run', 'Run')}
        <PolicyGate id="ui/tab-train">{tabButton('train', <TrainTabLabel />)}</PolicyGate>
        <PolicyGate id="ui/tab-sweep">{tabButton('sweep', 'Sweep')}</PolicyGate>
        <PolicyGate id="ui/tab-hardware">{tabButton('hardware', <HardwareTabLabel />)}</PolicyGate>
      </div>
      <div
        className="area-tab-panel"
        role="tabpanel"
        id={`area-panel-${tab}`}
        aria-labelledby={`area-tab-${tab}`}
      >
        {tab === 'run' ? (
          run
        ) : tab === 'train' ? (
          <TrainingPanel />
        ) : tab === 'sweep' ? (
          <SweepPanel />
        ) : (
          <HardwarePanel />
        )}
      </div>
    </>
  );
}
