/**
 * The timing estimate (src/hdl/timing) on netlists built by hand, each checked against the
 * delay model's numbers added up by hand: a chain of LUTs between two flip-flops, the same
 * chain cut by a pipeline register, a carry chain (dedicated CO -> CI wires cost no routing),
 * a DSP48E1 with and without its P register, and two clock domains kept apart.
 */
import { describe, expect, it } from 'vitest';
import {
  FF_CLOCK_TO_OUT_PS,
  LUT_PS,
  ROUTE_BASE_PS,
  ROUTE_PER_FANOUT_DOUBLING_PS,
  routePs,
} from '../../../src/hdl/timing/delay-model.ts';
import type { Bit, YosysCell, YosysNetlist } from '../../../src/hdl/timing/netlist.ts';
import { PORTS_DOMAIN, analyseTiming } from '../../../src/hdl/timing/sta.ts';

type Dir = 'input' | 'output';

/** A small netlist builder: cells by type, ports by (direction, bits). */
function netlist(
  cells: [string, string, Record<string, [Dir, Bit[]]>, Record<string, string>?][],
  names: Record<string, Bit[]>,
): YosysNetlist {
  const c: Record<string, YosysCell> = {};
  for (const [name, type, ports, parameters] of cells) {
    const cell: YosysCell = { type, connections: {}, port_directions: {} };
    if (parameters) cell.parameters = parameters;
    for (const [port, [dir, bits]] of Object.entries(ports)) {
      cell.connections[port] = bits;
      (cell.port_directions ?? {})[port] = dir;
    }
    c[name] = cell;
  }
  const netnames: Record<string, { hide_name: number; bits: Bit[] }> = {};
  for (const [n, bits] of Object.entries(names)) netnames[n] = { hide_name: 0, bits };
  return {
    modules: {
      top: {
        attributes: { top: '00000000000000000000000000000001' },
        ports: { clk: { direction: 'input', bits: [1] } },
        cells: c,
        netnames,
      },
    },
  };
}

const ff = (d: number, q: number, clk = 1): Record<string, [Dir, Bit[]]> => ({
  C: ['input', [clk]],
  CE: ['input', ['1']],
  R: ['input', ['0']],
  D: ['input', [d]],
  Q: ['output', [q]],
});
const lut1 = (i: number, o: number): Record<string, [Dir, Bit[]]> => ({
  I0: ['input', [i]],
  O: ['output', [o]],
});

/** FF(q=10) -> n LUTs -> FF, optionally with a register after LUT `cut`. */
function lutChain(n: number, cut?: number): YosysNetlist {
  const cells: [string, string, Record<string, [Dir, Bit[]]>][] = [['src', 'FDRE', ff(99, 10)]];
  let bit = 10;
  for (let i = 0; i < n; i++) {
    cells.push([`lut${i}`, 'LUT1', lut1(bit, 20 + i)]);
    bit = 20 + i;
    if (i === cut) {
      cells.push(['pipe', 'FDRE', ff(bit, 60)]);
      bit = 60;
    }
  }
  cells.push(['dst', 'FDRE', ff(bit, 70)]);
  return netlist(cells, { a: [10], pipe_q: [60], y: [70], feedback: [99] });
}

