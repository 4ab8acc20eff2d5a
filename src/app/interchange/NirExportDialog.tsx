/** After Export NIR: the file that was downloaded and what of the network NIR could not hold. */
import { ModalDialog } from './ModalDialog.tsx';
import type { NirExportOutcome } from './nir-dialog-store.ts';
import { NirReportView } from './NirReportView.tsx';

export function NirExportDialog({
  outcome,
  onClose,
}: {
  outcome: NirExportOutcome;
  onClose: () => void;
}) {
  return (
    <ModalDialog
      title={`Exported ${outcome.fileName}`}
      onClose={onClose}
      testId="nir-export-dialog"
      className="nir-dialog"
      actions={
        <button type="button" className="btn btn-secondary" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <NirReportView
        report={outcome.report}
        lostTitle="Not expressed in NIR"
        nothingLost="Every part of the network is in the file."
      />
    </ModalDialog>
  );
}
