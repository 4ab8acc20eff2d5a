import { useEffect, useRef, useState } from 'react';
import { useNotices } from '../common/notices-store.ts';
import { fetchExample, fetchExampleIndex, type ExampleEntry } from './examples.ts';
import { openResult } from './open-result.ts';

/** The examples gallery: a dropdown of example networks with their descriptions. */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<ExampleEntry[] | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open || entries !== null) return;
    fetchExampleIndex().then(setEntries, (error: unknown) => {
      setEntries([]);
      useNotices.getState().toast(`Examples unavailable: ${String(error)}`, 'error');
    });
  }, [open, entries]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const load = async (entry: ExampleEntry) => {
    setOpen(false);
    openResult(await fetchExample(entry.file), { title: entry.title });
  };

  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className="btn btn-ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="examples-button"
        title="Open an example network"
      >
        Examples ▾
      </button>
      {open && (
        <div className="menu-popover" role="menu" aria-label="Examples">
          {entries === null && <p className="muted menu-note">Loading…</p>}
          {entries?.length === 0 && <p className="muted menu-note">No examples found.</p>}
          {entries?.map((entry) => (
            <button
              key={entry.file}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`example-${entry.file}`}
              onClick={() => void load(entry)}
            >
              <span className="menu-item-title">{entry.title}</span>
              <span className="menu-item-desc">{entry.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
