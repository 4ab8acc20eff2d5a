/**
 * Whether a board build (the PYNQ-Z2 top of `board-files.ts`: the host bridge and a `BUS = 1`
 * core) fits the xc7z020, by the estimate model: the core with its bus slave, learning pass
 * and SC lane as its capacity says, plus the bridge. An export refuses a board build that does
 * not fit, naming each resource over. Pure.
 */
import type { CoreCapacity } from '../core-capacity.ts';
import { BRIDGE_LOGIC } from './bus-model.ts';
import { PYNQ_Z2_CAPACITY, RESOURCES } from './fit-report.ts';
import { estimateResources, type ResourceEstimate } from './resource-model.ts';
import type { ResourceCounts } from './yosys-stat.ts';

/** The estimate of the board top at core capacity `c`. */
export function estimateBoard(c: CoreCapacity): ResourceEstimate {
  const core = estimateResources(c, {}, true);
  return {
    ...core,
    luts: core.luts + BRIDGE_LOGIC.luts,
    flipFlops: core.flipFlops + BRIDGE_LOGIC.flipFlops,
  };
}

const NAMES: Record<keyof ResourceCounts, string> = {
  luts: 'LUTs',
  flipFlops: 'flip-flops',
  bram36: 'block RAM (RAMB36)',
  dsp: 'DSP48E1',
};

/**
 * One line per resource the board build at `c` needs beyond `part` (empty: it fits), e.g.
 * `block RAM (RAMB36) 176.5 of 140`.
 */
export function boardOverflows(c: CoreCapacity, part: ResourceCounts = PYNQ_Z2_CAPACITY): string[] {
  const estimate = estimateBoard(c);
  return RESOURCES.filter((k) => estimate[k] > part[k]).map(
    (k) =>
      `${NAMES[k]} ${estimate[k].toLocaleString('en-US')} of ${part[k].toLocaleString('en-US')}`,
  );
}
