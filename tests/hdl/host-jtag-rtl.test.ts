/**
 * The host's real JTAG bit stream drives the real bridge RTL: `JtagBridge` (src/usb) builds its
 * MPSSE bytes, the virtual FT2232H turns them into TMS/TDI per TCK, and hdl/tb/tb_host_bridge.v
 * (the Zynq chain: a DAP model in BYPASS, then BSCANE2's stand-in and host_bridge on USER3)
 * runs them in Icarus. The RTL's TDO is then replayed to the same host code, which must decode
 * every reply: the ID register, a write read back, the bench memory, scratch, a run.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_REGISTERS, type BridgeCommand } from '../../src/hdl/bridge-protocol.ts';
import type { CommandResult } from '../../src/hdl/bridge-session.ts';
import { JtagBridge } from '../../src/usb/board/jtag-bridge.ts';
import { JtagSession, type MpsseLink } from '../../src/usb/jtag/jtag-session.ts';
import { VirtualMpsse } from '../../src/usb/virtual/virtual-mpsse.ts';
import { BRIDGE_BENCH, CLOCK_PAIRS, TB, parseBridgeRun } from './host-bridge-run.ts';
import { buildBench, hexWord, runTool, workDir } from './simulators.ts';

const COMMANDS: BridgeCommand[] = [
  { op: 'read', address: BRIDGE_REGISTERS.id },
  { op: 'write', address: 0x40, data: 0x12345678 },
  { op: 'read', address: 0x40 },
  { op: 'read', address: 0x10 },
  { op: 'write', address: BRIDGE_REGISTERS.scratch, data: 0xcafef00d },
  { op: 'read', address: BRIDGE_REGISTERS.scratch },
  { op: 'run', steps: 3 },
];

/** TCK cycles of TAP reset (TMS 1) with the core domain held in reset, before the host. */
const PREAMBLE = 16;

/** The host's batch over a virtual FT2232H whose TDO replays `tdo` (zeros when null). */
async function hostRun(
  tdo: Uint8Array | null,
): Promise<{ pins: number[]; results: CommandResult[] | Error }> {
  const pins: number[] = [];
  const mpsse = new VirtualMpsse({
    clock: (tms, tdi) => {
      const bit = tdo?.[pins.length] === 1 ? 1 : 0;
      pins.push(tms | (tdi << 1));
      return bit;
    },
  });
  const link: MpsseLink = { exchange: (commands) => Promise.resolve(mpsse.write(commands)) };
  const bridge = new JtagBridge(new JtagSession(link), 3);
  const results = await bridge.execute(COMMANDS).catch((e: unknown) => e as Error);
  return { pins, results };
}

describe("the host's JTAG bytes against hdl/host_bridge.v", () => {
  it('Icarus: every command executes and every reply decodes', async () => {
    const first = await hostRun(null);
    expect(first.results).toBeInstanceOf(Error); // no RTL behind it yet: replies are zeros
    const work = workDir('host-jtag');
    try {
      const words = [
        ...Array.from({ length: PREAMBLE }, () => 0b101), // TMS 1, core reset
        ...first.pins,
      ];
      const vectors = join(work.dir, 'vectors.hex');
      const out = join(work.dir, 'out.txt');
      writeFileSync(vectors, `${words.map(hexWord).join('\n')}\n`);
      const [tool, ...args] = buildBench('icarus', BRIDGE_BENCH, work.dir);
      const clocks = CLOCK_PAIRS[0];
      if (tool === undefined || clocks === undefined) throw new Error('no bench command');
      runTool(
        tool,
        [
          ...args,
          `+vectors=${vectors}`,
          `+count=${words.length}`,
          `+out=${out}`,
          `+tck_half_ps=${clocks.tckHalfPs}`,
          `+clk_half_ps=${clocks.clkHalfPs}`,
        ],
        'running the bridge bench on the host bytes',
      );
      const run = parseBridgeRun(readFileSync(out, 'utf8').split('\n').filter(Boolean));
      expect(run.tdo.length).toBe(words.length);
      const second = await hostRun(run.tdo.subarray(PREAMBLE));
      expect(second.pins).toEqual(first.pins); // the same bytes, the same pins
      if (second.results instanceof Error) throw second.results;
      expect(second.results.map((r) => r.data >>> 0)).toEqual([
        0x534c0001,
        0,
        0x12345678,
        TB.memory(4),
        0,
        0xcafef00d,
        0,
      ]);
      expect(run.writes).toEqual([{ address: 0x40, data: 0x12345678 }]);
      expect(run.starts).toEqual([3]);
    } finally {
      work.dispose();
    }
  });
});
