/**
 * The core's bus slave (BUS = 1) and its memory map (src/hdl/core-memory-map.ts): the RTL's
 * region numbers equal the TS map; in Icarus and in Verilator a core that starts with EMPTY
 * memories (`+noimages`) is loaded only by the bridge writes `coreLoadWrites` makes, every
 * written word reads back, the run equals the engine step for step (spikes and state), and the
 * last step's spikes read over the bus equal the engine's; a read held during the run is not
 * answered. The random network runs in two chunks (`+chunk`: 7 steps, then the rest, as a host
 * runs it: a stimulus event and delayed deliveries cross the boundary) and the capacity words
 * read back. One tb_core build per simulator. Mutants: without the weight writes the run differs
 * (the memories really start empty); a core that answers while busy stops the bench; a core
 * whose `start` clears t at BUS = 1 does not go on after the chunk.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compile/index.ts';
import { CORE_RTL_FILES } from '../../src/hdl/board-files.ts';
import { layoutCore } from '../../src/hdl/core-images.ts';
import {
  BANK_REGION,
  CAPACITY_WORDS,
  CORE_REGIONS,
  bankAddress,
  coreAddress,
  type CoreRegion,
  type CoreWrite,
  coreLoadWrites,
} from '../../src/hdl/core-memory-map.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { parseDocumentJson } from '../../src/model/index.ts';
import {
  TB_CAPACITY,
  buildCoreMutant,
  engineRecord,
  firstCoreMismatch,
  simulatorRecord,
  type StepRecord,
} from './core-cosim.ts';
import { randomNetwork } from './core-networks.ts';
import { REPO_ROOT, type Simulator, buildBench, runTool, workDir } from './simulators.ts';
import { busLoad, busWord } from './core-bench.ts';

const work = workDir('core-bus');
let keep = false;
afterAll(() => {
  if (keep) console.log(`hdl: kept ${work.dir}`);
  else work.dispose();
});

const CORE_SOURCES = CORE_RTL_FILES.map((f) => `hdl/${f}`);

function gallery(name: string): NetworkDocument {
  const parsed = parseDocumentJson(readFileSync(join(REPO_ROOT, 'public/examples', name), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not validate`);
  return parsed.document;
}

describe('the memory map is one definition', () => {
  it("the RTL's R_* regions are CORE_REGIONS and BANK_REGION", () => {
    const rtl = readFileSync(join(REPO_ROOT, 'hdl/spikelab_core.v'), 'utf8');
    const found = new Map<string, number>();
    for (const m of rtl.matchAll(/\bR_([A-Z_]+) = 8'h([0-9A-Fa-f]{2})\b/g)) {
      found.set((m[1] ?? '').toLowerCase(), parseInt(m[2] ?? '', 16));
    }
    const want = new Map<string, number>(
      Object.entries(CORE_REGIONS).map(([name, r]: [string, CoreRegion]) => [name, r.region]),
    );
    want.set('bank', BANK_REGION);
    expect(found).toEqual(want);
  });

  it('regions do not overlap, lie below the control page and hold their depths', () => {
    const regions = Object.values(CORE_REGIONS).map((r: CoreRegion) => r.region);
    const banks = Array.from({ length: 16 }, (_, k) => BANK_REGION + k);
    const all = [...regions, ...banks];
    expect(new Set(all).size).toBe(all.length);
    expect(Math.max(...all)).toBeLessThan(0xff);
    for (const r of Object.values(CORE_REGIONS) as CoreRegion[]) {
      expect(r.depth(TB_CAPACITY)).toBeLessThanOrEqual(2 ** 24);
    }
    expect(() => coreAddress('pop', TB_CAPACITY.POPMAX * 32, TB_CAPACITY)).toThrow(
      /word 256 is outside region 'pop' \(256 words\)/,
    );
    expect(() => bankAddress(TB_CAPACITY.CHMAX, 0, TB_CAPACITY)).toThrow(/CHMAX = 8/);
  });
});

/**
 * The networks: a seeded random one in both simulators, run in two chunks of CHUNK steps and the
 * rest; the gallery's hardware example (its run takes Icarus about 19 s) in Verilator only, in
 * one run.
 */
type Case = [name: string, chunk: number, make: () => NetworkDocument];
const CHUNK = 7;
const RANDOM: Case = ['random network 103', CHUNK, () => randomNetwork(103, 60)];
const NETWORKS: Record<Simulator, readonly Case[]> = {
  icarus: [RANDOM],
  verilator: [['fixed-point-hw.json', 0, () => gallery('fixed-point-hw.json')], RANDOM],
};

