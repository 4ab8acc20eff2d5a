/**
 * Host side of `nir_neuron` populations in the wasm kernel (`assembly/nir.ts`): S in the state
 * block, the per-neuron constants and the descriptor the population's P_SC points at. The mirror
 * of the NR_* offsets and NK_* order of the assembly.
 */
import type { NirNeuronPlan, PopulationPlan } from '../../plan.ts';
import { padded, type Arena } from './arena.ts';
import { P } from './layout.ts';

/** `MODEL_NIR` of assembly/nir.ts. */
export const MODEL_NIR = 48;
/** H_ERRVAR code of a non-finite S (`ERR_NIR_S` of the assembly). */
export const ERR_NIR_S = -7;

const NR = { s: 0, constants: 4, stride: 8, cuba: 12 } as const;
const NR_BYTES = 16;

/** Constant arrays in the assembly's NK_* order. */
const CONSTANTS = [
  'bias',
  'leak',
  'gain',
  'vLeak',
  'vThreshold',
  'vReset',
  'synDecay',
  'synGain',
] as const satisfies readonly (keyof NirNeuronPlan)[];

export interface NirAddresses {
  /** S per neuron, in the state block. */
  s: number;
  constants: number;
  descriptor: number;
  stride: number;
}

/** A `nir_neuron` population. */
export function isNir(p: PopulationPlan | undefined): boolean {
  return p?.model.model === 'nir_neuron';
}

/** S of a population (call while the arena is inside the state block). */
export function allocateNirState(arena: Arena, size: number): number {
  return arena.alloc(4 * padded(size));
}

/** Its constants and descriptor, outside the state block. */
export function allocateNir(arena: Arena, size: number, s: number): NirAddresses {
  const stride = 4 * padded(size);
  return {
    s,
    constants: arena.alloc(CONSTANTS.length * stride),
    descriptor: arena.alloc(NR_BYTES),
    stride,
  };
}

/** Writes the constants, the descriptor and the population descriptor's model and P_SC at `d`. */
export function writeNir(view: DataView, d: number, plan: NirNeuronPlan, a: NirAddresses): void {
  const i32 = (at: number, v: number): void => view.setInt32(at, v, true);
  i32(d + P.model, MODEL_NIR);
  i32(d + P.sc, a.descriptor);
  i32(a.descriptor + NR.s, a.s);
  i32(a.descriptor + NR.constants, a.constants);
  i32(a.descriptor + NR.stride, a.stride);
  i32(a.descriptor + NR.cuba, plan.cuba ? 1 : 0);
  CONSTANTS.forEach((name, k) => {
    new Float32Array(view.buffer, a.constants + k * a.stride, plan.vInit.length).set(plan[name]);
  });
}

/**
 * The float32 sum of a population's active stimuli at step t (document order, from 0): the
 * `ext` step 2g adds to each neuron's own bias.
 */
export function nirExternalInput(p: PopulationPlan, t: number): number {
  let ext = 0;
  for (const s of p.stimuli) {
    if (s.startStep <= t && t < s.stopStep) ext = Math.fround(ext + s.amplitude);
  }
  return ext;
}
