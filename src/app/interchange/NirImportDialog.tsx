/**
 * The import of a NIR file: the user picks dt, the discretisation and the duration, and sees
 * the mapping re-run as they change them; Import replaces the network as one undoable edit
 * (as opening a JSON file does), Cancel or Escape leaves it untouched.
 */
import { useMemo, useState } from 'react';
import { openResult } from '../persistence/open-result.ts';
import { checkImportForm, DEFAULT_IMPORT_FORM, type NirImportForm } from './import-form.ts';
import { previewImport } from './import-preview.ts';
import { ImportOptionsFields } from './ImportOptionsFields.tsx';
import { ImportActions } from './ImportActions.tsx';
import { ModalDialog } from './ModalDialog.tsx';
import type { PendingNirImport } from './nir-dialog-store.ts';
import { NirReportView } from './NirReportView.tsx';

interface NirImportDialogProps {
  pending: PendingNirImport;
  onClose: () => void;
}

export function NirImportDialog({ pending, onClose }: NirImportDialogProps) {
  const [form, setForm] = useState<NirImportForm>(DEFAULT_IMPORT_FORM);
  const check = useMemo(() => checkImportForm(form), [form]);
  const preview = useMemo(
    () => (check.ok ? previewImport(pending.nir, pending.graph, check.options) : null),
    [pending, check],
  );

  const importNow = () => {
    if (preview?.ok !== true) return;
    // The file's name names the network (the mapping cannot know it), as a saved JSON's would.
    const name = pending.fileName.replace(/\.nir$/i, '') || preview.document.name;
    openResult({ ok: true, document: { ...preview.document, name } }, { title: pending.fileName });
    onClose();
  };

  const nodeCount = Object.keys(pending.graph.nodes).length;
  return (
    <ModalDialog
      title={`Import ${pending.fileName}`}
      onClose={onClose}
      testId="nir-import-dialog"
      className="nir-dialog"
      actions={
        <ImportActions
          disabled={preview?.ok !== true}
          onCancel={onClose}
          onImport={importNow}
          testId="nir-import"
        />
      }
    >
      <p className="muted">
        NIR {pending.version}, {nodeCount} {nodeCount === 1 ? 'node' : 'nodes'}. Importing replaces
        the current network; Undo brings it back.
      </p>
      <ImportOptionsFields form={form} check={check} onChange={setForm} />
      {preview !== null && !preview.ok && (
        <div className="nir-problems" role="alert" data-testid="nir-problems">
          <strong>This file cannot be imported with these settings:</strong>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview?.report != null && (
        <NirReportView
          report={preview.report}
          lostTitle="Not imported"
          nothingLost="Every node of the file is imported."
        />
      )}
    </ModalDialog>
  );
}
