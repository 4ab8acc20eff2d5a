/**
 * The Yosys worker's body in Node (`runYosysWasm`, the real @yowasp/yosys): a small counter
 * through generic `synth` with the CLI's stat step (`synth_xilinx` costs 20 s here even for a
 * counter), its passes reported as the CLI reports them and its counts parsed; an error fails
 * naming Yosys, its exit status and its last lines.
 * (The core itself takes a minute of Yosys: `tests/e2e/hardware-fit.spec.ts` starts and
 * cancels it in the page; the CLI's run of it is `tests/hdl/fit-yosys.test.ts`.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runYosysWasm } from '../../../../src/app/hardware/yosys-wasm.ts';
import { STAT_FILE } from '../../../../src/hdl/fit/synth-script.ts';
import { parseYosysStat } from '../../../../src/hdl/fit/yosys-stat.ts';
import { CORE_RTL_FILES } from '../../../../src/hdl/board-files.ts';
import { readCoreRtl } from '../../../../src/cli/core-rtl.ts';
import { fitNetwork } from '../../../../src/hdl/fit/fit-network.ts';
import { parseDocumentJson } from '../../../../src/model/index.ts';

// An 8-bit counter with a load: 8 flip-flops.
const COUNTER = `module counter (input wire clk, input wire load, input wire [7:0] d, output reg [7:0] q);
  always @(posedge clk) q <= load ? d : q + 8'd1;
endmodule
`;

const script = (top: string) =>
  `read_verilog counter.v; synth -top ${top}; tee -q -o ${STAT_FILE} stat -json`;

describe('runYosysWasm (@yowasp/yosys)', () => {
  it('synthesises a counter, reporting its passes, and writes the stat file', async () => {
    const passes: string[] = [];
    const outcome = await runYosysWasm(
      { files: { 'counter.v': COUNTER }, script: script('counter'), statFile: STAT_FILE },
      (line) => passes.push(line),
    );
    expect(outcome.version).toBe('0.55.944');
    expect(outcome.seconds).toBeGreaterThan(0);
    expect(passes[0]).toBe('yosys 2: SYNTH');
    expect(passes).toContain('yosys 2.1: HIERARCHY');
    const { cells } = parseYosysStat(outcome.stat);
    // Generic gates: one flip-flop per bit of q.
    const flops = Object.entries(cells).filter(([type]) => /DFF/.test(type));
    expect(flops.reduce((n, [, count]) => n + count, 0)).toBe(8);
  }, 120_000);

  it('fails naming Yosys, its exit status and the error line', async () => {
    await expect(
      runYosysWasm(
        { files: { 'counter.v': COUNTER }, script: script('no_such_top'), statFile: STAT_FILE },
        () => {},
      ),
    ).rejects.toThrow(/^yosys failed \(exit status 1\); its last lines:\n[\s\S]*no_such_top/);
  }, 120_000);

  // The page's Yosys is newer than Debian's (0.55 against 0.23) and stricter in places: a port
  // range naming a localparam declared after the port list passed 0.23, Icarus and Verilator
  // but failed the page's resource fit. Every file the page bundles must elaborate in it.
  it('reads every core file the page bundles and elaborates the core', async () => {
    const parsed = parseDocumentJson(readFileSync('public/examples/fixed-point-hw.json', 'utf8'));
    if (!parsed.ok) throw new Error('public/examples/fixed-point-hw.json is not valid');
    const fit = fitNetwork(parsed.document, { rtl: readCoreRtl(), version: 'test' });
    const files = Object.fromEntries(fit.exported.files.map((f) => [f.path, f.text]));
    const sources = Object.keys(files).filter((path) => CORE_RTL_FILES.some((f) => f === path));
    expect(sources).toHaveLength(CORE_RTL_FILES.length);
    const outcome = await runYosysWasm(
      {
        files,
        script:
          `read_verilog ${sources.join(' ')}; hierarchy -check -top spikelab_core; ` +
          `tee -q -o ${STAT_FILE} stat -json`,
        statFile: STAT_FILE,
      },
      () => {},
    );
    expect(Object.keys(parseYosysStat(outcome.stat).cells).length).toBeGreaterThan(0);
  }, 120_000);
});
