/**
 * Co-simulation of the network core's learning synapses (ONLINE_O1 = 1, step 5e online_o1)
 * against the engine's reference backend: every spike, v and i of every fixed-point neuron, and
 * after every step each learning synapse's weight (as delivered), pre and post trace and
 * eligibility must be equal, for seeded random networks with one or two online_o1 projections
 * (weight, trace and reward bits, shifts, reward on, off and negative, constant and per-synapse
 * delays, recurrent sources). Icarus runs exported directories (tb_top.v with `+synapses=`);
 * Verilator builds hdl/tb/tb_core.v once with ONLINE_O1 = 1 and runs every network's images.
 * A core whose learning pass swaps pre and post must be caught. A failure names the first step,
 * projection, synapse and field and keeps the directory.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compile/index.ts';
import { layoutCore } from '../../src/hdl/core-images.ts';
import { coreLoadWrites } from '../../src/hdl/core-memory-map.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import {
  TB_CAPACITY,
  engineRecord,
  exportTo,
  firstCoreMismatch,
  shell,
  simulatorRecord,
} from './core-cosim.ts';
import {
  engineSynapses,
  firstSynapseMismatch,
  simulatorSynapses,
  traceChanges,
  weightChanges,
} from './core-cosim-o1.ts';
import { randomO1Network } from './core-networks.ts';
import { runTool, workDir } from './simulators.ts';
import {
  buildCoreBench,
  busLoad,
  coreWaves,
  mismatchError,
  mutantRtl,
  topWaves,
  type Waves,
} from './core-bench.ts';

const STEPS = 60;
const ICARUS_SEEDS = [301, 302];
const VERILATOR_SEEDS = [301, 302, 303, 304, 305, 306, 307, 308];
const BUS_SEEDS = [303];
const CAPACITY = { ...TB_CAPACITY, ONLINE_O1: 1 as const };
const O1_PARAMS = { ONLINE_O1: 1 };
/** tb_core's clocks per step (learning pass included) of the bus runs, for the report. */
const clocksPerStep: number[] = [];

const work = workDir('core-cosim-o1');
let keep = false;
/** Networks whose weights changed in the run. */
const learned = new Set<string>();
afterAll(() => {
  if (clocksPerStep.length > 0)
    console.log(`hdl: learning core, clocks per step ${clocksPerStep.join(', ')}`);
  if (keep) console.log(`hdl: kept ${work.dir}`);
  else work.dispose();
});

/** Both comparisons, failing with the first difference (the directory and waves are kept). */
async function expectSame(
  doc: NetworkDocument,
  dir: string,
  spikes: string,
  state: string,
  synapses: string,
  popIndex: (field: string) => number,
  waves: Waves,
): Promise<void> {
  const steps = STEPS;
  const want = await engineRecord(doc);
  const got = simulatorRecord(spikes, state, steps, popIndex);
  const wantSyn = await engineSynapses(doc);
  const gotSyn = simulatorSynapses(doc, synapses, steps);
  expect(want.reduce((s, x) => s + x.spikes.length, 0)).toBeGreaterThan(0);
  // Traces move in every network; weights where a reward came at the right time (amount 0
  // turns it off): the suite checks that most networks learn.
  expect(traceChanges(wantSyn)).toBeGreaterThan(0);
  if (weightChanges(wantSyn) > 0) learned.add(doc.name);
  const mismatch = firstCoreMismatch(doc, want, got) ?? firstSynapseMismatch(doc, wantSyn, gotSyn);
  if (mismatch !== null) {
    keep = true;
    throw mismatchError(doc.name, mismatch, dir, waves);
  }
}

describe('learning synapses equal the engine step for step (Icarus, exported directory)', () => {
  it.each(ICARUS_SEEDS)('random learning network %i', async (seed) => {
    const doc = randomO1Network(seed, STEPS);
    const dir = join(work.dir, `icarus-${seed}`);
    mkdirSync(dir);
    const exported = exportTo(doc, dir);
    expect(exported.capacity.ONLINE_O1).toBe(1);
    shell('iverilog -g2012 -o sim *.v && vvp -n sim +state=state.csv +synapses=syn.csv', dir);
    const ids = doc.populations.map((p) => p.id);
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    const index = (id: string): number => ids.indexOf(id);
    await expectSame(
      doc,
      dir,
      read('spikes.csv'),
      read('state.csv'),
      read('syn.csv'),
      index,
      topWaves(dir),
    );
  });
});

/** Runs a tb_core `command` on `doc` exported at the bench's capacity into `dir`; its plusargs. */
function runBenchOn(command: string[], doc: NetworkDocument, dir: string): string[] {
  exportTo(doc, dir, CAPACITY);
  const [tool, ...args] = command;
  const plusargs = [
    `+images=${dir}/`,
    `+steps=${STEPS}`,
    `+spikes=${join(dir, 'spikes.csv')}`,
    `+state=${join(dir, 'state.csv')}`,
    `+synapses=${join(dir, 'syn.csv')}`,
  ];
  runTool(tool ?? '', [...args, ...plusargs], `running tb_core on ${doc.name}`);
  return plusargs;
}

