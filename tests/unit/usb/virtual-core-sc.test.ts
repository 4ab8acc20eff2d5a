/**
 * The virtual core's integer SC layers (src/usb/virtual/virtual-core-sc.ts): a network loaded
 * only through `coreLoadWrites`' bus words (the SC tables in regions 0x19-0x1D), run in chunks,
 * gives exactly the engine's spikes and v: the gallery's `sc-fixed-point.json` (L = 2048, and
 * L = 8 so that the streams wrap inside the run) and the co-simulation's random SC networks.
 * The SC regions keep the RTL's widths and the capacity words 12-13 say what SC the core holds.
 * A core that reads currentByCount[k + 1] must be caught. `spikelab board run --virtual` runs the
 * example on the demo board (BOARD_CAPACITY holds SC layers) bit-exact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type * as ScCount from '../../../src/engine/sc/sc-count.ts';
import type { CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { CAPACITY_WORDS, coreAddress } from '../../../src/hdl/core-memory-map.ts';
import { compareSpikes } from '../../../src/hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { VirtualBusError } from '../../../src/hdl/bridge-model.ts';
import { VirtualCore } from '../../../src/usb/virtual/virtual-core.ts';
import { engineRecord, TB_CAPACITY } from '../../hdl/core-cosim.ts';
import { randomScNetwork } from '../../hdl/core-networks-sc.ts';
import { runCli, tempDir } from '../cli/helpers.ts';
import { engineSpikes, engineStateAfter, loadNetwork, runInChunks } from './virtual-core-run.ts';

const CAPACITY: CoreCapacity = { ...TB_CAPACITY, SCCHMAX: 32, SCKMAX: 64 };

const mutant = vi.hoisted(() => ({ on: false }));
vi.mock('../../../src/engine/sc/sc-count.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ScCount>();
  return {
    ...real,
    scActiveCount: (...args: Parameters<typeof real.scActiveCount>): number =>
      real.scActiveCount(...args) + (mutant.on ? 1 : 0),
  };
});

function gallery(name: string): NetworkDocument {
  const parsed = parseDocumentJson(readFileSync(`public/examples/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not validate`);
  return parsed.document;
}

/** sc-fixed-point.json with stream length `length` and `steps` steps. */
function example(length: number, steps: number): NetworkDocument {
  const doc = gallery('sc-fixed-point.json');
  const layer = doc.populations[0];
  if (layer?.model !== 'sc_dense') throw new Error('sc-fixed-point.json has no SC layer');
  return {
    ...doc,
    populations: [{ ...layer, params: { ...layer.params, length } }],
    run: { ...doc.run, duration: steps },
  };
}

/**
 * Whether a chunked run agrees with the engine: every spike, and after each chunk every
 * integer neuron's v (and a fixed-point neuron's channel currents; an SC layer's i, its current
 * of the step, is no bus word, so its rows compare v only).
 */
async function agrees(doc: NetworkDocument, chunk: number, withMutant = false): Promise<boolean> {
  mutant.on = false;
  const record = await engineRecord(doc);
  expect(engineSpikes(record).length).toBeGreaterThan(0);
  mutant.on = withMutant;
  try {
    const core = new VirtualCore(CAPACITY);
    const loaded = loadNetwork(core, doc, CAPACITY);
    const run = runInChunks(core, loaded, CAPACITY, loaded.plan.totalSteps, chunk);
    const sc = new Set(
      doc.populations.flatMap((p, i) => (p.model === 'sc_dense' ? [String(i)] : [])),
    );
    const row = (r: string): string =>
      sc.has(r.split(',')[0] ?? '') ? r.replace(/,[^,]*$/, '') : r;
    const spikes = compareSpikes(engineSpikes(record), run.spikes).kind === 'bit-exact';
    const state = [...run.state].every(
      ([t, rows]) =>
        JSON.stringify(rows.map(row)) ===
        JSON.stringify(engineStateAfter(record, t, loaded.plan).map(row)),
    );
    return spikes && state;
  } finally {
    mutant.on = false;
  }
}

describe('the virtual core runs integer SC layers as the engine does', () => {
  it('sc-fixed-point.json (L = 2048, 500 steps) in chunks of 8', async () => {
    expect(await agrees(gallery('sc-fixed-point.json'), 8)).toBe(true);
  });

  it('sc-fixed-point.json at L = 8 (the streams wrap) in chunks of 1 and 7', async () => {
    expect(await agrees(example(8, 60), 1)).toBe(true);
    expect(await agrees(example(8, 60), 7)).toBe(true);
  });

  it.each([11, 12, 13, 14, 15, 16])('random SC network %i in chunks of 7', async (seed) => {
    expect(await agrees(randomScNetwork(seed, 60), 7)).toBe(true);
  });

  it('a core that reads currentByCount[k + 1] differs', async () => {
    expect(await agrees(example(8, 60), 7, true)).toBe(false);
  });
});

describe("the virtual core's SC regions are the RTL's", () => {
  it('keep their widths, sign-extend the current table, say SCCHMAX and SCKMAX', () => {
    const core = new VirtualCore(CAPACITY);
    const at = (name: Parameters<typeof coreAddress>[0], i: number): number =>
      coreAddress(name, i, CAPACITY);
    core.write(at('sc_in_key', 31), 0xdeadbeef);
    core.write(at('sc_in_thr', 0), 0xffffffff);
    core.write(at('sc_w_thr', 1), 2 ** 24);
    core.write(at('sc_current', 63), 0x00800001);
    expect(core.read(at('sc_in_key', 31))).toBe(0xdeadbeef);
    expect(core.read(at('sc_in_thr', 0))).toBe(2 ** 25 - 1);
    expect(core.read(at('sc_w_thr', 1))).toBe(2 ** 24);
    expect(core.read(at('sc_current', 63))).toBe(0xff800001);
    const words = CAPACITY_WORDS.map((_, i) => core.read(coreAddress('capacity', i, CAPACITY)));
    expect(words.slice(CAPACITY_WORDS.indexOf('SCCHMAX'))).toEqual([32, 64]);
    // A core without SC layers answers none of it, and reads 0 in both words.
    const plain = new VirtualCore(TB_CAPACITY);
    expect(() => plain.read(((0x19 << 24) | 0) >>> 0)).toThrow(VirtualBusError);
    expect(plain.read(coreAddress('capacity', CAPACITY_WORDS.indexOf('SCKMAX'), TB_CAPACITY))).toBe(
      0,
    );
  });
});

describe('spikelab board run --virtual', () => {
  it('runs sc-fixed-point.json on the demo board, bit-exact with the engine', async () => {
    const path = `${process.cwd()}/public/examples/sc-fixed-point.json`;
    const out = await runCli(['board', 'run', path, '--virtual'], tempDir());
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/core capacity: .*SCCHMAX 64, SCKMAX 128/);
    expect(out.stdout).toContain('verdict: bit-exact: all 92 spikes agree');
  });
});
