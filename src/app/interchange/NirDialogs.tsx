/**
 * The NIR dialogs, mounted once beside the toasts: a file opened from the menu or dropped on
 * the canvas, and an export, each put its dialog's state in useNirDialogs.
 */
import './interchange.css';
import { useNirDialogs } from './nir-dialog-store.ts';
import { NirExportDialog } from './NirExportDialog.tsx';
import { NirImportDialog } from './NirImportDialog.tsx';

export function NirDialogs() {
  const pendingImport = useNirDialogs((s) => s.pendingImport);
  const importCount = useNirDialogs((s) => s.importCount);
  const exported = useNirDialogs((s) => s.exported);
  const close = useNirDialogs((s) => s.close);
  return (
    <>
      {pendingImport !== null && (
        // Keyed by the count: a second file opened gets fresh settings.
        <NirImportDialog key={importCount} pending={pendingImport} onClose={close} />
      )}
      {exported !== null && <NirExportDialog outcome={exported} onClose={close} />}
    </>
  );
}
