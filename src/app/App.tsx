import { ReactFlowProvider } from '@xyflow/react';
import { AppHeader } from './common/AppHeader.tsx';
import { IssuesPanel } from './common/IssuesPanel.tsx';
import { Toasts } from './common/Toasts.tsx';
import { useHistoryShortcuts } from './common/useHistoryShortcuts.ts';
import { Inspector } from './inspector/Inspector.tsx';
import { NirDialogs } from './interchange/NirDialogs.tsx';
import { DataDialogs } from './user-data/DataDialogs.tsx';
import { LearnArea } from './learn/LearnArea.tsx';
import { LessonRunner } from './lesson/LessonRunner.tsx';
import { LivePanel } from './live/LivePanel.tsx';
import { useRoute } from './learn/useRoute.ts';
import { Palette } from './palette/Palette.tsx';
import { PolicyGate } from './teacher/PolicyGate.tsx';
import { useTeacherShortcut } from './teacher/useTeacherShortcut.ts';
import { useAutosave } from './persistence/useAutosave.ts';
import { useStartupDocument } from './persistence/useStartupDocument.ts';
import { PlotsPanel } from './plots/PlotsPanel.tsx';
import { PresenterView } from './present/PresenterView.tsx';
import { RunToolbar } from './run/RunToolbar.tsx';
import { RunTrainTabs } from './training/RunTrainTabs.tsx';
import { CanvasArea } from './view3d/CanvasArea.tsx';
import './App.css';

/** The lab: palette, canvas and inspector side by side; run controls and plots under the canvas. */
function Lab() {
  // Here, not in App: undo keys on the Learn view would change a network the user cannot see.
  useHistoryShortcuts();
  return (
    <main className="app-main">
      <PolicyGate id="ui/palette">
        <Palette />
      </PolicyGate>
      <div className="workspace">
        <CanvasArea />
        <section className="run-area" aria-label="Run">
          <RunTrainTabs
            run={
              <>
                <RunToolbar />
                <LivePanel />
                <PlotsPanel />
              </>
            }
          />
        </section>
      </div>
      <PolicyGate id="ui/inspector">
        <Inspector />
      </PolicyGate>
    </main>
  );
}

/**
 * The page: header on top, then the lab or, at `#/learn/...`, the Learn view. The network is
 * loaded and autosaved here whichever view shows, so switching views never touches it. React
 * Flow's provider wraps everything because the palette and the shortcuts need the canvas's
 * viewport.
 */
export function App() {
  const ready = useStartupDocument();
  useAutosave(ready);
  const [route] = useRoute();
  useTeacherShortcut();
  return (
    <ReactFlowProvider>
      <div className="app" data-ready={ready}>
        {route.view !== 'present' && (
          <AppHeader view={route.view === 'lesson' ? 'lab' : route.view} />
        )}
        {route.view === 'learn' ? (
          <LearnArea lesson={route.lesson} step={route.step} />
        ) : route.view === 'present' ? (
          <PresenterView />
        ) : route.view === 'lesson' ? (
          <LessonRunner id={route.lesson} step={route.step} ready={ready} lab={<Lab />} />
        ) : (
          <Lab />
        )}
        <IssuesPanel />
        <NirDialogs />
        <DataDialogs />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
