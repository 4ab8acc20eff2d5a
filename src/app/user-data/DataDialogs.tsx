/** The data import dialog, mounted once beside the toasts; a file dropped or opened fills it. */
import { useDataDialog } from './data-dialog-store.ts';
import { DataImportDialog } from './DataImportDialog.tsx';

export function DataDialogs() {
  const pending = useDataDialog((s) => s.pending);
  const count = useDataDialog((s) => s.count);
  const close = useDataDialog((s) => s.close);
  // Keyed by the count: a second file gets fresh choices.
  return pending === null ? null : (
    <DataImportDialog key={count} pending={pending} onClose={close} />
  );
}
