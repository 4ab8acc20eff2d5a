import { ReactFlowProvider } from '@xyflow/react';
import { AppHeader } from './common/AppHeader.tsx';
import { IssuesPanel } from './common/IssuesPanel.tsx';
import { Toasts } from './common/Toasts.tsx';
import { useHistoryShortcuts } from './common/useHistoryShortcuts.ts';
import { EditorCanvas } from './editor/EditorCanvas.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { Palette } from './palette/Palette.tsx';
import { useAutosave } from './persistence/useAutosave.ts';
import { useStartupDocument } from './persistence/useStartupDocument.ts';
import { PlotsPanel } from './plots/PlotsPanel.tsx';
import { RunToolbar } from './run/RunToolbar.tsx';
import './App.css';

/**
 * The page: header on top; palette, canvas and inspector side by side; run controls and plots
 * under the canvas. React Flow's provider wraps everything because the palette and the
 * shortcuts need the canvas's viewport.
 */
export function App() {
  const ready = useStartupDocument();
  useAutosave(ready);
  useHistoryShortcuts();
  return (
    <ReactFlowProvider>
      <div className="app" data-ready={ready}>
        <AppHeader />
        <main className="app-main">
          <Palette />
          <div className="workspace">
            <EditorCanvas />
            <section className="run-area" aria-label="Run">
              <RunToolbar />
              <PlotsPanel />
            </section>
          </div>
          <Inspector />
        </main>
        <IssuesPanel />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
