/**
 * Configures the PL from a checked .bit over JTAG (HARDWARE.md, "Configuring the PL"):
 * JPROGRAM; BYPASS captures until INIT, with a time-out; 120,000 TCK in Run-Test/Idle; CFG_IN
 * with the data, each byte most significant bit first, in chunks (progress and cancel between
 * them; the scan stays in Shift-DR across chunks); JSTART and 2,000 TCK; then DONE from the IR
 * capture. When DONE is low, STAT is read through CFG_OUT and explained.
 */
import { bitVector, numberFromBits } from '../jtag/bit-vector.ts';
import type { JtagSession } from '../jtag/jtag-session.ts';
import { IR_CAPTURE, PL_INSTRUCTION, plBits, plData, plInstruction } from '../jtag/zynq-chain.ts';
import type { CheckedBitstream } from './check-bitstream.ts';
import { explainStat } from './stat-register.ts';

export interface ProgramProgress {
  readonly sentBytes: number;
  readonly totalBytes: number;
  readonly phase: 'clearing' | 'sending' | 'starting' | 'checking';
}

export interface ProgramOptions {
  readonly onProgress?: (progress: ProgramProgress) => void;
  readonly signal?: AbortSignal;
  /** How long INIT may take to rise after JPROGRAM (default 2 s). */
  readonly initTimeoutMs?: number;
  /** Bytes of configuration data per USB batch (default 64 KiB). */
  readonly chunkBytes?: number;
  /** Milliseconds since an arbitrary origin (injected so tests control time). */
  readonly now?: () => number;
}

/** A configuration that did not finish, with the reason in words. */
export class ProgramError extends Error {
  override readonly name = 'ProgramError';
  constructor(
    message: string,
    readonly stat: number | null = null,
  ) {
    super(message);
  }
}

/** Bit-reversed bytes: the data goes MSB first through LSB-first MPSSE commands. */
const REVERSED = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let k = 0; k < 8; k += 1) r |= ((b >>> k) & 1) << (7 - k);
  return r;
});

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ProgramError('configuration cancelled; the FPGA is left cleared');
}

/** The PL's IR capture after a BYPASS instruction. */
async function irCapture(session: JtagSession, idleAfter = 0): Promise<number> {
  const { value, tdo } = await session.batch((w) => {
    const handle = plInstruction(w, PL_INSTRUCTION.BYPASS, true);
    if (idleAfter > 0) w.idle(idleAfter);
    return handle;
  });
  return numberFromBits(tdo(value), 0, 6);
}

/** STAT through CFG_IN (sync, NOP, read STAT, NOP, NOP) then CFG_OUT. */
export async function readStat(session: JtagSession): Promise<number> {
  const words = [0xaa995566, 0x20000000, 0x2800e001, 0x20000000, 0x20000000];
  const data = new Uint8Array(words.length * 4);
  words.forEach((w, i) => {
    for (let b = 0; b < 4; b += 1) data[i * 4 + b] = REVERSED[(w >>> (24 - 8 * b)) & 0xff] ?? 0;
  });
  const { value, tdo } = await session.batch((w) => {
    w.reset();
    plInstruction(w, PL_INSTRUCTION.CFG_IN, false);
    plData(w, data, data.length * 8, false);
    plInstruction(w, PL_INSTRUCTION.CFG_OUT, false);
    return plData(w, bitVector(32), 32, true);
  });
  // The word comes out most significant bit first.
  const bits = plBits(tdo(value), 32);
  let stat = 0;
  for (let i = 0; i < 32; i += 1)
    stat = ((stat << 1) | (((bits[i >>> 3] ?? 0) >>> (i & 7)) & 1)) >>> 0;
  return stat;
}

/**
 * Configure the PL. Resolves when DONE is high.
 *
 * @throws ProgramError naming the problem: INIT that never rose (with the time-out), a
 *   configuration the device refused (STAT explained), or a cancel.
 */
export async function programBitstream(
  session: JtagSession,
  bitstream: CheckedBitstream,
  options: ProgramOptions = {},
): Promise<void> {
  const now = options.now ?? (() => Date.now());
  const chunk = options.chunkBytes ?? 65536;
  const data = bitstream.file.data;
  const total = data.length;
  const report = (sentBytes: number, phase: ProgramProgress['phase']): void =>
    options.onProgress?.({ sentBytes, totalBytes: total, phase });

  report(0, 'clearing');
  await session.batch((w) => {
    w.reset();
    plInstruction(w, PL_INSTRUCTION.JPROGRAM, false);
  });
  const deadline = now() + (options.initTimeoutMs ?? 2000);
  for (;;) {
    cancelled(options.signal);
    if ((await irCapture(session, 1000)) & IR_CAPTURE.init) break;
    if (now() > deadline) {
      throw new ProgramError(
        `the FPGA did not finish clearing (INIT stayed low for ${options.initTimeoutMs ?? 2000} ms after JPROGRAM): power-cycle the board and try again`,
      );
    }
  }
  await session.batch((w) => {
    w.idle(120_000);
    plInstruction(w, PL_INSTRUCTION.CFG_IN, false);
  });
  for (let sent = 0; sent < total;) {
    cancelled(options.signal);
    const n = Math.min(chunk, total - sent);
    const piece = new Uint8Array(n + 1);
    for (let i = 0; i < n; i += 1) piece[i] = REVERSED[data[sent + i] ?? 0] ?? 0;
    const last = sent + n === total;
    await session.batch((w) => {
      // The PL's bits, then on the last chunk the DAP's pad bit with TMS = 1.
      if (last) plData(w, piece, n * 8, false);
      else w.shift('dr', piece, n * 8, false, 'shift-dr');
    });
    sent += n;
    report(sent, 'sending');
  }
  report(total, 'starting');
  await session.batch((w) => {
    plInstruction(w, PL_INSTRUCTION.JSTART, false);
    w.idle(2000);
    w.reset();
  });
  report(total, 'checking');
  if ((await irCapture(session)) & IR_CAPTURE.done) return;
  const stat = await readStat(session);
  throw new ProgramError(explainStat(stat), stat);
}
