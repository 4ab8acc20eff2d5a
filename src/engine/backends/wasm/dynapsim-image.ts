/**
 * Host side of DynapSim populations in the wasm kernel (`assembly/dynapsim.ts`): their state
 * arrays (one block inside the state block), their per-neuron constants, and the descriptor the
 * population's P_SC points at. The mirror of the DY_* offsets of the assembly.
 */
import type { DynapsimPlan } from '../../plan-dynapsim.ts';
import { padded, type Arena } from './arena.ts';
import { P } from './layout.ts';

/** `MODEL_DYNAPSIM` of assembly/dynapsim.ts. */
export const MODEL_DYNAPSIM = 32;
/** H_ERRVAR code of a non-finite Imem (`ERR_IMEM` of the assembly). */
export const ERR_IMEM = -5;

/** Descriptor offsets (`DY_*`): state and constants addresses, bytes per array, dt. */
const DY = { state: 0, constants: 4, stride: 8, dt: 12 } as const;
const DY_BYTES = 16;

/** State arrays in the assembly's order: Imem, Isyn, Iahp, Vmem, timer, spiked, ws. */
const STATE_ARRAYS = 7;

/** Constant arrays in the assembly's `K_*` order. */
const CONSTANTS = [
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
] as const satisfies readonly (keyof DynapsimPlan)[];

export interface DynapsimAddresses {
  /** Imem (what a `v` probe reads, so also the population's P_V), then the other state. */
  state: number;
  /** Where step 5 adds the dpi weights: the ws array. */
  ws: number;
  constants: number;
  descriptor: number;
  /** Bytes per array. */
  stride: number;
}

/** The state block of a DynapSim population (call while the arena is inside the state block). */
export function allocateDynapsimState(arena: Arena, size: number): number {
  return arena.alloc(STATE_ARRAYS * 4 * padded(size));
}

/** Its constants and descriptor, outside the state block. */
export function allocateDynapsim(arena: Arena, size: number, state: number): DynapsimAddresses {
  const stride = 4 * padded(size);
  return {
    state,
    ws: state + 6 * stride,
    constants: arena.alloc(CONSTANTS.length * stride),
    descriptor: arena.alloc(DY_BYTES),
    stride,
  };
}

/** Writes the constants, the descriptor and the population descriptor's fields at `d`. */
export function writeDynapsim(
  view: DataView,
  d: number,
  plan: DynapsimPlan,
  a: DynapsimAddresses,
): void {
  const i32 = (at: number, v: number): void => view.setInt32(at, v, true);
  i32(d + P.model, MODEL_DYNAPSIM);
  i32(d + P.v, a.state);
  i32(d + P.sc, a.descriptor);
  i32(a.descriptor + DY.state, a.state);
  i32(a.descriptor + DY.constants, a.constants);
  i32(a.descriptor + DY.stride, a.stride);
  view.setFloat32(a.descriptor + DY.dt, plan.dt, true);
  CONSTANTS.forEach((name, k) => {
    new Float32Array(view.buffer, a.constants + k * a.stride, plan.io.length).set(plan[name]);
  });
}

/** Step 0: Imem = Isyn = Iahp = the nominal Io; Vmem, timer, spiked and ws 0 (already zeroed). */
export function writeDynapsimInitial(
  plan: DynapsimPlan,
  a: DynapsimAddresses,
  buffer: ArrayBuffer,
): void {
  const n = plan.io.length;
  for (let k = 0; k < 3; k++) new Float32Array(buffer, a.state + k * a.stride, n).fill(plan.io0);
}
