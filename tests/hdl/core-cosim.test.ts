/**
 * Co-simulation of the network core (`hdl/spikelab_core.v`) against the engine's reference
 * backend: every spike and, after every step, v and i of every fixed-point and Loihi neuron
 * must be equal (Loihi: the gallery's `loihi.json` and seeded random networks that mix Loihi
 * and fixed-point populations).
 * Icarus runs each network's exported directory (the generated tb_top.v, `+state=`); Verilator
 * builds `hdl/tb/tb_core.v` once at fixed capacities and runs every network's images through
 * it. Copies of the core with one slip (fixed-point delivery without saturation, Loihi delivery
 * with it) must be caught, and a Loihi current past 2^24 must stop tb_top. A failure
 * names the first step, population, neuron and field and keeps the directory and its waves
 * (`core-bench.ts`).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_RTL_FILES } from '../../src/hdl/board-files.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import {
  TB_CAPACITY,
  buildCoreMutant,
  engineRecord,
  exportTo,
  firstCoreMismatch,
  runCoreImage,
  shell,
  simulatorRecord,
  type StepRecord,
} from './core-cosim.ts';
import { randomLoihiNetwork, randomNetwork } from './core-networks.ts';
import { NumericalError } from '../../src/engine/errors.ts';
import { REPO_ROOT, buildBench, runTool, workDir } from './simulators.ts';
import { coreWaves, mismatchError, topWaves, type Waves } from './core-bench.ts';

const CORE_SOURCES = CORE_RTL_FILES.map((f) => `hdl/${f}`);

function galleryExample(name = 'fixed-point-hw.json'): NetworkDocument {
  const text = readFileSync(join(REPO_ROOT, 'public/examples', name), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(`${name} does not validate`);
  return parsed.document;
}

/**
 * A random Loihi network with its engine record. Where the engine stops (|I| or |v| reached
 * 2^24: NumericalError, nothing to compare) the same seed is drawn again with every Loihi weight
 * exponent one lower, until it runs.
 */
async function runnableLoihi(seed: number): Promise<[NetworkDocument, StepRecord[]]> {
  for (let shrink = 0; ; shrink++) {
    const doc = randomLoihiNetwork(seed, RANDOM_STEPS, shrink);
    try {
      return [doc, await engineRecord(doc)];
    } catch (error) {
      if (!(error instanceof NumericalError) || shrink >= 8) throw error;
    }
  }
}

/** Random networks: Icarus runs the first few (its speed), Verilator all of them. */
const ICARUS_SEEDS = [101, 102];
const VERILATOR_SEEDS = [101, 102, 103, 104, 105, 106, 107, 108];
const LOIHI_ICARUS_SEEDS = [202];
// 210 has decay_v = decay_I = 0 (no decay at all); 205 passes 2^24 unless drawn smaller.
const LOIHI_VERILATOR_SEEDS = [201, 202, 203, 204, 205, 206, 207, 210];
const RANDOM_STEPS = 60;

const work = workDir('core-cosim');
/** Set by a mismatch: the directory stays for a rerun by hand. */
let keep = false;
afterAll(() => {
  if (keep) console.log(`hdl: kept ${work.dir}`);
  else work.dispose();
});

/** Compares and fails with the first difference; the directory and the waves are kept. */
function expectSame(
  doc: NetworkDocument,
  want: readonly StepRecord[],
  got: readonly StepRecord[],
  dir: string,
  waves: Waves,
): void {
  const mismatch = firstCoreMismatch(doc, want, got);
  if (mismatch !== null) {
    keep = true;
    throw mismatchError(doc.name, mismatch, dir, waves);
  }
}

/** Spikes in the run so far: a network that never spikes would prove nothing. */
const spikeCount = (r: readonly StepRecord[]): number => r.reduce((s, x) => s + x.spikes.length, 0);

