/**
 * A static timing estimate of a flat Yosys netlist (`synth_xilinx -flatten`, `write_json`):
 * per clock domain the longest register-to-register path (launch clock-to-out, cell arcs and
 * routing, capture setup; `delay-model.ts`), the estimated Fmax, and the deepest paths, one per
 * end register, named by the registers' nets and source lines. An estimate: see the delay
 * model's comment. Pure.
 */
import { FF_CLOCK_TO_OUT_PS, FF_SETUP_PS, routePs } from './delay-model.ts';
import { topModule, type YosysNetlist } from './netlist.ts';
import { buildTimingGraph, type TimingGraph } from './timing-graph.ts';

/** One cell of a path: the net it drives and the time there. */
export interface PathStep {
  type: string;
  net: string;
  /** Arrival at the net, ps from the launching clock edge. */
  atPs: number;
  /** Of which the routing into this cell. */
  routePs: number;
  /** The cell's `src` attribute (the Verilog lines it came from). */
  src: string;
}

export interface TimingPath {
  domain: string;
  /** The launching register (its output net), or the input port. */
  from: string;
  fromType: string;
  fromSrc: string;
  /** The capturing register (its output net when it has one), with the pin. */
  to: string;
  toType: string;
  toPin: string;
  toSrc: string;
  /** Clock edge to the capture pin, plus its setup: the shortest clock period. */
  periodPs: number;
  /** Combinational cells on the path; of which LUTs (a LUT RAM read counts as one). */
  cells: number;
  luts: number;
  carry4: number;
  dsp: number;
  steps: PathStep[];
}

export interface DomainTiming {
  domain: string;
  registers: number;
  periodPs: number;
  fmaxMhz: number;
  /** The worst path to each end register (bits of one register merged), worst first. */
  paths: TimingPath[];
}

export interface TimingReport {
  top: string;
  /** Worst domain first. */
  domains: DomainTiming[];
  unmodelled: Record<string, number>;
  /** Combinational loops cut (an edge on a cycle is ignored). */
  loops: number;
}

export interface TimingOptions {
  /** Paths kept per domain (default 10). */
  paths?: number;
  /**
   * Count the top's input and output ports as registers outside it (launch 303 ps, setup 0),
   * in every domain: for a module synthesised alone, whose ports are not registered inside.
   */
  ports?: boolean;
}

const NONE = -Infinity;
/** The domain of a module without registers, timed port to port (`ports`). */
export const PORTS_DOMAIN = '(ports)';
const LUT_LIKE = /^(LUT[1-6]|INV|RAM\d+[MX]\w*|SRL\w+)$/;

/** Longest arrival (ps) at each bit from `starts`, with the edge that gave it. */
function arrivals(
  g: TimingGraph,
  starts: Map<number, number>,
  ends: readonly number[],
): { at: Map<number, number>; via: Map<number, number>; loops: number } {
  const at = new Map<number, number>();
  const via = new Map<number, number>();
  let loops = 0;
  const visiting = new Set<number>();
  const visit = (root: number): number => {
    // Iterative depth-first search: a long carry chain would overflow the call stack.
    const stack: number[] = [root];
    while (stack.length > 0) {
      const bit = stack[stack.length - 1] as number;
      if (at.has(bit)) {
        stack.pop();
        continue;
      }
      const edges = g.fanin.get(bit) ?? [];
      if (!visiting.has(bit)) {
        visiting.add(bit);
        for (const e of edges) {
          if (at.has(e.from)) continue;
          if (visiting.has(e.from)) loops++;
          else stack.push(e.from);
        }
        continue;
      }
      let best = starts.get(bit) ?? NONE;
      let bestEdge = -1;
      edges.forEach((e, i) => {
        const a = at.get(e.from) ?? NONE;
        if (a + e.ps > best) {
          best = a + e.ps;
          bestEdge = i;
        }
      });
      at.set(bit, best);
      if (bestEdge >= 0) via.set(bit, bestEdge);
      visiting.delete(bit);
      stack.pop();
    }
    return at.get(root) ?? NONE;
  };
  for (const b of ends) visit(b);
  return { at, via, loops };
}

function baseName(net: string): string {
  return net.replace(/\[\d+\]$/, '');
}

