/**
 * One board session for a `spikelab board` action: open the PYNQ-Z2 (or the device given),
 * use it, close it; a USB or configuration failure becomes a one-line CLI error, with the OS's
 * fix where access was denied or the interface is busy.
 */
import { BoardConnection } from '../../usb/board/board-connection.ts';
import { detectOs, usbAccessHelp } from '../../usb/board/os-help.ts';
import { UsbTransferError, type UsbDeviceLike } from '../../usb/transport/usb-device.ts';
import { ProgramError } from '../../usb/xilinx7/program.ts';
import { CliError, EXIT } from '../cli-error.ts';

/** A USB or configuration failure as a one-line CLI error (plus the OS fix where one helps). */
export function boardError(error: unknown): unknown {
  if (error instanceof UsbTransferError) {
    const help =
      error.kind === 'access-denied' || error.kind === 'busy'
        ? `\n${usbAccessHelp(detectOs(process.platform), error.kind)}`
        : '';
    return new CliError(`${error.message}${help}`, EXIT.runFailed);
  }
  if (error instanceof ProgramError) return new CliError(error.message, EXIT.runFailed);
  if (error instanceof Error && !(error instanceof CliError)) {
    return new CliError(error.message, EXIT.runFailed);
  }
  return error;
}

/** Opens `device` at `tckHz`, runs `use`, closes it; errors become `boardError`'s. */
export async function withBoard<T>(
  device: UsbDeviceLike,
  tckHz: number,
  use: (board: BoardConnection) => Promise<T>,
): Promise<T> {
  let board: BoardConnection | undefined;
  try {
    board = await BoardConnection.open(device, { tckHz });
    return await use(board);
  } catch (error) {
    throw boardError(error);
  } finally {
    await board?.close();
  }
}
