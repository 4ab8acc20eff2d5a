/**
 * A page for end-to-end tests and measurements of the run toolbar and the plots alone, without
 * the editor: `/tests/e2e/harness/index.html?example=cuba` loads an example network into the
 * document store and shows the toolbar and plots. `window.__spikelab` gives tests the stores
 * and `runOnBackend` (the cross-backend comparison of issue 2).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/validate.ts';
import { documentStore } from '../../../src/store/document/index.ts';
import { sessionStore } from '../../../src/store/session/index.ts';
import { RunToolbar } from '../../../src/app/run/RunToolbar.tsx';
import { PlotsPanel } from '../../../src/app/plots/PlotsPanel.tsx';
import { measureFrames, type FrameMeasurement } from './measure-frames.ts';
import { runOnBackend } from './run-backend.ts';

declare global {
  interface Window {
    __spikelab?: {
      documentStore: typeof documentStore;
      sessionStore: typeof sessionStore;
      runOnBackend: typeof runOnBackend;
      /** Frame intervals and long tasks over `seconds` (scripts/measure-frames.ts). */
      measureFrames: (seconds: number) => Promise<FrameMeasurement>;
      /** Replaces the document (validated first); throws with the schema's messages. */
      load: (doc: unknown) => void;
    };
  }
}

function load(value: unknown): void {
  const result = validateDocument(value);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  documentStore.getState().loadDocument(result.document, { record: false });
}

async function start(): Promise<void> {
  window.__spikelab = {
    documentStore,
    sessionStore,
    runOnBackend,
    load,
    measureFrames: (seconds) => measureFrames(sessionStore, seconds),
  };
  const example = new URLSearchParams(window.location.search).get('example');
  if (example) {
    const response = await fetch(`/examples/${encodeURIComponent(example)}.json`);
    load((await response.json()) as NetworkDocument);
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('harness page has no #root');
  createRoot(root).render(
    <StrictMode>
      <RunToolbar />
      <PlotsPanel />
    </StrictMode>,
  );
  document.body.dataset['ready'] = 'true';
}

void start();
