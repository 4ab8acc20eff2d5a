/** What `spikelab board` prints: the board's status and an upload's summary, for people. */
import type { BoardStatus } from '../../usb/board/board-connection.ts';
import { describeIdentity } from '../../usb/board/usercode.ts';

const hex = (n: number | null): string =>
  n === null ? 'BYPASS' : `0x${(n >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

export function statusText(status: BoardStatus): string {
  const chain = status.chain.map((d) => `${d.name} ${hex(d.idcode)}`).join(', ');
  return [
    `PYNQ-Z2 on USB: ${status.product}, serial ${status.serial || '(none)'}, TCK ${status.tckHz / 1e6} MHz`,
    `JTAG chain (TDO end first): ${chain}`,
    `PL: ${status.done ? 'configured' : 'not configured'} (DONE ${status.done ? 1 : 0}, INIT ${status.init ? 1 : 0}), USERCODE ${hex(status.usercode)}`,
    `Design: ${describeIdentity(status.identity)}`,
    '',
  ].join('\n');
}

/** "12.3 MB" style sizes and "4.2 s" style times. */
export function uploadSummary(
  file: string,
  bytes: number,
  seconds: number,
  status: BoardStatus,
): string {
  const rate = bytes / Math.max(seconds, 1e-9) / 1e6;
  return [
    `uploaded ${file} (${bytes.toLocaleString('en-US')} bytes of configuration data) in ${seconds.toFixed(2)} s (${rate.toFixed(2)} MB/s) at TCK ${status.tckHz / 1e6} MHz`,
    `DONE is high; ${describeIdentity(status.identity)}`,
    '',
  ].join('\n');
}
