/**
 * The harness's own failures are loud: a missing tool names itself and how to install it, and a
 * bench that does not compile fails with the simulator's message, in both simulators.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIMULATORS, buildBench, runTool, workDir } from './simulators.ts';

describe('tests/hdl harness', () => {
  it('a missing simulator fails with its name and the install hint', () => {
    expect(() => runTool('spikelab-no-such-simulator', ['-V'], 'building tb_x')).toThrow(
      /building tb_x: 'spikelab-no-such-simulator' is not on PATH; install Debian's iverilog and verilator/,
    );
  });

  it.each(SIMULATORS)('%s: a bench that does not compile fails with the tool output', (sim) => {
    const work = workDir(`broken-${sim}`);
    try {
      const file = join(work.dir, 'tb_broken.v');
      writeFileSync(file, 'module tb_broken;\n  wire [3:0] a = undeclared_net;\nendmodule\n');
      expect(() => buildBench(sim, { top: 'tb_broken', sources: [file] }, work.dir)).toThrow(
        /building tb_broken with (icarus|verilator): .* ended with exit status \d+\n[\s\S]*undeclared_net/,
      );
    } finally {
      work.dispose();
    }
  });
});
