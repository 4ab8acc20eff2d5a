/**
 * The demo board end to end over the host's real stack: `VirtualUsbDevice` with
 * `spikelabVirtualBoard` (FT2232H framing, MPSSE, the Zynq chain, the configuration engine),
 * `BoardConnection.open`, an upload of a test bitstream, the USERCODE naming a Spikelab core,
 * then `JtagBridge` frames on USER1 reach the virtual core: the bridge ID, the capacity words
 * (the board build's), a network loaded and run, its spikes read back equal to the engine's.
 * A new upload and a replug each start with an empty core, as a real FPGA does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOARD_CAPACITY } from '../../../src/hdl/board-capacity.ts';
import { BRIDGE_REGISTERS } from '../../../src/hdl/bridge-protocol.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { layoutCore } from '../../../src/hdl/core-images.ts';
import { CAPACITY_WORDS, coreAddress, coreLoadWrites } from '../../../src/hdl/core-memory-map.ts';
import { compareSpikes, type SpikeEvent } from '../../../src/hdl/spike-equivalence.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { BoardConnection } from '../../../src/usb/board/board-connection.ts';
import { JtagBridge } from '../../../src/usb/board/jtag-bridge.ts';
import { SPIKELAB_USERCODE } from '../../../src/usb/board/usercode.ts';
import {
  DEMO_BOARD_CAPACITY,
  spikelabDemoDevice,
  spikelabVirtualBoard,
} from '../../../src/usb/virtual/spikelab-board.ts';
import { VirtualUsbDevice } from '../../../src/usb/virtual/virtual-usb-device.ts';
import { checkBitstream } from '../../../src/usb/xilinx7/check-bitstream.ts';
import { testBitstream } from '../../../src/usb/xilinx7/test-bitstream.ts';
import { engineRecord } from '../../hdl/core-cosim.ts';
import { engineSpikes } from './virtual-core-run.ts';

const bit = checkBitstream(testBitstream({ frameWords: 256 }));
const c = DEMO_BOARD_CAPACITY;

async function connectAndUpload(device: VirtualUsbDevice) {
  const connection = await BoardConnection.open(device, { tckHz: 30_000_000 });
  await connection.upload(bit);
  return { connection, bridge: new JtagBridge(connection.session) };
}

describe('the demo board over the virtual USB stack', () => {
  it('after an upload USER1 is the bridge to a core of the board capacity', async () => {
    expect(DEMO_BOARD_CAPACITY).toEqual(BOARD_CAPACITY);
    const device = spikelabDemoDevice();
    const { connection, bridge } = await connectAndUpload(device);
    const status = await connection.status();
    expect(status.usercode).toBe(SPIKELAB_USERCODE);
    expect(status.identity.kind).toBe('spikelab');
    expect(await bridge.read(BRIDGE_REGISTERS.id)).toBe(0x534c0001);
    const words = await bridge.execute(
      CAPACITY_WORDS.map((_, i) => ({
        op: 'read' as const,
        address: coreAddress('capacity', i, c),
      })),
    );
    expect(words.map((w) => w.data)).toEqual(
      CAPACITY_WORDS.map((name) =>
        name === 'LOIHI' || name === 'ONLINE_O1' ? 1 : (BOARD_CAPACITY[name] ?? 0),
      ),
    );
    await connection.close();
  });

  it("loads loihi.json, runs it in DMAX chunks and reads back the engine's spikes", async () => {
    const parsed = parseDocumentJson(readFileSync('public/examples/loihi.json', 'utf8'));
    if (!parsed.ok) throw new Error('loihi.json does not validate');
    const plan = compile(parsed.document);
    const layout = layoutCore(plan);
    const { connection, bridge } = await connectAndUpload(spikelabDemoDevice());
    await bridge.execute(coreLoadWrites(layout.images, c));
    const spikes: SpikeEvent[] = [];
    for (let start = 0; start < plan.totalSteps; start += c.DMAX) {
      const n = Math.min(c.DMAX, plan.totalSteps - start);
      await bridge.execute([{ op: 'run', steps: n }]);
      for (let step = start; step < start + n; step++) {
        const slot = step % c.DMAX;
        for (let p = 0; p < plan.populations.length; p++) {
          const count = await bridge.read(coreAddress('spike_count', slot * c.POPMAX + p, c));
          const base = layout.bases[p] ?? 0;
          const reads = Array.from({ length: count }, (_, k) => ({
            op: 'read' as const,
            address: coreAddress('spike_list', slot * c.NMAX + base + k, c),
          }));
          for (const r of await bridge.execute(reads)) {
            spikes.push({ step, population: p, index: r.data });
          }
        }
      }
    }
    const want = engineSpikes(await engineRecord(parsed.document));
    expect(compareSpikes(want, spikes)).toEqual({ kind: 'bit-exact', spikes: want.length });
    expect(await bridge.read(coreAddress('run_state', 0, c))).toBe(plan.totalSteps);
    await connection.close();
  });

  it('a new upload and a replug each start with an empty core', async () => {
    const options = spikelabVirtualBoard();
    const device = new VirtualUsbDevice(options);
    const address = coreAddress('v', 7, c);
    const first = await connectAndUpload(device);
    await first.bridge.execute([{ op: 'write', address, data: 1234 }]);
    expect(await first.bridge.read(address)).toBe(1234);
    const before = options.core();
    await first.connection.upload(bit);
    expect(options.core()).not.toBe(before);
    expect(await first.bridge.read(address)).toBe(0);
    await first.bridge.execute([{ op: 'write', address, data: 99 }]);
    await first.connection.close();
    device.replug();
    const second = await connectAndUpload(device);
    expect(await second.bridge.read(address)).toBe(0);
    await second.connection.close();
  });
});
