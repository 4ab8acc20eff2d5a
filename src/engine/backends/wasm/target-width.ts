/** How the kernel stores a projection's target indices (the J_WIDE codes of the layout). */
import type { Plan, ProjectionPlan } from '../../plan.ts';

export const TARGETS = {
  /** u16 targets: the target population has at most 65536 neurons. */
  u16: 0,
  /** u32 targets. */
  u32: 1,
  /** u32 targets with the per-synapse delay in the top byte (targets below 2^24). */
  u32WithDelay: 2,
} as const;
export type TargetWidth = (typeof TARGETS)[keyof typeof TARGETS];

/** The narrowest form that holds a projection's targets (and, if packed, its delays). */
export function targetWidth(plan: Plan, pr: ProjectionPlan): TargetWidth {
  const size = plan.populations[pr.target]?.size ?? 0;
  if (size <= 65536) return TARGETS.u16;
  return pr.csr.delays instanceof Uint8Array && size <= 1 << 24
    ? TARGETS.u32WithDelay
    : TARGETS.u32;
}

/** Bytes per synapse of the target array (including packed delays). */
export function targetBytes(width: TargetWidth): number {
  return width === TARGETS.u16 ? 2 : 4;
}

/** Whether delays live in their own u8 array rather than in the targets or a constant. */
export function delaysStoredApart(pr: ProjectionPlan, width: TargetWidth): boolean {
  return pr.csr.delays instanceof Uint8Array && width !== TARGETS.u32WithDelay;
}