describe('learning synapses equal the engine step for step (Verilator, one build)', () => {
  let command: string[] = [];
  beforeAll(() => {
    const dir = join(work.dir, 'verilator');
    mkdirSync(dir);
    command = buildCoreBench('verilator', dir, O1_PARAMS);
  });

  it.each(VERILATOR_SEEDS)('random learning network %i', async (seed) => {
    const doc = randomO1Network(seed, STEPS);
    const dir = join(work.dir, `verilator-${seed}`);
    mkdirSync(dir);
    const plusargs = runBenchOn(command, doc, dir);
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    await expectSame(
      doc,
      dir,
      read('spikes.csv'),
      read('state.csv'),
      read('syn.csv'),
      Number,
      coreWaves(dir, O1_PARAMS, plusargs),
    );
  });

  it('most of these networks learn (their weights move)', () => {
    expect(learned.size).toBeGreaterThanOrEqual(5);
  });

  it.each(BUS_SEEDS)(
    'random learning network %i loaded over the bus into empty memories, run in two chunks',
    async (seed) => {
      const doc = randomO1Network(seed, STEPS);
      const dir = join(work.dir, `bus-${seed}`);
      mkdirSync(dir);
      const writes = coreLoadWrites(layoutCore(compile(doc)).images, CAPACITY);
      const [tool, ...args] = command;
      const plusargs = busLoad(dir, writes, [
        `+readback=${join(dir, 'readback.txt')}`,
        '+chunk=7',
        `+steps=${STEPS}`,
        `+spikes=${join(dir, 'spikes.csv')}`,
        `+state=${join(dir, 'state.csv')}`,
        `+synapses=${join(dir, 'syn.csv')}`,
        `+capacity=${join(dir, 'capacity.txt')}`,
      ]);
      const out = runTool(
        tool ?? '',
        [...args, ...plusargs],
        `running tb_core over the bus on ${doc.name}`,
      );
      clocksPerStep.push(Number(/cycles (\d+)/.exec(out)?.[1] ?? NaN) / STEPS);
      // Every written word reads back (the learning regions included), and the core says it learns.
      const back = readFileSync(join(dir, 'readback.txt'), 'utf8').trim().split('\n');
      expect(back.length).toBe(writes.length);
      const learningRegions = [0x15, 0x16, 0x17, 0x18];
      const o1Writes = writes.filter((w) => learningRegions.includes(w.address >>> 24));
      expect(o1Writes.length).toBeGreaterThan(0);
      const capacity = readFileSync(join(dir, 'capacity.txt'), 'utf8').trim().split('\n');
      expect(capacity[11]).toBe('1');
      const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
      await expectSame(
        doc,
        dir,
        read('spikes.csv'),
        read('state.csv'),
        read('syn.csv'),
        Number,
        coreWaves(dir, O1_PARAMS, plusargs),
      );
      // Without the integer weights the run must differ: the memories really start empty.
      const noWeights = writes.filter((w) => w.address >>> 24 !== 0x18);
      runTool(
        tool ?? '',
        [
          ...args,
          ...busLoad(dir, noWeights, [
            `+steps=${STEPS}`,
            `+spikes=${join(dir, 'spikes.csv')}`,
            `+state=${join(dir, 'state.csv')}`,
            `+synapses=${join(dir, 'syn.csv')}`,
          ]),
        ],
        `running tb_core over the bus without integer weights on ${doc.name}`,
      );
      const got = simulatorSynapses(doc, read('syn.csv'), STEPS);
      expect(firstSynapseMismatch(doc, await engineSynapses(doc), got)).toMatch(/field w:/);
    },
  );
});

describe('the co-simulation catches a slip in the learning pass', () => {
  it('reports a pass that swaps pre and post at the first synapse it changes', async () => {
    const dir = mutantRtl(
      join(work.dir, 'mutant'),
      '.pre(o1_pre),\n      .post(o1_post),',
      '.pre(o1_post),\n      .post(o1_pre),',
    );
    const command = buildCoreBench('icarus', dir, O1_PARAMS, dir);
    const doc = randomO1Network(ICARUS_SEEDS[0] ?? 0, STEPS);
    runBenchOn(command, doc, dir);
    const got = simulatorSynapses(doc, readFileSync(join(dir, 'syn.csv'), 'utf8'), STEPS);
    expect(firstSynapseMismatch(doc, await engineSynapses(doc), got)).toMatch(
      /^step \d+, projection 'o1_\d', synapse \d+, field (pre|post|elig|w): expected -?\d+, got -?\d+$/,
    );
  });
});
