/**
 * FT2232H MPSSE command bytes (FTDI AN_108; HARDWARE.md, "FT2232H in MPSSE mode"), for JTAG:
 * data is clocked out on TCK's falling edge and TDO read on the rising edge, least significant
 * bit first (flags 0x01 | 0x08, plus 0x10 write TDI, 0x20 read TDO, 0x02 bits, 0x40 TMS). Each
 * function returns the bytes of one command; the JTAG layer batches them into large transfers.
 */

const FLAG = {
  writeFalling: 0x01,
  bits: 0x02,
  lsbFirst: 0x08,
  writeTdi: 0x10,
  readTdo: 0x20,
  writeTms: 0x40,
} as const;

/** The command opcodes used here. */
export const MPSSE = {
  /** 0x19: bytes out on TDI. */
  bytesOut: FLAG.writeTdi | FLAG.lsbFirst | FLAG.writeFalling,
  /** 0x39: bytes out on TDI, TDO in. */
  bytesInOut: FLAG.readTdo | FLAG.writeTdi | FLAG.lsbFirst | FLAG.writeFalling,
  /** 0x1B: 1-8 bits out. */
  bitsOut: FLAG.writeTdi | FLAG.lsbFirst | FLAG.bits | FLAG.writeFalling,
  /** 0x3B: 1-8 bits out and in. */
  bitsInOut: FLAG.readTdo | FLAG.writeTdi | FLAG.lsbFirst | FLAG.bits | FLAG.writeFalling,
  /** 0x4B: 1-7 TMS bits, TDI held at bit 7. */
  tmsOut: FLAG.writeTms | FLAG.lsbFirst | FLAG.bits | FLAG.writeFalling,
  /** 0x6B: 1-7 TMS bits and TDO in. */
  tmsInOut: FLAG.writeTms | FLAG.readTdo | FLAG.lsbFirst | FLAG.bits | FLAG.writeFalling,
  setLow: 0x80,
  readLow: 0x81,
  loopbackOff: 0x85,
  setDivisor: 0x86,
  sendImmediate: 0x87,
  divideBy5Off: 0x8a,
  threePhaseOff: 0x8d,
  clockBits: 0x8e,
  clockBytes: 0x8f,
  adaptiveOff: 0x97,
  /** Not a command: the chip answers 0xFA then this byte, which is how a host synchronises. */
  bogus: 0xaa,
} as const;

/** The chip's answer to a command it does not know: 0xFA, then the command byte. */
export const BAD_COMMAND_REPLY = 0xfa;

/** Largest byte-mode transfer of one command. */
export const MAX_BYTES_PER_COMMAND = 65536;

/** The MPSSE master clock with divide-by-5 off. */
const BASE_HZ = 60_000_000;

/** TCK for a divisor: 60 MHz / ((1 + divisor) * 2). */
export function tckHz(divisor: number): number {
  return BASE_HZ / ((1 + divisor) * 2);
}

/**
 * The smallest divisor whose TCK does not exceed `hz` (30 MHz at most, 458 Hz at least).
 *
 * @example divisorFor(6_000_000) // 4 (6 MHz exactly)
 */
export function divisorFor(hz: number): number {
  if (!(hz > 0)) throw new RangeError(`TCK must be a positive frequency, not ${hz}`);
  const divisor = Math.max(0, Math.ceil(BASE_HZ / (2 * hz) - 1));
  return Math.min(0xffff, divisor);
}

const lengthBytes = (n: number): [number, number] => [(n - 1) & 0xff, ((n - 1) >>> 8) & 0xff];

function checkCount(n: number, max: number, what: string): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new RangeError(`${what}: ${n} is outside 1..${max}`);
  }
}

/** Clock set-up: divide-by-5 off, adaptive off, 3-phase off, then the divisor. */
export function clockSetup(divisor: number): number[] {
  return [
    MPSSE.divideBy5Off,
    MPSSE.adaptiveOff,
    MPSSE.threePhaseOff,
    MPSSE.setDivisor,
    divisor & 0xff,
    (divisor >>> 8) & 0xff,
  ];
}

/** Set the low GPIO byte: value and direction (1 = output). */
export function setLowByte(value: number, direction: number): number[] {
  return [MPSSE.setLow, value & 0xff, direction & 0xff];
}

/** Shift whole bytes on TDI (1..65536), reading TDO when `read`. */
export function shiftBytes(data: Uint8Array, read: boolean): number[] {
  checkCount(data.length, MAX_BYTES_PER_COMMAND, 'bytes in one MPSSE command');
  const out = [read ? MPSSE.bytesInOut : MPSSE.bytesOut, ...lengthBytes(data.length)];
  for (const b of data) out.push(b); // no spread: up to 64 KiB
  return out;
}

/** Shift the low `count` bits (1..8) of `value` on TDI; a read answers one byte, top-aligned. */
export function shiftBits(value: number, count: number, read: boolean): number[] {
  checkCount(count, 8, 'bits in one MPSSE command');
  return [read ? MPSSE.bitsInOut : MPSSE.bitsOut, count - 1, value & 0xff];
}

/**
 * Clock `count` (1..7) TMS bits from `tms` (LSB first) with TDI held at `tdi`; with `read`, TDO
 * of each clock comes back in one byte, top-aligned.
 */
export function clockTms(tms: number, count: number, tdi: 0 | 1, read: boolean): number[] {
  checkCount(count, 7, 'TMS bits in one MPSSE command');
  return [read ? MPSSE.tmsInOut : MPSSE.tmsOut, count - 1, (tms & 0x7f) | (tdi << 7)];
}

/** Clock TCK `count` times with no data (TMS and TDI held): Run-Test/Idle waits. */
export function clockCycles(count: number): number[] {
  const out: number[] = [];
  let left = count;
  // 0x8F clocks 8 * (n + 1) cycles for n up to 65535; 0x8E clocks 1..8.
  while (left >= 8) {
    const bytes = Math.min(65536, Math.floor(left / 8));
    out.push(MPSSE.clockBytes, ...lengthBytes(bytes));
    left -= bytes * 8;
  }
  if (left > 0) out.push(MPSSE.clockBits, left - 1);
  return out;
}

/** A bit-mode read answers with its bits in the top of the byte: bring them down. */
export function alignReadBits(byte: number, count: number): number {
  return (byte >>> (8 - count)) & ((1 << count) - 1);
}