/** The estimate for `netlist`'s top module. */
export function analyseTiming(netlist: YosysNetlist, options: TimingOptions = {}): TimingReport {
  const { name, module } = topModule(netlist);
  const g = buildTimingGraph(module);
  const keep = options.paths ?? 10;
  const domains = [...g.registers.keys()];
  // A module with no register at all is timed from its inputs to its outputs.
  if (options.ports && domains.length === 0) domains.push(PORTS_DOMAIN);
  const report: TimingReport = { top: name, domains: [], unmodelled: g.unmodelled, loops: 0 };
  const net = (bit: number): string => g.names.get(bit) ?? `net ${bit}`;
  for (const domain of domains) {
    const starts = new Map<number, number>();
    const launcher = new Map<number, number>();
    for (const [bit, list] of g.launches) {
      for (const l of list) {
        if (l.domain !== domain || l.ps <= (starts.get(bit) ?? NONE)) continue;
        starts.set(bit, l.ps);
        launcher.set(bit, l.cell);
      }
    }
    if (options.ports) for (const b of g.inputs) starts.set(b, FF_CLOCK_TO_OUT_PS);
    const captures = g.captures.filter((c) => c.domain === domain);
    const ends = [...captures.map((c) => c.bit), ...(options.ports ? g.outputs : [])];
    const { at, via, loops } = arrivals(g, starts, ends);
    report.loops += loops;
    const worst = new Map<string, TimingPath>();
    const consider = (path: TimingPath): void => {
      const key = `${baseName(path.to)}|${path.toPin}`;
      const old = worst.get(key);
      if (old === undefined || path.periodPs > old.periodPs) worst.set(key, path);
    };
    const trace = (bit: number): { steps: PathStep[]; first: number } => {
      const steps: PathStep[] = [];
      let b = bit;
      for (let i = via.get(b); i !== undefined; i = via.get(b)) {
        const e = (g.fanin.get(b) ?? [])[i];
        if (e === undefined) break;
        const cell = g.cells[e.cell];
        steps.unshift({
          type: cell?.type ?? '?',
          net: net(b),
          atPs: at.get(b) ?? 0,
          routePs: e.routePs,
          src: cell?.src ?? '',
        });
        b = e.from;
      }
      return { steps, first: b };
    };
    const pathTo = (
      bit: number,
      endPs: number,
      to: { name: string; type: string; pin: string; src: string },
    ): TimingPath => {
      const { steps, first } = trace(bit);
      const from = g.cells[launcher.get(first) ?? -1];
      return {
        domain,
        from: net(first),
        fromType: from?.type ?? 'input',
        fromSrc: from?.src ?? '',
        to: to.name,
        toType: to.type,
        toPin: to.pin,
        toSrc: to.src,
        periodPs: endPs,
        cells: steps.length,
        luts: steps.filter((s) => LUT_LIKE.test(s.type)).length,
        carry4: steps.filter((s) => s.type === 'CARRY4').length,
        dsp: steps.filter((s) => s.type === 'DSP48E1').length,
        steps,
      };
    };
    for (const c of captures) {
      const a = at.get(c.bit) ?? NONE;
      if (a === NONE) continue;
      const cell = g.cells[c.cell];
      const isFf = cell !== undefined && /^FD/.test(cell.type);
      const toName = isFf && cell.output !== undefined ? net(cell.output) : net(c.bit);
      const pin = { name: toName, type: cell?.type ?? '?', pin: c.port, src: cell?.src ?? '' };
      consider(pathTo(c.bit, a + c.routePs + c.setupPs, pin));
    }
    if (options.ports) {
      for (const b of g.outputs) {
        const a = at.get(b) ?? NONE;
        if (a === NONE) continue;
        const endPs = a + routePs(1) + FF_SETUP_PS.D;
        consider(pathTo(b, endPs, { name: net(b), type: 'output', pin: 'port', src: '' }));
      }
    }
    const paths = [...worst.values()].sort((x, y) => y.periodPs - x.periodPs);
    const periodPs = paths[0]?.periodPs ?? 0;
    report.domains.push({
      domain,
      registers: g.registers.get(domain) ?? 0,
      periodPs,
      fmaxMhz: periodPs > 0 ? 1e6 / periodPs : Infinity,
      paths: paths.slice(0, keep),
    });
  }
  report.domains.sort((x, y) => y.periodPs - x.periodPs);
  return report;
}
