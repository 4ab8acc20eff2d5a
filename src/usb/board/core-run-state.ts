/**
 * The core's state after a run, per population, as the engine's state probes name it: for a
 * fixed-point population v (the `v` region) and i_syn (the sum of its channel banks, as the
 * engine's probe sums its currents), both as the engine's probes record the last step; for a
 * Loihi population v (as the engine's v probe) and I as the core holds it for the next step,
 * after this step's decay (the engine's I probe records it before the decay).
 * Sources (Poisson, generators) have no state to read.
 */
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import { POP_FIELDS, POP_KIND, type CoreLayout } from '../../hdl/core-images.ts';
import { bankAddress, coreAddress } from '../../hdl/core-memory-map.ts';
import { type BridgeLike, CountingBridge, executeBatched } from './core-run-bridge.ts';

export interface PopulationState {
  /** Document index. */
  population: number;
  kind: 'fixed_point_lif' | 'loihi';
  v: number[];
  /** Fixed point: i_syn, the sum of the channel currents. Loihi: I after this step's decay. */
  i: number[];
}

/**
 * Reads v and the synaptic current of every fixed-point and Loihi neuron (the core must be
 * idle). Reads come back sign-extended from the memories' widths.
 *
 * @example (await readCoreState(bridge, layout, capacity))[0] // { population: 1, kind: 'fixed_point_lif', v: [...], i: [...] }
 */
export async function readCoreState(
  bridge: BridgeLike,
  layout: CoreLayout,
  c: CoreCapacity,
): Promise<PopulationState[]> {
  const plan: { state: PopulationState; v: number[]; banks: number[][] }[] = [];
  const reads: number[] = [];
  const ask = (address: number): number => reads.push(address) - 1;
  layout.bases.forEach((base, p) => {
    const fields = layout.images.pop.slice(p * POP_FIELDS, (p + 1) * POP_FIELDS);
    const kind = fields[0];
    const size = fields[2] ?? 0;
    const neurons = Array.from({ length: size }, (_, j) => base + j);
    if (kind === POP_KIND.fixed) {
      const channels = fields[3] ?? 0;
      plan.push({
        state: { population: p, kind: 'fixed_point_lif', v: [], i: [] },
        v: neurons.map((n) => ask(coreAddress('v', n, c))),
        banks: Array.from({ length: channels }, (_, k) =>
          neurons.map((n) => ask(bankAddress(k, n, c))),
        ),
      });
    } else if (kind === POP_KIND.loihi) {
      plan.push({
        state: { population: p, kind: 'loihi', v: [], i: [] },
        v: neurons.map((n) => ask(coreAddress('loihi_v', n, c))),
        banks: [neurons.map((n) => ask(coreAddress('loihi_i', n, c)))],
      });
    }
  });
  const results = await executeBatched(
    new CountingBridge(bridge),
    reads.map((address) => ({ op: 'read' as const, address })),
  );
  const value = (k: number): number => (results[k]?.data ?? 0) | 0;
  return plan.map(({ state, v, banks }) => ({
    ...state,
    v: v.map(value),
    i: v.map((_, j) => banks.reduce((sum, bank) => sum + value(bank[j] ?? -1), 0)),
  }));
}
