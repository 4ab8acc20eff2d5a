/**
 * Co-simulation of the network core (`hdl/spikelab_core.v`) against the engine's reference
 * backend: every spike and, after every step, v and i of every fixed-point neuron must be equal.
 * Icarus runs each network's exported directory (the generated tb_top.v, `+state=`); Verilator
 * builds `hdl/tb/tb_core.v` once at fixed capacities and runs every network's images through
 * it. A copy of the core with one slip (delivery without saturation) must be caught. A failure
 * names the first step, population, neuron and field and keeps the directory (rerun it with
 * `+vcd` for the waves).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreCapacity } from '../../src/hdl/core-capacity.ts';
import { CORE_RTL_FILES } from '../../src/hdl/board-files.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import {
  engineRecord,
  exportTo,
  firstCoreMismatch,
  shell,
  simulatorRecord,
  type StepRecord,
} from './core-cosim.ts';
import { randomNetwork } from './core-networks.ts';
import { REPO_ROOT, buildBench, runTool, workDir } from './simulators.ts';

/** tb_core's default capacities (its parameters): every Verilator network is exported at these. */
const TB_CAPACITY: CoreCapacity = {
  NMAX: 256,
  POPMAX: 8,
  PRJMAX: 16,
  CHMAX: 8,
  DMAX: 8,
  SYNMAX: 8192,
  ROWMAX: 512,
  GPTRMAX: 512,
  GIDXMAX: 512,
  EXTMAX: 64,
};

const CORE_SOURCES = CORE_RTL_FILES.map((f) => `hdl/${f}`);

function galleryExample(): NetworkDocument {
  const text = readFileSync(join(REPO_ROOT, 'public/examples/fixed-point-hw.json'), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error('fixed-point-hw.json does not validate');
  return parsed.document;
}

/** Random networks: Icarus runs the first few (its speed), Verilator all of them. */
const ICARUS_SEEDS = [101, 102];
const VERILATOR_SEEDS = [101, 102, 103, 104, 105, 106, 107, 108];
const RANDOM_STEPS = 60;

const work = workDir('core-cosim');
/** Set by a mismatch: the directory stays for a rerun by hand. */
let keep = false;
afterAll(() => {
  if (keep) console.log(`hdl: kept ${work.dir}`);
  else work.dispose();
});

/** Compares and fails with the first difference; the directory is kept for a rerun. */
function expectSame(
  doc: NetworkDocument,
  want: readonly StepRecord[],
  got: readonly StepRecord[],
  dir: string,
): void {
  const mismatch = firstCoreMismatch(doc, want, got);
  if (mismatch !== null) {
    keep = true;
    throw new Error(`${doc.name}: ${mismatch} (kept ${dir}; rerun the simulator with +vcd)`);
  }
}

/** Spikes in the run so far: a network that never spikes would prove nothing. */
const spikeCount = (r: readonly StepRecord[]): number => r.reduce((s, x) => s + x.spikes.length, 0);

describe('spikelab_core equals the engine step for step (Icarus, exported directory)', () => {
  it.each(ICARUS_SEEDS)('random network %i', async (seed) => {
    const doc = randomNetwork(seed, RANDOM_STEPS);
    const dir = join(work.dir, `icarus-${seed}`);
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
    const want = await engineRecord(doc);
    expect(spikeCount(want)).toBeGreaterThan(0);
    expectSame(doc, want, got, dir);
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

  const networks: [string, () => NetworkDocument][] = [
    ['fixed-point-hw.json', galleryExample],
    ...VERILATOR_SEEDS.map((seed): [string, () => NetworkDocument] => [
      `random network ${seed}`,
      () => randomNetwork(seed, RANDOM_STEPS),
    ]),
  ];
  it.each(networks)('%s', async (name, make) => {
    const doc = make();
    const dir = join(work.dir, `verilator-${name.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    const exported = exportTo(doc, dir, TB_CAPACITY);
    const [tool, ...args] = binary;
    runTool(
      tool ?? '',
      [
        ...args,
        `+images=${dir}/`,
        `+steps=${exported.totalSteps}`,
        `+spikes=${join(dir, 'spikes.csv')}`,
        `+state=${join(dir, 'state.csv')}`,
      ],
      `running tb_core on ${name}`,
    );
    const got = simulatorRecord(
      readFileSync(join(dir, 'spikes.csv'), 'utf8'),
      readFileSync(join(dir, 'state.csv'), 'utf8'),
      exported.totalSteps,
      Number,
    );
    const want = await engineRecord(doc);
    expect(spikeCount(want)).toBeGreaterThan(0);
    expectSame(doc, want, got, dir);
  });
});

describe('the co-simulation catches a slip in the core', () => {
  it('reports delivery without saturation at the first step it changes a current', async () => {
    const dir = join(work.dir, 'mutant');
    mkdirSync(dir);
    for (const f of CORE_RTL_FILES) copyFileSync(join(REPO_ROOT, 'hdl', f), join(dir, f));
    const core = join(dir, 'spikelab_core.v');
    const original = readFileSync(core, 'utf8');
    const clamp = 'c_sum > tmax_x ? tmax_x : c_sum < tmin_x ? tmin_x : c_sum;';
    expect(original).toContain(clamp);
    writeFileSync(core, original.replace(clamp, 'c_sum;  // mutant: wraps'));
    const image = join(dir, 'tb.vvp');
    runTool(
      'iverilog',
      [
        '-g2012',
        '-s',
        'tb_core',
        '-o',
        image,
        join(REPO_ROOT, 'hdl/tb/tb_core.v'),
        ...CORE_RTL_FILES.map((f) => join(dir, f)),
      ],
      'building the mutant',
    );
    const doc = saturatingNetwork();
    exportTo(doc, dir, TB_CAPACITY);
    runTool(
      'vvp',
      [
        '-n',
        image,
        `+images=${dir}/`,
        '+steps=40',
        `+spikes=${dir}/spikes.csv`,
        `+state=${dir}/state.csv`,
      ],
      'running the mutant',
    );
    const got = simulatorRecord(
      readFileSync(join(dir, 'spikes.csv'), 'utf8'),
      readFileSync(join(dir, 'state.csv'), 'utf8'),
      40,
      Number,
    );
    const mismatch = firstCoreMismatch(doc, await engineRecord(doc), got);
    expect(mismatch).toMatch(
      /^step \d+, population 'target', neuron \d+, field i: expected 127, got -?\d+$/,
    );
  });
});

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
