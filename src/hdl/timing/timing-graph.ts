/**
 * The timing graph of a flat Yosys netlist: for every net bit the combinational edges into it
 * (cell arc plus the routing of its input net), the registers that launch it (clock to out)
 * and the register inputs that end paths (setup), each on its clock domain. Pure.
 */
import { cellTiming, isDedicated, isPortLike, routePs } from './delay-model.ts';
import { bitNames, isOutput, type Bit, type YosysCell, type YosysModule } from './netlist.ts';
import type { Arc } from './timing-types.ts';

/** One combinational step: `from` bit to `to` bit through `cell`, `ps` = routing + arc. */
export interface Edge {
  from: number;
  cell: number;
  ps: number;
  routePs: number;
}

/** A path start: a register output bit, its clock-to-out, its domain. */
export interface Launch {
  cell: number;
  ps: number;
  domain: string;
}

/** A path end: a register input bit, the routing to it, its setup, its domain. */
export interface Capture {
  bit: number;
  cell: number;
  port: string;
  routePs: number;
  setupPs: number;
  domain: string;
}

export interface CellInfo {
  name: string;
  type: string;
  src: string;
  /** The cell's first output bit (names a register by its Q). */
  output?: number;
}

export interface TimingGraph {
  cells: CellInfo[];
  /** Edges into each bit. */
  fanin: Map<number, Edge[]>;
  launches: Map<number, Launch[]>;
  captures: Capture[];
  names: Map<number, string>;
  /** Registers (cells with a clock) per domain. */
  registers: Map<string, number>;
  /** Cell types the delay model does not know, with their counts (no arcs through them). */
  unmodelled: Record<string, number>;
  /** Input ports and JTAG-primitive outputs: path starts when `ports` is set. */
  inputs: number[];
  /** Output port bits: path ends when `ports` is set. */
  outputs: number[];
}

function bitsOf(cell: YosysCell, port: string): Bit[] {
  return cell.connections[port] ?? [];
}

/** The bits an arc joins: [from, to] pairs. */
function arcPairs(cell: YosysCell, arc: Arc): [Bit, Bit][] {
  const from = bitsOf(cell, arc.from);
  const to = bitsOf(cell, arc.to);
  const fromBits = arc.fromBit === undefined ? from : [from[arc.fromBit]];
  const toBits = arc.toBit === undefined ? to : [to[arc.toBit]];
  const pairs: [Bit, Bit][] = [];
  for (const f of fromBits) {
    for (const t of toBits) if (f !== undefined && t !== undefined) pairs.push([f, t]);
  }
  return pairs;
}

/** Builds the graph of `module` (a flat netlist after `synth_xilinx -flatten`). */
export function buildTimingGraph(module: YosysModule): TimingGraph {
  const entries = Object.entries(module.cells ?? {});
  const names = bitNames(module);
  const driver = new Map<number, { cell: number; port: string }>();
  const fanout = new Map<number, number>();
  const cells: CellInfo[] = [];
  entries.forEach(([name, cell], i) => {
    const info: CellInfo = { name, type: cell.type, src: cell.attributes?.['src'] ?? '' };
    for (const [port, bits] of Object.entries(cell.connections)) {
      const out = isOutput(cell, port);
      for (const b of bits) {
        if (typeof b !== 'number') continue;
        if (out) {
          driver.set(b, { cell: i, port });
          info.output ??= b;
        } else fanout.set(b, (fanout.get(b) ?? 0) + 1);
      }
    }
    cells.push(info);
  });
  const outputs: number[] = [];
  const inputs: number[] = [];
  for (const p of Object.values(module.ports ?? {})) {
    for (const b of p.bits) {
      if (typeof b !== 'number') continue;
      if (p.direction === 'output') {
        outputs.push(b);
        fanout.set(b, (fanout.get(b) ?? 0) + 1);
      } else inputs.push(b);
    }
  }
  const route = (bit: number, sinkType: string, sinkPort: string): number => {
    const d = driver.get(bit);
    const dc = d === undefined ? undefined : entries[d.cell]?.[1];
    if (d !== undefined && dc !== undefined && isDedicated(dc.type, d.port, sinkType, sinkPort)) {
      return 0;
    }
    return routePs(fanout.get(bit) ?? 1);
  };
  // A clock net through BUFGs back to its source names the domain.
  const domainOf = (bit: Bit | undefined): string => {
    let b = bit;
    for (let hops = 0; typeof b === 'number' && hops < 8; hops++) {
      const d = driver.get(b);
      const c = d === undefined ? undefined : entries[d.cell]?.[1];
      if (c?.type !== 'BUFG') break;
      b = c.connections['I']?.[0];
    }
    return typeof b === 'number' ? (names.get(b) ?? `net ${b}`) : String(b);
  };

  const fanin = new Map<number, Edge[]>();
  const launches = new Map<number, Launch[]>();
  const captures: Capture[] = [];
  const registers = new Map<string, number>();
  const unmodelled: Record<string, number> = {};
  entries.forEach(([, cell], i) => {
    const t = cellTiming(cell.type, cell.parameters ?? {});
    if (!t.modelled) unmodelled[cell.type] = (unmodelled[cell.type] ?? 0) + 1;
    if (isPortLike(cell.type)) {
      for (const [port, bits] of Object.entries(cell.connections)) {
        if (!isOutput(cell, port)) continue;
        for (const b of bits) if (typeof b === 'number') inputs.push(b);
      }
    }
    for (const arc of t.arcs) {
      for (const [f, to] of arcPairs(cell, arc)) {
        if (typeof f !== 'number' || typeof to !== 'number') continue;
        const r = route(f, cell.type, arc.from);
        const list = fanin.get(to) ?? [];
        list.push({ from: f, cell: i, ps: r + arc.ps, routePs: r });
        fanin.set(to, list);
      }
    }
    const clocks = new Set<string>();
    // A pin on a constant clock (an unused block RAM port's) never launches or captures.
    const clocked = (pin: { clock: string }): boolean =>
      typeof cell.connections[pin.clock]?.[0] === 'number';
    for (const pin of t.clockToOut.filter(clocked)) {
      const domain = domainOf(cell.connections[pin.clock]?.[0]);
      clocks.add(domain);
      for (const b of bitsOf(cell, pin.port)) {
        if (typeof b !== 'number') continue;
        const list = launches.get(b) ?? [];
        list.push({ cell: i, ps: pin.ps, domain });
        launches.set(b, list);
      }
    }
    for (const pin of t.setup.filter(clocked)) {
      const domain = domainOf(cell.connections[pin.clock]?.[0]);
      clocks.add(domain);
      for (const b of bitsOf(cell, pin.port)) {
        if (typeof b !== 'number') continue;
        const r = route(b, cell.type, pin.port);
        captures.push({ bit: b, cell: i, port: pin.port, routePs: r, setupPs: pin.ps, domain });
      }
    }
    for (const d of clocks) registers.set(d, (registers.get(d) ?? 0) + 1);
  });
  return { cells, fanin, launches, captures, names, registers, unmodelled, inputs, outputs };
}
