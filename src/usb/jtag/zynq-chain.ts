/**
 * Addressing the Zynq's PL TAP on the PYNQ-Z2 chain (TDI -> ARM DAP -> PL -> TDO; HARDWARE.md):
 * an IR scan shifts the PL's 6 bits then 4 ones (BYPASS for the DAP); a DR scan shifts the PL's
 * bits then one pad bit for the bypassed DAP, and TDO gives the PL's bits first.
 */
import { PL_IR_BITS, PL_USER_IR } from '../../hdl/bridge-jtag.ts';
import { bitVector, getBit, setBit } from './bit-vector.ts';
import type { ChainDevice } from './chain-scan.ts';
import type { MpsseJtagWriter, ShiftHandle } from './mpsse-jtag-writer.ts';
import type { TapState } from './tap-state.ts';

/** The PL TAP's instruction length: the bridge protocol's (src/hdl/bridge-jtag.ts), one value. */
export const PL_IR_LENGTH = PL_IR_BITS;
export const DAP_IR_LENGTH = 4;

/** The PL's 6-bit instructions used by Spikelab (UG470, HARDWARE.md). */
export const PL_INSTRUCTION = {
  USER1: PL_USER_IR[1],
  USER2: PL_USER_IR[2],
  USER3: PL_USER_IR[3],
  USER4: PL_USER_IR[4],
  CFG_OUT: 0x04,
  CFG_IN: 0x05,
  USERCODE: 0x08,
  IDCODE: 0x09,
  JPROGRAM: 0x0b,
  JSTART: 0x0c,
  JSHUTDOWN: 0x0d,
  ISC_NOOP: 0x14,
  BYPASS: 0x3f,
} as const;

/** The IR capture's status bits (bits 1:0 are always 01). */
export const IR_CAPTURE = { done: 1 << 5, init: 1 << 4, iscEnabled: 1 << 3, iscDone: 1 << 2 };

/**
 * Check a scanned chain is a PYNQ-Z2's: the PL nearest TDO, the DAP after it.
 *
 * @throws Error naming what was found instead.
 */
export function checkZynqChain(devices: readonly ChainDevice[]): void {
  const names = devices.map((d) => d.name).join(', ');
  const [pl, dap] = devices;
  if (devices.length !== 2 || pl?.irLength !== PL_IR_LENGTH || dap?.irLength !== DAP_IR_LENGTH) {
    throw new Error(
      `this JTAG chain is not a PYNQ-Z2's (expected the Zynq-7020 PL and its ARM DAP; found ${names || 'nothing'})`,
    );
  }
}

/** Shift `instruction` into the PL (the DAP gets BYPASS); with `read`, the PL's capture bits. */
export function plInstruction(
  writer: MpsseJtagWriter,
  instruction: number,
  read: boolean,
  end: TapState = 'run-test-idle',
): ShiftHandle {
  const bits = bitVector(PL_IR_LENGTH + DAP_IR_LENGTH);
  for (let i = 0; i < PL_IR_LENGTH; i += 1) setBit(bits, i, ((instruction >>> i) & 1) as 0 | 1);
  for (let i = 0; i < DAP_IR_LENGTH; i += 1) setBit(bits, PL_IR_LENGTH + i, 1);
  return writer.shift('ir', bits, PL_IR_LENGTH + DAP_IR_LENGTH, read, end);
}

/** Shift `length` bits through the PL's selected DR, plus the DAP's pad bit. */
export function plData(
  writer: MpsseJtagWriter,
  bits: Uint8Array,
  length: number,
  read: boolean,
  end: TapState = 'run-test-idle',
): ShiftHandle {
  const padded = bitVector(length + 1);
  padded.set(bits.subarray(0, Math.ceil(length / 8)));
  setBit(padded, length, 0);
  return writer.shift('dr', padded, length + 1, read, end);
}

/** The PL's own `length` bits of a `plData` read (the pad bit dropped). */
export function plBits(tdo: Uint8Array, length: number): Uint8Array {
  const out = bitVector(length);
  for (let i = 0; i < length; i += 1) setBit(out, i, getBit(tdo, i));
  return out;
}
