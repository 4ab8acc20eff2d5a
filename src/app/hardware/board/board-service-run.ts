/**
 * The service's Run on board on an open connection: the board must hold a core this host can
 * drive (named otherwise, nothing written); then `runOnBoard` through the JTAG bridge on USER1.
 * A cancel comes back with the status after it, a host's refusal (overflow, a core that does
 * not finish) as its message; an unplug is thrown on, so that the service lets the board go
 * and keeps the run for Retry.
 */
import type { NetworkDocument } from '../../../model/document.ts';
import type { BoardConnection } from '../../../usb/board/board-connection.ts';
import { BoardRunCancelled, BoardRunError } from '../../../usb/board/core-run.ts';
import { JtagBridge } from '../../../usb/board/jtag-bridge.ts';
import { requireCompatibleCore } from '../../../usb/board/usercode.ts';
import type { VirtualUsbDevice } from '../../../usb/virtual/virtual-usb-device.ts';
import { failed } from './board-failures.ts';
import type { BoardProgress, BoardResult } from './board-protocol.ts';
import { runOnBoard } from './run-on-board.ts';

export interface ConnectionRunOptions {
  signal: AbortSignal;
  onProgress: (progress: BoardProgress) => void;
  /** The demo board to unplug once half the run's steps are read ("unplug during the run"). */
  unplugAtHalf: VirtualUsbDevice | null;
}

/** Runs `document` on the core of `connection`'s board; see the file's comment. */
export async function runOnConnection(
  connection: BoardConnection,
  document: NetworkDocument,
  options: ConnectionRunOptions,
): Promise<BoardResult> {
  const before = await connection.status();
  try {
    requireCompatibleCore(before.identity);
  } catch (error) {
    return failed('other', error instanceof Error ? error.message : String(error), before);
  }
  const board = options.unplugAtHalf;
  try {
    const run = await runOnBoard(new JtagBridge(connection.session), document, {
      signal: options.signal,
      onProgress: options.onProgress,
      onChunk: (steps, total) => {
        // The cut lands at half the run: the next transfer finds the board gone.
        if (board !== null && steps * 2 >= total && board.faults.unplugAfterBytes === undefined) {
          board.faults = { ...board.faults, unplugAfterBytes: board.bytesWritten + 1 };
        }
      },
    });
    return { kind: 'status', status: await connection.status(), upload: null, run };
  } catch (error) {
    if (error instanceof BoardRunCancelled) {
      return failed('cancelled', error.message, await connection.status());
    }
    if (error instanceof BoardRunError) return failed('other', error.message);
    throw error;
  }
}
