/**
 * src/hdl/bridge-model.ts (the software bridge of a virtual board) against hdl/host_bridge.v:
 * the RTL's replies from the bench (Icarus, TCK 30 MHz / core 100 MHz) and the model's, fed the
 * same bits the PL register receives, agree field by field (status, tag, sequence number, data;
 * not the flags, which depend on timing) for every frame whose outcome does not depend on time:
 * the first session up to the first RUN (ID, writes read back, a corrupted frame, bad version,
 * opcode, address and length) and the session after the TAP reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeModel } from '../../src/hdl/bridge-model.ts';
import { BRIDGE_FRAME_BITS, decodeReply } from '../../src/hdl/bridge-protocol.ts';
import { BRIDGE_BENCH, CLOCK_PAIRS, TB, runBridgeBench } from './host-bridge-run.ts';
import { bridgeScenario } from './host-bridge-scenario.ts';
import { buildBench, workDir } from './simulators.ts';

describe('the software bridge answers as hdl/host_bridge.v', () => {
  const work = workDir('bridge-model');
  let command: string[] = [];
  beforeAll(() => {
    command = buildBench('icarus', BRIDGE_BENCH, work.dir);
  });
  afterAll(() => work.dispose());

  it('reply by reply, up to the first RUN and after the TAP reset', () => {
    const pair = CLOCK_PAIRS[0];
    if (!pair) throw new Error('no clock pair');
    const scenario = bridgeScenario(pair);
    const run = runBridgeBench(command, work.dir, scenario.script, pair);
    const memory = new Map<number, number>();
    const backend = {
      read: (address: number) => memory.get(address) ?? TB.memory((address >>> 2) & 0xff),
      write: (address: number, data: number) => void memory.set(address, data),
      run: () => undefined,
    };
    let model = new BridgeModel(backend);
    let session = 0;
    let firstRun = Infinity;
    let compared = 0;
    for (const { start, scan, frame } of scenario.script.vectors().drReads) {
      if (scan.kind !== 'dr' || frame.session === 1) continue; // USER1: the bridge sees nothing
      if (frame.session !== session) {
        session = frame.session;
        model = new BridgeModel(backend); // a TAP reset precedes the session
      }
      if (frame.label.startsWith('run')) firstRun = Math.min(firstRun, frame.index);
      // The PL register receives the DAP's captured 0, then all but the last TDI bit.
      const pl = Uint8Array.from([0, ...scan.tdi.subarray(0, scan.tdi.length - 1)]);
      const mine = model.scan(pl);
      const comparable = session === 2 || frame.index <= firstRun + 1;
      if (!comparable || scan.read.length !== BRIDGE_FRAME_BITS) continue;
      const rtl = decodeReply(run.tdo.slice(start, start + BRIDGE_FRAME_BITS));
      const sw = decodeReply(mine);
      const where = `'${frame.label}' (session ${frame.session}, frame ${frame.index})`;
      expect({ ...sw, coreBusy: false, outstanding: false }, where).toEqual({
        ...rtl,
        coreBusy: false,
        outstanding: false,
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
