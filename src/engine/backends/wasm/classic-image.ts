/**
 * Memory of the classroom models (Izhikevich, AdEx) in the wasm image: the adaptation variable
 * (u or w) in the state block and a constants descriptor the population's P_SC points at. The
 * mirror of the CL_* offsets and model codes of assembly/classic.ts.
 */
import type { AdexPlan, IzhikevichPlan, ModelPlan } from '../../plan.ts';
import { padded, type Arena } from './arena.ts';

/** Model codes of assembly/classic.ts. */
export const MODEL_IZHIKEVICH = 24;
export const MODEL_ADEX = 25;
/** H_ERRVAR code of a non-finite adaptation variable. */
export const ERR_ADAPTATION = -4;

/** Bytes of the constants descriptor. */
const CLASSIC_BYTES = 64;

/** Offsets of assembly/classic.ts's CL_* fields. */
const CL = {
  w: 0,
  dt: 4,
  adt: 8,
  b: 12,
  c: 16,
  d: 20,
  vPeak: 24,
  gL: 4,
  eL: 8,
  vT: 12,
  invDeltaT: 16,
  gLDeltaT: 20,
  xMax: 24,
  kdt: 28,
  wdt: 32,
  a: 36,
  jump: 40,
  adexPeak: 44,
  vReset: 48,
  refractorySteps: 52,
} as const;

export interface ClassicAddresses {
  /** The adaptation variable, f32 per neuron (state block). */
  w: number;
  descriptor: number;
}

/** Izhikevich and AdEx plans. */
export function isClassic(m: ModelPlan | undefined): m is IzhikevichPlan | AdexPlan {
  return m?.model === 'izhikevich' || m?.model === 'adex';
}

/** The adaptation array, allocated inside the state block (so snapshots include it). */
export function allocateAdaptation(arena: Arena, size: number): number {
  return arena.alloc(4 * padded(size));
}

/** The constants descriptor, allocated outside the state block. */
export function allocateClassic(arena: Arena, w: number): ClassicAddresses {
  return { w, descriptor: arena.alloc(CLASSIC_BYTES) };
}

/** Writes the constants descriptor and the population's model-specific descriptor fields. */
export function writeClassic(
  m: IzhikevichPlan | AdexPlan,
  a: ClassicAddresses,
  buffer: ArrayBuffer,
): number {
  const view = new DataView(buffer);
  const f32 = (at: number, v: number): void => view.setFloat32(a.descriptor + at, v, true);
  view.setInt32(a.descriptor + CL.w, a.w, true);
  if (m.model === 'izhikevich') {
    f32(CL.dt, m.dt);
    f32(CL.adt, m.adt);
    f32(CL.b, m.b);
    f32(CL.c, m.c);
    f32(CL.d, m.d);
    f32(CL.vPeak, m.vPeak);
    return MODEL_IZHIKEVICH;
  }
  f32(CL.gL, m.gL);
  f32(CL.eL, m.eL);
  f32(CL.vT, m.vT);
  f32(CL.invDeltaT, m.invDeltaT);
  f32(CL.gLDeltaT, m.gLDeltaT);
  f32(CL.xMax, m.xMax);
  f32(CL.kdt, m.kdt);
  f32(CL.wdt, m.wdt);
  f32(CL.a, m.a);
  f32(CL.jump, m.b);
  f32(CL.adexPeak, m.vPeak);
  f32(CL.vReset, m.vReset);
  view.setInt32(a.descriptor + CL.refractorySteps, m.refractorySteps, true);
  return MODEL_ADEX;
}

/** Initial state: v from vInit, u = b * vInit (Izhikevich) or w = 0 (AdEx, already zeroed). */
export function writeClassicInitial(
  m: IzhikevichPlan | AdexPlan,
  v: number,
  a: ClassicAddresses,
  buffer: ArrayBuffer,
): void {
  new Float32Array(buffer, v, m.vInit.length).set(m.vInit);
  if (m.model === 'izhikevich') new Float32Array(buffer, a.w, m.uInit.length).set(m.uInit);
}

/** Name of the adaptation variable in a `NumericalError`: `u` (Izhikevich) or `w` (AdEx). */
export function adaptationVariable(p: { model: ModelPlan } | undefined): string {
  return p?.model.model === 'izhikevich' ? 'u' : 'w';
}
