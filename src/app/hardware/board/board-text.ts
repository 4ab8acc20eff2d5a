/** The Board section's words: the board's status and an upload's progress, for people. */
import type { BoardStatus } from '../../../usb/board/board-connection.ts';
import { describeIdentity } from '../../../usb/board/usercode.ts';
import type { ProgramProgress } from '../../../usb/xilinx7/program.ts';

const hex = (n: number | null): string =>
  n === null ? 'BYPASS' : `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

const count = (n: number): string => n.toLocaleString('en-US');

/** Label and value rows of the status table. */
export function statusRows(status: BoardStatus): [string, string][] {
  return [
    ['USB', `${status.product}${status.serial ? `, serial ${status.serial}` : ''}`],
    ['JTAG chain', status.chain.map((d) => `${d.name} ${hex(d.idcode)}`).join(', ')],
    [
      'FPGA',
      `${status.done ? 'configured' : 'not configured'} (DONE ${status.done ? 1 : 0}, INIT ${status.init ? 1 : 0}), USERCODE ${hex(status.usercode)}`,
    ],
    ['Design', describeIdentity(status.identity)],
    ['TCK', `${status.tckHz / 1e6} MHz`],
  ];
}

/**
 * One line for the progress bar: bytes, percent and, once data is flowing, the seconds left at
 * the rate so far (`elapsedSeconds` since the upload started).
 */
export function progressText(progress: ProgramProgress, elapsedSeconds: number): string {
  const { sentBytes, totalBytes, phase } = progress;
  // Before the worker's first report the size is not known yet.
  if (totalBytes === 0) return 'starting the upload';
  const percent = totalBytes > 0 ? Math.floor((100 * sentBytes) / totalBytes) : 0;
  const bytes = `${count(sentBytes)} of ${count(totalBytes)} bytes (${percent}%)`;
  switch (phase) {
    case 'clearing':
      return `${bytes}: clearing the FPGA (JPROGRAM, waiting for INIT)`;
    case 'sending': {
      if (sentBytes === 0) return bytes;
      const left = (elapsedSeconds * (totalBytes - sentBytes)) / sentBytes;
      return `${bytes}, ${left.toFixed(1)} s left`;
    }
    case 'starting':
      return `${bytes}: starting the design (JSTART)`;
    case 'checking':
      return `${bytes}: checking DONE`;
  }
}

/** "Uploaded NAME (262,144 bytes) in 0.84 s." */
export function uploadedText(name: string, bytes: number, seconds: number): string {
  return `Uploaded ${name} (${count(bytes)} bytes of configuration data) in ${seconds.toFixed(2)} s.`;
}
