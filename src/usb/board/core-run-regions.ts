/**
 * The two regions of the board build's core that the host's run reads beyond the images
 * (hdl/README.md, "Core memory map"): `capacity` (what the bitstream holds) and `run_state`
 * (`t`, the next step; `ext_ptr`, the next stimulus event; `overflow`, the sticky Loihi flag).
 */
import { REGION_SHIFT } from '../../hdl/core-memory-map.ts';

export const CAPACITY_REGION = 0x13;
export const RUN_STATE_REGION = 0x14;

/** Words of `run_state`. */
export const RUN_STATE = { t: 0, extPtr: 1, overflow: 2 } as const;

/** The address of word `k` of `region`. */
export function regionWord(region: number, k: number): number {
  return ((region << REGION_SHIFT) | k) >>> 0;
}
