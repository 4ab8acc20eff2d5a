/**
 * Failures as data for the board worker: a `failed` result, and what a thrown error becomes
 * (USB kinds, a configuration's STAT explained, a network the core cannot take, else its
 * message).
 */
import type { BoardStatus } from '../../../usb/board/board-connection.ts';
import { UsbTransferError } from '../../../usb/transport/usb-device.ts';
import { ProgramError } from '../../../usb/xilinx7/program.ts';
import type { BoardFailure, BoardFailureKind, BoardResult } from './board-protocol.ts';
import { RunRefusedError } from './run-on-board.ts';

export const failed = (
  kind: BoardFailureKind,
  message: string,
  status: BoardStatus | null = null,
): BoardResult => ({ kind: 'failed', failure: { kind, message, status } });

/** The failure a thrown `error` stands for. */
export function failureOf(error: unknown): BoardFailure {
  if (error instanceof UsbTransferError) {
    return { kind: error.kind, message: error.message, status: null };
  }
  if (error instanceof ProgramError) {
    return { kind: 'configuration', message: error.message, status: null };
  }
  if (error instanceof RunRefusedError) {
    return { kind: 'refused-network', message: error.message, status: null };
  }
  return {
    kind: 'other',
    message: error instanceof Error ? error.message : String(error),
    status: null,
  };
}
