/**
 * `spikelab board detect|upload`: the PYNQ-Z2 over USB (JTAG through its FT2232H), or with
 * `--virtual` the virtual board, which runs the same host code against a software FT2232H,
 * JTAG chain and configuration engine.
 */
import type { BoardConnection, BoardStatus } from '../../usb/board/board-connection.ts';
import type { UsbDeviceLike } from '../../usb/transport/usb-device.ts';
import { BitFileError } from '../../usb/xilinx7/bit-file.ts';
import { checkBitstream, type CheckedBitstream } from '../../usb/xilinx7/check-bitstream.ts';
import type { ProgramProgress } from '../../usb/xilinx7/program.ts';
import { findBoard, virtualDevice } from '../board/node-usb.ts';
import { boardRun } from '../board/board-run.ts';
import { withBoard } from '../board/board-session.ts';
import { statusText, uploadSummary } from '../board/board-text.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { readBytes } from '../load-document.ts';
import { flag, positiveNumber } from '../option-values.ts';

async function openBoard<T>(
  args: Parameters<Command['run']>[0],
  use: (board: BoardConnection) => Promise<T>,
): Promise<T> {
  const device: UsbDeviceLike = flag(args, 'virtual') ? virtualDevice() : await findBoard();
  return withBoard(device, (positiveNumber(args, 'tck') ?? 15) * 1e6, use);
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
  const status = await openBoard(args, (board) => board.status());
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
  const status: BoardStatus = await openBoard(args, async (board) => {
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
  summary: 'find a PYNQ-Z2 over USB, upload a bitstream, run a network on it (or --virtual)',
  usage: [
    'spikelab board detect [--virtual] [--json]',
    'spikelab board upload DESIGN.bit [--virtual]',
    'spikelab board run NETWORK.json [--steps N] [--out OUT.json] [--virtual] [--json]',
  ].join('\n'),
  options: [
    { name: 'virtual', isSwitch: true, help: 'use the virtual board instead of a real one' },
    { name: 'json', isSwitch: true, help: 'detect, run: print one JSON object' },
    { name: 'tck', valueName: 'MHZ', help: 'JTAG clock, at most 30 (default 15)' },
    { name: 'steps', valueName: 'N', help: "run: N steps of dt (default: the document's)" },
    {
      name: 'out',
      valueName: 'FILE',
      help: "run: write the board's spikes as 'spikelab run' writes the engine's",
    },
  ],
  details: [
    'detect: the board on USB, its JTAG chain (the Zynq-7020 PL and its ARM DAP), whether the',
    'PL is configured, and the design its USERCODE names (a Spikelab core and its version).',
    'upload: checks the .bit (container, part xc7z020clg400, packets, IDCODE) before touching',
    'the board, then configures the PL over JTAG (JPROGRAM, CFG_IN, JSTART) and checks DONE;',
    "when DONE stays low it reads the FPGA's STAT register and says why.",
    "run: loads the network into the board's Spikelab core (refused by name when a model is not",
    "the core's or it does not fit the core's capacity: what it needs and what fits), runs it in",
    'chunks, reads the spikes back, and compares them with the engine (reference backend) on the',
    'same document and steps: bit-exact, or the first step, population and neuron that differ.',
    'With --virtual the demo board is configured first; a real board must hold the core already.',
    '',
    'Linux needs a udev rule and Windows the WinUSB driver on interface 0: the error says which.',
    '',
    'Exit status: 0 done (run: bit-exact); 2 bad command line, a .bit or a network that is',
    'refused; 1 no board, a USB failure, a configuration the FPGA refused, or a run that differs.',
  ].join('\n'),
  run: async (args, io) => {
    const [action, path, ...extra] = args.positionals;
    if (extra.length > 0)
      throw new CliError(`unexpected argument '${extra[0]}' (see 'spikelab board --help')`);
    if (action === 'detect' && path === undefined) return detect(args, io);
    if (action === 'upload' && path !== undefined) return upload(args, io, path);
    if (action === 'run' && path !== undefined) return boardRun(args, io, path);
    if (action === 'run')
      throw new CliError('missing NETWORK.json (usage: spikelab board run NETWORK.json)');
    if (action === 'upload')
      throw new CliError('missing DESIGN.bit (usage: spikelab board upload DESIGN.bit)');
    throw new CliError(
      `unknown board action '${action ?? ''}': use 'spikelab board detect', 'spikelab board upload DESIGN.bit' or 'spikelab board run NETWORK.json'`,
    );
  },
};
