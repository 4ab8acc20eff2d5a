/**
 * Host side of Loihi populations in the wasm kernel (`assembly/loihi.ts`): their state arrays
 * (in the state block), their descriptor (LIF slots reused, mirrored from the assembly), and the
 * bound that makes the kernel's f32 input sums exact.
 */
import { BackendUnavailableError } from '../../errors.ts';
import type { Plan } from '../../plan.ts';
import type { LoihiLearningPlan, LoihiPlan } from '../../plan-loihi.ts';
import { padded, type Arena } from './arena.ts';
import { P } from './layout.ts';

/** `MODEL_LOIHI` of assembly/loihi.ts. */
export const MODEL_LOIHI = 16;
/** H_ERRVAR codes of a Loihi overflow (value stored as i32), as in assembly/loihi.ts. */
export const ERR_LOIHI = { v: -2, i: -3 } as const;

/** Descriptor slots a Loihi population reuses (assembly/loihi.ts `L_*`). */
const L = {
  i: P.saved,
  sampled: P.held,
  input: P.scratch,
  threshold: P.vThreshold,
  decayV: P.leak,
  decayI: P.rdt,
  refractory: P.refractorySteps,
} as const;

/** f32 v, I, sampled I and input, i32 refractory counts: all state, all zero at step 0. */
export interface LoihiAddresses {
  v: number;
  refr: number;
  i: number;
  sampled: number;
  input: number;
}

/** Allocates a Loihi population's state (call while the arena is inside the state block). */
export function allocateLoihiState(arena: Arena, size: number): LoihiAddresses {
  const bytes = 4 * padded(size);
  return {
    v: arena.alloc(bytes),
    refr: arena.alloc(bytes),
    i: arena.alloc(bytes),
    sampled: arena.alloc(bytes),
    input: arena.alloc(bytes),
  };
}

/** Writes the model code, state addresses and constants into descriptor `d`. */
export function writeLoihiDescriptor(
  view: DataView,
  d: number,
  plan: LoihiPlan,
  a: LoihiAddresses,
): void {
  const i32 = (at: number, v: number): void => view.setInt32(at, v, true);
  i32(d + P.model, MODEL_LOIHI);
  i32(d + P.v, a.v);
  i32(d + P.refr, a.refr);
  i32(d + L.i, a.i);
  i32(d + L.sampled, a.sampled);
  i32(d + L.input, a.input);
  i32(d + L.threshold, plan.threshold);
  i32(d + L.decayV, plan.decayV);
  i32(d + L.decayI, plan.decayI);
  i32(d + L.refractory, plan.refractory);
}

/** brian2-loihi's actual-weight limit, 2^21 - 2^6. */
const WEIGHT_LIMIT = 2 ** 21 - 2 ** 6;

/**
 * The largest |wAct| a learning rule can give a synapse (CONTEXT.md step 5d: wAct of a mantissa
 * in [wLow, wHigh]); 0 without a rule, whose weights never change.
 */
function learnedBound(learning: LoihiLearningPlan | undefined): number {
  if (!learning?.rule) return 0;
  const actual = (w: number): number =>
    Math.min(WEIGHT_LIMIT, Math.abs(Math.floor((w * 2 ** (6 + learning.wExp)) / 64) * 64));
  return Math.max(actual(learning.wLow), actual(learning.wHigh));
}

/** Largest sum of |weight| into one Loihi neuron for which every f32 partial sum is exact. */
const EXACT_INPUT = 2 ** 30;

/**
 * The kernel sums a step's Loihi input in f32: exact while every partial sum is a multiple of
 * 64 below 2^30, which holds when the |weights| into each neuron add up to less than 2^30. A
 * plan past that (more than 512 maximal weights into one neuron) is refused, so `auto` moves
 * on to a backend that sums in float64. A learning synapse counts the largest |wAct| its rule
 * can reach.
 */
export function requireExactLoihiInput(plan: Plan): void {
  for (const pop of plan.populations) {
    if (pop.model.model !== 'loihi') continue;
    const total = new Float64Array(pop.size);
    for (const pr of plan.projections) {
      if (pr.target !== pop.index) continue;
      const { targets, weights } = pr.csr;
      // A learning rule moves wAct anywhere between the actual weights of its range's ends.
      const learned = learnedBound(pr.learning);
      for (let e = 0; e < targets.length; e++) {
        const j = targets[e] as number;
        const w = weights instanceof Float32Array ? (weights[e] as number) : weights.constant;
        total[j] = (total[j] as number) + Math.max(Math.abs(w), learned);
      }
    }
    const worst = total.reduce((a, b) => Math.max(a, b), 0);
    if (worst >= EXACT_INPUT) {
      throw new BackendUnavailableError(
        'wasm',
        `loihi population '${pop.id}' can receive up to ${worst} in one step, past the 2^30 ` +
          'its f32 input sums hold exactly',
      );
    }
  }
}
