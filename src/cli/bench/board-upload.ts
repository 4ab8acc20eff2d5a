/**
 * The bench's board section (issue 9, "Speed"): what configuring a full xc7z020 costs over
 * USB, from the host's real command stream: MPSSE bytes per bitstream byte, USB round trips,
 * and the modelled upload time at 6, 15 and 30 MHz TCK beside openFPGALoader's 5.4 s floor at
 * its default 6 MHz (HARDWARE.md). The bitstream is a synthetic one of the full part's size.
 * Then the spikes per second a board run reads back through the bridge (`board-run.ts`).
 */
import {
  modelledSeconds,
  READ_ROUND_TRIP_MS,
  uploadTraffic,
  WRITE_ROUND_TRIP_MS,
} from '../../usb/board/upload-model.ts';
import { checkBitstream } from '../../usb/xilinx7/check-bitstream.ts';
import { benchBoardRun, type BoardRunBench, renderBoardRunLines } from './board-run.ts';
import { testBitstream } from '../../usb/xilinx7/test-bitstream.ts';

/** Configuration data of a full xc7z020 bitstream (U-Boot include/zynqpl.h; HARDWARE.md). */
export const XC7Z020_DATA_BYTES = 4_045_564;
/** openFPGALoader's time for it at its default 6 MHz TCK (the bits alone). */
const OPENFPGALOADER_FLOOR_S = 5.4;
const TCK_MHZ = [6, 15, 30] as const;

export interface BoardUploadReport {
  data_bytes: number;
  mpsse_bytes: number;
  overhead_percent: number;
  read_round_trips: number;
  write_round_trips: number;
  tck_cycles: number;
  modelled_s: { tck_mhz: number; seconds: number }[];
  openfpgaloader_floor_s_at_6_mhz: number;
  assumptions: string;
  /** Bench wall time of counting the stream, ms. */
  measured_in_ms: number;
  /** The board run's read-back rate (`board-run.ts`): measured virtually, modelled on a board. */
  spikes_per_s_through_bridge: BoardRunBench;
}

/** A synthetic bitstream whose configuration data is the full part's size. */
function fullSizeBitstream(): Uint8Array {
  const probe = checkBitstream(testBitstream({ frameWords: 3000 })).file.data.length;
  const overheadWords = probe / 4 - 3000;
  return testBitstream({ frameWords: XC7Z020_DATA_BYTES / 4 - overheadWords });
}

export async function benchBoardUpload(): Promise<BoardUploadReport> {
  const started = performance.now();
  const bitstream = checkBitstream(fullSizeBitstream());
  const traffic = await uploadTraffic(bitstream);
  return {
    data_bytes: traffic.dataBytes,
    mpsse_bytes: traffic.bytesOut,
    overhead_percent: (100 * (traffic.bytesOut - traffic.dataBytes)) / traffic.dataBytes,
    read_round_trips: traffic.readBatches,
    write_round_trips: traffic.writeBatches,
    tck_cycles: traffic.tckCycles,
    modelled_s: TCK_MHZ.map((mhz) => ({
      tck_mhz: mhz,
      seconds: modelledSeconds(traffic, mhz * 1e6),
    })),
    openfpgaloader_floor_s_at_6_mhz: OPENFPGALOADER_FLOOR_S,
    assumptions: `TCK cycles / f, plus ${READ_ROUND_TRIP_MS} ms per batch that reads (the FT2232H's latency timer) and ${WRITE_ROUND_TRIP_MS} ms per write-only batch (one USB microframe); not measured on a board`,
    measured_in_ms: performance.now() - started,
    spikes_per_s_through_bridge: await benchBoardRun(),
  };
}

export function renderBoardUploadSection(r: BoardUploadReport): string[] {
  const times = r.modelled_s.map((m) => `${m.tck_mhz} MHz ${m.seconds.toFixed(2)} s`).join(', ');
  return [
    'Board upload (issue 9): a full xc7z020 bitstream through the host code, counted',
    `  configuration data ${r.data_bytes.toLocaleString('en-US')} bytes; MPSSE bytes sent ${r.mpsse_bytes.toLocaleString('en-US')} (${r.overhead_percent.toFixed(3)} % overhead; goal < 1 %)`,
    `  USB round trips: ${r.read_round_trips} that read, ${r.write_round_trips} write-only; TCK cycles ${r.tck_cycles.toLocaleString('en-US')}`,
    `  modelled upload time: ${times}; openFPGALoader at 6 MHz: ${r.openfpgaloader_floor_s_at_6_mhz} s (its floor)`,
    `  model: ${r.assumptions}`,
    ...renderBoardRunLines(r.spikes_per_s_through_bridge),
  ];
}
