/**
 * Chain discovery: after Test-Logic-Reset every TAP selects IDCODE (or BYPASS when it has
 * none), so shifting ones through DR reads the devices from the TDO end: a 1 in bit 0 starts a
 * 32-bit IDCODE, a 0 is a 1-bit BYPASS register, and the ones shifted in come out once every
 * device has been read. IR lengths are not discoverable reliably from captures alone, so they
 * come from a table of the parts Spikelab knows (HARDWARE.md).
 */
import { getBit, numberFromBits, onesVector } from './bit-vector.ts';
import type { MpsseJtagWriter, ShiftHandle } from './mpsse-jtag-writer.ts';

/** Parts on the PYNQ-Z2's chain, by IDCODE with the revision nibble cleared. */
export const KNOWN_TAPS: readonly { idcode: number; irLength: number; name: string }[] = [
  { idcode: 0x0ba00477, irLength: 4, name: 'ARM DAP (Zynq PS)' },
  { idcode: 0x03727093, irLength: 6, name: 'Zynq-7020 PL' },
];

export interface ChainDevice {
  /** The IDCODE as read, or null for a device that selected BYPASS. */
  readonly idcode: number | null;
  readonly name: string;
  readonly irLength: number | null;
}

/** Devices read at most; a longer run of data means a broken chain (TDO stuck). */
export const MAX_CHAIN_DEVICES = 8;

/** Queue the IDCODE read; decode its bits with `parseIdcodeScan`. */
export function queueIdcodeScan(writer: MpsseJtagWriter): ShiftHandle {
  writer.reset();
  const length = 32 * (MAX_CHAIN_DEVICES + 1);
  return writer.shift('dr', onesVector(length), length, true);
}

/**
 * The devices from the TDO end (the first listed is nearest TDO).
 *
 * @throws Error naming the problem: TDO stuck at 0 or at 1 (no device answers), or no end of
 *   chain within `MAX_CHAIN_DEVICES` devices.
 */
export function parseIdcodeScan(bits: Uint8Array): ChainDevice[] {
  const length = 32 * (MAX_CHAIN_DEVICES + 1);
  const devices: ChainDevice[] = [];
  let at = 0;
  while (at + 32 <= length) {
    if (getBit(bits, at) === 0) {
      devices.push({ idcode: null, name: 'device in BYPASS', irLength: null });
      at += 1;
    } else {
      const idcode = numberFromBits(bits, at, 32);
      if (idcode === 0xffffffff) {
        if (devices.length === 0) {
          throw new Error('no JTAG device answered: TDO reads all ones (is the board powered?)');
        }
        return devices;
      }
      const known = KNOWN_TAPS.find((t) => t.idcode === (idcode & 0x0fffffff) >>> 0);
      devices.push({
        idcode,
        name: known?.name ?? `unknown part 0x${idcode.toString(16).padStart(8, '0')}`,
        irLength: known?.irLength ?? null,
      });
      at += 32;
    }
    if (devices.length > MAX_CHAIN_DEVICES) break;
  }
  if (devices.every((d) => d.idcode === null)) {
    throw new Error('no JTAG device answered: TDO reads all zeros (is the cable connected?)');
  }
  throw new Error(`the JTAG chain did not end within ${MAX_CHAIN_DEVICES} devices`);
}
