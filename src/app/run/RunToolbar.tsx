/**
 * The run controls above the plots: Run / Pause / Step / Reset / Cancel, duration, speed,
 * backend, what the run is doing right now, Keep learned weights after a plastic run, and the
 * spike sound.
 */
import { SpikeAudioControls } from '../audio/SpikeAudioControls.tsx';
import { BackendSelect } from './BackendSelect.tsx';
import { DurationField } from './DurationField.tsx';
import { KeepWeightsButton } from './KeepWeightsButton.tsx';
import { NetworkChangedBadge } from './NetworkChangedBadge.tsx';
import { RunButtons } from './RunButtons.tsx';
import { RunFault } from './RunFault.tsx';
import { RunStats } from './RunStats.tsx';
import { SpeedSelect } from './SpeedSelect.tsx';
import { PolicyGate } from '../teacher/PolicyGate.tsx';
import './run.css';

export function RunToolbar() {
  return (
    <div className="run-toolbar" role="toolbar" aria-label="Run controls">
      <div className="run-row">
        <RunButtons />
        <PolicyGate id="ui/run-duration">
          <DurationField />
        </PolicyGate>
        <PolicyGate id="ui/run-speed">
          <SpeedSelect />
        </PolicyGate>
        <PolicyGate id="ui/run-backend">
          <BackendSelect />
        </PolicyGate>
        <RunStats />
        <NetworkChangedBadge />
        <KeepWeightsButton />
        <SpikeAudioControls />
      </div>
      <RunFault />
    </div>
  );
}
