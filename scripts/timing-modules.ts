/**
 * The timing estimate (src/hdl/timing) of each hdl/ module synthesised alone
 * (`synth_xilinx -family xc7 -flatten`, default parameters), its ports counted as registers
 * outside it: the longest path, its LUTs and CARRY4s, the Fmax, and the path's ends. Prints a
 * Markdown table for hdl/README.md, "Timing estimate". By hand (about a minute of Yosys):
 *   npx tsx scripts/timing-modules.ts [MODULE ...]
 * The core at a network's capacities: `npx spikelab fit NET.json --timing`.
 */
import { analyseTiming } from '../src/hdl/timing/sta.ts';
import { synthForTiming } from '../src/hdl/timing/synth-timing-node.ts';
import { shortSrc } from '../src/hdl/timing/timing-text.ts';

/** Each module with the files it needs (hdl/), as tests/hdl/synth.test.ts reads them. */
const MODULES: readonly { top: string; files: readonly string[] }[] = [
  { top: 'lfsr', files: ['lfsr.v'] },
  { top: 'mix32', files: ['mix32.v'] },
  { top: 'fxp_channel', files: ['fxp_channel.v'] },
  { top: 'fxp_lif_update', files: ['fxp_lif_var.v', 'fxp_lif_update.v'] },
  { top: 'neuron_lane', files: ['fxp_lif_var.v', 'neuron_lane.v'] },
  { top: 'loihi_compartment', files: ['loihi_compartment.v'] },
  { top: 'online_o1_update', files: ['online_o1_update.v'] },
  { top: 'online_o1_var', files: ['online_o1_var.v'] },
  { top: 'sc_lane', files: ['mix32.v', 'sc_lane.v'] },
  { top: 'delay_ring', files: ['delay_ring.v'] },
  { top: 'spike_fanout', files: ['spike_fanout.v'] },
  { top: 'host_bridge', files: ['host_bridge.v'] },
];

const only = new Set(process.argv.slice(2));
const cwd = new URL('../hdl/', import.meta.url).pathname;
console.log(
  '| module | registers | longest path | LUTs / CARRY4 / DSP | Fmax | from -> to | Yosys s |',
);
console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: |');
for (const m of MODULES) {
  if (only.size > 0 && !only.has(m.top)) continue;
  try {
    const { netlist, seconds } = await synthForTiming({ files: m.files, top: m.top, cwd });
    const report = analyseTiming(netlist, { ports: true, paths: 3 });
    const d = report.domains[0];
    const p = d?.paths[0];
    if (d === undefined || p === undefined) {
      console.log(`| ${m.top} | 0 | no path | | | | ${seconds.toFixed(1)} |`);
      continue;
    }
    const where = shortSrc(p.toSrc);
    console.log(
      `| ${m.top} | ${d.registers} | ${(d.periodPs / 1000).toFixed(2)} ns | ${p.luts} / ${p.carry4} / ${p.dsp} | ${d.fmaxMhz.toFixed(0)} MHz | \`${p.from}\` -> \`${p.to}\`${where ? ` (${where})` : ''} | ${seconds.toFixed(1)} |`,
    );
  } catch (error) {
    console.log(`| ${m.top} | failed: ${(error as Error).message.split('\n')[0]} | | | | | |`);
  }
}
