/**
 * A host-bridge test script: the JTAG scans a host sends (TAP resets, IR scans, DR scans of
 * frames encoded by src/hdl/bridge-protocol.ts, idle clocks), what it expects back for each
 * frame, and the pin-level vectors for hdl/tb/tb_host_bridge.v.
 */
import {
  BRIDGE_FRAME_BITS,
  type BridgeCommand,
  type BridgeStatus,
  type Bits,
  encodeCommand,
} from '../../src/hdl/bridge-protocol.ts';
import {
  type JtagScan,
  type UserRegister,
  frameDrScan,
  scansToPins,
  userIrScan,
} from '../../src/hdl/bridge-jtag.ts';

/** What a frame's reply must say; `tag: false` skips the tag check (a short scan's tag). */
export interface Expectation {
  status: BridgeStatus;
  data?: number;
  tag?: false;
}

/** A DR scan of one frame, in its session (the frames since the last IR scan). */
export interface ScriptFrame {
  label: string;
  session: number;
  index: number;
  tag: number;
  expect: Expectation | null;
}

/** One entry per scan: the scan, plus the frame it carries for DR scans. */
interface Entry {
  scan: JtagScan;
  reset: boolean;
  frame: ScriptFrame | null;
  /** Hold the core-side reset (`rst`) during these cycles (bit 2 of the vector word). */
  coreReset: boolean;
}

export class BridgeScript {
  private entries: Entry[] = [];
  private session = -1;
  private index = 0;
  private nextTag = 0;
  private pendingReset = false;

  /** Test-Logic-Reset (five TMS=1), then Run-Test/Idle, before the next scan. */
  reset(): this {
    this.pendingReset = true;
    return this;
  }

  /** An IR scan selecting USER`user`; starts a new session. */
  ir(user: UserRegister): this {
    this.push(userIrScan(user), null);
    this.session++;
    this.index = 0;
    return this;
  }

  /** A frame for `command`, with what its reply (two scans later) must say. */
  command(label: string, command: BridgeCommand, expect: Expectation | null, idle = 0): this {
    const tag = this.takeTag();
    return this.frame(label, encodeCommand(command, tag), tag, expect, idle);
  }

  /** A frame with given bits (bad frames), tagged `tag`. */
  raw(label: string, bits: Bits, tag: number, expect: Expectation | null): this {
    return this.frame(label, bits, tag, expect, 0);
  }

  /** A DR scan of only the first `length` bits of `bits` (a short frame). */
  short(label: string, bits: Bits, length: number, expect: Expectation | null): this {
    const tdi = new Uint8Array(length + 1);
    tdi.set(bits.subarray(0, length));
    const scan: JtagScan = { kind: 'dr', tdi, read: { offset: 0, length } };
    this.push(scan, this.frameOf(label, -1, expect));
    return this;
  }

  /** Clocks in Run-Test/Idle (TCK keeps running: the crossings advance). */
  idle(clocks: number): this {
    this.push({ kind: 'idle', clocks }, null);
    return this;
  }

  /** Clocks in Run-Test/Idle with the core clock domain's reset held. */
  coreReset(clocks: number): this {
    this.push({ kind: 'idle', clocks }, null, true);
    return this;
  }

  /** Two NOPs whose replies carry the last two frames' results. */
  flush(): this {
    return this.command('flush', { op: 'nop' }, null).command('flush', { op: 'nop' }, null);
  }

  /** Every frame, in scan order. */
  frames(): ScriptFrame[] {
    return this.entries.flatMap((e) => (e.frame ? [e.frame] : []));
  }

  /**
   * The pin vectors (bit 0 TMS, bit 1 TDI, bit 2 the core reset, per TCK) and, per DR scan in order, the TCK indices
   * whose TDO the host reads (the whole scan) and its reply offset.
   */
  vectors(): { words: number[]; drReads: { start: number; scan: JtagScan; frame: ScriptFrame }[] } {
    const words: number[] = [];
    const drReads: { start: number; scan: JtagScan; frame: ScriptFrame }[] = [];
    for (const entry of this.entries) {
      const { pins, shiftStarts } = scansToPins([entry.scan], entry.reset);
      const start = shiftStarts[0] ?? -1;
      if (entry.frame)
        drReads.push({ start: words.length + start, scan: entry.scan, frame: entry.frame });
      const rst = entry.coreReset ? 4 : 0;
      for (const p of pins) words.push(p.tms | (p.tdi << 1) | rst);
    }
    return { words, drReads };
  }

  private takeTag(): number {
    const tag = this.nextTag;
    this.nextTag = (this.nextTag + 1) & 0xff;
    return tag;
  }

  private frameOf(label: string, tag: number, expect: Expectation | null): ScriptFrame {
    if (this.session < 0) throw new Error(`script: frame '${label}' before any IR scan`);
    return { label, session: this.session, index: this.index++, tag, expect };
  }

  private frame(
    label: string,
    bits: Bits,
    tag: number,
    expect: Expectation | null,
    idle: number,
  ): this {
    if (bits.length !== BRIDGE_FRAME_BITS) throw new Error(`script: '${label}' is not a frame`);
    this.push(frameDrScan(bits), this.frameOf(label, tag, expect));
    if (idle > 0) this.idle(idle);
    return this;
  }

  private push(scan: JtagScan, frame: ScriptFrame | null, coreReset = false): void {
    this.entries.push({ scan, reset: this.pendingReset, frame, coreReset });
    this.pendingReset = false;
  }
}
