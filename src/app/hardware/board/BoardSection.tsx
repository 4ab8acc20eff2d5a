/**
 * "Board": connect a PYNQ-Z2 over WebUSB or the demo board, its status, upload a .bit (or the
 * demo's test bitstream) with progress and Cancel, Run on board (`BoardRun.tsx`), the demo's
 * faults, and the failure with its way forward (Retry after an unplug, the operating system's
 * fix for access). The work runs in the board worker; the state lives in `boardStore`, so
 * switching tabs keeps it.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { BoardRun } from './BoardRun.tsx';
import type { DemoFault } from './board-protocol.ts';
import { boardStore, useBoardStore } from './board.ts';
import { progressText, statusRows, uploadedText } from './board-text.ts';
import './board.css';

const FAULTS: { fault: DemoFault; label: string }[] = [
  { fault: 'unplug-half', label: 'Unplug at 50% of the next upload' },
  { fault: 'unplug-run', label: 'Unplug during the next run' },
  { fault: 'stall', label: 'Stall the IN endpoint' },
  { fault: 'done-never', label: 'DONE never rises' },
];

function AccessHelp({ help }: { help: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="hw-board-help">
      <pre data-testid="board-help">{help}</pre>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          void navigator.clipboard.writeText(help).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

function Failure() {
  const failure = useBoardStore((s) => s.failure);
  if (failure === null) return null;
  const quiet = failure.kind === 'cancelled';
  return (
    <div className="hw-board-failure">
      <p className={quiet ? 'hw-note' : 'hw-error'} role="alert" data-testid="board-error">
        {failure.message}
      </p>
      {failure.retry && (
        <p className="hw-note" data-testid="board-retry-note">
          {failure.rerun
            ? 'Plug the board back in and press Retry: it is opened again, the same bitstream sent, and the network loaded and run again from step 0.'
            : 'Plug the board back in and press Retry: it is opened again and the same bitstream sent.'}
        </p>
      )}
      {failure.replugged && (
        <p className="hw-ok" data-testid="board-replugged">
          The board is plugged in again: press Retry.
        </p>
      )}
      {failure.help !== null && <AccessHelp help={failure.help} />}
      {failure.retry && (
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="board-retry"
          onClick={() => void boardStore.getState().retry()}
        >
          Retry
        </button>
      )}
    </div>
  );
}

function Status() {
  const status = useBoardStore((s) => s.status);
  if (status === null) return null;
  return (
    <table className="hw-board-status" data-testid="board-status">
      <tbody>
        {statusRows(status).map(([label, value]) => (
          <tr key={label}>
            <td>{label}</td>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Progress() {
  const upload = useBoardStore((s) => s.upload);
  if (upload === null) return null;
  const { sentBytes, totalBytes } = upload.progress;
  return (
    <div className="hw-board-progress">
      <progress max={Math.max(totalBytes, 1)} value={sentBytes} aria-label="Upload progress" />
      <p className="hw-note" data-testid="board-progress">
        {upload.name}: {progressText(upload.progress, upload.elapsedSeconds)}
      </p>
      <button
        type="button"
        className="btn btn-secondary"
        data-testid="board-cancel"
        onClick={() => boardStore.getState().cancel()}
      >
        Cancel
      </button>
    </div>
  );
}

function DemoFaults() {
  const armed = useBoardStore((s) => s.armed);
  const phase = useBoardStore((s) => s.phase);
  return (
    <details className="hw-board-faults">
      <summary>Demo faults</summary>
      <p className="hw-note">Arm one to show what goes wrong with a real board.</p>
      {FAULTS.map(({ fault, label }) => (
        <button
          key={fault}
          type="button"
          className="btn btn-secondary"
          data-testid={`board-fault-${fault}`}
          disabled={phase !== 'connected' || armed.includes(fault)}
          onClick={() => void boardStore.getState().arm(fault)}
        >
          {armed.includes(fault) ? `${label} (armed)` : label}
        </button>
      ))}
    </details>
  );
}

export function BoardSection() {
  const source = useBoardStore((s) => s.source);
  const phase = useBoardStore((s) => s.phase);
  const uploaded = useBoardStore((s) => s.uploaded);
  const file = useRef<HTMLInputElement>(null);
  const availability = boardStore.getState().availability();
  const busy = phase === 'connecting' || phase === 'uploading' || phase === 'running';

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (chosen === undefined) return;
    void chosen
      .arrayBuffer()
      .then((buffer) => boardStore.getState().uploadFile(chosen.name, new Uint8Array(buffer)));
  };

  return (
    <div className="hw-board">
      {source === null && (
        <>
          <div className="hw-quantise-row">
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="board-connect"
              disabled={!availability.ok || busy}
              onClick={() => void boardStore.getState().connectUsb()}
            >
              Connect board
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="board-demo"
              disabled={busy}
              onClick={() => void boardStore.getState().connectDemo()}
            >
              Demo board
            </button>
          </div>
          {!availability.ok && (
            <p className="hw-note" data-testid="board-webusb-missing">
              {availability.reason}
            </p>
          )}
        </>
      )}
      {phase === 'connecting' && <p className="hw-note">Connecting…</p>}
      <Status />
      {source !== null && phase !== 'connecting' && (
        <div className="hw-quantise-row">
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="board-upload-file"
            disabled={phase !== 'connected'}
            onClick={() => file.current?.click()}
          >
            Upload .bit…
          </button>
          <input
            ref={file}
            type="file"
            accept=".bit"
            hidden
            data-testid="board-file-input"
            onChange={onFile}
          />
          {source === 'demo' && (
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="board-upload-test"
              disabled={phase !== 'connected'}
              onClick={() => void boardStore.getState().uploadTest()}
            >
              Upload a test bitstream
            </button>
          )}
          <button
            type="button"
            className="btn btn-secondary"
            data-testid="board-disconnect"
            disabled={busy}
            onClick={() => void boardStore.getState().disconnect()}
          >
            Disconnect
          </button>
        </div>
      )}
      <Progress />
      {uploaded !== null && phase === 'connected' && (
        <p className="hw-ok" data-testid="board-uploaded">
          {uploadedText(uploaded.name, uploaded.bytes, uploaded.seconds)}
        </p>
      )}
      {source !== null && <BoardRun />}
      <Failure />
      {source === 'demo' && <DemoFaults />}
    </div>
  );
}
