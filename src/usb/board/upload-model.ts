/**
 * What an upload costs on the wire, from the host's real command stream (issue 9's bench):
 * `programBitstream` runs over a link that executes the MPSSE bytes on a TCK counter (TDO reads
 * 1, so INIT and DONE are seen at once), counting bytes sent, USB round trips and TCK cycles.
 * The time at a TCK frequency is then modelled, with the USB costs stated as assumptions.
 */
import { JtagSession, type MpsseLink } from '../jtag/jtag-session.ts';
import { VirtualMpsse } from '../virtual/virtual-mpsse.ts';
import type { CheckedBitstream } from '../xilinx7/check-bitstream.ts';
import { programBitstream } from '../xilinx7/program.ts';

/** A batch that reads waits for the FT2232H's latency timer (set to 2 ms by `FtdiMpsse`). */
export const READ_ROUND_TRIP_MS = 2;
/** A write-only batch costs about one high-speed microframe beyond its TCK time. */
export const WRITE_ROUND_TRIP_MS = 0.125;

export interface UploadTraffic {
  readonly dataBytes: number;
  /** MPSSE bytes the host sends for the whole configuration. */
  readonly bytesOut: number;
  readonly readBatches: number;
  readonly writeBatches: number;
  readonly tckCycles: number;
}

/** Count the traffic of configuring `bitstream` (chunk size as the real upload uses). */
export async function uploadTraffic(
  bitstream: CheckedBitstream,
  chunkBytes = 65536,
): Promise<UploadTraffic> {
  const mpsse = new VirtualMpsse({ clock: () => 1 });
  let bytesOut = 0;
  let readBatches = 0;
  let writeBatches = 0;
  const link: MpsseLink = {
    exchange: (commands, replyBytes) => {
      bytesOut += commands.length;
      if (replyBytes > 0) readBatches += 1;
      else writeBatches += 1;
      return Promise.resolve(mpsse.write(commands));
    },
  };
  await programBitstream(new JtagSession(link), bitstream, { chunkBytes });
  return {
    dataBytes: bitstream.file.data.length,
    bytesOut,
    readBatches,
    writeBatches,
    tckCycles: mpsse.cycles,
  };
}

/** Modelled seconds at `tckHz`: the TCK time plus the round trips' USB time. */
export function modelledSeconds(traffic: UploadTraffic, tckHz: number): number {
  const usbMs =
    traffic.readBatches * READ_ROUND_TRIP_MS + traffic.writeBatches * WRITE_ROUND_TRIP_MS;
  return traffic.tckCycles / tckHz + usbMs / 1000;
}