describe('spikelab_core equals the engine step for step (Icarus, exported directory)', () => {
  const networks: [string, () => Promise<[NetworkDocument, StepRecord[] | null]>][] = [
    ...ICARUS_SEEDS.map((seed): [string, () => Promise<[NetworkDocument, null]>] => [
      `random network ${seed}`,
      () => Promise.resolve([randomNetwork(seed, RANDOM_STEPS), null]),
    ]),
    ['loihi.json', () => Promise.resolve([galleryExample('loihi.json'), null])],
    ...LOIHI_ICARUS_SEEDS.map((seed): [string, () => Promise<[NetworkDocument, StepRecord[]]>] => [
      `random Loihi network ${seed}`,
      () => runnableLoihi(seed),
    ]),
  ];
  it.each(networks)('%s', async (name, make) => {
    const [doc, recorded] = await make();
    const dir = join(work.dir, `icarus-${name.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    const exported = exportTo(doc, dir);
    shell('iverilog -g2012 -o sim *.v && vvp -n sim +state=state.csv', dir);
    const ids = doc.populations.map((p) => p.id);
    const got = simulatorRecord(
      readFileSync(join(dir, 'spikes.csv'), 'utf8'),
      readFileSync(join(dir, 'state.csv'), 'utf8'),
      exported.totalSteps,
      (id) => ids.indexOf(id),
    );
    const want = recorded ?? (await engineRecord(doc));
    expect(spikeCount(want)).toBeGreaterThan(0);
    expectSame(doc, want, got, dir, topWaves(dir));
  });
});

describe('spikelab_core equals the engine step for step (Verilator, one build)', () => {
  let binary: string[] = [];
  beforeAll(() => {
    const dir = join(work.dir, 'verilator');
    mkdirSync(dir);
    binary = buildBench(
      'verilator',
      { top: 'tb_core', sources: ['hdl/tb/tb_core.v', ...CORE_SOURCES] },
      dir,
    );
  });

  const networks: [string, () => Promise<[NetworkDocument, StepRecord[] | null]>][] = [
    ['fixed-point-hw.json', () => Promise.resolve([galleryExample(), null])],
    ...VERILATOR_SEEDS.map((seed): [string, () => Promise<[NetworkDocument, null]>] => [
      `random network ${seed}`,
      () => Promise.resolve([randomNetwork(seed, RANDOM_STEPS), null]),
    ]),
    ['loihi.json', () => Promise.resolve([galleryExample('loihi.json'), null])],
    ...LOIHI_VERILATOR_SEEDS.map(
      (seed): [string, () => Promise<[NetworkDocument, StepRecord[]]>] => [
        `random Loihi network ${seed}`,
        () => runnableLoihi(seed),
      ],
    ),
  ];
  it.each(networks)('%s', async (name, make) => {
    const [doc, recorded] = await make();
    const dir = join(work.dir, `verilator-${name.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    const exported = exportTo(doc, dir, TB_CAPACITY);
    const [tool, ...args] = binary;
    const plusargs = [
      `+images=${dir}/`,
      `+steps=${exported.totalSteps}`,
      `+spikes=${join(dir, 'spikes.csv')}`,
      `+state=${join(dir, 'state.csv')}`,
    ];
    runTool(tool ?? '', [...args, ...plusargs], `running tb_core on ${name}`);
    const got = simulatorRecord(
      readFileSync(join(dir, 'spikes.csv'), 'utf8'),
      readFileSync(join(dir, 'state.csv'), 'utf8'),
      exported.totalSteps,
      Number,
    );
    const want = recorded ?? (await engineRecord(doc));
    expect(spikeCount(want)).toBeGreaterThan(0);
    expectSame(doc, want, got, dir, coreWaves(dir, {}, plusargs));
  });
});

describe('the co-simulation catches a slip in the core', () => {
  it('reports delivery without saturation at the first step it changes a current', async () => {
    const dir = join(work.dir, 'mutant');
    const image = buildCoreMutant(
      dir,
      'c_above ? vmax : c_below ? vmin : c_sum;',
      'c_sum;  // mutant: wraps',
    );
    const doc = saturatingNetwork();
    exportTo(doc, dir, TB_CAPACITY);
    const got = runCoreImage(image, dir, 40);
    const mismatch = firstCoreMismatch(doc, await engineRecord(doc), got);
    expect(mismatch).toMatch(
      /^step \d+, population 'target', neuron \d+, field i: expected 127, got -?\d+$/,
    );
    // The failure keeps its waves: the same images rerun with the dump on, from the mutant's RTL.
    const plusargs = [`+images=${dir}/`, '+steps=40', `+spikes=${join(dir, 'again.csv')}`];
    const error = mismatchError(doc.name, mismatch ?? '', dir, coreWaves(dir, {}, plusargs, dir));
    expect(error.message).toContain(
      `${mismatch} (kept ${dir}; waves in ${join(dir, 'waves.vcd')})`,
    );
    expect(readFileSync(join(dir, 'waves.vcd'), 'utf8')).toContain('$enddefinitions');
  });

  it("keeps an exported directory's waves (tb_top +vcd)", () => {
    const dir = join(work.dir, 'top-waves');
    mkdirSync(dir);
    exportTo(saturatingNetwork(), dir);
    shell('iverilog -g2012 -o sim *.v', dir);
    const vcd = topWaves(dir)();
    expect(vcd).toBe(join(dir, 'tb_top.vcd'));
    expect(readFileSync(vcd, 'utf8')).toContain('$enddefinitions');
  });
});

describe('the Loihi path of the core', () => {
  it('reports a Loihi delivery that saturates at 24 bits (the engine sums exactly)', async () => {
    const dir = join(work.dir, 'mutant-loihi');
    const sum = '(c_cur_l + {{(LIW - WMAX) {c_w[WMAX-1]}}, c_w})';
    const image = buildCoreMutant(
      dir,
      'c_new_l = c_cur_l + {{(LIW - WMAX) {c_w[WMAX-1]}}, c_w};',
      `c_new_l = ${sum} > 32'sd8388607 ? 32'sd8388607 : ${sum};`,
    );
    // Five events of 2,088,960 sum to 10,444,800: above 2^23, below the engine's 2^24.
    const doc = loihiBurst(5);
    exportTo(doc, dir, TB_CAPACITY);
    const got = runCoreImage(image, dir, 4);
    expect(firstCoreMismatch(doc, await engineRecord(doc), got)).toBe(
      "step 1, population 'burst', neuron 0, field i: expected 10444800, got 8388607",
    );
  });

  it('stops tb_top with an overflow error where the engine stops with NumericalError', async () => {
    // Nine events: 18,800,640 >= 2^24.
    const doc = loihiBurst(9);
    await expect(engineRecord(doc)).rejects.toThrow(NumericalError);
    const dir = join(work.dir, 'overflow');
    mkdirSync(dir);
    exportTo(doc, dir);
    expect(() => shell('iverilog -g2012 -o sim *.v && vvp -n sim', dir)).toThrow(
      /tb_top: overflow: a Loihi neuron's \|I\| or \|v\| reached 2\^24/,
    );
  });
});

/**
 * `n` generator neurons fire together at step 1 into one Loihi neuron through excitatory
 * synapses of mantissa 255 at w_exp 7 (actual weight 255 * 2^13 = 2,088,960 each).
 */
function loihiBurst(n: number): NetworkDocument {
  const parsed = parseDocumentJson(
    JSON.stringify({
      format: 'spikelab-network',
      version: 1,
      name: `Loihi burst of ${n}`,
      populations: [
        {
          id: 'drive',
          model: 'spike_generator',
          size: n,
          position: { x: 0, y: 0 },
          params: {
            indices: Array.from({ length: n }, (_, j) => j),
            times: Array.from({ length: n }, () => 1),
            period: 0,
          },
        },
        {
          id: 'burst',
          model: 'loihi',
          size: 1,
          position: { x: 0, y: 0 },
          params: { refractory: 2, threshold_v_mant: 131071, decay_v: 400, decay_I: 1000 },
        },
      ],
      projections: [
        {
          id: 'drive_burst',
          source: 'drive',
          target: 'burst',
          connectivity: { rule: 'all_to_all', allow_self: true },
          weight: { kind: 'constant', value: 255 },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'loihi', w_exp: 7, sign_mode: 'excitatory', num_weight_bits: 8 },
        },
      ],
      stimuli: [],
      probes: [{ id: 'burst_spikes', kind: 'spikes', population: 'burst' }],
      run: { dt: 1, duration: 4, seed: 1, backend: 'reference' },
    }),
  );
  if (!parsed.ok) throw new Error(`loihiBurst: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.document;
}

/**
 * Eight generator neurons fire together every step into one 8-bit neuron with weight 100
 * (q = 100 at F = 0): the second event of a step overflows 127 and must clamp.
 */
function saturatingNetwork(): NetworkDocument {
  const parsed = parseDocumentJson(
    JSON.stringify({
      format: 'spikelab-network',
      version: 1,
      name: 'saturating delivery',
      populations: [
        {
          id: 'drive',
          model: 'spike_generator',
          size: 8,
          position: { x: 0, y: 0 },
          params: { indices: [0, 1, 2, 3, 4, 5, 6, 7], times: [0, 0, 0, 0, 0, 0, 0, 0], period: 1 },
        },
        {
          id: 'target',
          model: 'fixed_point_lif',
          size: 1,
          position: { x: 0, y: 0 },
          params: {
            total_bits: 8,
            fraction_bits: 0,
            scale_bits: 4,
            v_rest: 0,
            v_reset: 0,
            v_threshold: 100,
            tau_mem: 10,
            resistance: 0.1,
            refractory_period: 0,
            bias: 0,
            v_init: { kind: 'constant', value: 0 },
          },
        },
      ],
      projections: [
        {
          id: 'drive_target',
          source: 'drive',
          target: 'target',
          connectivity: { rule: 'all_to_all', allow_self: false },
          weight: { kind: 'constant', value: 100 },
          delay: { kind: 'constant', steps: 0 },
          synapse: { kind: 'exponential', tau: 5 },
        },
      ],
      stimuli: [],
      probes: [{ id: 'target_spikes', kind: 'spikes', population: 'target' }],
      run: { dt: 1, duration: 40, seed: 1, backend: 'reference' },
    }),
  );
  if (!parsed.ok)
    throw new Error(`saturatingNetwork: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.document;
}
