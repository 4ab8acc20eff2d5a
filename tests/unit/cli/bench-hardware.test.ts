/**
 * The bench's hardware section, its pure parts: the testbench's counter line, the rates drawn
 * from it, the generated networks and the table (figures fixed here, computed by hand).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import {
  coreRates,
  countCsvSpikes,
  parseCoreCounters,
} from '../../../src/cli/bench/hardware-counters.ts';
import {
  INPUT_FAN_IN,
  RECURRENT_FAN_IN,
  hardwareNetwork,
} from '../../../src/cli/bench/hardware-networks.ts';
import type { CoreRow, HardwareBenchReport } from '../../../src/cli/bench/hardware-report.ts';
import { renderHardwareSection } from '../../../src/cli/bench/hardware-table.ts';

const TB_LINE =
  'spikelab: 300 steps, 65400 clocks (36900 neuron pass, 28200 delivery), 25380 synaptic events';

describe('parseCoreCounters', () => {
  it('reads the counter line among other output, phases by name', () => {
    const c = parseCoreCounters(`- V e r i l a t i o n\n${TB_LINE}\n- tb_top.v:160: $finish\n`);
    expect(c).toEqual({
      steps: 300,
      clocks: 65400,
      phases: { 'neuron pass': 36900, delivery: 28200 },
      events: 25380,
    });
  });

  it('keeps a phase it does not know and takes the last counter line', () => {
    const out =
      'spikelab: 1 steps, 9 clocks (9 neuron pass), 0 synaptic events\n' +
      'spikelab: 2 steps, 30 clocks (10 neuron pass, 12 delivery, 8 loihi pass), 6 synaptic events\n';
    expect(parseCoreCounters(out).phases).toEqual({
      'neuron pass': 10,
      delivery: 12,
      'loihi pass': 8,
    });
  });

  it('names what is missing', () => {
    expect(() => parseCoreCounters('%Error: tb_top.v:3: syntax error')).toThrow(
      /printed no counter line.*syntax error/,
    );
    expect(() =>
      parseCoreCounters('spikelab: 2 steps, 30 clocks (ten pass), 6 synaptic events'),
    ).toThrow(/unreadable phase 'ten pass'/);
  });
});

describe('coreRates', () => {
  it('divides by steps, clocks and delivery clocks', () => {
    const r = coreRates(parseCoreCounters(TB_LINE));
    expect(r.clocks_per_step).toBe(218);
    expect(r.events_per_clock).toBeCloseTo(25380 / 65400, 12);
    expect(r.events_per_delivery_clock).toBe(0.9);
    expect(r.phase_clocks_per_step).toEqual({ 'neuron pass': 123, delivery: 94 });
  });

  it('has no per-delivery rate without a delivery phase, and 0 for an empty run', () => {
    const r = coreRates({ steps: 0, clocks: 0, phases: { 'neuron pass': 0 }, events: 0 });
    expect(r.events_per_delivery_clock).toBeNull();
    expect(r.clocks_per_step).toBe(0);
    expect(r.events_per_clock).toBe(0);
  });
});

it('countCsvSpikes counts the lines after the header', () => {
  expect(countCsvSpikes('step,population,index\n0,core,3\n4,core,1\n')).toBe(2);
  expect(countCsvSpikes('step,population,index\n')).toBe(0);
});

describe('hardwareNetwork', () => {
  it.each(['fixed_point_lif', 'loihi'] as const)(
    '%s: fixed fan-in at every size, same ids',
    (kind) => {
      for (const neurons of [64, 256]) {
        const doc = hardwareNetwork({ kind, neurons, steps: 50 });
        expect(doc.populations.map((p) => [p.id, p.model, p.size])).toEqual([
          ['input', 'poisson', neurons / 4],
          ['core', kind, neurons],
        ]);
        const plan = compile(doc);
        const synapses = plan.projections.map((p) => p.csr.targets.length);
        expect(synapses).toEqual([INPUT_FAN_IN * neurons, RECURRENT_FAN_IN * neurons]);
        expect(plan.totalSteps).toBe(50);
      }
    },
  );
});

function coreRow(over: Partial<CoreRow>): CoreRow {
  return {
    kind: 'fixed_point_lif',
    name: 'n',
    size: 256,
    neurons: 320,
    synapses: 6144,
    steps: 300,
    status: 'ok',
    engine: [],
    ...over,
  };
}

function report(cores: CoreRow[], fits: HardwareBenchReport['fits']): HardwareBenchReport {
  return {
    verilator: 'Verilator 5.006',
    yosys: 'unavailable: yosys is not on PATH (Debian: apt-get install yosys)',
    lanes: 1,
    references: {
      goal_events_per_clock_per_lane: 0.9,
      odin_events_per_clock: 0.5,
      pynq_z2_design: {
        design: '64x64 LIF with STDP',
        luts: 4652,
        flipFlops: 3195,
        bram: 2,
        clock_mhz: 100,
      },
    },
    cores,
    not_for_hardware: ['cuba.json'],
    fits,
    board_top: {
      estimate: { luts: 17697, flipFlops: 6978, bram36: 102, dsp: 59 },
      yosys_by_hand: { luts: 18719, flipFlops: 6145, bram36: 110.5, dsp: 58 },
      core: '7396b09',
      yosys_cpu_s: 133,
      difference_percent: { luts: -5.46, flipFlops: 13.56, bram36: -7.69, dsp: 1.72 },
      timing: { period_ns: 37.62, fmax_mhz: 26.58, worst_path: 'core.lb_elig -> core.sw_wd' },
    },
  };
}

describe('renderHardwareSection', () => {
  const counters = parseCoreCounters(TB_LINE);
  const ok = coreRow({
    counters,
    rates: coreRates(counters),
    verilator_steps_per_s: 2400.4,
    spikes: 2019,
    spikes_match_engine: true,
    engine: [
      { label: 'reference', status: 'ok', steps_per_s: 4230.2, spikes: 2019 },
      { label: 'wasm', status: 'unavailable', reason: 'no wasm\nhere' },
    ],
  });
  const refused = coreRow({
    kind: 'loihi',
    size: 1024,
    status: 'refused',
    reason: "'x' cannot be exported to the Verilog core; populations[1]: a loihi population",
  });
  const text = renderHardwareSection(
    report(
      [ok, refused],
      [
        {
          name: 'fixed-point-hw.json',
          status: 'ok',
          neurons: 98,
          synapses: 911,
          estimate: { luts: 2699, flipFlops: 803, bram36: 3.5, dsp: 20 },
          yosys_status: 'ok',
          yosys: { luts: 2700, flipFlops: 800, bram36: 3.5, dsp: 20 },
          yosys_seconds: 52.4,
          difference_percent: { luts: -0.04, flipFlops: 0.375, bram36: 0, dsp: 0 },
          timing: { period_ns: 8.123, fmax_mhz: 123.1, worst_path: 'a -> b (3 LUT)' },
          largest: {
            neurons: 831,
            synapses: 65530,
            estimate: { luts: 2568, flipFlops: 803, bram36: 77.5, dsp: 20 },
          },
        },
        { name: 'loihi.json', status: 'refused', reason: 'no\nLoihi yet' },
      ],
    ),
  ).join('\n');

  it('puts the counters beside the goal and ODIN', () => {
    expect(text).toMatch(
      /fixed-point LIF 256 +320 +6,144 +218\.0 +123\.0 +94\.0 +25,380 +0\.900 +0\.388 +\(per delivery clock: meets the goal, 1\.80 x ODIN\)/,
    );
    expect(text).toContain('goal >= 0.9 events per clock per lane');
  });

  it('quotes a refusal and an unavailable backend on one line each', () => {
    expect(text).toMatch(
      /Loihi 1,024 +refused: 'x' cannot be exported to the Verilog core; populations\[1\]: a loihi population\n/,
    );
    expect(text).toContain('wasm: unavailable: no wasm here');
  });

  it('puts Verilator steps/s beside the engine and compares spikes', () => {
    expect(text).toMatch(/fixed-point LIF 256 +2,400 +4,230 +unavailable +2,019 +equal/);
  });

  it('lists resources beside the estimate and the published design', () => {
    expect(text).toContain(
      'estimate 2,699 / 803 / 3.5 / 20; Yosys 2,700 / 800 / 3.5 / 20 (52 s); ' +
        'estimate vs Yosys 0.0 % / +0.4 % / 0.0 % / 0.0 %',
    );
    expect(text).toContain(
      'timing estimate (not Vivado): longest path 8.12 ns, about 123 MHz (100 MHz met): a -> b (3 LUT)',
    );
    expect(text).toMatch(/board top \(BOARD_CAPACITY; Yosys by hand, core 7396b09, 133 s of CPU\)/);
    expect(text).toContain(
      'estimate 17,697 / 6,978 / 102 / 59; Yosys 18,719 / 6,145 / 110.5 / 58; ' +
        'estimate vs Yosys -5.5 % / +13.6 % / -7.7 % / +1.7 %',
    );
    expect(text).toContain('longest path 37.62 ns, about 27 MHz (100 MHz missed)');
    expect(text).toContain('831 neurons, 65,530 synapses');
    expect(text).toContain('4,652 LUTs, 3,195 flip-flops, 2 BRAM');
    expect(text).toContain('loihi.json: refused: no Loihi yet');
    expect(text).toContain('refuses: cuba.json');
  });

  it('says when the goal is missed', () => {
    const slow = parseCoreCounters(
      'spikelab: 10 steps, 100 clocks (50 neuron pass, 50 delivery), 25 synaptic events',
    );
    const lines = renderHardwareSection(
      report([coreRow({ counters: slow, rates: coreRates(slow) })], []),
    ).join('\n');
    expect(lines).toContain('(per delivery clock: 0.56 x the goal, 1.00 x ODIN)');
  });
});
