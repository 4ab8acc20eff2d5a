/**
 * The device side of DynapSim populations (CONTEXT.md step 2e): where their state and constants
 * live in the gpu layout (layout.ts). Only plans with DynapSim populations get any of this, so
 * other plans keep their rows, strides and tables.
 *
 * State, one column per neuron as everywhere: Imem in the V row (so `v` probes and the initial
 * state need nothing new), the refractory timer (seconds) in the refractory row, Isyn in current
 * slot 0 (a DynapSim population has no channels: its input comes through dpi projections, whose
 * destination is `delta`), and three rows of their own after the current slots (and after the
 * Izhikevich/AdEx adaptation row, if any): Iahp, Vmem and `ws`, the dpi weights delivered during
 * the previous step. `spiked` (the neuron spiked at t-1) is bit 0 of history word 0.
 *
 * Constants: per population a `DYN_POP` block in its `params` row (at `DynapsimLayout.field`);
 * per neuron `DYN.count` floats (the plan's constants after mismatch) in one table appended to
 * `params`, neuron after neuron, from the population's `DYN_POP.base`. Appending to `params`
 * rather than adding a table keeps the kernels' WebGPU storage-buffer counts as they were.
 */
import type { Plan } from '../../plan.ts';
import type { DynapsimPlan } from '../../plan-dynapsim.ts';

/** A DynapSim neuron's constants in its record of the appended table (`DynapsimPlan` names). */
export const DYN = {
  io: 0,
  synDecay: 1,
  synCharge: 2,
  synGain: 3,
  ahpDecay: 4,
  ahpKick: 5,
  itauMem: 6,
  igainMem: 7,
  memGain: 8,
  idc: 9,
  fbSlope: 10,
  memTauFactor: 11,
  utk: 12,
  ispkthr: 13,
  tRef: 14,
  count: 15,
} as const;

/** Fields of a DynapSim population's block in its `params` row. */
export const DYN_POP = {
  /** The step, s. */
  dt: 0,
  /** Where the population's neuron records start in `params`. */
  base: 1,
  count: 2,
} as const;

/** The per-neuron arrays of the plan, in `DYN` order. */
const FIELDS = [
  'io',
  'synDecay',
  'synCharge',
  'synGain',
  'ahpDecay',
  'ahpKick',
  'itauMem',
  'igainMem',
  'memGain',
  'idc',
  'fbSlope',
  'memTauFactor',
  'utk',
  'ispkthr',
  'tRef',
] as const satisfies readonly (keyof typeof DYN)[];

/** The DynapSim part of a device layout. */
export interface DynapsimLayout {
  /** State rows of their own: Iahp, Vmem, ws (consecutive, in that order). */
  iahpRow: number;
  vmemRow: number;
  wsRow: number;
  /** First `params` field of the `DYN_POP` block in a population's row. */
  field: number;
  /** The per-neuron records of every DynapSim population, to append to `params` at `base`. */
  table: Float32Array;
  base: number;
  /** Per population, where its neuron records start in `params` (-1: not DynapSim). */
  recordsAt: number[];
  /**
   * Rows to fill at step 0 besides V: Isyn and Iahp start at the nominal Io in DynapSim
   * columns (0 elsewhere), as the reference's state does.
   */
  initRows: { row: number; values: Float32Array }[];
}

/** State rows a plan with DynapSim populations adds (Iahp, Vmem, ws). */
export const DYN_ROWS = 3;

/** Whether the plan has a DynapSim population (then the layout gets the rows and fields). */
export function hasDynapsim(plan: Plan): boolean {
  return plan.populations.some((p) => p.model.model === 'dynapsim');
}

/**
 * The DynapSim layout of a plan with DynapSim populations: rows from `firstRow`, the population
 * block at `field`, the neuron records to be appended to `params` at `base`.
 */
export function buildDynapsimLayout(
  plan: Plan,
  offsets: readonly number[],
  total: number,
  where: { firstRow: number; isynRow: number; field: number; base: number },
): DynapsimLayout {
  const dyn = plan.populations.flatMap((p) => (p.model.model === 'dynapsim' ? [p.size] : []));
  const table = new Float32Array(DYN.count * dyn.reduce((a, b) => a + b, 0));
  // Indices into `params` are float32 in the kernels: exact below 2^24.
  if (where.base + table.length > 2 ** 24) {
    throw new RangeError(
      `gpu backend: ${table.length / DYN.count} DynapSim neurons need ${table.length} constants, ` +
        `more than a float32 index reaches`,
    );
  }
  const currentInit = new Float32Array(total);
  const recordsAt = plan.populations.map(() => -1);
  let at = 0;
  plan.populations.forEach((pop, p) => {
    if (pop.model.model !== 'dynapsim') return;
    const m = pop.model;
    recordsAt[p] = where.base + at * DYN.count;
    for (let j = 0; j < pop.size; j++) {
      FIELDS.forEach((name, f) => {
        table[(at + j) * DYN.count + f] = m[name][j] ?? 0;
      });
    }
    at += pop.size;
    currentInit.fill(m.io0, offsets[p] ?? 0, (offsets[p] ?? 0) + pop.size);
  });
  return {
    iahpRow: where.firstRow,
    vmemRow: where.firstRow + 1,
    wsRow: where.firstRow + 2,
    field: where.field,
    table,
    base: where.base,
    recordsAt,
    initRows: [
      { row: where.isynRow, values: currentInit },
      { row: where.firstRow, values: currentInit },
    ],
  };
}

/** Population p's `DYN_POP` block (p a DynapSim population of the layout's plan). */
export function dynapsimPopFields(
  m: DynapsimPlan,
  layout: DynapsimLayout,
  p: number,
): Float32Array {
  const block = new Float32Array(DYN_POP.count);
  block[DYN_POP.dt] = m.dt;
  block[DYN_POP.base] = layout.recordsAt[p] ?? -1;
  return block;
}
