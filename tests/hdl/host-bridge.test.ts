/**
 * hdl/host_bridge.v behind the BSCANE2 stand-in, driven at JTAG pin level past the Zynq's DAP by
 * frames that src/hdl/bridge-protocol.ts encodes, at three TCK / core clock pairs, in Icarus and
 * in Verilator: every reply decoded by the TypeScript decoder (writes read back, run N then
 * STEP_COUNT is N, a corrupted frame is refused with no bus write, version readback, the
 * frame-after-next rule, overrun, pending, time-out, another USER register, TAP reset), every
 * bus access, and two synchroniser flip-flops on each crossing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_BENCH, CLOCK_PAIRS, runBridgeBench } from './host-bridge-run.ts';
import { bridgeScenario, checkBridgeRun } from './host-bridge-scenario.ts';
import { SIMULATORS, type Simulator, buildBench, workDir } from './simulators.ts';

describe.each(SIMULATORS)('hdl/host_bridge.v in %s', (simulator: Simulator) => {
  const work = workDir(`bridge-${simulator}`);
  let command: string[] = [];
  beforeAll(() => {
    command = buildBench(simulator, BRIDGE_BENCH, work.dir);
  });
  afterAll(() => work.dispose());

  it.each(CLOCK_PAIRS)('$name: every reply, bus access and crossing', (pair) => {
    const scenario = bridgeScenario(pair);
    const run = runBridgeBench(command, work.dir, scenario.script, pair);
    expect(checkBridgeRun(scenario, run)).toBeNull();
    // The scenario did reach the cases it is about.
    expect(run.writes.length).toBe(2);
    expect(run.starts).toEqual([37, 5]);
  });
});
