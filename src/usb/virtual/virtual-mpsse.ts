/**
 * A software FT2232H channel A in MPSSE mode: it executes the command bytes a host writes, one
 * TCK at a time, on a `VirtualChain`, and produces the reply bytes the chip would (bit-mode
 * reads top-aligned, 0xFA + the byte for an unknown command). The host's real MPSSE code runs
 * against it unchanged; it only models what JTAG needs (set/read the low byte, clock set-up,
 * data and TMS commands, idle clocks, send immediate).
 */
import { BAD_COMMAND_REPLY, MPSSE } from '../ftdi/mpsse-commands.ts';
/** What the engine clocks: a JTAG chain (`VirtualChain`), or a counter for the bench. */
export interface TckTarget {
  /** One TCK with these TMS and TDI; the TDO sampled on its rising edge. */
  clock(tms: 0 | 1, tdi: 0 | 1): 0 | 1;
}

export class VirtualMpsse {
  /** TCK cycles clocked so far (for the upload-time model). */
  cycles = 0;
  divisor = 0;
  private low = { value: 0, direction: 0 };
  private pending: number[] = [];
  private tms: 0 | 1 = 0;

  constructor(private readonly chain: TckTarget) {}

  /**
   * Execute a write. Commands may be split across writes: an incomplete command at the end
   * waits for the next write. Returns the reply bytes produced (status bytes not included).
   */
  write(bytes: Uint8Array): Uint8Array {
    for (const b of bytes) this.pending.push(b);
    const reply: number[] = [];
    let at = 0;
    for (;;) {
      const used = this.step(at, reply);
      if (used === 0) break;
      at += used;
    }
    this.pending = this.pending.slice(at);
    return Uint8Array.from(reply);
  }

  private tck(tdi: 0 | 1): 0 | 1 {
    this.cycles += 1;
    return this.chain.clock(this.tms, tdi);
  }

  /** Execute the command at `at` if it is complete; the bytes it used, or 0. */
  private step(at: number, reply: number[]): number {
    const p = this.pending;
    const have = p.length - at;
    if (have <= 0) return 0;
    const op = p[at] ?? 0;
    const arg = (k: number): number => p[at + k] ?? 0;
    switch (op) {
      case MPSSE.bytesOut:
      case MPSSE.bytesInOut: {
        if (have < 3) return 0;
        const n = arg(1) + arg(2) * 256 + 1;
        if (have < 3 + n) return 0;
        for (let i = 0; i < n; i += 1) {
          const byte = arg(3 + i);
          let inByte = 0;
          for (let k = 0; k < 8; k += 1) inByte |= this.tck(((byte >>> k) & 1) as 0 | 1) << k;
          if (op === MPSSE.bytesInOut) reply.push(inByte);
        }
        return 3 + n;
      }
      case MPSSE.bitsOut:
      case MPSSE.bitsInOut: {
        if (have < 3) return 0;
        const n = arg(1) + 1;
        let inBits = 0;
        for (let k = 0; k < n; k += 1) {
          // Bits enter a read byte from the top, so n bits end in bits 8-n .. 7.
          inBits = (inBits >>> 1) | (this.tck(((arg(2) >>> k) & 1) as 0 | 1) << 7);
        }
        if (op === MPSSE.bitsInOut) reply.push(inBits & 0xff);
        return 3;
      }
      case MPSSE.tmsOut:
      case MPSSE.tmsInOut: {
        if (have < 3) return 0;
        const n = arg(1) + 1;
        const data = arg(2);
        const tdi = ((data >>> 7) & 1) as 0 | 1;
        let inBits = 0;
        for (let k = 0; k < n; k += 1) {
          this.tms = ((data >>> k) & 1) as 0 | 1;
          inBits = (inBits >>> 1) | (this.tck(tdi) << 7);
        }
        if (op === MPSSE.tmsInOut) reply.push(inBits & 0xff);
        return 3;
      }
      case MPSSE.setLow:
        if (have < 3) return 0;
        this.low = { value: arg(1), direction: arg(2) };
        this.tms = ((arg(1) >>> 3) & 1) as 0 | 1; // ADBUS3 is TMS
        return 3;
      case MPSSE.readLow:
        reply.push(this.low.value);
        return 1;
      case MPSSE.setDivisor:
        if (have < 3) return 0;
        this.divisor = arg(1) + arg(2) * 256;
        return 3;
      case MPSSE.clockBits:
        if (have < 2) return 0;
        for (let k = 0; k <= arg(1); k += 1) this.tck(0);
        return 2;
      case MPSSE.clockBytes: {
        if (have < 3) return 0;
        const n = (arg(1) + arg(2) * 256 + 1) * 8;
        for (let k = 0; k < n; k += 1) this.tck(0);
        return 3;
      }
      case MPSSE.divideBy5Off:
      case MPSSE.adaptiveOff:
      case MPSSE.threePhaseOff:
      case MPSSE.loopbackOff:
      case MPSSE.sendImmediate:
        return 1;
      default:
        reply.push(BAD_COMMAND_REPLY, op);
        return 1;
    }
  }
}
