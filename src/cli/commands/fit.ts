/**
 * `spikelab fit`: how much of a PYNQ-Z2 the Verilog core takes for a network. The estimate
 * model (src/hdl/fit) answers at once; then Debian's `yosys` synthesises the export
 * (`synth_xilinx -family xc7`) and its counts are printed beside the estimate, with the
 * difference per resource, the part's use and the largest same-shape network that fits.
 */
import { CapacityError, ExportRefusedError } from '../../hdl/export-verilog.ts';
import { difference, utilisation } from '../../hdl/fit/fit-report.ts';
import { fitNetwork, type NetworkFit } from '../../hdl/fit/fit-network.ts';
import { estimateText, measuredText } from '../../hdl/fit/fit-text.ts';
import { YosysError, runYosys, type YosysRun } from '../../hdl/fit/run-yosys-node.ts';
import { analyseTiming, type TimingReport } from '../../hdl/timing/sta.ts';
import { timingText } from '../../hdl/timing/timing-text.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { readCoreRtl } from '../core-rtl.ts';
import { loadDocument } from '../load-document.ts';
import { flag, positionals } from '../option-values.ts';
import { spikelabVersion } from '../version.ts';

function jsonReport(
  fit: NetworkFit,
  run: YosysRun | undefined,
  timing: TimingReport | undefined,
): unknown {
  const l = fit.largest;
  return {
    ...(timing === undefined ? {} : { timing }),
    neurons: fit.exported.needs.neurons,
    synapses: fit.synapses,
    capacity: fit.exported.capacity,
    estimate: {
      luts: fit.estimate.luts,
      flipFlops: fit.estimate.flipFlops,
      bram36: fit.estimate.bram36,
      dsp: fit.estimate.dsp,
      ramb18: fit.estimate.ramb18,
      ramb36: fit.estimate.ramb36,
      lutRamCells: fit.estimate.lutRamCells,
    },
    yosys: run === undefined ? null : { ...run.counts, seconds: run.seconds },
    differencePercent: run === undefined ? null : difference(fit.estimate, run.counts),
    utilisation: utilisation(run?.counts ?? fit.estimate),
    largest:
      l === undefined
        ? null
        : {
            neurons: l.largest.needs.neurons,
            synapses: l.largest.needs.synapses,
            factor: l.largest.factor,
            capacity: l.largest.capacity,
            estimate: {
              luts: l.largest.estimate.luts,
              flipFlops: l.largest.estimate.flipFlops,
              bram36: l.largest.estimate.bram36,
              dsp: l.largest.estimate.dsp,
            },
          },
  };
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'resources of the Verilog core for a network on a PYNQ-Z2 (estimate, then yosys)',
  usage: 'spikelab fit NETWORK.json [--json] [--estimate-only] [--timing]',
  options: [
    { name: 'json', isSwitch: true, help: 'print one JSON object instead of the tables' },
    { name: 'estimate-only', isSwitch: true, help: 'the instant estimate only; do not run yosys' },
    {
      name: 'timing',
      isSwitch: true,
      help: 'also estimate the clock: the longest register-to-register path of the netlist',
    },
  ],
  details: [
    "Prints the generator's estimate of LUTs, flip-flops, block RAM and DSP48E1 for the core",
    'at the capacities the network needs, then synthesises the export with Yosys',
    '(synth_xilinx -family xc7, minutes for large networks; progress on stderr) and prints its',
    'counts, the difference per resource, the use of the PYNQ-Z2 (53,200 LUTs, 106,400',
    'flip-flops, 140 RAMB36, 220 DSP) and the largest network of the same shape (every',
    'population scaled by one factor) that fits by the estimate.',
    '',
    '--timing flattens the synthesis, reads its netlist and estimates the longest',
    'register-to-register path with 7-series delays (Project X-Ray, Artix-7 fabric) and an',
    'assumed routing delay per net: the Fmax against 100 MHz and the deepest paths by register',
    'name and source line. An estimate, not a Vivado sign-off (hdl/README.md, "Timing estimate").',
    '',
    'Exit status: 0 done; 2 bad command line, invalid document, refused or too big for a',
    'PYNQ-Z2 (as export-verilog); 1 yosys missing or failed.',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['NETWORK.json'], 'fit');
    const asJson = flag(args, 'json');
    const doc = await loadDocument(path, io.cwd);
    let fit: NetworkFit;
    try {
      fit = fitNetwork(doc, { rtl: readCoreRtl(), version: spikelabVersion() });
    } catch (error) {
      if (error instanceof ExportRefusedError || error instanceof CapacityError) {
        throw new CliError(error.message, EXIT.usage);
      }
      throw error;
    }
    if (!asJson) io.stdout(estimateText(doc.name, fit));
    let run: YosysRun | undefined;
    let timing: TimingReport | undefined;
    const wantTiming = flag(args, 'timing');
    if (wantTiming && flag(args, 'estimate-only')) {
      throw new CliError(
        '--timing needs the yosys run; it cannot go with --estimate-only',
        EXIT.usage,
      );
    }
    if (!flag(args, 'estimate-only')) {
      io.stderr('spikelab fit: running yosys synth_xilinx -family xc7 on the export\n');
      try {
        run = await runYosys({
          files: fit.exported.files,
          capacity: fit.exported.capacity,
          onProgress: (line) => io.stderr(`  ${line}\n`),
          timing: wantTiming,
        });
      } catch (error) {
        if (error instanceof YosysError) throw new CliError(error.message, EXIT.runFailed);
        throw error;
      }
      if (!asJson) io.stdout(measuredText(fit, run.counts, run.seconds));
      if (run.netlist !== undefined) {
        timing = analyseTiming(run.netlist);
        if (!asJson) io.stdout(timingText(timing));
      }
    }
    if (asJson) io.stdout(`${JSON.stringify(jsonReport(fit, run, timing), null, 2)}\n`);
    return EXIT.ok;
  },
};
