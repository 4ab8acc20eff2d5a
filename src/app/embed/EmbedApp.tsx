/**
 * The read-only widget a teacher embeds in a course page (`#/embed?doc=...` in an iframe):
 * the network's name, a Run button and a small live raster. It loads the link's network into
 * this frame's document store without autosaving it, so an embed never replaces the network a
 * student has open in the lab of the same site.
 */
import { useEffect, useState } from 'react';
import { formatIssue } from '../../model/index.ts';
import { documentStore, useDocumentStore } from '../../store/document/index.ts';
import { decodeShareHash } from '../../store/persistence/index.ts';
import { useSessionStore } from '../../store/session/index.ts';
import { EmbedRaster } from './EmbedRaster.tsx';
import '../App.css';
import './embed.css';

type Loaded = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export function EmbedApp() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const name = useDocumentStore((s) => s.document.name);
  const status = useSessionStore((s) => s.status);
  useEffect(() => {
    void decodeShareHash(window.location.hash).then((result) => {
      if (!result.ok) {
        setLoaded({ kind: 'error', message: result.issues.map(formatIssue).join('\n') });
        return;
      }
      documentStore.getState().loadDocument(result.document, { record: false });
      setLoaded({ kind: 'ready' });
    });
  }, []);

  if (loaded.kind === 'error') {
    return (
      <main className="embed" data-testid="embed">
        <p className="embed-error" role="alert" data-testid="embed-error">
          {loaded.message}
        </p>
      </main>
    );
  }
  const running = status === 'running' || status === 'starting';
  const labLink = window.location.href.replace('#/embed?', '#');
  return (
    <main className="embed" data-testid="embed" data-ready={loaded.kind === 'ready'}>
      <header className="embed-header">
        <h1 className="embed-name" data-testid="embed-name">
          {loaded.kind === 'ready' ? name : 'Loading…'}
        </h1>
        <button
          type="button"
          className="embed-run"
          data-testid="embed-run"
          disabled={loaded.kind !== 'ready' || running}
          onClick={() => void useSessionStore.getState().run()}
        >
          {running ? 'Running…' : status === 'finished' ? 'Run again' : 'Run'}
        </button>
        <a className="embed-open" href={labLink} target="_blank" rel="noreferrer">
          Open in Spikelab
        </a>
      </header>
      <EmbedRaster />
    </main>
  );
}
