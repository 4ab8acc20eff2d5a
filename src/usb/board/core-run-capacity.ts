/**
 * What the loaded bitstream's core holds: its `capacity` region (read-only, 16 words: NMAX,
 * POPMAX, PRJMAX, CHMAX, DMAX, SYNMAX, ROWMAX, GPTRMAX, GIDXMAX, EXTMAX, LOIHI, ONLINE_O1),
 * and, for a network that does not fit, what it needs and what the core holds, per resource.
 */
import { capacityFor, shortfalls, type CoreCapacity } from '../../hdl/core-capacity.ts';
import type { CoreNeeds } from '../../hdl/core-images.ts';
import { BoardRunError, type BridgeLike, requireSpikelabBridge } from './core-run-bridge.ts';
import { CAPACITY_REGION, regionWord } from './core-run-regions.ts';

/** The capacity words in region order. */
const WORDS = [
  'NMAX',
  'POPMAX',
  'PRJMAX',
  'CHMAX',
  'DMAX',
  'SYNMAX',
  'ROWMAX',
  'GPTRMAX',
  'GIDXMAX',
  'EXTMAX',
] as const;
const LOIHI_WORD = 10;

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

/**
 * The capacity of the core behind `bridge`, after checking the bridge's ID.
 *
 * @throws BoardRunError when the bridge is not this version's, or the region reads values no
 *   core is built with (another design at the same register).
 * @example await readCapacity(bridge) // { NMAX: 2048, POPMAX: 16, ..., LOIHI: 1 }
 */
export async function readCapacity(bridge: BridgeLike): Promise<CoreCapacity> {
  await requireSpikelabBridge(bridge);
  const results = await bridge.execute(
    [...WORDS.map((_, k) => k), LOIHI_WORD].map((k) => ({
      op: 'read' as const,
      address: regionWord(CAPACITY_REGION, k),
    })),
  );
  const value = (k: number): number => results[k]?.data ?? 0;
  const capacity = {} as CoreCapacity;
  WORDS.forEach((name, k) => {
    const v = value(k);
    const ok = name === 'CHMAX' ? v >= 1 && v <= 16 : isPowerOfTwo(v);
    if (!ok) {
      throw new BoardRunError(
        `the core's capacity region reads ${name} = ${v}, which no Spikelab core is built with`,
      );
    }
    capacity[name] = v;
  });
  const loihi = value(LOIHI_WORD);
  if (loihi > 1) {
    throw new BoardRunError(`the core's capacity region reads LOIHI = ${loihi} (0 or 1 expected)`);
  }
  if (loihi === 1) capacity.LOIHI = 1;
  return capacity;
}

/** Each capacity as a person counts it: what the network needs, in words. */
const RESOURCES: Readonly<
  Record<keyof CoreCapacity, { need: (n: CoreNeeds) => number; holds: (c: number) => string }>
> = {
  NMAX: { need: (n) => n.neurons, holds: (c) => `${c} neurons` },
  POPMAX: { need: (n) => n.populations, holds: (c) => `${c} populations` },
  PRJMAX: { need: (n) => n.projections, holds: (c) => `${c} delivered projections` },
  CHMAX: {
    need: (n) => n.channels,
    holds: (c) => `${c} synaptic currents (distinct taus) per population`,
  },
  DMAX: { need: (n) => n.maxDelay, holds: (c) => `delays up to ${c - 1} steps` },
  SYNMAX: { need: (n) => n.synapses, holds: (c) => `${c} synapses` },
  ROWMAX: {
    need: (n) => n.rows,
    holds: (c) => `${c} synapse rows (source neurons summed over the projections)`,
  },
  GPTRMAX: { need: (n) => n.genPtr, holds: (c) => `${c} spike-generator step pointers` },
  GIDXMAX: { need: (n) => n.genIdx, holds: (c) => `${c} spike-generator entries` },
  EXTMAX: { need: (n) => n.ext, holds: (c) => `${c} stimulus change events` },
  LOIHI: {
    need: (n) => n.loihi ?? 0,
    holds: () => 'no Loihi neurons (it is built without the Loihi pass)',
  },
};

/** The unit of each need, for "needs NMAX 4096 (3000 neurons)". */
const NEED_UNITS: Readonly<Record<keyof CoreCapacity, string>> = {
  NMAX: 'neurons',
  POPMAX: 'populations',
  PRJMAX: 'delivered projections',
  CHMAX: 'synaptic currents in one population',
  DMAX: 'steps of delay at most',
  SYNMAX: 'synapses',
  ROWMAX: 'synapse rows',
  GPTRMAX: 'generator step pointers',
  GIDXMAX: 'generator entries',
  EXTMAX: 'stimulus change events',
  LOIHI: 'Loihi neurons',
};

/**
 * One line per capacity the core lacks for `needs` ("the network needs NMAX 4096 (3000
 * neurons); the board's core holds 1024 neurons"); empty when the network fits.
 */
export function describeShortfalls(capacity: CoreCapacity, needs: CoreNeeds): string[] {
  const want = capacityFor(needs);
  return (shortfalls(capacity, needs) as (keyof CoreCapacity)[]).map((key) => {
    const resource = RESOURCES[key];
    const need = resource.need(needs);
    const holds = resource.holds(capacity[key] ?? 0);
    if (key === 'LOIHI') {
      return `the network has ${need} ${NEED_UNITS.LOIHI}; the board's core holds ${holds}`;
    }
    return (
      `the network needs ${key} ${want[key] ?? 0} (${need} ${NEED_UNITS[key]}); ` +
      `the board's core holds ${holds}`
    );
  });
}
