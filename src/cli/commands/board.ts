/**
 * `spikelab board detect|upload`: the PYNQ-Z2 over USB (JTAG through its FT2232H), or with
 * `--virtual` the virtual board, which runs the same host code against a software FT2232H,
 * JTAG chain and configuration engine.
 */
import { BoardConnection, type BoardStatus } from '../../usb/board/board-connection.ts';
import { detectOs, usbAccessHelp } from '../../usb/board/os-help.ts';
import { UsbTransferError, type UsbDeviceLike } from '../../usb/transport/usb-device.ts';
import { BitFileError } from '../../usb/xilinx7/bit-file.ts';
import { checkBitstream, type CheckedBitstream } from '../../usb/xilinx7/check-bitstream.ts';
import { ProgramError, type ProgramProgress } from '../../usb/xilinx7/program.ts';
import { findBoard, virtualDevice } from '../board/node-usb.ts';
import { statusText, uploadSummary } from '../board/board-text.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { readBytes } from '../load-document.ts';
import { flag, positiveNumber } from '../option-values.ts';

/** A USB or configuration failure as a one-line CLI error (plus the OS fix where one helps). */
function boardError(error: unknown): unknown {
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

async function withBoard<T>(
  args: Parameters<Command['run']>[0],
  use: (board: BoardConnection) => Promise<T>,
): Promise<T> {
  const device: UsbDeviceLike = flag(args, 'virtual') ? virtualDevice() : await findBoard();
  const tck = (positiveNumber(args, 'tck') ?? 15) * 1e6;
  let board: BoardConnection | undefined;
  try {
    board = await BoardConnection.open(device, { tckHz: tck });
    return await use(board);
  } catch (error) {
    throw boardError(error);
  } finally {
    await board?.close();
  }
}

function progressPrinter(io: CliIo, started: number): (p: ProgramProgress) => void {
  let lastPercent = -1;
  return (p) => {
    if (!io.stderrIsTTY || p.phase !== 'sending') return;
    const percent = Math.floor((100 * p.sentBytes) / p.totalBytes);
    if (percent === lastPercent) return;
    lastPercent = percent;
    const elapsed = (performance.now() - started) / 1000;
    const left = p.sentBytes > 0 ? (elapsed * (p.totalBytes - p.sentBytes)) / p.sentBytes : 0;
    io.stderr(
      `\rupload: ${percent}% (${p.sentBytes} of ${p.totalBytes} bytes), ${left.toFixed(1)} s left `,
    );
  };
}

async function detect(args: Parameters<Command['run']>[0], io: CliIo): Promise<number> {
  const status = await withBoard(args, (board) => board.status());
  io.stdout(flag(args, 'json') ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
  return EXIT.ok;
}

async function upload(
  args: Parameters<Command['run']>[0],
  io: CliIo,
  path: string,
): Promise<number> {
  let bitstream: CheckedBitstream;
  try {
    bitstream = checkBitstream(await readBytes(path, io.cwd));
  } catch (error) {
    if (error instanceof BitFileError) throw new CliError(`${path}: ${error.message}`, EXIT.usage);
    throw error;
  }
  const started = performance.now();
  const status: BoardStatus = await withBoard(args, async (board) => {
    await board.upload(bitstream, { onProgress: progressPrinter(io, started) });
    return board.status();
  });
  if (io.stderrIsTTY) io.stderr('\n');
  const seconds = (performance.now() - started) / 1000;
  io.stdout(uploadSummary(path, bitstream.file.data.length, seconds, status));
  return EXIT.ok;
}

export const boardCommand: Command = {
  name: 'board',
  summary: 'find a PYNQ-Z2 over USB and upload a bitstream (or --virtual)',
  usage: 'spikelab board detect [--virtual] [--json]\nspikelab board upload DESIGN.bit [--virtual]',
  options: [
    { name: 'virtual', isSwitch: true, help: 'use the virtual board instead of a real one' },
    { name: 'json', isSwitch: true, help: 'detect: print one JSON object' },
    { name: 'tck', valueName: 'MHZ', help: 'JTAG clock, at most 30 (default 15)' },
  ],
  details: [
    'detect: the board on USB, its JTAG chain (the Zynq-7020 PL and its ARM DAP), whether the',
    'PL is configured, and the design its USERCODE names (a Spikelab core and its version).',
    'upload: checks the .bit (container, part xc7z020clg400, packets, IDCODE) before touching',
    'the board, then configures the PL over JTAG (JPROGRAM, CFG_IN, JSTART) and checks DONE;',
    "when DONE stays low it reads the FPGA's STAT register and says why.",
    '',
    'Linux needs a udev rule and Windows the WinUSB driver on interface 0: the error says which.',
    '',
    'Exit status: 0 done; 2 bad command line or a .bit that is refused; 1 no board, a USB',
    'failure or a configuration the FPGA refused.',
  ].join('\n'),
  run: async (args, io) => {
    const [action, path, ...extra] = args.positionals;
    if (extra.length > 0)
      throw new CliError(`unexpected argument '${extra[0]}' (see 'spikelab board --help')`);
    if (action === 'detect' && path === undefined) return detect(args, io);
    if (action === 'upload' && path !== undefined) return upload(args, io, path);
    if (action === 'upload')
      throw new CliError('missing DESIGN.bit (usage: spikelab board upload DESIGN.bit)');
    throw new CliError(
      `unknown board action '${action ?? ''}': use 'spikelab board detect' or 'spikelab board upload DESIGN.bit'`,
    );
  },
};
