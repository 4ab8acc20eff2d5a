/**
 * What the host does with values read back from the device: spike lists, state samples and the
 * finiteness check, all over the global layout (populations side by side, channel slot-major).
 */
import { NumericalError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import type { ChunkBuilder } from '../../record/chunk-builder.ts';
import type { DeviceLayout } from './layout.ts';

/** Hands the 0/1 flags of step t, population by population, to the chunk builder. */
export function recordSpikes(
  plan: Plan,
  layout: DeviceLayout,
  builder: ChunkBuilder,
  t: number,
  flags: Float32Array,
): void {
  plan.populations.forEach((pop, p) => {
    if (!builder.wantsSpikes(p)) return;
    const base = layout.offsets[p] ?? 0;
    builder.addSpikeFlags(p, t, flags.subarray(base, base + pop.size), pop.size);
  });
}

/** A state probe's value: V, or the channel currents summed from 0 in channel order. */
export function sample(
  plan: Plan,
  layout: DeviceLayout,
  v: Float32Array,
  i: Float32Array,
  p: number,
  variable: 'v' | 'i_syn',
  j: number,
): number {
  const g = (layout.offsets[p] ?? 0) + j;
  if (variable === 'v') return v[g] ?? 0;
  let sum = 0;
  const count = plan.populations[p]?.channels.length ?? 0;
  for (let c = 0; c < count; c++) sum = Math.fround(sum + (i[c * layout.total + g] ?? 0));
  return sum;
}

/**
 * Step 7: throws `NumericalError` for the first non-finite value in the reference's order
 * (populations, V before channels, neurons ascending).
 */
export function checkFinite(
  plan: Plan,
  layout: DeviceLayout,
  v: Float32Array,
  i: Float32Array,
  t: number,
): void {
  const { total, offsets } = layout;
  plan.populations.forEach((pop, p) => {
    const base = offsets[p] ?? 0;
    if (pop.model.model === 'stochastic_lif') assertFinite(v, base, pop.size, pop.id, 'v', t);
    pop.channels.forEach((ch, c) => {
      const tau = plan.channels[ch]?.tau ?? 0;
      assertFinite(i, c * total + base, pop.size, pop.id, `i_syn (tau ${tau} ms)`, t);
    });
  });
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
