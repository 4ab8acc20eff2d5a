/**
 * An RTL board for Node tests (issue 9): an `MpsseLink` whose JTAG chain is hdl/tb/tb_board.v
 * (the generated PYNQ-Z2 top: host_bridge on USER1 and a BUS = 1 core, behind the Zynq chain)
 * running in a simulator process. The host's real code (JtagSession, JtagBridge, the board run)
 * sends its MPSSE bytes; they are decoded into TCKs by running the virtual FT2232H over a
 * recorder, the TMS/TDI of the batch go to the process, and the TDO it answers is replayed
 * through a second virtual FT2232H fed the same bytes, whose reply bytes are the link's answer.
 * MPSSE has no control flow on TDO, so both see the same commands and clock the same TCKs.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boardVerilog } from '../../src/hdl/board-files.ts';
import { CORE_RTL_FILES } from '../../src/hdl/board-files.ts';
import type { CoreCapacity } from '../../src/hdl/core-capacity.ts';
import type { MpsseLink } from '../../src/usb/jtag/jtag-session.ts';
import { VirtualMpsse } from '../../src/usb/virtual/virtual-mpsse.ts';
import { type Simulator, buildBench } from './simulators.ts';

/**
 * Builds tb_board around the board top generated at `capacity` (with `mutant`, one piece of its
 * text replaced); the command that runs it.
 */
export function buildRtlBoard(
  simulator: Simulator,
  capacity: CoreCapacity,
  dir: string,
  mutant?: { from: string; to: string },
): string[] {
  const top = join(dir, 'spikelab_board.v');
  let text = boardVerilog('// Generated for tests/hdl/rtl-board.ts.\n', capacity, 1);
  if (mutant !== undefined) {
    if (!text.includes(mutant.from)) throw new Error(`mutant: '${mutant.from}' not in the top`);
    text = text.replace(mutant.from, mutant.to);
  }
  writeFileSync(top, text);
  return buildBench(
    simulator,
    {
      top: 'tb_board',
      sources: [
        'hdl/tb/tb_board.v',
        'hdl/tb/tb_host_bridge.v', // tb_dap_model
        'hdl/tb/bscane2_model.v',
        'hdl/tb/plle2_base_model.v', // PLLE2_BASE, BUFG
        'hdl/host_bridge_bscan.v',
        'hdl/host_bridge.v',
        ...CORE_RTL_FILES.map((f) => `hdl/${f}`),
        top,
      ],
    },
    dir,
  );
}

/** What one link did, for the bench's figures. */
export interface RtlBoardStats {
  /** TCKs clocked, and `exchange` calls that clocked any. */
  tcks: number;
  batches: number;
  /** Wall seconds spent waiting for the simulator. */
  simSeconds: number;
}

/**
 * The simulator process behind an MPSSE link. `close()` ends it (always call it: a test that
 * fails must not leave a simulator running).
 */
export class RtlBoard implements MpsseLink {
  readonly stats: RtlBoardStats = { tcks: 0, batches: 0, simSeconds: 0 };
  private readonly child: ChildProcessWithoutNullStreams;
  private pins: number[] = [];
  private readonly recorder = new VirtualMpsse({
    clock: (tms, tdi) => {
      this.pins.push(tms | (tdi << 1));
      return 0;
    },
  });
  private replay: { tdo: string; at: number } = { tdo: '', at: 0 };
  private readonly replayer = new VirtualMpsse({
    clock: (tms, tdi) => {
      const { tdo, at } = this.replay;
      if (this.pins[at] !== (tms | (tdi << 1))) {
        throw new Error(`rtl board: the replay clocked other pins than the recording at TCK ${at}`);
      }
      this.replay.at += 1;
      return tdo[at] === '1' ? 1 : 0;
    },
  });
  private buffered = '';
  private waiting: ((line: string) => void) | null = null;
  private failure: Error | null = null;
  private output = '';

  /** `command` from `buildRtlBoard`, with plusargs after it. */
  constructor(command: readonly string[], plusargs: readonly string[] = []) {
    const [tool, ...args] = command;
    if (tool === undefined) throw new Error('rtl board: empty command');
    this.child = spawn(tool, [...args, ...plusargs], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: string) => {
      this.output = (this.output + chunk).slice(-4000);
    });
    const fail = (why: string): void => {
      this.failure ??= new Error(`rtl board: ${tool} ${why}\n${this.output}`);
      this.waiting?.('');
    };
    this.child.on('error', (e) => fail(`could not run (${e.message})`));
    this.child.on('exit', (code, signal) => fail(`ended (${signal ?? `exit ${code}`})`));
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    for (;;) {
      const end = this.buffered.indexOf('\n');
      if (end < 0) return;
      const line = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      if (line.startsWith('tdo ') && this.waiting) this.waiting(line.slice(4));
      else this.output = (this.output + line + '\n').slice(-4000);
    }
  }

  async exchange(commands: Uint8Array, replyBytes: number): Promise<Uint8Array> {
    this.pins = [];
    this.recorder.write(commands);
    let tdo = '';
    if (this.pins.length > 0) {
      const started = performance.now();
      tdo = await this.clock(this.pins);
      this.stats.simSeconds += (performance.now() - started) / 1000;
      this.stats.tcks += this.pins.length;
      this.stats.batches += 1;
    }
    this.replay = { tdo, at: 0 };
    const reply = this.replayer.write(commands);
    if (reply.length !== replyBytes) {
      throw new Error(
        `rtl board: ${reply.length} reply bytes where the host expects ${replyBytes}`,
      );
    }
    return reply;
  }

  /** Sends one batch of pins and waits for its TDO line. */
  private clock(pins: readonly number[]): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = (line) => {
        this.waiting = null;
        if (this.failure) reject(this.failure);
        else if (line.length !== pins.length) {
          reject(new Error(`rtl board: ${line.length} TDO bits for ${pins.length} TCKs`));
        } else resolve(line);
      };
      this.child.stdin.write(`${pins.length}\n${pins.join('')}\n`);
    });
  }

  /** Ends the simulator (closing its input ends it; a kill if it does not). */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
