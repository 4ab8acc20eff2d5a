/**
 * Messages between the page and the board worker (`board.worker.ts`). The page sends one
 * command at a time with an id; the worker answers with progress lines for that id, then
 * exactly one result. `cancel` has no id: it aborts the upload in flight.
 */
import type { BoardStatus } from '../../../usb/board/board-connection.ts';
import type { UsbErrorKind } from '../../../usb/transport/usb-device.ts';
import type { ProgramProgress } from '../../../usb/xilinx7/program.ts';

/** The name the demo's test bitstream goes by in messages. */
export const TEST_BITSTREAM_NAME = 'the test bitstream (xc7z020, no design)';

/** Faults a teacher can arm on the demo board. */
export type DemoFault = 'unplug-half' | 'stall' | 'done-never';

export type BoardCommand =
  | { kind: 'connect'; source: 'usb' | 'demo' }
  | { kind: 'status' }
  /** `bytes` null: the demo's test bitstream. */
  | { kind: 'upload'; name: string; bytes: Uint8Array | null }
  /** After an unplug: replug (demo) or find the board again, then the last upload again. */
  | { kind: 'retry' }
  | { kind: 'arm'; fault: DemoFault }
  | { kind: 'disconnect' };

export type BoardFailureKind =
  UsbErrorKind | 'refused-file' | 'configuration' | 'cancelled' | 'unavailable';

export interface BoardFailure {
  readonly kind: BoardFailureKind;
  readonly message: string;
  /** The board's status after the failure, when it could still be read (cancel, STAT). */
  readonly status: BoardStatus | null;
}

export interface UploadDone {
  readonly name: string;
  /** Bytes of configuration data. */
  readonly bytes: number;
  readonly seconds: number;
}

export type BoardResult =
  | { kind: 'status'; status: BoardStatus; upload: UploadDone | null }
  | { kind: 'closed' }
  | { kind: 'failed'; failure: BoardFailure };

export type BoardToWorker = { id: number; command: BoardCommand } | { cancel: true };

export type BoardFromWorker =
  { id: number; progress: ProgramProgress } | { id: number; result: BoardResult };

/** What the board store needs: the worker client in the page, the service itself in tests. */
export interface BoardClient {
  call(
    command: BoardCommand,
    onProgress: (progress: ProgramProgress) => void,
  ): Promise<BoardResult>;
  /** Aborts the upload in flight (it then resolves as a `cancelled` failure). */
  cancel(): void;
}