/**
 * What makes a chunk boundary a test: a stimulus event after it, and a spike before it that a
 * projection with a delay delivers after it (the engine's record; `doc`'s projections).
 */
function crossings(doc: NetworkDocument, chunk: number, record: readonly StepRecord[]): string[] {
  const found: string[] = [];
  const plan = compile(doc);
  const ext = layoutCore(plan).images.ext;
  for (let i = 0; i < ext.length; i += 4) {
    if ((ext[i] ?? 0) > chunk) found.push(`stimulus event at step ${ext[i]}`);
  }
  doc.projections.forEach((prj) => {
    const source = doc.populations.findIndex((p) => p.id === prj.source);
    const d = prj.delay;
    const longest =
      d.kind === 'constant' ? d.steps : d.kind === 'explicit' ? Math.max(0, ...d.steps) : d.high;
    for (let t = Math.max(0, chunk - longest); t < chunk; t++) {
      if (record[t]?.spikes.some((s) => s.startsWith(`${source},`))) {
        found.push(`${prj.id}: a spike at step ${t} with delays up to ${longest}`);
      }
    }
  });
  return found;
}

const hex = busWord;

/** A word of `width` bits as the bus reads it back: sign- or zero-extended to 32 bits. */
function readBack(data: number, width: number, signed: boolean): number {
  if (width >= 32) return data >>> 0;
  const span = 2 ** width;
  const low = (data >>> 0) % span;
  return (signed && low >= span / 2 ? low - span : low) >>> 0;
}

/** Runs `binary` (tb_core) on `writes` into an empty core, `extra` plusargs; returns its record. */
function runOverBus(
  binary: readonly string[],
  dir: string,
  writes: readonly CoreWrite[],
  totalSteps: number,
  extra: readonly string[],
  what: string,
): StepRecord[] {
  const [tool, ...args] = binary;
  runTool(
    tool ?? '',
    [
      ...args,
      ...busLoad(dir, writes, [
        `+steps=${totalSteps}`,
        `+spikes=${join(dir, 'spikes.csv')}`,
        `+state=${join(dir, 'state.csv')}`,
        ...extra,
      ]),
    ],
    what,
  );
  return simulatorRecord(
    readFileSync(join(dir, 'spikes.csv'), 'utf8'),
    readFileSync(join(dir, 'state.csv'), 'utf8'),
    totalSteps,
    Number,
  );
}

for (const simulator of ['icarus', 'verilator'] as Simulator[]) {
  describe(`a core with empty memories loaded over the bus equals the engine (${simulator})`, () => {
    let binary: string[] = [];
    beforeAll(() => {
      const dir = join(work.dir, simulator);
      mkdirSync(dir);
      binary = buildBench(
        simulator,
        { top: 'tb_core', sources: ['hdl/tb/tb_core.v', ...CORE_SOURCES] },
        dir,
      );
    }, 300_000);

    it.each(NETWORKS[simulator])(
      '%s (chunk %i)',
      async (name, chunk, make) => {
        const doc = make();
        const plan = compile(doc);
        const writes = coreLoadWrites(layoutCore(plan).images, TB_CAPACITY);
        const dir = join(work.dir, `${simulator}-${name.replace(/\W+/g, '-')}`);
        mkdirSync(dir);
        const got = runOverBus(
          binary,
          dir,
          writes,
          plan.totalSteps,
          [
            '+busyread',
            `+readback=${join(dir, 'readback.txt')}`,
            `+spikelist=${join(dir, 'spikelist.txt')}`,
            `+capacity=${join(dir, 'capacity.txt')}`,
            `+chunk=${chunk}`,
          ],
          `running tb_core over the bus on ${name}`,
        );

        // Every word reads back as written, at the memory's width.
        const widthOf = widths();
        const back = readFileSync(join(dir, 'readback.txt'), 'utf8').trim().split('\n');
        expect(back).toHaveLength(writes.length);
        back.forEach((line, i) => {
          const w = writes[i];
          if (w === undefined) throw new Error('more reads than writes');
          const [width, signed] = widthOf(w.address >>> 24);
          expect(line, `read back of ${hex(w.address)}`).toBe(
            `${hex(w.address)} ${hex(readBack(w.data, width, signed))}`,
          );
        });

        // The capacity region: the parameters tb_core built the core with, then zeros.
        const capacity = readFileSync(join(dir, 'capacity.txt'), 'utf8').trim().split('\n');
        expect(capacity).toEqual([
          ...CAPACITY_WORDS.map((k) => String(k === 'ONLINE_O1' ? 0 : (TB_CAPACITY[k] ?? 0))),
          ...new Array<string>(16 - CAPACITY_WORDS.length).fill('0'),
        ]);

        const want = await engineRecord(doc);
        expect(want.reduce((s, r) => s + r.spikes.length, 0)).toBeGreaterThan(0);
        if (chunk > 0) {
          const crossing = crossings(doc, chunk, want);
          expect(crossing.filter((c) => c.startsWith('stimulus')).length).toBeGreaterThan(0);
          expect(crossing.filter((c) => !c.startsWith('stimulus')).length).toBeGreaterThan(0);
        }
        const mismatch = firstCoreMismatch(doc, want, got);
        if (mismatch !== null) keep = true;
        expect(mismatch, `kept ${dir}`).toBeNull();

        // The last step's spikes, read over the bus (population order, as the engine's).
        const list = readFileSync(join(dir, 'spikelist.txt'), 'utf8')
          .split('\n')
          .filter((l) => l.length > 0)
          .map((l) => l.replace(' ', ','));
        const last = want[plan.totalSteps - 1]?.spikes ?? [];
        expect(last.length).toBeGreaterThan(0);
        expect(list).toEqual(last);
      },
      120_000,
    );

    if (simulator === 'verilator') {
      it('without the weight writes the run differs: the memories really start empty', async () => {
        const doc = RANDOM[2]();
        const plan = compile(doc);
        const writes = coreLoadWrites(layoutCore(plan).images, TB_CAPACITY).filter(
          (w) => w.address >>> 24 !== CORE_REGIONS.syn_weight.region,
        );
        const dir = join(work.dir, 'verilator-no-weights');
        mkdirSync(dir);
        const got = runOverBus(binary, dir, writes, plan.totalSteps, [], 'running without weights');
        expect(firstCoreMismatch(doc, await engineRecord(doc), got)).toMatch(/^step \d+/);
      });
    }
  });
}