describe('the timing estimate', () => {
  it('a chain of LUTs: clock-to-out, one LUT and one net per level, setup 0', () => {
    const r = analyseTiming(lutChain(5));
    const d = r.domains[0];
    // Each LUT drives one input: a net of fanout 1 costs ROUTE_BASE_PS.
    const want = FF_CLOCK_TO_OUT_PS + 5 * (ROUTE_BASE_PS + LUT_PS) + ROUTE_BASE_PS;
    expect(d?.periodPs).toBe(want);
    expect(d?.fmaxMhz).toBeCloseTo(1e6 / want, 6);
    const p = d?.paths[0];
    expect(p?.from).toBe('a');
    expect(p?.to).toBe('y');
    expect(p?.luts).toBe(5);
    expect(p?.cells).toBe(5);
    expect(d?.registers).toBe(2);
  });

  it('a pipeline register after the third LUT shortens the longest path to three LUTs', () => {
    const r = analyseTiming(lutChain(5, 2));
    const d = r.domains[0];
    const want = FF_CLOCK_TO_OUT_PS + 3 * (ROUTE_BASE_PS + LUT_PS) + ROUTE_BASE_PS;
    expect(d?.periodPs).toBe(want);
    expect(d?.paths[0]?.to).toBe('pipe_q');
    expect(d?.paths[1]?.to).toBe('y');
    expect(d?.paths[1]?.luts).toBe(2);
    expect(d?.registers).toBe(3);
  });

  it('routing grows with fanout: one net to 8 inputs costs 3 doublings more', () => {
    expect(routePs(8) - routePs(1)).toBe(3 * ROUTE_PER_FANOUT_DOUBLING_PS);
  });

  it('a carry chain: CO[3] -> CI of the next CARRY4 is a dedicated wire (no routing)', () => {
    const s = (b: number): Bit[] => [b, '0', '0', '0'];
    const r = analyseTiming(
      netlist(
        [
          ['a', 'FDRE', ff(99, 10)],
          [
            'c0',
            'CARRY4',
            {
              CI: ['input', ['0']],
              CYINIT: ['input', ['0']],
              DI: ['input', ['0', '0', '0', '0']],
              S: ['input', s(10)],
              CO: ['output', [30, 31, 32, 33]],
              O: ['output', [34, 35, 36, 37]],
            },
          ],
          [
            'c1',
            'CARRY4',
            {
              CI: ['input', [33]],
              CYINIT: ['input', ['0']],
              DI: ['input', ['0', '0', '0', '0']],
              S: ['input', ['1', '1', '1', '1']],
              CO: ['output', [40, 41, 42, 43]],
              O: ['output', [44, 45, 46, 47]],
            },
          ],
          ['y', 'FDRE', ff(47, 70)],
        ],
        { a: [10], y: [70] },
      ),
    );
    // FF -> net -> S[0] to CO[3] (508) -> CI to O[3] (313) -> net -> FF.
    const want = FF_CLOCK_TO_OUT_PS + ROUTE_BASE_PS + 508 + 313 + ROUTE_BASE_PS;
    expect(r.domains[0]?.periodPs).toBe(want);
    expect(r.domains[0]?.paths[0]?.carry4).toBe(2);
  });

  it('a DSP48E1: unregistered A -> P is a combinational arc; with PREG, P starts a path', () => {
    const dsp = (preg: string): YosysNetlist =>
      netlist(
        [
          ['a', 'FDRE', ff(99, 10)],
          [
            'm',
            'DSP48E1',
            {
              CLK: ['input', [1]],
              A: ['input', [10]],
              B: ['input', ['0']],
              P: ['output', [50]],
            },
            {
              AREG: '0',
              BREG: '0',
              MREG: '0',
              PREG: preg,
              USE_MULT: 'MULTIPLY',
              USE_DPORT: 'FALSE',
            },
          ],
          ['y', 'FDRE', ff(50, 70)],
        ],
        { a: [10], p: [50], y: [70] },
      );
    // A -> P through the multiplier: 2,823 ps (prjxray via Yosys's cells_sim.v).
    const comb = analyseTiming(dsp('0')).domains[0];
    expect(comb?.periodPs).toBe(FF_CLOCK_TO_OUT_PS + ROUTE_BASE_PS + 2823 + ROUTE_BASE_PS);
    // With PREG: A's setup at the P register (2,739 ps) and P's clock-to-out 329 ps.
    const reg = analyseTiming(dsp('1')).domains[0];
    const setupPath = FF_CLOCK_TO_OUT_PS + ROUTE_BASE_PS + 2739;
    const outPath = 329 + ROUTE_BASE_PS;
    expect(reg?.periodPs).toBe(Math.max(setupPath, outPath));
    expect(reg?.paths.map((p) => p.periodPs).sort()).toEqual([outPath, setupPath].sort());
  });

  it('a module without registers is timed port to port with `ports` (registers outside)', () => {
    const n = netlist(
      [
        ['l0', 'LUT1', lut1(5, 20)],
        ['l1', 'LUT1', lut1(20, 21)],
      ],
      { a: [5], y: [21] },
    );
    const top = n.modules['top'];
    if (top === undefined) throw new Error('no top');
    top.ports = { a: { direction: 'input', bits: [5] }, y: { direction: 'output', bits: [21] } };
    expect(analyseTiming(n).domains).toEqual([]);
    const d = analyseTiming(n, { ports: true }).domains[0];
    expect(d?.domain).toBe(PORTS_DOMAIN);
    expect(d?.periodPs).toBe(FF_CLOCK_TO_OUT_PS + 2 * (ROUTE_BASE_PS + LUT_PS) + ROUTE_BASE_PS);
    expect(d?.paths[0]?.from).toBe('a');
    expect(d?.paths[0]?.to).toBe('y');
  });

  it('two clock domains are timed apart: no path from one to the other', () => {
    const r = analyseTiming(
      netlist(
        [
          ['a', 'FDRE', ff(99, 10, 1)],
          ['l0', 'LUT1', lut1(10, 20)],
          ['l1', 'LUT1', lut1(20, 21)],
          ['b', 'FDRE', ff(21, 70, 2)],
          ['c', 'FDRE', ff(21, 71, 1)],
        ],
        { clk: [1], tck: [2], a: [10], b: [70], c: [71] },
      ),
    );
    const clk = r.domains.find((d) => d.domain === 'clk');
    const tck = r.domains.find((d) => d.domain === 'tck');
    expect(clk?.paths.map((p) => p.to)).toEqual(['c']);
    // The net into both registers has fanout 2.
    expect(clk?.periodPs).toBe(FF_CLOCK_TO_OUT_PS + 2 * (ROUTE_BASE_PS + LUT_PS) + routePs(2));
    expect(tck?.paths).toEqual([]);
  });
});
