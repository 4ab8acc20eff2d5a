/**
 * The harness can fail: copies of the modules with one deliberate slip each (a logical instead
 * of an arithmetic shift, a wrapping instead of a saturating add, XNOR instead of XOR feedback)
 * run through the same benches in Icarus, and the comparison must name the field that differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FXP_BENCH, LFSR_BENCH } from './benches.ts';
import { FXP_EXPECTED, describeFxpVector, simulateFxp } from './fxp-run.ts';
import { LFSR_EXPECTED, describeLfsrRecord, simulateLfsr } from './lfsr-run.ts';
import { firstMismatch } from './mismatch.ts';
import { type Bench, REPO_ROOT, workDir } from './simulators.ts';
import { LOIHI_BENCH, LOIHI_EXPECTED, describeLoihiVector, simulateLoihi } from './loihi-run.ts';
import { O1_BENCH, O1_EXPECTED, O1_VECTORS, describeO1Vector, runO1 } from './online-o1-run.ts';
import { buildBench } from './simulators.ts';
import { BRIDGE_BENCH, CLOCK_PAIRS, runBridgeBench } from './host-bridge-run.ts';
import {
  SC_LANE_BENCH,
  SC_LANE_EXPECTED,
  describeScLaneClock,
  simulateScLane,
} from './sc-lane-run.ts';
import { bridgeScenario, checkBridgeRun } from './host-bridge-scenario.ts';
import { RING_BENCH, RING_STIMULUS, describeRingQuery, simulateRing } from './delay-ring-run.ts';
import {
  MIX32_PIPE_BENCH,
  MIX32_PIPE_EXPECTED,
  describeMix32Clock,
  simulateMix32Pipe,
} from './mix32-pipe-run.ts';
import {
  FANOUT_BENCH,
  FANOUT_EXPECTED,
  describeFanoutRecord,
  simulateFanout,
} from './spike-fanout-run.ts';

/** `bench` with `file` replaced by a copy in `dir` where `from` (which must occur) is `to`. */
function mutate(bench: Bench, file: string, from: string, to: string, dir: string): Bench {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  if (!text.includes(from)) throw new Error(`mutant: '${from}' not found in ${file}`);
  const copy = join(dir, file.replaceAll('/', '_'));
  writeFileSync(copy, text.replace(from, to));
  return { ...bench, sources: bench.sources.map((s) => (s === file ? copy : s)) };
}

const FXP_MUTANTS = [
  {
    file: 'hdl/fxp_lif_var.v',
    from: '* leak_x) >>> s_shift',
    to: '* leak_x) >> s_shift',
    field: 'field v',
  },
  {
    file: 'hdl/fxp_channel.v',
    from: 'assign delivered = overflow ? bound : sum[W-1:0];',
    to: 'assign delivered = sum[W-1:0];',
    field: 'field delivered',
  },
] as const;

describe('the hdl comparison reports a broken module', () => {
  it.each(FXP_MUTANTS)('$file: $from -> $to', ({ file, from, to, field }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(FXP_BENCH, file, from, to, work.dir);
      const mismatch = firstMismatch(
        FXP_EXPECTED,
        simulateFxp('icarus', bench, work.dir),
        describeFxpVector,
      );
      expect(mismatch).toContain(field);
    } finally {
      work.dispose();
    }
  });

  it('hdl/lfsr.v: XNOR feedback', () => {
    const work = workDir('mutant');
    try {
      const bench = mutate(
        LFSR_BENCH,
        'hdl/lfsr.v',
        '^(state & TAPS)',
        '~^(state & TAPS)',
        work.dir,
      );
      const mismatch = firstMismatch(
        LFSR_EXPECTED,
        simulateLfsr('icarus', bench, work.dir),
        describeLfsrRecord,
      );
      expect(mismatch).toMatch(/^vector \d+, field (state|next):/);
    } finally {
      work.dispose();
    }
  });
});

