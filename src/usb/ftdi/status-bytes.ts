/**
 * Every bulk IN packet of an FT2232H starts with two modem-status bytes (HARDWARE.md); they
 * must be stripped from each packet (512 bytes at high speed), not once per transfer, and an
 * idle chip sends status-only packets, so a reader keeps what it has until it has enough.
 */

/** Packet size of the FT2232H's bulk endpoints at high speed. */
export const HIGH_SPEED_PACKET = 512;

/**
 * The payload of one IN transfer: each `packetSize` chunk loses its first two bytes.
 *
 * @example stripStatus(new Uint8Array([0x32, 0x60, 7, 8])) // Uint8Array [7, 8]
 */
export function stripStatus(transfer: Uint8Array, packetSize = HIGH_SPEED_PACKET): Uint8Array {
  const packets = Math.ceil(transfer.length / packetSize);
  const out = new Uint8Array(Math.max(0, transfer.length - 2 * packets));
  let n = 0;
  for (let start = 0; start < transfer.length; start += packetSize) {
    const payload = transfer.subarray(Math.min(start + 2, transfer.length), start + packetSize);
    out.set(payload, n);
    n += payload.length;
  }
  return out.subarray(0, n);
}

/** Accumulates stripped payloads until a caller takes the bytes it expects. */
export class ReadBuffer {
  private chunks: Uint8Array[] = [];
  private size = 0;

  get available(): number {
    return this.size;
  }

  /** Add one IN transfer as the chip sent it (status bytes included). */
  pushTransfer(transfer: Uint8Array, packetSize = HIGH_SPEED_PACKET): void {
    const payload = stripStatus(transfer, packetSize);
    if (payload.length === 0) return;
    this.chunks.push(payload.slice());
    this.size += payload.length;
  }

  /** Take exactly `n` bytes (n <= available). */
  take(n: number): Uint8Array {
    if (n > this.size) throw new RangeError(`asked for ${n} bytes, ${this.size} are buffered`);
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0];
      if (head === undefined) break;
      const used = Math.min(head.length, n - filled);
      out.set(head.subarray(0, used), filled);
      filled += used;
      if (used === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(used);
    }
    this.size -= n;
    return out;
  }
}
