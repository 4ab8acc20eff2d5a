/**
 * The learning synapses after a run on an ONLINE_O1 core (issue 9): for every projection that
 * learns with online_o1, each synapse's integer weight (`syn_int_weight`), pre and post trace
 * (`syn_pre`, `syn_post`) and eligibility (`syn_elig`, read sign-extended), in the engine's
 * connection order, and `w` = weight x weight_scale, the value of the engine's `w` synapse probe
 * and of `learnedWeights()` (the weight step t + 1 delivers). A projection's synapses are
 * contiguous in the core: rows row_base .. row_base + sources - 1 (`layoutCore`).
 */
import type { Plan } from '../../engine/plan.ts';
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import { PRJ_FIELDS, type CoreLayout } from '../../hdl/core-images.ts';
import { coreAddress, type CoreRegionName } from '../../hdl/core-memory-map.ts';
import { type BridgeLike, CountingBridge, executeBatched } from './core-run-bridge.ts';

export interface LearningSynapses {
  /** Document index of the projection. */
  projection: number;
  /** Per synapse, connection order: the integer weight, and w = weight x weight_scale. */
  weight: number[];
  w: number[];
  preTrace: number[];
  postTrace: number[];
  eligibility: number[];
}

const FIELDS = ['syn_int_weight', 'syn_pre', 'syn_post', 'syn_elig'] as const;

/**
 * Reads every learning synapse (the core must be idle); [] when no projection learns.
 *
 * @throws Error when the network learns and the core was built without ONLINE_O1.
 * @example (await readLearningSynapses(bridge, prepared, capacity))[0]?.w // [48, 64, ...]
 */
export async function readLearningSynapses(
  bridge: BridgeLike,
  { plan, layout }: { plan: Plan; layout: CoreLayout },
  c: CoreCapacity,
): Promise<LearningSynapses[]> {
  const learners = layout.delivered.flatMap((index, k) => {
    const rule = plan.projections[index]?.plasticity?.rule;
    if (rule?.rule !== 'online_o1') return [];
    const row = layout.images.prj[k * PRJ_FIELDS + 6] ?? 0;
    const sources = layout.images.prj[k * PRJ_FIELDS + 2] ?? 0;
    const first = layout.images.rowStart[row] ?? 0;
    const end = sources > 0 ? (layout.images.rowEnd[row + sources - 1] ?? first) : first;
    return [{ index, scale: rule.weightScale, first, count: end - first }];
  });
  if (learners.length === 0) return [];
  if (c.ONLINE_O1 !== 1) {
    throw new Error('the network learns (online_o1); this core was built without ONLINE_O1');
  }
  const reads = learners.flatMap(({ first, count }) =>
    FIELDS.flatMap((name: CoreRegionName) =>
      Array.from({ length: count }, (_, e) => ({
        op: 'read' as const,
        address: coreAddress(name, first + e, c),
      })),
    ),
  );
  const results = await executeBatched(new CountingBridge(bridge), reads);
  let at = 0;
  const next = (count: number): number[] =>
    Array.from({ length: count }, () => (results[at++]?.data ?? 0) | 0);
  return learners.map(({ index, scale, count }) => {
    const weight = next(count);
    return {
      projection: index,
      weight,
      w: weight.map((x) => Math.fround(x * scale)),
      preTrace: next(count),
      postTrace: next(count),
      eligibility: next(count),
    };
  });
}
