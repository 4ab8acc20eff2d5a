/**
 * What the host does with the state read back after a device call: spike lists from the
 * history words, state-probe samples, and the finiteness check, all over the global layout
 * (state `[row][neuron]`, rows as in layout.ts).
 */
import { NumericalError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import type { ChunkBuilder } from '../../record/chunk-builder.ts';
import { checkDynapsimFinite } from './dynapsim-host.ts';
import { HISTORY_BITS, ROW, type DeviceLayout } from './layout.ts';
import { probeRow } from './plasticity-layout.ts';

/**
 * Where the state probes' values sit in the probe kernel's output: one entry for V, one per
 * channel for the summed current, one for an SC layer's `Isc`, a Loihi population's I, a
 * DynapSim population's Isyn or the adaptation variable u/w (recorded as they are, `direct`).
 */
export interface ProbeMap {
  /** (state row, global neuron) pairs, the probe kernel's constant table. */
  table: Float32Array;
  /**
   * `population:variable:neuron` -> first entry and entry count; synapse probes of plastic
   * projections under `syn:projection:variable:synapse`.
   */
  entries: Map<string, { at: number; count: number; direct: boolean }>;
}

/** Lays out the probe kernel's entries for every neuron of every state probe. */
export function buildProbeMap(plan: Plan, layout: DeviceLayout): ProbeMap {
  const pairs: number[] = [];
  const entries = new Map<string, { at: number; count: number; direct: boolean }>();
  for (const probe of plan.probes) {
    if (probe.kind !== 'state') continue;
    const base = layout.offsets[probe.population] ?? 0;
    const pop = plan.populations[probe.population];
    const channels = pop?.channels.length ?? 0;
    // An SC layer keeps the step's Isc in its current slot 0 (kernels.ts, sc-kernels.ts), a
    // Loihi population its I there (loihi-layout.ts), a DynapSim population its Isyn
    // (dynapsim-layout.ts).
    const isc =
      probe.variable === 'i_syn' &&
      (pop?.model.model === 'sc_dense' ||
        pop?.model.model === 'loihi' ||
        pop?.model.model === 'dynapsim');
    const adaptation = probe.variable === 'u' || probe.variable === 'w';
    const direct = isc || adaptation;
    // Validation allows u and w on Izhikevich and AdEx populations only: adaptRow exists then.
    const single = probe.variable === 'v' ? ROW.v : isc ? ROW.current(0) : layout.adaptRow;
    for (const j of probe.neurons) {
      const key = `${probe.population}:${probe.variable}:${j}`;
      if (entries.has(key)) continue;
      const rows =
        probe.variable === 'v' || direct
          ? [single]
          : Array.from({ length: channels }, (_, c) => ROW.current(c));
      entries.set(key, { at: pairs.length / 2, count: rows.length, direct });
      for (const row of rows) pairs.push(row, base + j);
    }
  }
  // Synapse probes of plastic projections read their state rows (plasticity-layout.ts).
  for (const probe of plan.probes) {
    if (probe.kind !== 'synapse') continue;
    const p = layout.plastic?.projections.find((q) => q.projection === probe.projection);
    for (const e of probe.synapses) {
      const key = `syn:${probe.projection}:${probe.variable}:${e}`;
      const row = p ? probeRow(p, probe.variable, e) : -1;
      if (entries.has(key) || row < 0 || !p) continue;
      entries.set(key, { at: pairs.length / 2, count: 1, direct: true });
      pairs.push(row, p.column[e] ?? 0);
    }
  }
  return { table: Float32Array.from(pairs), entries };
}

/** Records the state probes of absolute step t from the probe kernel's output of that step. */
export function recordSamples(
  builder: ChunkBuilder,
  probes: ProbeMap,
  t: number,
  values: Float32Array,
): void {
  builder.sampleState(t, (p, variable, j) => {
    const entry = probes.entries.get(`${p}:${variable}:${j}`);
    if (!entry) return 0;
    if (variable === 'v' || entry.direct) return values[entry.at] ?? 0;
    // The total current, summed from 0 in channel order as the reference does.
    let sum = 0;
    for (let c = 0; c < entry.count; c++) sum = Math.fround(sum + (values[entry.at + c] ?? 0));
    return sum;
  });
  if (builder.synapseProbes.length === 0) return;
  // A variable the rule does not keep has no entry and records 0, as the reference's.
  builder.sampleSynapses(t, (projection, variable, e) => {
    const entry = probes.entries.get(`syn:${projection}:${variable}:${e}`);
    return entry ? (values[entry.at] ?? 0) : 0;
  });
}

/**
 * Records the spikes of the `steps` steps ending at absolute step `last` from the history words
 * of `state` (bit `age` set: spiked `age` steps before `last`). Only non-zero words are
 * decoded, neurons ascending, so that the cost follows the spikes, not steps x neurons.
 */
export function recordSpikesFromHistory(
  plan: Plan,
  layout: DeviceLayout,
  builder: ChunkBuilder,
  state: Float32Array,
  last: number,
  steps: number,
): void {
  const { total, historyRow } = layout;
  const words = Math.ceil(steps / HISTORY_BITS);
  const byAge: number[][] = Array.from({ length: steps }, () => []);
  plan.populations.forEach((pop, p) => {
    if (!builder.wantsSpikes(p)) return;
    const base = layout.offsets[p] ?? 0;
    for (const list of byAge) list.length = 0;
    for (let j = 0; j < pop.size; j++) {
      for (let w = 0; w < words; w++) {
        const word = state[(historyRow + w) * total + base + j] ?? 0;
        if (word === 0) continue;
        for (let b = 0; b < HISTORY_BITS; b++) {
          const age = w * HISTORY_BITS + b;
          if (age < steps && ((word >>> b) & 1) === 1) byAge[age]?.push(j);
        }
      }
    }
    for (let age = steps - 1; age >= 0; age--) {
      const list = byAge[age] ?? [];
      if (list.length > 0) builder.addSpikes(p, last - age, list, list.length);
    }
  });
}

/**
 * Step 7: throws `NumericalError` for the first non-finite value of `state` in the reference's
 * order (populations, V before channels, neurons ascending), reported at step t.
 */
export function checkFinite(
  plan: Plan,
  layout: DeviceLayout,
  state: Float32Array,
  t: number,
): void {
  const { total, offsets } = layout;
  // Step 2e stops at a non-finite Imem before anything below is scanned.
  checkDynapsimFinite(plan, layout, state, t);
  plan.populations.forEach((pop, p) => {
    const base = offsets[p] ?? 0;
    const model = pop.model.model;
    if (WITH_V.has(model)) {
      assertFinite(state, ROW.v * total + base, pop.size, pop.id, 'v', t);
    }
    if (model === 'izhikevich' || model === 'adex') {
      const name = model === 'izhikevich' ? 'u' : 'w';
      assertFinite(state, layout.adaptRow * total + base, pop.size, pop.id, name, t);
    }
    pop.channels.forEach((ch, c) => {
      const tau = plan.channels[ch]?.tau ?? 0;
      assertFinite(
        state,
        ROW.current(c) * total + base,
        pop.size,
        pop.id,
        `i_syn (tau ${tau} ms)`,
        t,
      );
    });
  });
}

/** The models whose V the kernels step (sources have none). */
const WITH_V: ReadonlySet<string> = new Set(['stochastic_lif', 'sc_dense', 'izhikevich', 'adex']);

/** Whether every V and current of `state` is finite (the check without the report). */
export function isFinite(plan: Plan, layout: DeviceLayout, state: Float32Array): boolean {
  try {
    checkFinite(plan, layout, state, 0);
    return true;
  } catch (error) {
    if (error instanceof NumericalError) return false;
    throw error;
  }
}

function assertFinite(
  values: Float32Array,
  from: number,
  size: number,
  population: string,
  variable: string,
  t: number,
): void {
  // One plain sum first: it is non-finite exactly when some term is (float32 cannot overflow it).
  let sum = 0;
  for (let j = 0; j < size; j++) sum += values[from + j] ?? 0;
  if (Number.isFinite(sum)) return;
  for (let j = 0; j < size; j++) {
    const x = values[from + j] ?? 0;
    if (!Number.isFinite(x)) throw new NumericalError(population, t, j, variable, x);
  }
}
