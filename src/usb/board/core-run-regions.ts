/**
 * The words of the two regions the host's run reads beyond the images (`CORE_REGIONS` in
 * src/hdl/core-memory-map.ts): `capacity` (what the bitstream holds; read before the host
 * knows any capacity, so addressed without one) and `run_state` (`t`, `ext_ptr`, `overflow`).
 */
import { CORE_REGIONS, REGION_SHIFT, RUN_STATE_WORDS } from '../../hdl/core-memory-map.ts';

export const CAPACITY_REGION = CORE_REGIONS.capacity.region;
export const RUN_STATE_REGION = CORE_REGIONS.run_state.region;

/** Words of `run_state` by name. */
export const RUN_STATE = {
  t: RUN_STATE_WORDS.indexOf('t'),
  extPtr: RUN_STATE_WORDS.indexOf('ext_ptr'),
  overflow: RUN_STATE_WORDS.indexOf('overflow'),
} as const;

/** The address of word `k` of `region`. */
export function regionWord(region: number, k: number): number {
  return ((region << REGION_SHIFT) | k) >>> 0;
}
