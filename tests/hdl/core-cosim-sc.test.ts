/**
 * Co-simulation of the network core's integer SC layers (`sc_dense` with `fixed_point`, step 1b
 * integer: the count phase through sc_lane, `currentByCount[k]` joining ext) against the
 * engine's reference backend: every spike, and v and i of every fixed-point neuron (an SC
 * layer's i is its current of the step) after every step must be equal, for the gallery's
 * `sc-fixed-point.json` (500 steps) and seeded random SC layers beside the core's other
 * populations (channel counts 1..12, L from 1 to 2048, thresholds 0 and 2^24, W/F/S, 'sum' and
 * 'mean', stimuli on the layer, projections from it). Icarus runs exported directories
 * (tb_top.v); Verilator builds hdl/tb/tb_core.v once with SC memories and runs every network's
 * images, one of them loaded over the bus into empty memories and run in two chunks. Cores
 * that index the streams by t instead of t mod L, or read the table at k + 1, must be caught.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compile/index.ts';
import type { CoreCapacity } from '../../src/hdl/core-capacity.ts';
import { layoutCore } from '../../src/hdl/core-images.ts';
import { CAPACITY_WORDS, CORE_REGIONS, coreLoadWrites } from '../../src/hdl/core-memory-map.ts';
import { parseDocumentJson, type NetworkDocument } from '../../src/model/index.ts';
import {
  TB_CAPACITY,
  engineRecord,
  exportTo,
  firstCoreMismatch,
  shell,
  simulatorRecord,
} from './core-cosim.ts';
import { randomScNetwork } from './core-networks-sc.ts';
import { REPO_ROOT, runTool, workDir } from './simulators.ts';
import {
  buildCoreBench,
  busLines,
  busLoad,
  coreWaves,
  mismatchError,
  mutantRtl,
  topWaves,
  type Waves,
} from './core-bench.ts';

const STEPS = 60;
const ICARUS_SEEDS = [11];
const VERILATOR_SEEDS = [11, 12, 13, 14, 15, 16];
const BUS_SEED = 13;
const CAPACITY: CoreCapacity = { ...TB_CAPACITY, SCCHMAX: 32, SCKMAX: 64 };

const work = workDir('core-cosim-sc');
let keep = false;
afterAll(() => {
  if (keep) console.log(`hdl: kept ${work.dir}`);
  else work.dispose();
});

function gallery(name: string): NetworkDocument {
  const text = readFileSync(join(REPO_ROOT, 'public/examples', name), 'utf8');
  const parsed = parseDocumentJson(text);
  if (!parsed.ok) throw new Error(`${name} is invalid`);
  return parsed.document;
}

/** The gallery's SC layer with a short stream (L = 8), so that t mod L differs from t. */
function shortStreamExample(): NetworkDocument {
  const doc = gallery('sc-fixed-point.json');
  const layer = doc.populations[0] as NetworkDocument['populations'][number];
  return {
    ...doc,
    name: 'sc-fixed-point with L = 8',
    populations: [{ ...layer, params: { ...layer.params, length: 8 } } as typeof layer],
    run: { ...doc.run, duration: 40 },
  };
}

/** The engine's record against the simulator's files; fails naming the first difference. */
async function expectSame(
  doc: NetworkDocument,
  dir: string,
  steps: number,
  popIndex: (field: string) => number,
  waves: Waves,
): Promise<void> {
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const want = await engineRecord(doc);
  const got = simulatorRecord(read('spikes.csv'), read('state.csv'), steps, popIndex);
  expect(want.reduce((s, x) => s + x.spikes.length, 0)).toBeGreaterThan(0);
  const mismatch = firstCoreMismatch(doc, want, got);
  if (mismatch !== null) {
    keep = true;
    throw mismatchError(doc.name, mismatch, dir, waves);
  }
}

