/**
 * The timing estimate on a netlist Yosys synthesises (`synth_xilinx -flatten`): a generated
 * chain of N 16-bit adders (each sum XORed with itself rotated, so Yosys cannot merge them
 * into one multi-operand adder) between registers. Its longest path has one LUT per adder and
 * one for the last XOR; a pipeline register after adder N/2 halves the LUTs on the longest
 * path and shortens it by at least N/2 LUT levels. About 4 s of Yosys each.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LUT_PS, ROUTE_BASE_PS } from '../../src/hdl/timing/delay-model.ts';
import { analyseTiming, type DomainTiming } from '../../src/hdl/timing/sta.ts';
import { synthForTiming } from '../../src/hdl/timing/synth-timing-node.ts';
import { workDir } from './simulators.ts';

const N = 4;

/** `adders` with N stages; CUT = 1 registers the middle stage's sum (`mid`). */
const ADDERS = `\`default_nettype none
module adders #(parameter N = ${N}, parameter CUT = 0) (
    input wire clk, input wire [15:0] a, output reg [15:0] y);
  reg [15:0] r[0:N];
  reg [15:0] mid;
  wire [15:0] s[0:N];
  assign s[0] = r[0];
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g
      wire [15:0] in = (CUT != 0 && i == N / 2) ? mid : s[i];
      assign s[i+1] = (in + r[i+1]) ^ {in[0], in[15:1]};
    end
  endgenerate
  integer k;
  always @(posedge clk) begin
    r[0] <= a;
    for (k = 1; k <= N; k = k + 1) r[k] <= r[k-1] ^ {r[k-1][0], r[k-1][15:1]};
    mid <= s[N/2];
    y <= s[N];
  end
endmodule
`;

async function timing(dir: string, cut: number): Promise<DomainTiming> {
  const { netlist } = await synthForTiming({
    files: ['adders.v'],
    top: 'adders',
    params: { CUT: cut },
    cwd: dir,
  });
  const report = analyseTiming(netlist);
  expect(report.unmodelled).toEqual({});
  expect(report.domains.map((d) => d.domain)).toEqual(['clk']);
  const d = report.domains[0];
  if (d === undefined) throw new Error('no clock domain');
  return d;
}

describe('the timing estimate on a Yosys netlist', () => {
  it('a chain of adders: one LUT per adder; a pipeline register halves it', async () => {
    const work = workDir('timing');
    try {
      writeFileSync(join(work.dir, 'adders.v'), ADDERS);
      const full = await timing(work.dir, 0);
      const cut = await timing(work.dir, 1);
      const worst = full.paths[0];
      expect(worst?.to).toMatch(/^y\[\d+\]$/);
      expect(worst?.luts).toBe(N + 1);
      expect(worst?.carry4).toBeGreaterThanOrEqual(N);
      // Every level costs at least a LUT and a net: FF clock-to-out 303 ps + N + 1 levels.
      expect(full.periodPs).toBeGreaterThan(303 + (N + 1) * (LUT_PS + ROUTE_BASE_PS));
      // Cut: the worst path ends at `mid` or starts from it, with N/2 + 1 LUTs.
      const cutWorst = cut.paths[0];
      expect(cutWorst?.luts).toBe(N / 2 + 1);
      expect([cutWorst?.from, cutWorst?.to].some((n) => /^mid\[/.test(n ?? ''))).toBe(true);
      expect(cut.periodPs).toBeLessThan(full.periodPs - (N / 2) * (LUT_PS + ROUTE_BASE_PS));
      expect(cut.registers).toBe(full.registers + 16);
    } finally {
      work.dispose();
    }
  }, 120_000);
});
