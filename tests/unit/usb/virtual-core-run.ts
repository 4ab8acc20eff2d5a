/**
 * Helpers for the virtual core's tests: load a network with `coreLoadWrites`, run it in chunks
 * and read back each step's spikes (`spike_count`, `spike_list`) and the state after each
 * chunk, all through the core's bus words; and the engine's record of the same network in the
 * same form (tests/hdl/core-cosim.ts's `engineRecord`, the co-simulation's oracle).
 */
import { compile } from '../../../src/engine/compile/index.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import { loihiDecayStep } from '../../../src/engine/loihi/loihi-compartment.ts';
import type { CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { type CoreLayout, layoutCore, POP_KIND } from '../../../src/hdl/core-images.ts';
import { bankAddress, coreAddress, coreLoadWrites } from '../../../src/hdl/core-memory-map.ts';
import type { SpikeEvent } from '../../../src/hdl/spike-equivalence.ts';
import type { BridgeBackend } from '../../../src/hdl/bridge-model.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import type { Plan } from '../../../src/engine/plan.ts';
import { engineRecord, type StepRecord } from '../../hdl/core-cosim.ts';
import { randomLoihiNetwork } from '../../hdl/core-networks.ts';

export interface Loaded {
  plan: Plan;
  layout: CoreLayout;
}

/** Writes the network's images and starting state into `core` over its bus words. */
export function loadNetwork(core: BridgeBackend, doc: NetworkDocument, c: CoreCapacity): Loaded {
  const plan = compile(doc);
  const layout = layoutCore(plan);
  for (const w of coreLoadWrites(layout.images, c)) core.write(w.address, w.data);
  return { plan, layout };
}

/** What a chunked run read back: every spike, and the state after each chunk's last step. */
export interface CoreRun {
  spikes: SpikeEvent[];
  /** step -> `population,index,v,i` per integer neuron, as `engineRecord`'s state. */
  state: Map<number, string[]>;
}

/**
 * Runs `steps` steps in chunks of `chunk` (<= DMAX, so every slot of a chunk is still in the
 * ring), reading each step's spikes and, after each chunk, v and sum_c I_c of every fixed-point
 * neuron and v and I of every Loihi neuron.
 */
export function runInChunks(
  core: BridgeBackend,
  { plan, layout }: Loaded,
  c: CoreCapacity,
  steps: number,
  chunk: number,
): CoreRun {
  const read = (address: number): number => core.read(address) | 0;
  const spikes: SpikeEvent[] = [];
  const state = new Map<number, string[]>();
  for (let start = 0; start < steps; start += chunk) {
    const n = Math.min(chunk, steps - start);
    core.run(n);
    spikes.push(...readSpikes(read, { plan, layout }, c, start, n));
    state.set(start + n - 1, readState(read, { plan, layout }, c));
  }
  return { spikes, state };
}

/** The spikes of steps `start` .. `start + n - 1` (n <= DMAX) from the core's spike lists. */
export function readSpikes(
  read: (address: number) => number,
  { plan, layout }: Loaded,
  c: CoreCapacity,
  start: number,
  n: number,
): SpikeEvent[] {
  const spikes: SpikeEvent[] = [];
  for (let step = start; step < start + n; step++) {
    const slot = step % c.DMAX;
    plan.populations.forEach((_, p) => {
      const count = read(coreAddress('spike_count', slot * c.POPMAX + p, c));
      const base = layout.bases[p] ?? 0;
      for (let k = 0; k < count; k++) {
        const index = read(coreAddress('spike_list', slot * c.NMAX + base + k, c));
        spikes.push({ step, population: p, index });
      }
    });
  }
  return spikes;
}

function readState(read: (a: number) => number, { plan, layout }: Loaded, c: CoreCapacity) {
  const rows: string[] = [];
  plan.populations.forEach((p, pi) => {
    const base = layout.bases[pi] ?? 0;
    const kind = (layout.images.pop[pi * 32] ?? 0) & 3; // bit 2: an SC layer, a fixed-point one
    for (let j = 0; j < p.size; j++) {
      if (kind === POP_KIND.fixed) {
        let i = 0;
        for (let k = 0; k < p.channels.length; k++) i += read(bankAddress(k, base + j, c));
        rows.push(`${pi},${j},${read(coreAddress('v', base + j, c))},${Math.fround(i)}`);
      } else if (kind === POP_KIND.loihi) {
        const v = read(coreAddress('loihi_v', base + j, c));
        rows.push(`${pi},${j},${v},${read(coreAddress('loihi_i', base + j, c))}`);
      }
    }
  });
  return rows;
}

/** The engine's spikes as events, from its per-step record. */
export function engineSpikes(record: readonly StepRecord[]): SpikeEvent[] {
  return record.flatMap((r, step) =>
    r.spikes.map((s) => {
      const [p = '', j = ''] = s.split(',');
      return { step, population: Number(p), index: Number(j) };
    }),
  );
}

/**
 * The engine's state after step t as the core holds it: the probes record a Loihi neuron's I
 * after the step's deliveries and before its decay, the core keeps it decayed.
 */
export function engineStateAfter(record: readonly StepRecord[], t: number, plan: Plan): string[] {
  return (record[t]?.state ?? []).map((row) => {
    const [p = '', j, v, i] = row.split(',');
    const m = plan.populations[Number(p)]?.model;
    if (m?.model !== 'loihi') return row;
    const current = Number(i);
    return `${p},${j},${v},${current - loihiDecayStep(current, m.decayI)}`;
  });
}

/** A random Loihi network the engine runs without NumericalError (as core-cosim.test's). */
export async function runnableLoihi(
  seed: number,
  steps: number,
): Promise<[NetworkDocument, StepRecord[]]> {
  for (let shrink = 0; ; shrink++) {
    const doc = randomLoihiNetwork(seed, steps, shrink);
    try {
      return [doc, await engineRecord(doc)];
    } catch (error) {
      if (!(error instanceof NumericalError) || shrink >= 8) throw error;
    }
  }
}
