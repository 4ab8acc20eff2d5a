/**
 * The 7-series configuration CRC (prjxray, `xc7series/crc.h`; HARDWARE.md): CRC-32C
 * (Castagnoli, reflected polynomial 0x82F63B78) over each register write, 37 bits at a time:
 * the 5-bit register address above the 32-bit word, least significant bit first. The engine
 * starts at 0 and returns to 0 on an RCRC command; a write to the CRC register compares.
 */

const POLY = 0x82f63b78;

/**
 * Extend a reflected CRC-32C with the low `count` bits of `value` (at most 32), least
 * significant first: the plain CRC-32C of a byte string when fed 8 bits per byte.
 */
export function crc32cBits(crc: number, value: number, count: number): number {
  let c = crc >>> 0;
  for (let i = 0; i < count; i += 1) {
    // The reflected form: XOR with the polynomial when the bit out differs from the bit in.
    c = (c & 1) !== ((value >>> i) & 1) ? ((c >>> 1) ^ POLY) >>> 0 : c >>> 1;
  }
  return c;
}

/**
 * Extend `crc` with one write of `data` to register `address`.
 *
 * @example configCrc(0, 0x0c, 0x03727093) // the CRC after the IDCODE write from reset
 */
export function configCrc(crc: number, address: number, data: number): number {
  return crc32cBits(crc32cBits(crc, data, 32), address, 5);
}
