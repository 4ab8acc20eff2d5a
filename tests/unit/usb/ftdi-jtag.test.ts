/**
 * MPSSE command bytes against sequences worked out by hand from FTDI AN_108, status-byte
 * stripping across packet boundaries, and the TAP controller's transitions and paths.
 */
import { describe, expect, it } from 'vitest';
import {
  alignReadBits,
  clockCycles,
  clockSetup,
  clockTms,
  divisorFor,
  setLowByte,
  shiftBits,
  shiftBytes,
  tckHz,
} from '../../../src/usb/ftdi/mpsse-commands.ts';
import { ReadBuffer, stripStatus } from '../../../src/usb/ftdi/status-bytes.ts';
import {
  nextTapState,
  RESET_TMS,
  TAP_STATES,
  tmsPath,
  type TapState,
} from '../../../src/usb/jtag/tap-state.ts';

describe('MPSSE commands (AN_108)', () => {
  it('clock: 6 MHz is divisor 4; 30 MHz is 0; the set-up sequence', () => {
    expect(divisorFor(6_000_000)).toBe(4);
    expect(tckHz(4)).toBe(6_000_000);
    expect(divisorFor(30_000_000)).toBe(0);
    expect(divisorFor(100_000_000)).toBe(0);
    expect(divisorFor(15_000_000)).toBe(1);
    expect(tckHz(divisorFor(7_000_000))).toBeLessThanOrEqual(7_000_000); // 5 MHz, divisor 5
    expect(divisorFor(1)).toBe(0xffff);
    expect(() => divisorFor(0)).toThrow(/positive frequency/);
    // 0x8A divide-by-5 off, 0x97 adaptive off, 0x8D 3-phase off, 0x86 0x0004.
    expect(clockSetup(4)).toEqual([0x8a, 0x97, 0x8d, 0x86, 0x04, 0x00]);
    expect(clockSetup(0x1234)).toEqual([0x8a, 0x97, 0x8d, 0x86, 0x34, 0x12]);
  });

  it("GPIO: the PYNQ-Z2's low byte 0x08 with direction 0x0B", () => {
    expect(setLowByte(0x08, 0x0b)).toEqual([0x80, 0x08, 0x0b]);
  });

  it('bytes out (0x19) and in/out (0x39): length - 1, little-endian', () => {
    expect(shiftBytes(new Uint8Array([0xde, 0xad]), false)).toEqual([0x19, 0x01, 0x00, 0xde, 0xad]);
    const big = shiftBytes(new Uint8Array(300), true);
    expect(big.slice(0, 3)).toEqual([0x39, 0x2b, 0x01]); // 299 = 0x012B
    expect(big.length).toBe(303);
    expect(() => shiftBytes(new Uint8Array(0), false)).toThrow(/0 is outside 1..65536/);
  });

  it('bits (0x1B / 0x3B) and TMS (0x4B / 0x6B, TDI in bit 7)', () => {
    expect(shiftBits(0b101, 3, false)).toEqual([0x1b, 0x02, 0x05]);
    expect(shiftBits(0xff, 8, true)).toEqual([0x3b, 0x07, 0xff]);
    // Five ones to Test-Logic-Reset, TDI low.
    expect(clockTms(0b11111, 5, 0, false)).toEqual([0x4b, 0x04, 0x1f]);
    // Exit1 -> Update -> Idle with TDI high and TDO read: TMS 1, 0, TDI held 1.
    expect(clockTms(0b01, 2, 1, true)).toEqual([0x6b, 0x01, 0x81]);
    expect(() => clockTms(0, 8, 0, false)).toThrow(/outside 1..7/);
  });

  it('idle clocks: 0x8F for whole bytes, 0x8E for the rest', () => {
    expect(clockCycles(8)).toEqual([0x8f, 0x00, 0x00]);
    expect(clockCycles(3)).toEqual([0x8e, 0x02]);
    // 120,000 = 8 * 15,000: one 0x8F with 14,999 = 0x3A97.
    expect(clockCycles(120_000)).toEqual([0x8f, 0x97, 0x3a]);
    expect(clockCycles(2_000 + 5)).toEqual([0x8f, 0xf9, 0x00, 0x8e, 0x04]);
    // Above 524,288 it splits: 75,000 bytes = 65,536 (0xFFFF) + 9,464 (9,463 = 0x24F7).
    expect(clockCycles(600_000)).toEqual([0x8f, 0xff, 0xff, 0x8f, 0xf7, 0x24]);
  });

  it('a bit-mode read arrives top-aligned', () => {
    expect(alignReadBits(0b1010_0000, 3)).toBe(0b101);
    expect(alignReadBits(0xff, 8)).toBe(0xff);
  });
});

describe('modem-status bytes', () => {
  it('are stripped from every 512-byte packet of a transfer, not once', () => {
    const transfer = new Uint8Array(512 + 512 + 10);
    transfer.forEach((_, i) => (transfer[i] = i & 0xff));
    const payload = stripStatus(transfer);
    expect(payload.length).toBe(510 + 510 + 8);
    expect(payload[0]).toBe(2);
    expect(payload[509]).toBe(511 & 0xff);
    expect(payload[510]).toBe((512 + 2) & 0xff); // the second packet's first data byte
    expect(payload[1020]).toBe((1024 + 2) & 0xff);
  });

  it('status-only packets give nothing; the buffer joins payloads across transfers', () => {
    const buffer = new ReadBuffer();
    buffer.pushTransfer(new Uint8Array([0x32, 0x60]));
    expect(buffer.available).toBe(0);
    buffer.pushTransfer(new Uint8Array([0x32, 0x60, 1, 2, 3]));
    buffer.pushTransfer(new Uint8Array([0x32, 0x60, 4]));
    expect(Array.from(buffer.take(2))).toEqual([1, 2]);
    expect(Array.from(buffer.take(2))).toEqual([3, 4]);
    expect(() => buffer.take(1)).toThrow(/asked for 1 bytes, 0 are buffered/);
  });
});

describe('TAP controller', () => {
  it('reaches Test-Logic-Reset from every state with five TMS ones', () => {
    for (const start of TAP_STATES) {
      let s: TapState = start;
      for (let i = 0; i < 5; i += 1) s = nextTapState(s, 1);
      expect(s).toBe('test-logic-reset');
    }
    expect(RESET_TMS.length).toBeGreaterThanOrEqual(5);
  });

  it('gives the conventional paths', () => {
    expect(tmsPath('test-logic-reset', 'run-test-idle')).toEqual([0]);
    expect(tmsPath('run-test-idle', 'shift-dr')).toEqual([1, 0, 0]);
    expect(tmsPath('run-test-idle', 'shift-ir')).toEqual([1, 1, 0, 0]);
    expect(tmsPath('exit1-dr', 'run-test-idle')).toEqual([1, 0]);
    expect(tmsPath('exit1-ir', 'shift-dr')).toEqual([1, 1, 0, 0]);
    expect(tmsPath('shift-dr', 'shift-dr')).toEqual([]);
  });

  it('every path from every state to every state ends where it says', () => {
    for (const from of TAP_STATES) {
      for (const to of TAP_STATES) {
        const path = tmsPath(from, to);
        expect(path.reduce<TapState>((s, tms) => nextTapState(s, tms), from)).toBe(to);
      }
    }
  });
});
