/**
 * Cancel and Import, the footer of every import dialog (a NIR file, a data file), so the two
 * dialogs look and behave alike.
 */
export function ImportActions({
  disabled,
  onCancel,
  onImport,
  testId,
  autoFocus = false,
}: {
  disabled: boolean;
  onCancel: () => void;
  onImport: () => void;
  testId: string;
  /** Marks Import as the control `ModalDialog` focuses first. */
  autoFocus?: boolean;
}) {
  return (
    <>
      <button type="button" className="btn btn-ghost" onClick={onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={disabled}
        onClick={onImport}
        data-testid={testId}
        {...(autoFocus ? { 'data-autofocus': true } : {})}
      >
        Import
      </button>
    </>
  );
}
