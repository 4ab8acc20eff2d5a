/**
 * Helpers for the virtual core's learning tests (ONLINE_O1 = 1): a learning network loaded by
 * `coreLoadWrites`, run in chunks, each chunk's spikes read from `spike_count`/`spike_list` and,
 * after it, every learning synapse's integer weight, traces and eligibility (regions 0x15-0x18)
 * and delivered weight (`syn_weight`), in the form of the engine's synapse probes
 * (tests/hdl/core-cosim-o1.ts's `engineSynapses`: `projection,synapse,w,pre,post,elig` with
 * w = fround(weight x scale)), so that they compare line by line.
 */
import { readFileSync } from 'node:fs';
import type { CoreCapacity } from '../../../src/hdl/core-capacity.ts';
import { o1Delivered, PRJ_FIELDS } from '../../../src/hdl/core-images.ts';
import { coreAddress } from '../../../src/hdl/core-memory-map.ts';
import type { SpikeEvent } from '../../../src/hdl/spike-equivalence.ts';
import type { BridgeBackend } from '../../../src/hdl/bridge-model.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import { readSpikes, type Loaded } from './virtual-core-run.ts';

/** What a chunked learning run read back. */
export interface LearningRun {
  spikes: SpikeEvent[];
  /** step -> the learning synapses after it (sorted, as `engineSynapses`' lines). */
  synapses: Map<number, string[]>;
  /** Synapses whose `syn_weight` was not min(weight x scale, 2^23 - 1) after a chunk. */
  deliveredMismatches: string[];
}

/**
 * Runs `steps` steps in chunks of `chunk` (<= DMAX), reading each step's spikes and, after
 * each chunk, every learning synapse through the bus.
 */
export function runLearningChunks(
  core: BridgeBackend,
  { plan, layout }: Loaded,
  c: CoreCapacity,
  steps: number,
  chunk: number,
): LearningRun {
  const read = (address: number): number => core.read(address) | 0;
  const run: LearningRun = { spikes: [], synapses: new Map(), deliveredMismatches: [] };
  for (let start = 0; start < steps; start += chunk) {
    const n = Math.min(chunk, steps - start);
    core.run(n);
    run.spikes.push(...readSpikes(read, { plan, layout }, c, start, n));
    run.synapses.set(start + n - 1, readSynapses(read, { plan, layout }, c, run));
  }
  return run;
}

function readSynapses(
  read: (address: number) => number,
  { plan, layout }: Loaded,
  c: CoreCapacity,
  run: LearningRun,
): string[] {
  const lines: string[] = [];
  layout.delivered.forEach((index, k) => {
    const rule = plan.projections[index]?.plasticity?.rule;
    if (rule?.rule !== 'online_o1') return;
    const row = layout.images.prj[k * PRJ_FIELDS + 6] ?? 0;
    const first = layout.images.rowStart[row] ?? 0;
    const count = plan.projections[index]?.csr.targets.length ?? 0;
    for (let e = 0; e < count; e++) {
      const syn = first + e;
      const w = read(coreAddress('syn_int_weight', syn, c));
      const fields = (['syn_pre', 'syn_post', 'syn_elig'] as const).map((name) =>
        Math.fround(read(coreAddress(name, syn, c))),
      );
      lines.push(`${index},${e},${Math.fround(w * rule.weightScale)},${fields.join(',')}`);
      const delivered = read(coreAddress('syn_weight', syn, c));
      if (delivered !== o1Delivered(w, rule.weightScale)) {
        run.deliveredMismatches.push(`projection ${index} synapse ${e}: syn_weight ${delivered}`);
      }
    }
  });
  return lines.sort();
}

/**
 * fixed-point-hw.json (the gallery's hardware-exact example) with two learning projections:
 * the cue's synapses (per-synapse delays 1..4, rewarded by the excitatory population's spikes)
 * and the recurrent excitatory ones (delays 1..3, punished by the inhibitory population's).
 */
export function learningFixedPointHw(): NetworkDocument {
  const raw = JSON.parse(readFileSync('public/examples/fixed-point-hw.json', 'utf8')) as {
    name: string;
    projections: Record<string, unknown>[];
  };
  const learn = (scale: number, reward: string, amount: number) => ({
    rule: 'online_o1',
    weight_bits: 8,
    trace_bits: 10,
    reward_bits: 8,
    learning_shift: 4,
    trace_decay_shift: 2,
    weight_scale: scale,
    reward: { population: reward, amount },
  });
  for (const pr of raw.projections) {
    if (pr.id === 'cue_exc') pr.plasticity = learn(16, 'exc', 3);
    if (pr.id === 'exc_exc') pr.plasticity = learn(4, 'inh', -2);
  }
  raw.name = 'fixed-point-hw, learning';
  const parsed = parseDocumentJson(JSON.stringify(raw));
  if (!parsed.ok) {
    throw new Error(
      `the learning fixed-point-hw does not validate: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.document;
}