describe('at BUS = 1 a start goes on from the run state', () => {
  it('a core whose start clears t runs the second chunk from step 0 again', async () => {
    const dir = join(work.dir, 'mutant-restart');
    const image = buildCoreMutant(
      dir,
      'steps_to_run <= t + n_steps;  // the step after the last one to run',
      "steps_to_run <= n_steps; t <= 32'd0;  // mutant",
    );
    const doc = randomNetwork(103, 20);
    const writes = coreLoadWrites(layoutCore(compile(doc)).images, TB_CAPACITY);
    const got = runOverBus(['vvp', '-n', image], dir, writes, 20, [`+chunk=${CHUNK}`], 'mutant');
    expect(firstCoreMismatch(doc, await engineRecord(doc), got)).toMatch(/^step \d+/);
  });
});

describe('the bus slave refuses while the core runs', () => {
  it('a core that answers while busy stops tb_core (+busyread)', () => {
    const dir = join(work.dir, 'mutant-busy');
    const image = buildCoreMutant(
      dir,
      'wire b_idle = BUS != 0 && phase == S_IDLE && !start;',
      'wire b_idle = BUS != 0;  // mutant',
    );
    const doc = randomNetwork(103, 5);
    const writes = coreLoadWrites(layoutCore(compile(doc)).images, TB_CAPACITY);
    expect(() =>
      runOverBus(['vvp', '-n', image], dir, writes, 5, ['+busyread'], 'running the mutant'),
    ).toThrow(/the bus was answered while busy/);
  });
});

/** Region -> [width, signed] of its memory in tb_core's core (TB_CAPACITY, CORE_WMAX 24). */
function widths(): (region: number) => [number, boolean] {
  const nw = Math.log2(TB_CAPACITY.NMAX);
  const byRegion = new Map<number, [number, boolean]>([
    [CORE_REGIONS.v.region, [24, true]],
    [CORE_REGIONS.refr.region, [16, false]],
    [CORE_REGIONS.row_start.region, [Math.log2(TB_CAPACITY.SYNMAX) + 1, false]],
    [CORE_REGIONS.row_end.region, [Math.log2(TB_CAPACITY.SYNMAX) + 1, false]],
    [CORE_REGIONS.syn_target.region, [nw, false]],
    [CORE_REGIONS.syn_weight.region, [24, true]],
    [CORE_REGIONS.syn_delay.region, [8, false]],
    [CORE_REGIONS.gen_ptr.region, [Math.log2(TB_CAPACITY.GIDXMAX) + 1, false]],
    [CORE_REGIONS.gen_idx.region, [nw, false]],
    [CORE_REGIONS.loihi_v.region, [25, true]],
  ]);
  return (region) => byRegion.get(region) ?? (region >= BANK_REGION ? [24, true] : [32, false]);
}
