import { useState } from 'react';
import { useDocumentStore } from '../../store/document/index.ts';

/** The network's name, editable in place; written when the field loses focus or on Enter. */
export function NetworkName() {
  const name = useDocumentStore((s) => s.document.name);
  const apply = useDocumentStore((s) => s.apply);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== '') apply({ type: 'setName', name: draft.trim() });
    setDraft(null);
  };
  return (
    <input
      className="network-name"
      aria-label="Network name"
      data-testid="network-name"
      value={draft ?? name}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
