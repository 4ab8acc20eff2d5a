import { useRef } from 'react';
import { createDocument } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import {
  documentFileName,
  encodeShareHash,
  readDocumentText,
  serializeDocument,
} from '../../store/persistence/index.ts';
import { IconButton } from '../common/IconButton.tsx';
import { useNotices } from '../common/notices-store.ts';
import { ExportNirButton } from '../interchange/ExportNirButton.tsx';
import { isNirFileName, openNirFile } from '../interchange/open-nir-file.ts';
import { isDataFileName, openDataFile } from '../user-data/open-data-file.ts';
import { downloadText } from './download.ts';
import { ExportBrian2Button } from './ExportBrian2Button.tsx';
import { openResult } from './open-result.ts';
import { useFileShortcuts } from './useFileShortcuts.ts';

/** New, Open (a JSON network or a NIR file), Save, Export NIR and Share link. */
export function FileMenu() {
  const input = useRef<HTMLInputElement>(null);
  const toast = useNotices((s) => s.toast);

  const openFile = async (file: File) => {
    if (isNirFileName(file.name)) return openNirFile(file);
    // A .csv, or a .json that is data rather than a network, goes to the data import dialog.
    if (isDataFileName(file.name)) return openDataFile(file, null);
    const text = await file.text();
    openResult(readDocumentText(text, file.name), { title: file.name });
  };
  const save = () => {
    const doc = documentStore.getState().document;
    downloadText(documentFileName(doc), serializeDocument(doc));
  };
  const share = async () => {
    const hash = await encodeShareHash(documentStore.getState().document);
    const url = new URL(window.location.href);
    url.hash = hash;
    try {
      await navigator.clipboard.writeText(url.toString());
      toast('Share link copied to the clipboard', 'success');
    } catch {
      // No clipboard permission (e.g. an insecure origin): put the link where it can be copied.
      window.history.replaceState(null, '', url);
      toast('Share link is in the address bar', 'info');
    }
  };
  const newNetwork = () =>
    documentStore.getState().loadDocument(createDocument(), { label: 'new network' });
  useFileShortcuts({ open: () => input.current?.click(), save });

  return (
    <div className="btn-group" role="group" aria-label="File">
      <IconButton label="New network" onClick={newNetwork} testId="file-new">
        New
      </IconButton>
      <IconButton
        label="Open a network file"
        shortcut="Ctrl+O"
        onClick={() => input.current?.click()}
        testId="file-open"
      >
        Open
      </IconButton>
      <IconButton label="Save as a JSON file" shortcut="Ctrl+S" onClick={save} testId="file-save">
        Save
      </IconButton>
      <ExportNirButton />
      <ExportBrian2Button />
      <IconButton label="Copy a share link" onClick={() => void share()} testId="file-share">
        Share
      </IconButton>
      <input
        ref={input}
        type="file"
        accept=".json,application/json,.nir,.csv,text/csv"
        hidden
        data-testid="open-file-input"
        aria-label="Network file to open"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) void openFile(file);
        }}
      />
    </div>
  );
}
