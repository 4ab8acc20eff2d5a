/**
 * Every hdl/ module passes Verilator's lint with all warnings on (-Wall), at its default
 * parameters and at the ends of the ranges the engine allows, so width slips that the simulators
 * would silently extend or truncate are caught.
 */
import { describe, expect, it } from 'vitest';
import { runTool } from './simulators.ts';

/** Each module file with the parameter sets to lint it at. */
const MODULES: readonly { file: string; top: string; params: readonly (readonly string[])[] }[] = [
  {
    file: 'hdl/lfsr.v',
    top: 'lfsr',
    // Sized literals: a bare -G number is 32 bits wide and would itself trip the WIDTH lint.
    params: [
      [],
      ['-GWIDTH=3', "-GTAPS=3'h6", "-GSEED=3'h1", '-GGALOIS=1'],
      ['-GWIDTH=32', "-GTAPS=32'h80200003", "-GSEED=32'h1"],
    ],
  },
  {
    file: 'hdl/fxp_lif_update.v',
    top: 'fxp_lif_update',
    // A thin wrapper over fxp_lif_var, found with -y hdl.
    params: [
      ['-y', 'hdl'],
      ['-y', 'hdl', '-GW=8', '-GS=1'],
      ['-y', 'hdl', '-GW=24', '-GS=16', '-GRW=8'],
    ],
  },
  {
    file: 'hdl/fxp_channel.v',
    top: 'fxp_channel',
    params: [[], ['-GW=8', '-GS=1'], ['-GW=24', '-GS=16']],
  },
  {
    file: 'hdl/loihi_compartment.v',
    top: 'loihi_compartment',
    params: [[], ['-GVW=32', '-GRW=16']],
  },
  {
    file: 'hdl/online_o1_update.v',
    top: 'online_o1_update',
    params: [
      [],
      ['-GWB=1', '-GTB=2', '-GRB=1', '-GLS=0', '-GDS=0'],
      ['-GWB=31', '-GTB=30', '-GRB=2', '-GLS=30', '-GDS=30'],
      ['-GWB=31', '-GTB=2', '-GRB=30', '-GLS=30', '-GDS=1'],
    ],
  },
  {
    file: 'hdl/host_bridge.v',
    top: 'host_bridge',
    params: [[], ["-GBUS_TIMEOUT=32'd1", "-GCTRL_BASE=32'h00001000"]],
  },
  // The board wrapper with its BSCANE2 stand-in and the bridge as library files (-v).
  {
    file: 'hdl/host_bridge_bscan.v',
    top: 'host_bridge_bscan',
    params: [
      ['-v', 'hdl/tb/bscane2_model.v', '-v', 'hdl/host_bridge.v'],
      ['-GUSER=4', '-v', 'hdl/tb/bscane2_model.v', '-v', 'hdl/host_bridge.v'],
    ],
  },
  { file: 'hdl/mix32.v', top: 'mix32', params: [[]] },
  { file: 'hdl/mix32_pipe.v', top: 'mix32_pipe', params: [[]] },
  {
    file: 'hdl/fxp_lif_var.v',
    top: 'fxp_lif_var',
    params: [[], ['-GWMAX=8', '-GSMAX=1', '-GRW=4']],
  },
  // The core and its lane find their submodules with -y hdl.
  {
    file: 'hdl/neuron_lane.v',
    top: 'neuron_lane',
    params: [
      ['-y', 'hdl'],
      ['-y', 'hdl', '-GCHMAX=16'],
    ],
  },
  {
    file: 'hdl/spikelab_core.v',
    top: 'spikelab_core',
    params: [
      ['-y', 'hdl'],
      [
        '-y',
        'hdl',
        '-GNMAX=2',
        '-GPOPMAX=2',
        '-GPRJMAX=2',
        '-GCHMAX=1',
        '-GDMAX=2',
        '-GSYNMAX=2',
        '-GROWMAX=2',
        '-GGPTRMAX=2',
        '-GGIDXMAX=2',
        '-GEXTMAX=2',
      ],
      ['-y', 'hdl', '-GNMAX=4096', '-GCHMAX=16', '-GDMAX=256', '-GSYNMAX=262144', '-GROWMAX=8192'],
    ],
  },
  {
    file: 'hdl/sc_lane.v',
    top: 'sc_lane',
    params: [
      ['-y', 'hdl'],
      ['-y', 'hdl', '-GCW=2'],
      ['-y', 'hdl', '-GCW=32'],
    ],
  },
  // The core with its Loihi memories and pass (LOIHI = 1), at the defaults and the smallest.
  {
    file: 'hdl/spikelab_core.v',
    top: 'spikelab_core',
    params: [
      ['-y', 'hdl', '-GLOIHI=1'],
      ['-y', 'hdl', '-GLOIHI=1', '-GNMAX=2', '-GPOPMAX=2', '-GPRJMAX=2', '-GCHMAX=1', '-GDMAX=2'],
    ],
  },
  // The core with its bus slave (BUS = 1): with and without Loihi, the smallest and 16 banks.
  {
    file: 'hdl/spikelab_core.v',
    top: 'spikelab_core',
    params: [
      ['-y', 'hdl', '-GBUS=1', '-GLOIHI=1'],
      ['-y', 'hdl', '-GBUS=1', '-GNMAX=2', '-GPOPMAX=2', '-GCHMAX=1', '-GDMAX=2', '-GEXTMAX=2'],
      ['-y', 'hdl', '-GBUS=1', '-GCHMAX=16', '-GNMAX=4096', '-GDMAX=256'],
    ],
  },
  // The OnlineO1 step with its configuration as ports, and the core with learning synapses.
  { file: 'hdl/online_o1_var.v', top: 'online_o1_var', params: [[]] },
  {
    file: 'hdl/spikelab_core.v',
    top: 'spikelab_core',
    params: [
      ['-y', 'hdl', '-GONLINE_O1=1'],
      ['-y', 'hdl', '-GONLINE_O1=1', '-GBUS=1', '-GLOIHI=1', '-GNMAX=2', '-GSYNMAX=2', '-GDMAX=2'],
    ],
  },
  // The core with integer SC layers (SCCHMAX > 0): its count phase, tables and bus regions.
  {
    file: 'hdl/spikelab_core.v',
    top: 'spikelab_core',
    params: [
      ['-y', 'hdl', '-GSCCHMAX=8', '-GSCKMAX=16'],
      [
        '-y',
        'hdl',
        '-GSCCHMAX=2',
        '-GSCKMAX=2',
        '-GBUS=1',
        '-GLOIHI=1',
        '-GONLINE_O1=1',
        '-GNMAX=2',
      ],
    ],
  },
  // The core's spike history and fan-out, at the defaults, the smallest and the largest.
  {
    file: 'hdl/delay_ring.v',
    top: 'delay_ring',
    params: [[], ['-GNMAX=2', '-GDMAX=2'], ['-GNMAX=4096', '-GDMAX=256']],
  },
  {
    file: 'hdl/spike_fanout.v',
    top: 'spike_fanout',
    params: [
      [],
      ['-GNMAX=2', '-GDMAX=2', '-GSYNMAX=2', '-GROWMAX=2'],
      ['-GNMAX=4096', '-GDMAX=256', '-GSYNMAX=262144', '-GROWMAX=8192'],
    ],
  },
];

describe('hdl/ modules are clean under verilator --lint-only -Wall', () => {
  for (const { file, top, params } of MODULES) {
    it.each(params.map((p) => [p.join(' ') || 'defaults', p] as const))(
      `${file} (%s)`,
      (_, overrides) => {
        const output = runTool(
          'verilator',
          ['--lint-only', '-Wall', '--top-module', top, ...overrides, file],
          `linting ${file}`,
        );
        expect(output).toBe('');
      },
    );
  }
});
