/**
 * One run of hdl/tb/tb_host_bridge.v: the bench's sources and constants, the clock pairs it runs
 * at, and a function that runs a built bench on a script (host-bridge-script.ts) and parses what
 * it wrote: TDO per TCK, bus accesses, core starts and crossing latencies.
 */
import { join } from 'node:path';
import type { Bench } from './simulators.ts';
import { hexWord, runTool } from './simulators.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { BridgeScript } from './host-bridge-script.ts';

export const BRIDGE_BENCH: Bench = {
  top: 'tb_host_bridge',
  sources: [
    'hdl/tb/tb_host_bridge.v',
    'hdl/tb/bscane2_model.v',
    'hdl/host_bridge_bscan.v',
    'hdl/host_bridge.v',
  ],
};

/** The bench's constants (tb_host_bridge.v), which the script's timing depends on. */
export const TB = {
  busTimeout: 8000,
  slowWait: 3000,
  stepClocks: 40,
  /** Word i of the bench's memory before any write. */
  memory: (i: number): number => Math.imul(i, 0x9e3779b9) >>> 0,
} as const;

/** A TCK / core clock pair (half periods in ps); none divides the other. */
export interface ClockPair {
  name: string;
  tckHalfPs: number;
  clkHalfPs: number;
}

export const CLOCK_PAIRS: readonly ClockPair[] = [
  { name: 'TCK 30 MHz, core 100 MHz', tckHalfPs: 16_667, clkHalfPs: 5_000 },
  { name: 'TCK 10 MHz, core 27 MHz', tckHalfPs: 50_000, clkHalfPs: 18_519 },
  { name: 'TCK 25 MHz, core 12.5 MHz', tckHalfPs: 20_000, clkHalfPs: 40_013 },
];

/** What the bench wrote. */
export interface BridgeRun {
  /** TDO sampled before each rising edge of TCK. */
  tdo: Uint8Array;
  writes: { address: number; data: number }[];
  reads: { address: number; data: number }[];
  starts: number[];
  /** Core clock edges from req_toggle to the bus strobe, per bus access. */
  requestEdges: number[];
  /** TCK edges from ack_toggle to the TCK side taking the result, per result. */
  ackEdges: number[];
}

/** Parses the bench's output lines. */
export function parseBridgeRun(lines: readonly string[]): BridgeRun {
  const run: BridgeRun = {
    tdo: new Uint8Array(0),
    writes: [],
    reads: [],
    starts: [],
    requestEdges: [],
    ackEdges: [],
  };
  const tdo: number[] = [];
  for (const line of lines) {
    const [kind = '', a = '', b = ''] = line.trim().split(/\s+/);
    const hex = (s: string): number => {
      if (!/^[0-9a-f]{8}$/i.test(s)) throw new Error(`tb_host_bridge wrote '${line}'`);
      return parseInt(s, 16);
    };
    switch (kind) {
      case 't':
        if (a !== '0' && a !== '1') throw new Error(`tb_host_bridge: TDO '${line}' is not 0 or 1`);
        tdo.push(Number(a));
        break;
      case 'w':
        run.writes.push({ address: hex(a), data: hex(b) });
        break;
      case 'r':
        run.reads.push({ address: hex(a), data: hex(b) });
        break;
      case 's':
        run.starts.push(hex(a));
        break;
      case 'q':
        run.requestEdges.push(Number(a));
        break;
      case 'a':
        run.ackEdges.push(Number(a));
        break;
      default:
        throw new Error(`tb_host_bridge wrote an unknown line '${line}'`);
    }
  }
  run.tdo = Uint8Array.from(tdo);
  return run;
}

/** Runs a built bench on `script` at `clocks`; returns what it wrote. */
export function runBridgeBench(
  command: readonly string[],
  dir: string,
  script: BridgeScript,
  clocks: ClockPair,
): BridgeRun {
  const { words } = script.vectors();
  const vectors = join(dir, 'vectors.hex');
  const out = join(dir, 'out.txt');
  writeFileSync(vectors, words.map(hexWord).join('\n') + '\n');
  const [tool, ...args] = command;
  if (tool === undefined) throw new Error('runBridgeBench: empty command');
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
    `running ${tool} (${clocks.name})`,
  );
  const run = parseBridgeRun(
    readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0),
  );
  if (run.tdo.length !== words.length) {
    throw new Error(`tb_host_bridge: ${run.tdo.length} TDO samples for ${words.length} TCK cycles`);
  }
  return run;
}
