/**
 * The host's JTAG code (MPSSE writer, chain scan, PL addressing) against the virtual FT2232H and
 * the virtual Zynq chain: the bytes a host would send to a board, executed TCK by TCK.
 */
import { describe, expect, it } from 'vitest';
import { numberFromBits } from '../../../src/usb/jtag/bit-vector.ts';
import { parseIdcodeScan, queueIdcodeScan } from '../../../src/usb/jtag/chain-scan.ts';
import { MpsseJtagWriter } from '../../../src/usb/jtag/mpsse-jtag-writer.ts';
import {
  checkZynqChain,
  plBits,
  plData,
  plInstruction,
  PL_INSTRUCTION,
} from '../../../src/usb/jtag/zynq-chain.ts';
import { VirtualMpsse } from '../../../src/usb/virtual/virtual-mpsse.ts';
import { fixedRegister } from '../../../src/usb/virtual/virtual-tap.ts';
import { zynqChain } from '../../../src/usb/virtual/zynq-taps.ts';

/** The virtual chain with a 40-bit USER1 register that captures 0x123456789A. */
function board() {
  let written = -1n;
  const reg = fixedRegister(
    40,
    () => 0x12_3456_789an,
    (v) => (written = v),
  );
  const { chain, pl } = zynqChain({
    status: () => 0b110000, // DONE and INIT
    usercode: () => 0x534c0001,
    register: (i) => (i === PL_INSTRUCTION.USER1 ? reg : null),
  });
  return { mpsse: new VirtualMpsse(chain), pl, written: () => written };
}

function run(mpsse: VirtualMpsse, writer: MpsseJtagWriter): ReturnType<MpsseJtagWriter['decode']> {
  const reply = mpsse.write(writer.commands);
  return writer.decode(reply);
}

describe('JTAG through the virtual FT2232H and Zynq chain', () => {
  it('scans the chain: the PL nearest TDO, then the DAP', () => {
    const { mpsse } = board();
    const writer = new MpsseJtagWriter('test-logic-reset');
    const handle = queueIdcodeScan(writer);
    const bits = run(mpsse, writer).get(handle);
    if (bits === undefined) throw new Error('no bits');
    const devices = parseIdcodeScan(bits);
    expect(devices.map((d) => d.idcode)).toEqual([0x13727093, 0x4ba00477]);
    expect(devices.map((d) => d.irLength)).toEqual([6, 4]);
    expect(() => checkZynqChain(devices)).not.toThrow();
    expect(() => checkZynqChain(devices.slice(0, 1))).toThrow(
      /not a PYNQ-Z2's \(expected the Zynq-7020 PL and its ARM DAP; found Zynq-7020 PL\)/,
    );
  });

  it('reads the IR capture (DONE, INIT) and USERCODE through the bypassed DAP', () => {
    const { mpsse, pl } = board();
    const writer = new MpsseJtagWriter('test-logic-reset');
    writer.reset();
    const capture = plInstruction(writer, PL_INSTRUCTION.USERCODE, true);
    const user = plData(writer, new Uint8Array(5), 32, true);
    const out = run(mpsse, writer);
    expect(numberFromBits(out.get(capture) ?? new Uint8Array(2), 0, 6)).toBe(0b110001);
    expect(numberFromBits(plBits(out.get(user) ?? new Uint8Array(5), 32), 0, 32)).toBe(0x534c0001);
    expect(pl.currentInstruction).toBe(PL_INSTRUCTION.USERCODE);
    expect(pl.state).toBe('run-test-idle');
  });

  it('writes and reads a 40-bit user register in one DR scan, across byte and bit commands', () => {
    const { mpsse, written } = board();
    const writer = new MpsseJtagWriter('test-logic-reset');
    writer.reset();
    plInstruction(writer, PL_INSTRUCTION.USER1, false);
    const value = 0xab_cdef_0123n;
    const tdi = new Uint8Array(6);
    for (let i = 0; i < 5; i += 1) tdi[i] = Number((value >> BigInt(8 * i)) & 0xffn);
    const handle = plData(writer, tdi, 40, true);
    const out = run(mpsse, writer);
    const got = plBits(out.get(handle) ?? new Uint8Array(6), 40);
    expect(numberFromBits(got, 0, 32)).toBe(0x3456789a);
    expect(numberFromBits(got, 32, 8)).toBe(0x12);
    expect(written()).toBe(value);
  });

  it('idle clocks and an unknown command: the chip answers 0xFA and the byte', () => {
    const { mpsse } = board();
    const writer = new MpsseJtagWriter('test-logic-reset');
    writer.idle(120_000);
    const before = mpsse.cycles;
    expect(mpsse.write(writer.commands).length).toBe(0);
    expect(mpsse.cycles - before).toBe(1 + 120_000);
    expect(Array.from(mpsse.write(new Uint8Array([0xaa])))).toEqual([0xfa, 0xaa]);
  });

  it('a command split across two writes runs once it is complete', () => {
    const { mpsse } = board();
    const writer = new MpsseJtagWriter('test-logic-reset');
    writer.reset();
    const capture = plInstruction(writer, PL_INSTRUCTION.IDCODE, true);
    const bytes = writer.commands;
    const first = mpsse.write(bytes.subarray(0, 5));
    const second = mpsse.write(bytes.subarray(5));
    const reply = new Uint8Array([...first, ...second]);
    expect(numberFromBits(writer.decode(reply).get(capture) ?? new Uint8Array(2), 0, 2)).toBe(1);
  });

  it('names a chain that does not answer', () => {
    expect(() => parseIdcodeScan(new Uint8Array(36).fill(0xff))).toThrow(/all ones/);
    expect(() => parseIdcodeScan(new Uint8Array(36))).toThrow(/all zeros/);
  });
});
