/**
 * `spikelab bench`: CUBA and a scaling series on every backend, with Brian2 timed beside them
 * in the same run. A benchmark, not a test: missing backends or a missing Brian2 make rows
 * that say why, and the bench still completes.
 */
import { EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import type { ParsedArgs } from '../args.ts';
import type { CliIo } from '../io.ts';
import { flag, integer, positionals, positiveNumber, text } from '../option-values.ts';
import { CliError } from '../cli-error.ts';
import { DEFAULT_BENCH_BACKENDS, parseBackendList } from '../bench/backends.ts';
import type { Brian2Mode } from '../bench/brian2.ts';
import { CUBA } from '../bench/networks.ts';
import { runBench } from '../bench/suite.ts';
import { DEFAULT_LEARNING_BENCH, QUICK_LEARNING_BENCH } from '../bench/learning.ts';
import { renderBenchTable } from '../bench/table.ts';
import {
  DEFAULT_HARDWARE_BENCH,
  QUICK_HARDWARE_BENCH,
  benchHardwareSection,
} from '../bench/hardware.ts';
import { benchBoardUpload } from '../bench/board-upload.ts';
import {
  DEFAULT_INTERCHANGE_BENCH,
  QUICK_INTERCHANGE_BENCH,
  benchInterchange,
  type InterchangeReport,
} from '../bench/interchange.ts';
import { renderInterchangeSection } from '../bench/interchange-table.ts';
import { DEFAULT_SWEEP_BENCH, QUICK_SWEEP_BENCH, benchSweeps } from '../bench/sweep.ts';

const FULL_SIZES = [1000, 4000, 16000, 64000];

export const benchCommand: Command = {
  name: 'bench',
  summary: 'time CUBA and a scaling series on every backend, beside Brian2',
  usage: 'spikelab bench [options]',
  options: [
    { name: 'json', isSwitch: true, help: 'print the results as JSON instead of a table' },
    { name: 'quick', isSwitch: true, help: 'CUBA only, 3 repeats (about a minute with Brian2)' },
    { name: 'full', isSwitch: true, help: "also time Brian2's numpy runtime (slow)" },
    {
      name: 'backends',
      valueName: 'LIST',
      help: 'comma-separated (default reference,wasm,gpu:webasm,gpu:cpu)',
    },
    {
      name: 'repeats',
      valueName: 'N',
      help: 'timed runs per backend, median reported (default 5, quick 3)',
    },
    {
      name: 'duration',
      valueName: 'MS',
      help: `simulated time of every network (default ${CUBA.durationMs})`,
    },
    {
      name: 'sizes',
      valueName: 'LIST',
      help: `scaling series neuron counts (default ${FULL_SIZES.join(',')})`,
    },
    {
      name: 'neurons',
      valueName: 'N',
      help: 'CUBA-like network of N neurons instead of CUBA (no baseline)',
    },
    {
      name: 'max-run',
      valueName: 'S',
      help: 'skip a backend on a network where one run would take > S s (default 10)',
    },
    { name: 'no-baseline', isSwitch: true, help: 'do not run Brian2' },
    { name: 'no-sc', isSwitch: true, help: 'skip the stochastic-computing kernels' },
    { name: 'no-sweep', isSwitch: true, help: 'skip the sweep batch against sequential runs' },
    { name: 'no-learning', isSwitch: true, help: 'skip OnlineO1, STDP and BPTT throughput' },
    {
      name: 'no-hardware',
      isSwitch: true,
      help: 'skip the Verilog core (Verilator speed, clocks per step, Yosys resources)',
    },
    {
      name: 'no-interchange',
      isSwitch: true,
      help: 'skip the NIR import and the imported conv network beside its Brian2 export',
    },
    {
      name: 'only',
      valueName: 'SECTION',
      help: "run one section alone: 'interchange'",
    },
    {
      name: 'no-board',
      isSwitch: true,
      help: 'skip the board upload model (MPSSE bytes, round trips, upload time)',
    },
  ],
  details: [
    'Per network and backend: loop ms (simulation loop only, median of the repeats), x realtime',
    '(simulated time / loop time), syn events/s (sum over spikes of the out-degree / loop time)',
    'and spikes (equal spike counts show the runs are comparable). Per network: connectivity',
    'bytes per synapse and total state bytes, from the compiled plan.',
    '',
    "Baseline: when '/usr/bin/python3 -c \"import brian2\"' works (or $SPIKELAB_PYTHON), Brian2's CUBA",
    'is built in C++ standalone mode with scripts/brian2_cuba.py and its loop time (median of',
    'the repeats) printed beside ours. Otherwise the row says why it is unavailable.',
    '',
    'Stochastic computing: bit-packed AND + popcount throughput (Gbit/s) over 32-Mbit streams on',
    'each SC backend (js, wasm, gpu.js cpu/webasm, webgpu where Dawn loads), every count checked',
    "against JavaScript's; steps/s of the tutorial's section 4 SC dense layer (the library's), and",
    'of the same layer as an sc_dense document on each --backends backend, its spike count compared',
    "with the library's (--quick: 2-Mbit streams, 5000 steps).",
    '',
    'Learning: OnlineO1 synaptic updates/s of every form of its step (js, wasm, packed state,',
    "gpu.js cpu/webasm/webgpu) on 100,000 synapses, each final state checked against stepMany's,",
    'with bytes of state per synapse from its arrays; STDP and OnlineO1 updates/s (plastic',
    'synapses x steps / loop time) of 100 ms of a 4000-neuron CUBA whose excitatory projections',
    'learn, on each --backends backend; BPTT training samples/s of a 40-64-4 LIF network per',
    'training device (--quick: 10,000 synapses, 1000 neurons for 50 ms, one batch).',
    '',
    'Hardware: seeded networks of a Poisson input into fixed_point_lif and loihi populations of',
    `${DEFAULT_HARDWARE_BENCH.sizes.join(', ')} neurons (each receiving 8 input and 16 recurrent synapses), ${DEFAULT_HARDWARE_BENCH.steps} steps,`,
    "exported with export-verilog and run in Verilator (one build per kind): the core's clocks",
    'per step and synaptic events per clock (per delivery clock and overall) from its counters,',
    "beside the goal (0.9 per clock per lane) and ODIN's 2 clocks per event; Verilator's steps/s",
    "beside the engine's (--backends, default reference,wasm) on the same network and steps, spike",
    "counts compared; the generator's resource estimate and Yosys synth_xilinx for every example",
    'that passes the hardware check, the largest same-shape network that fits a PYNQ-Z2, beside',
    'the published 64x64 LIF PYNQ-Z2 design. A network export-verilog refuses gets a row quoting',
    'its message; missing verilator or yosys rows say so (--quick: 256 neurons, 300 steps, no',
    'Yosys).',
    '',
    'Sweeps: a 100-ms sweep of a small network (40 Poisson inputs into 100 LIF neurons) over its',
    'input weight at 8 and 64 variants, run as one batch (every variant side by side in one plan,',
    'one kernel launch per kernel and step on the gpu backend) and as single runs one after',
    'another on each --backends backend: loop and wall times, speed-ups, spike counts compared',
    '(--quick: 20 ms). A row whose single runs are predicted to take over 6 x --max-run is skipped.',
    '',
    'Interchange: a NIR conv network (Input 2x34x34, Conv2d 2->16, CubaLIF, SumPool2d, Conv2d',
    '16->6, CubaLIF, Flatten, Affine ->10, LIF; 984,048 synapses) written with writeNirFile, then',
    'readNirFile, importNir and validate+compile timed (median of the repeats) with rss and heap',
    "after each and the plan's estimated bytes; 200 ms of it with Poisson-like input spikes on",
    'each --backends backend beside its export-brian2 script under Brian2 (numpy, and',
    "cpp_standalone with a C++ compiler; Brian2's own loop time, build excluded). --only",
    'interchange runs this section alone (--quick: the same layers at 79,776 synapses, one repeat,',
    '50 ms, Brian2 numpy only).',
    '',
    'Exit status: 0 when the bench completed (whatever rows were unavailable); 2 bad options.',
  ].join('\n'),
  run: async (args, io) => {
    positionals(args, [], 'bench');
    const only = text(args, 'only');
    if (only !== undefined) {
      if (only !== 'interchange') {
        throw new CliError(`--only: '${only}' is not a section that runs alone (interchange)`);
      }
      const interchange = await interchangeSection(args, io);
      io.stdout(
        flag(args, 'json')
          ? `${JSON.stringify({ interchange }, null, 2)}\n`
          : `${renderInterchangeSection(interchange).join('\n')}\n`,
      );
      return EXIT.ok;
    }
    const quick = flag(args, 'quick');
    const backends = text(args, 'backends');
    const cubaNeurons = integer(args, 'neurons', 10, 10_000_000) ?? CUBA.neurons;
    const baseline: Brian2Mode[] = flag(args, 'no-baseline')
      ? []
      : flag(args, 'full')
        ? ['cpp_standalone', 'runtime']
        : ['cpp_standalone'];
    const repeats = integer(args, 'repeats', 1, 1000) ?? (quick ? 3 : 5);
    const report = await runBench({
      backends: backends === undefined ? DEFAULT_BENCH_BACKENDS : parseBackendList(backends),
      repeats,
      cubaNeurons,
      durationMs: positiveNumber(args, 'duration') ?? CUBA.durationMs,
      sizes: quick && !args.options.has('sizes') ? [] : parseSizes(text(args, 'sizes')),
      baseline,
      maxRunMs: (positiveNumber(args, 'max-run') ?? 10) * 1000,
      chunkSteps: 5000,
      stochasticComputing: flag(args, 'no-sc')
        ? null
        : quick
          ? { words: 1 << 16, minMs: 100, denseSteps: 5000 }
          : {},
      learning: flag(args, 'no-learning')
        ? null
        : quick
          ? QUICK_LEARNING_BENCH
          : DEFAULT_LEARNING_BENCH,
      ...(io.stderrIsTTY
        ? { onProgress: (line: string) => io.stderr(`\r\x1b[Kbench: ${line}`) }
        : {}),
    });
    const hardware = flag(args, 'no-hardware')
      ? null
      : await benchHardwareSection(
          {
            ...(quick ? QUICK_HARDWARE_BENCH : DEFAULT_HARDWARE_BENCH),
            backends: parseBackendList(backends ?? 'reference,wasm'),
            repeats,
            maxRunMs: (positiveNumber(args, 'max-run') ?? 10) * 1000,
            chunkSteps: 5000,
          },
          io.stderrIsTTY ? (line) => io.stderr(`\r\x1b[Kbench: ${line}`) : () => undefined,
        );
    if (io.stderrIsTTY) io.stderr('\r\x1b[K');
    const board = flag(args, 'no-board') ? null : await benchBoardUpload();
    const sweep = flag(args, 'no-sweep')
      ? null
      : await benchSweeps(
          {
            ...(quick ? QUICK_SWEEP_BENCH : DEFAULT_SWEEP_BENCH),
            backends: backends === undefined ? DEFAULT_BENCH_BACKENDS : parseBackendList(backends),
            maxRunMs: (positiveNumber(args, 'max-run') ?? 10) * 1000 * 6,
          },
          io.stderrIsTTY ? (line) => io.stderr(`\r\x1b[Kbench: ${line}`) : () => undefined,
        );
    if (io.stderrIsTTY) io.stderr('\r\x1b[K');
    const interchange = flag(args, 'no-interchange') ? null : await interchangeSection(args, io);
    const full = { ...report, hardware, board, sweep, interchange };
    io.stdout(flag(args, 'json') ? `${JSON.stringify(full, null, 2)}\n` : renderBenchTable(full));
    return EXIT.ok;
  },
};

/** The interchange section with the command's options (`--quick`: the scaled-down network). */
function interchangeSection(args: ParsedArgs, io: CliIo): Promise<InterchangeReport> {
  const quick = flag(args, 'quick');
  const backends = text(args, 'backends');
  const base = quick ? QUICK_INTERCHANGE_BENCH : DEFAULT_INTERCHANGE_BENCH;
  const result = benchInterchange(
    {
      ...base,
      repeats: integer(args, 'repeats', 1, 1000) ?? base.repeats,
      backends: parseBackendList(backends ?? 'reference,wasm'),
      maxRunMs: (positiveNumber(args, 'max-run') ?? 10) * 1000,
      brian2: flag(args, 'no-baseline') ? [] : base.brian2,
    },
    io.stderrIsTTY ? (line) => io.stderr(`\r\x1b[Kbench: ${line}`) : () => undefined,
  );
  return result.finally(() => {
    if (io.stderrIsTTY) io.stderr('\r\x1b[K');
  });
}

function parseSizes(list: string | undefined): number[] {
  if (list === undefined) return FULL_SIZES;
  return list.split(',').map((word) => {
    const n = Number(word.trim());
    if (!/^\d+$/.test(word.trim()) || n < 10 || n > 10_000_000) {
      throw new CliError(`--sizes: '${word}' is not a neuron count in 10..10000000`);
    }
    return n;
  });
}