// hdl/loihi_compartment.v: a floor instead of the ceil, the decayed I fed to v (the engine adds
// the I before its decay), and the threshold met exactly counted as a spike.
const LOIHI_MUTANTS = [
  { from: 'i_prod_s + i_bias', to: 'i_prod_s', field: /field i:/ },
  {
    from: 'u = v_x - rnd_x + i_x;',
    to: 'u = v_x - rnd_x + {{(UW - VW) {i_next[VW-1]}}, i_next};',
    field: /field (v|spike):/,
  },
  { from: '(u > threshold_x)', to: '(u >= threshold_x)', field: /field (v|refr|spike):/ },
] as const;

// hdl/online_o1_update.v: potentiation from the new pre trace, a logical shift of a negative
// product, the bare decay formula at trace_decay_shift 0, no eligibility clamp, no weight floor.
const O1_MUTANTS = [
  {
    from: '(pre ? MAX_TRACE : pre_trace)',
    to: '(pre ? MAX_TRACE : pre_trace_next)',
    field: /field (eligibility|weight):/,
  },
  { from: 'product >>> LS', to: 'product >> LS', field: /field weight:/ },
  {
    from: '(DS == 0) ? pre_trace : pre_trace',
    to: '(DS == 0) ? pre_trace - pre_trace : pre_trace',
    field: /field preTrace:/,
  },
  {
    from: '(elig_sum > ELIG_MAX) ? ELIG_MAX[TB-1:0] :',
    to: '',
    field: /field (eligibility|weight):/,
  },
  { from: '(weight_sum < 0) ?', to: "1'b0 ?", field: /field weight:/ },
] as const;

describe('the hdl comparison reports a broken Loihi compartment or OnlineO1 update', () => {
  it.each(LOIHI_MUTANTS)('hdl/loihi_compartment.v: $from -> $to', ({ from, to, field }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(LOIHI_BENCH, 'hdl/loihi_compartment.v', from, to, work.dir);
      const mismatch = firstMismatch(
        LOIHI_EXPECTED,
        simulateLoihi('icarus', bench, work.dir),
        describeLoihiVector,
      );
      expect(mismatch).toMatch(field);
    } finally {
      work.dispose();
    }
  });

  it.each(O1_MUTANTS)('hdl/online_o1_update.v: $from -> $to', ({ from, to, field }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(O1_BENCH, 'hdl/online_o1_update.v', from, to, work.dir);
      const got = runO1(buildBench('icarus', bench, work.dir), work.dir, O1_VECTORS);
      const mismatch = firstMismatch(O1_EXPECTED, got, (n) => describeO1Vector(O1_VECTORS, n));
      expect(mismatch).toMatch(field);
    } finally {
      work.dispose();
    }
  });
});

// The bridge's slips: an ignored check field, a synchroniser stage skipped either way, and a
// frame accepted while the previous one is still executing.
const BRIDGE_MUTANTS = [
  {
    from: 'else if (f_check != crc8_80(sr[79:0])) f_status = ST_BAD_CHECK;',
    to: '',
    problem: /'corrupted write mem 9' .*: status ok, expected bad-check/,
  },
  {
    from: 'req_c2 <= req_c1;',
    to: 'req_c2 <= req_toggle;',
    problem: /a request reached the bus 2 core clock edges after req_toggle, expected 3/,
  },
  {
    from: 'ack_t2 <= ack_t1;',
    to: 'ack_t2 <= ack_toggle;',
    problem: /a result was taken 2 TCK edges after ack_toggle, expected 3/,
  },
  {
    from: 'else if (outstanding) f_status = ST_OVERRUN;',
    to: '',
    problem: /'write mem 12 overrun' .*: status \w+, expected overrun/,
  },
] as const;

