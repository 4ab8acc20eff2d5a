/**
 * Turns JTAG operations (TMS moves, IR/DR shifts, idle clocks) into one batch of MPSSE command
 * bytes, and the batch's reply bytes back into the TDO bits of each shift. The host sends a
 * whole batch in one transfer (round trips, not bandwidth, limit JTAG over USB: HARDWARE.md),
 * so the writer only records where each shift's bits will be in the reply.
 *
 * A shift stays in Shift-xR for all bits but the last, which goes out with TMS = 1 (to Exit1),
 * so n bits cost: whole bytes with 0x19/0x39, the rest but one with 0x1B/0x3B, and the last
 * with 0x4B/0x6B.
 */
import {
  alignReadBits,
  clockCycles,
  clockTms,
  shiftBits,
  shiftBytes,
} from '../ftdi/mpsse-commands.ts';
import { bitVector, getBit, setBit } from './bit-vector.ts';
import { nextTapState, tmsPath, type TapState } from './tap-state.ts';

/** Where one read command's bits land in the reply. */
type ReadPiece =
  | { kind: 'bytes'; count: number }
  | { kind: 'bits'; count: number }
  | { kind: 'tms'; count: number };

interface PendingShift {
  readonly length: number;
}

/** A handle to a shift's TDO bits, valid once the batch's reply is decoded. */
export type ShiftHandle = number;

/** Append without spreading: a configuration shift is 64 KiB per command. */
function append(target: number[], bytes: readonly number[]): void {
  for (const b of bytes) target.push(b);
}

export class MpsseJtagWriter {
  private bytes: number[] = [];
  private readonly shifts: PendingShift[] = [];
  /** Pieces in reply order, each tagged with its shift. */
  private readonly order: { shift: number; piece: ReadPiece }[] = [];
  private replyLength = 0;

  constructor(private tapState: TapState) {}

  get state(): TapState {
    return this.tapState;
  }

  /** Bytes to send, and how many reply bytes (status stripped) they will produce. */
  get commands(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  get expectedReplyBytes(): number {
    return this.replyLength;
  }

  /** Raw MPSSE bytes (set-up commands) that do not touch the TAP. */
  raw(bytes: readonly number[]): this {
    this.bytes.push(...bytes);
    return this;
  }

  /** Clock TMS bits (TDI low), 7 per command. */
  tms(bits: readonly (0 | 1)[]): this {
    for (let i = 0; i < bits.length; i += 7) {
      const chunk = bits.slice(i, i + 7);
      const value = chunk.reduce<number>((v, b, k) => v | (b << k), 0);
      this.bytes.push(...clockTms(value, chunk.length, 0, false));
      for (const b of chunk) this.tapState = nextTapState(this.tapState, b);
    }
    return this;
  }

  moveTo(state: TapState): this {
    return this.tms(tmsPath(this.tapState, state));
  }

  /** Six TMS ones: Test-Logic-Reset from anywhere. */
  reset(): this {
    return this.tms([1, 1, 1, 1, 1, 1]);
  }

  /** `count` TCK in Run-Test/Idle. */
  idle(count: number): this {
    this.moveTo('run-test-idle');
    if (count > 0) this.bytes.push(...clockCycles(count));
    return this;
  }

  /**
   * Shift `length` bits of `tdi` through IR or DR and end in `end` (Run-Test/Idle by default).
   * With `read`, the returned handle gives the TDO bits (bit 0 first out). `end` = the shift
   * state itself continues the shift in the next call (a long scan sent chunk by chunk, with
   * progress and cancel between the chunks): then every bit is clocked with TMS = 0.
   */
  shift(
    register: 'ir' | 'dr',
    tdi: Uint8Array,
    length: number,
    read: boolean,
    end: TapState = 'run-test-idle',
  ): ShiftHandle {
    const shiftState: TapState = register === 'ir' ? 'shift-ir' : 'shift-dr';
    const stay = end === shiftState;
    if (length < 1) throw new RangeError(`a JTAG shift needs at least 1 bit, not ${length}`);
    this.moveTo(shiftState);
    const handle = this.shifts.length;
    this.shifts.push({ length });
    const body = stay ? length : length - 1;
    const wholeBytes = Math.floor(body / 8);
    for (let done = 0; done < wholeBytes;) {
      const n = Math.min(65536, wholeBytes - done);
      append(this.bytes, shiftBytes(tdi.subarray(done, done + n), read));
      if (read) this.addPiece(handle, { kind: 'bytes', count: n });
      done += n;
    }
    const restBits = body - wholeBytes * 8;
    if (restBits > 0) {
      let value = 0;
      for (let k = 0; k < restBits; k += 1) value |= getBit(tdi, wholeBytes * 8 + k) << k;
      this.bytes.push(...shiftBits(value, restBits, read));
      if (read) this.addPiece(handle, { kind: 'bits', count: restBits });
    }
    if (stay) return handle;
    // The last bit leaves Shift-xR: TMS 1 with TDI held at the bit.
    this.bytes.push(...clockTms(1, 1, getBit(tdi, length - 1), read));
    if (read) this.addPiece(handle, { kind: 'tms', count: 1 });
    this.tapState = nextTapState(this.tapState, 1);
    this.moveTo(end);
    return handle;
  }

  private addPiece(shift: number, piece: ReadPiece): void {
    this.order.push({ shift, piece });
    this.replyLength += piece.kind === 'bytes' ? piece.count : 1;
  }

  /** Flush the chip's reply buffer (0x87) at the end of a batch. */
  sendImmediate(): this {
    this.bytes.push(0x87);
    return this;
  }

  /** Split a batch's reply into the TDO bits of each read shift (by handle). */
  decode(reply: Uint8Array): Map<ShiftHandle, Uint8Array> {
    if (reply.length !== this.replyLength) {
      throw new RangeError(`expected ${this.replyLength} reply bytes, got ${reply.length}`);
    }
    const out = new Map<ShiftHandle, Uint8Array>();
    const filled = new Map<ShiftHandle, number>();
    let at = 0;
    for (const { shift, piece } of this.order) {
      const length = this.shifts[shift]?.length ?? 0;
      const bits = out.get(shift) ?? bitVector(length);
      out.set(shift, bits);
      let n = filled.get(shift) ?? 0;
      if (piece.kind === 'bytes') {
        for (let b = 0; b < piece.count; b += 1) {
          const byte = reply[at + b] ?? 0;
          for (let k = 0; k < 8; k += 1) setBit(bits, n++, ((byte >>> k) & 1) as 0 | 1);
        }
        at += piece.count;
      } else {
        const value = alignReadBits(reply[at] ?? 0, piece.count);
        for (let k = 0; k < piece.count; k += 1) setBit(bits, n++, ((value >>> k) & 1) as 0 | 1);
        at += 1;
      }
      filled.set(shift, n);
    }
    return out;
  }
}