describe('integer SC layers equal the engine step for step (Icarus, exported directory)', () => {
  const cases: [string, () => NetworkDocument][] = [
    ['sc-fixed-point.json', () => gallery('sc-fixed-point.json')],
    ...ICARUS_SEEDS.map((s): [string, () => NetworkDocument] => [
      `random SC network ${s}`,
      () => randomScNetwork(s, STEPS),
    ]),
  ];
  it.each(cases)('%s', async (name, make) => {
    const doc = make();
    const dir = join(work.dir, `icarus-${name.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    const exported = exportTo(doc, dir);
    expect(exported.capacity.SCCHMAX).toBeGreaterThan(0);
    const out = shell('iverilog -g2012 -o sim *.v && vvp -n sim +state=state.csv', dir);
    const clocks = Number(/(\d+) clocks/.exec(out)?.[1] ?? NaN);
    console.log(`hdl: ${name}, ${clocks / exported.totalSteps} clocks per step`);
    const ids = doc.populations.map((p) => p.id);
    await expectSame(doc, dir, exported.totalSteps, (id) => ids.indexOf(id), topWaves(dir));
  });
});

/** tb_core's SC parameters at CAPACITY. */
const SC_PARAMS = { SCCHMAX: CAPACITY.SCCHMAX ?? 0, SCKMAX: CAPACITY.SCKMAX ?? 0 };

/** Runs a tb_core `command` on `doc` exported at CAPACITY into `dir`: the steps and waves. */
function runBenchOn(
  command: string[],
  doc: NetworkDocument,
  dir: string,
): { steps: number; waves: Waves } {
  const exported = exportTo(doc, dir, CAPACITY);
  const [tool, ...args] = command;
  const plusargs = [
    `+images=${dir}/`,
    `+steps=${exported.totalSteps}`,
    `+spikes=${join(dir, 'spikes.csv')}`,
    `+state=${join(dir, 'state.csv')}`,
  ];
  runTool(tool ?? '', [...args, ...plusargs], `running tb_core on ${doc.name}`);
  return { steps: exported.totalSteps, waves: coreWaves(dir, SC_PARAMS, plusargs) };
}

describe('integer SC layers equal the engine step for step (Verilator, one build)', () => {
  let command: string[] = [];
  beforeAll(() => {
    const dir = join(work.dir, 'verilator');
    mkdirSync(dir);
    command = buildCoreBench('verilator', dir, SC_PARAMS);
  });

  it.each(VERILATOR_SEEDS)('random SC network %i', async (seed) => {
    const doc = randomScNetwork(seed, STEPS);
    const dir = join(work.dir, `verilator-${seed}`);
    mkdirSync(dir);
    const { steps, waves } = runBenchOn(command, doc, dir);
    await expectSame(doc, dir, steps, Number, waves);
  });

  it('sc-fixed-point.json with a short stream (L = 8: the streams wrap)', async () => {
    const doc = shortStreamExample();
    const dir = join(work.dir, 'verilator-short');
    mkdirSync(dir);
    const { steps, waves } = runBenchOn(command, doc, dir);
    await expectSame(doc, dir, steps, Number, waves);
  });

  it(`random SC network ${BUS_SEED} loaded over the bus into empty memories, run in two chunks`, async () => {
    const doc = randomScNetwork(BUS_SEED, STEPS);
    const dir = join(work.dir, 'bus');
    mkdirSync(dir);
    const writes = coreLoadWrites(layoutCore(compile(doc)).images, CAPACITY);
    const scRegions = Object.values(CORE_REGIONS)
      .filter((r) => 'sc' in r)
      .map((r): number => r.region);
    expect(writes.filter((w) => scRegions.includes(w.address >>> 24)).length).toBeGreaterThan(0);
    const [tool, ...args] = command;
    const plusargs = busLoad(dir, writes, [
      `+readback=${join(dir, 'readback.txt')}`,
      '+chunk=7',
      `+steps=${STEPS}`,
      `+spikes=${join(dir, 'spikes.csv')}`,
      `+state=${join(dir, 'state.csv')}`,
      `+capacity=${join(dir, 'capacity.txt')}`,
    ]);
    runTool(tool ?? '', [...args, ...plusargs], `running tb_core over the bus on ${doc.name}`);
    // Every written word reads back (the SC tables included); the core says what SC it holds.
    const back = readFileSync(join(dir, 'readback.txt'), 'utf8').trim().split('\n');
    expect(back).toEqual(busLines(writes));
    const capacity = readFileSync(join(dir, 'capacity.txt'), 'utf8').trim().split('\n');
    expect(capacity[CAPACITY_WORDS.indexOf('SCCHMAX')]).toBe(String(CAPACITY.SCCHMAX));
    expect(capacity[CAPACITY_WORDS.indexOf('SCKMAX')]).toBe(String(CAPACITY.SCKMAX));
    await expectSame(doc, dir, STEPS, Number, coreWaves(dir, SC_PARAMS, plusargs));
  });
});

describe('the co-simulation catches a slip in the SC count', () => {
  const mutants: [string, string, string][] = [
    ['indexes the streams by t instead of t mod L', '.index(gen_s),', '.index(t),'],
    ['reads currentByCount[k + 1]', "{19'd0, sc_count};", "{19'd0, sc_count} + 32'd1;"],
  ];
  it.each(mutants)('reports a core that %s', async (name, from, to) => {
    const dir = mutantRtl(join(work.dir, `mutant-${name.replace(/\W+/g, '-')}`), from, to);
    const command = buildCoreBench('icarus', dir, SC_PARAMS, dir);
    const doc = shortStreamExample();
    const { steps } = runBenchOn(command, doc, dir);
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    const got = simulatorRecord(read('spikes.csv'), read('state.csv'), steps, Number);
    expect(firstCoreMismatch(doc, await engineRecord(doc), got)).toMatch(
      /^step \d+, (spike \d+ of the step, field spike|population 'layer', neuron 0, field (v|i)): expected/,
    );
  });
});