describe('the host-bridge check reports a broken bridge', () => {
  it.each(BRIDGE_MUTANTS)('hdl/host_bridge.v: $from -> $to', ({ from, to, problem }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(BRIDGE_BENCH, 'hdl/host_bridge.v', from, to, work.dir);
      const pair = CLOCK_PAIRS[0];
      if (!pair) throw new Error('no clock pair');
      const scenario = bridgeScenario(pair);
      const run = runBridgeBench(
        buildBench('icarus', bench, work.dir),
        work.dir,
        scenario.script,
        pair,
      );
      expect(checkBridgeRun(scenario, run)).toMatch(problem);
    } finally {
      work.dispose();
    }
  });
});

// hdl/sc_lane.v: the draw's low 24 bits instead of its top 24 (draw24 is mix32 >> 8).
describe('the SC lane comparison reports a broken lane', () => {
  it('hdl/sc_lane.v: input_draw[31:8] -> input_draw[23:0]', () => {
    const work = workDir('mutant');
    try {
      const bench = mutate(
        SC_LANE_BENCH,
        'hdl/sc_lane.v',
        "{1'b0, input_draw[31:8]}",
        "{1'b0, input_draw[23:0]}",
        work.dir,
      );
      const mismatch = firstMismatch(
        SC_LANE_EXPECTED,
        simulateScLane('icarus', bench, work.dir),
        describeScLaneClock,
      );
      expect(mismatch).toMatch(/^vector \d+, field pre:/);
    } finally {
      work.dispose();
    }
  });
});

// hdl/delay_ring.v one step off (the delay test reads step t - d - 1; the window stops one step
// short of max_delay), and hdl/spike_fanout.v without its forwarding (back-to-back events on
// one target read the current before the previous write lands) or without its delay test.
const RING_MUTANTS = [
  {
    from: "since = t - {24'd0, tap_delay};",
    to: "since = t - {24'd0, tap_delay} - 32'd1;",
    field: /field hit:/,
  },
  { from: 'back} <= max_delay)', to: 'back} < max_delay)', field: /field inWindow:/ },
] as const;
const FANOUT_MUTANTS = [
  {
    from: 'c_fwd_d ? d_wd : c_fwd_e ? e_wd : cur_rd',
    to: 'cur_rd',
    field: /field bank:/,
  },
  { from: 'wire b_ok = !psyn || tap_hit;', to: "wire b_ok = 1'b1;", field: /field events:/ },
] as const;

describe('the delay ring and fan-out comparisons report a broken module', () => {
  it.each(RING_MUTANTS)('hdl/delay_ring.v: $from -> $to', ({ from, to, field }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(RING_BENCH, 'hdl/delay_ring.v', from, to, work.dir);
      const got = simulateRing('icarus', bench, work.dir);
      expect(firstMismatch(RING_STIMULUS.expected, got, describeRingQuery)).toMatch(field);
    } finally {
      work.dispose();
    }
  });

  it.each(FANOUT_MUTANTS)('hdl/spike_fanout.v: $from -> $to', ({ from, to, field }) => {
    const work = workDir('mutant');
    try {
      const bench = mutate(FANOUT_BENCH, 'hdl/spike_fanout.v', from, to, work.dir);
      const { records } = simulateFanout('icarus', bench, work.dir);
      expect(firstMismatch(FANOUT_EXPECTED, records, describeFanoutRecord)).toMatch(field);
    } finally {
      work.dispose();
    }
  });
});

// hdl/mix32_pipe.v with the second half's shift one bit short.
describe('the mix32_pipe comparison reports a broken hash', () => {
  it('hdl/mix32_pipe.v: half ^ (half >> 15) -> half ^ (half >> 14)', () => {
    const work = workDir('mutant');
    try {
      const bench = mutate(
        MIX32_PIPE_BENCH,
        'hdl/mix32_pipe.v',
        'half ^ (half >> 15)',
        'half ^ (half >> 14)',
        work.dir,
      );
      const got = simulateMix32Pipe('icarus', bench, work.dir);
      expect(firstMismatch(MIX32_PIPE_EXPECTED, got, describeMix32Clock)).toMatch(
        /^vector \d+, field y:/,
      );
    } finally {
      work.dispose();
    }
  });
});
