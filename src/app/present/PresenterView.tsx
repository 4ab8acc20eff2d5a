/**
 * `#/present`: the network for a room. Large type on a black page, one big live raster and the 3D
 * view side by side, the run controls as big buttons (Space run / pause, R reset, Esc back to the
 * lab) and the spike sound. It runs the same session as the lab, so a run started in either
 * continues in the other.
 */
import { useDocumentStore } from '../../store/document/index.ts';
import { SpikeAudioControls } from '../audio/SpikeAudioControls.tsx';
import { LAB_ROUTE } from '../learn/route.ts';
import { navigate } from '../learn/useRoute.ts';
import { RunStats } from '../run/RunStats.tsx';
import { Presenter3D } from './Presenter3D.tsx';
import { PresenterControls } from './PresenterControls.tsx';
import { PresenterRaster } from './PresenterRaster.tsx';
import { usePresenterKeys } from './usePresenterKeys.ts';
import './present.css';

export function PresenterView() {
  const name = useDocumentStore((s) => s.document.name);
  usePresenterKeys();
  return (
    <main className="presenter" data-testid="presenter-view">
      <header className="presenter-header">
        <h1>{name}</h1>
        <p className="presenter-keys">
          <kbd>Space</kbd> run / pause · <kbd>R</kbd> reset · <kbd>Esc</kbd> back to the lab
        </p>
        <button
          type="button"
          className="presenter-button presenter-back"
          data-testid="present-back"
          aria-keyshortcuts="Escape"
          onClick={() => navigate(LAB_ROUTE)}
        >
          Back to the lab
        </button>
      </header>
      <div className="presenter-stage">
        <PresenterRaster />
        <Presenter3D />
      </div>
      <footer className="presenter-footer">
        <PresenterControls />
        <RunStats />
        <SpikeAudioControls className="presenter-audio" />
      </footer>
    </main>
  );
}
