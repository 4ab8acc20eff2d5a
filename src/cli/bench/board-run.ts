/**
 * The bench's "spikes per second read back through the bridge" (issue 9, "Speed"): the host's
 * real board run (`runOnCore`) of the hardware example over the whole virtual
 * stack (USB framing, MPSSE, JTAG, the bridge model, the virtual core), measured in Node; and,
 * from the TCK cycles and USB round trips that same run counted, the modelled rate at 6, 15 and
 * 30 MHz TCK on a board. Neither is a measurement on a board.
 */
import { readFile } from 'node:fs/promises';
import { parseDocumentJson } from '../../model/index.ts';
import { BoardConnection } from '../../usb/board/board-connection.ts';
import { coreLoadWrites } from '../../hdl/core-memory-map.ts';
import { prepareBoardRun, readCapacity, runOnCore } from '../../usb/board/core-run.ts';
import { JtagBridge } from '../../usb/board/jtag-bridge.ts';
import { READ_ROUND_TRIP_MS } from '../../usb/board/upload-model.ts';
import { spikelabVirtualBoard } from '../../usb/virtual/spikelab-board.ts';
import { VirtualUsbDevice } from '../../usb/virtual/virtual-usb-device.ts';
import { checkBitstream } from '../../usb/xilinx7/check-bitstream.ts';
import { testBitstream } from '../../usb/xilinx7/test-bitstream.ts';

/** The network: the gallery's fixed-point example for the FPGA. */
export const BOARD_RUN_EXAMPLE = 'fixed-point-hw.json';
const TCK_MHZ = [6, 15, 30] as const;

export interface BoardRunBench {
  network: string;
  steps: number;
  spikes: number;
  /** Bridge frames of the run (RUN, STATUS, counts, entries, flush NOPs). */
  frames: number;
  /** USB round trips of the run (every bridge batch reads its replies). */
  round_trips: number;
  tck_cycles: number;
  /** Measured: spikes read back per second of the run on the virtual board, in Node. */
  virtual_spikes_per_s: number;
  /** Modelled on a board: spikes / (TCK cycles / f + round trips x the latency timer). */
  modelled_spikes_per_s: { tck_mhz: number; spikes_per_s: number }[];
}

/** Runs the example on the virtual board with the real host code and counts its traffic. */
export async function benchBoardRun(): Promise<BoardRunBench> {
  const url = new URL(`../../../public/examples/${BOARD_RUN_EXAMPLE}`, import.meta.url);
  const parsed = parseDocumentJson(await readFile(url, 'utf8'));
  if (!parsed.ok) throw new Error(`${BOARD_RUN_EXAMPLE} is not a valid network document`);
  const prepared = prepareBoardRun(parsed.document);
  const options = spikelabVirtualBoard();
  const device = new VirtualUsbDevice(options);
  const board = await BoardConnection.open(device, { tckHz: 30e6 });
  try {
    await board.upload(checkBitstream(testBitstream({ frameWords: 64 })));
    const bridge = new JtagBridge(board.session);
    const capacity = await readCapacity(bridge);
    // The load is not what is measured: its words go straight into the configured core (about
    // 1 s less over the software USB), and only the run crosses the whole stack.
    const core = options.core();
    for (const w of coreLoadWrites(prepared.layout.images, capacity)) core.write(w.address, w.data);
    const cycles = device.board.mpsse.cycles;
    const batches = board.session.batches;
    const run = await runOnCore(bridge, prepared.layout, capacity, { steps: prepared.steps });
    const tck = device.board.mpsse.cycles - cycles;
    const trips = board.session.batches - batches;
    return {
      network: BOARD_RUN_EXAMPLE,
      steps: run.steps,
      spikes: run.spikes.length,
      frames: run.frames,
      round_trips: trips,
      tck_cycles: tck,
      virtual_spikes_per_s: run.spikesPerSecond,
      modelled_spikes_per_s: TCK_MHZ.map((mhz) => ({
        tck_mhz: mhz,
        spikes_per_s: run.spikes.length / (tck / (mhz * 1e6) + (trips * READ_ROUND_TRIP_MS) / 1000),
      })),
    };
  } finally {
    await board.close();
  }
}

export function renderBoardRunLines(r: BoardRunBench): string[] {
  const modelled = r.modelled_spikes_per_s
    .map((m) => `${m.tck_mhz} MHz ${Math.round(m.spikes_per_s).toLocaleString('en-US')}`)
    .join(', ');
  return [
    `  spikes per second read back through the bridge (${r.network}, ${r.steps} steps, ${r.spikes} spikes, ${r.frames.toLocaleString('en-US')} frames, ${r.round_trips} round trips, ${r.tck_cycles.toLocaleString('en-US')} TCK):`,
    `    measured on the virtual board (the host's real code in Node, software FT2232H, JTAG and core): ${Math.round(r.virtual_spikes_per_s).toLocaleString('en-US')} spikes/s`,
    `    modelled on a board from the counted TCKs and round trips (${READ_ROUND_TRIP_MS} ms each): ${modelled} spikes/s`,
  ];
}
