/**
 * What the loaded bitstream's core holds: its `capacity` region (read-only, 16 words: NMAX,
 * POPMAX, PRJMAX, CHMAX, DMAX, SYNMAX, ROWMAX, GPTRMAX, GIDXMAX, EXTMAX, LOIHI, ONLINE_O1,
 * SCCHMAX, SCKMAX),
 * and, for a network that does not fit, what it needs and what the core holds, per resource.
 */
import { capacityFor, shortfalls, type CoreCapacity } from '../../hdl/core-capacity.ts';
import type { CoreNeeds } from '../../hdl/core-images.ts';
import { CAPACITY_WORDS } from '../../hdl/core-memory-map.ts';
import { BoardRunError, type BridgeLike, requireSpikelabBridge } from './core-run-bridge.ts';
import { CAPACITY_REGION, regionWord } from './core-run-regions.ts';

/** The capacity words of `CoreCapacity`, in region order; then LOIHI (0 or 1). */
const WORDS = CAPACITY_WORDS.slice(0, CAPACITY_WORDS.indexOf('LOIHI')) as readonly Exclude<
  keyof CoreCapacity,
  'LOIHI' | 'ONLINE_O1' | 'SCCHMAX' | 'SCKMAX'
>[];
const LOIHI_WORD = CAPACITY_WORDS.indexOf('LOIHI');
const ONLINE_O1_WORD = CAPACITY_WORDS.indexOf('ONLINE_O1');
const SC_WORDS = [CAPACITY_WORDS.indexOf('SCCHMAX'), CAPACITY_WORDS.indexOf('SCKMAX')] as const;

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
    [...WORDS.map((_, k) => k), LOIHI_WORD, ONLINE_O1_WORD, ...SC_WORDS].map((k) => ({
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
  const onlineO1 = value(ONLINE_O1_WORD);
  for (const [name, flag] of [
    ['LOIHI', loihi],
    ['ONLINE_O1', onlineO1],
  ] as const) {
    if (flag > 1) {
      throw new BoardRunError(
        `the core's capacity region reads ${name} = ${flag} (0 or 1 expected)`,
      );
    }
  }
  if (loihi === 1) capacity.LOIHI = 1;
  // A core that learns says so; the field is set only then, as capacityFor sets it.
  if (onlineO1 === 1) Object.assign(capacity, { ONLINE_O1: 1 });
  // Integer SC layers (0 and 0 in a core without them, or one older than the words).
  const [scChannels, scEntries] = [value(WORDS.length + 2), value(WORDS.length + 3)];
  if (scChannels !== 0) {
    if (!isPowerOfTwo(scChannels) || !isPowerOfTwo(scEntries)) {
      throw new BoardRunError(
        `the core's capacity region reads SCCHMAX = ${scChannels}, SCKMAX = ${scEntries}, which no Spikelab core is built with`,
      );
    }
    Object.assign(capacity, { SCCHMAX: scChannels, SCKMAX: scEntries });
  }
  return capacity;
}

interface Resource {
  /** What the network uses, from its needs. */
  need: (n: CoreNeeds) => number;
  /** What a core of capacity `c` holds, in words. */
  holds: (c: number) => string;
  /** The unit of the need: "needs NMAX 4096 (3000 neurons)". */
  unit: string;
  /** A build option (0/1) rather than a size. */
  flag?: true;
}

/** Each capacity as a person counts it (keyed by name: ONLINE_O1 is newer than some cores). */
const RESOURCES: Readonly<Record<string, Resource>> = {
  NMAX: { need: (n) => n.neurons, holds: (c) => `${c} neurons`, unit: 'neurons' },
  POPMAX: { need: (n) => n.populations, holds: (c) => `${c} populations`, unit: 'populations' },
  PRJMAX: {
    need: (n) => n.projections,
    holds: (c) => `${c} delivered projections`,
    unit: 'delivered projections',
  },
  CHMAX: {
    need: (n) => n.channels,
    holds: (c) => `${c} synaptic currents (distinct taus) per population`,
    unit: 'synaptic currents in one population',
  },
  DMAX: {
    need: (n) => n.maxDelay,
    holds: (c) => `delays up to ${c - 1} steps`,
    unit: 'steps of delay at most',
  },
  SYNMAX: { need: (n) => n.synapses, holds: (c) => `${c} synapses`, unit: 'synapses' },
  ROWMAX: {
    need: (n) => n.rows,
    holds: (c) => `${c} synapse rows (source neurons summed over the projections)`,
    unit: 'synapse rows',
  },
  GPTRMAX: {
    need: (n) => n.genPtr,
    holds: (c) => `${c} spike-generator step pointers`,
    unit: 'generator step pointers',
  },
  GIDXMAX: {
    need: (n) => n.genIdx,
    holds: (c) => `${c} spike-generator entries`,
    unit: 'generator entries',
  },
  EXTMAX: {
    need: (n) => n.ext,
    holds: (c) => `${c} stimulus change events`,
    unit: 'stimulus change events',
  },
  LOIHI: {
    need: (n) => n.loihi ?? 0,
    holds: () => 'no Loihi neurons (it is built without the Loihi pass)',
    unit: 'Loihi neurons',
    flag: true,
  },
  ONLINE_O1: {
    need: (n) => (n as { onlineO1?: number }).onlineO1 ?? 0,
    holds: () => 'no learning synapses (it is built without the OnlineO1 pass)',
    unit: 'synapses that learn with online_o1',
    flag: true,
  },
  SCCHMAX: {
    need: (n) => n.scChannels ?? 0,
    holds: (c) => `${c} channels of integer SC layers`,
    unit: 'SC channels',
  },
  SCKMAX: {
    need: (n) => n.scEntries ?? 0,
    holds: (c) => `${c} SC current-table entries (channels + 1 per layer)`,
    unit: 'SC current-table entries',
  },
};

/**
 * One line per capacity the core lacks for `needs` ("the network needs NMAX 4096 (3000
 * neurons); the board's core holds 1024 neurons"); empty when the network fits.
 */
export function describeShortfalls(capacity: CoreCapacity, needs: CoreNeeds): string[] {
  const want = capacityFor(needs) as unknown as Record<string, number | undefined>;
  const have = capacity as unknown as Record<string, number | undefined>;
  return shortfalls(capacity, needs).map((key) => {
    const r = RESOURCES[key];
    if (r === undefined) {
      return `the network needs ${key} ${want[key] ?? 0}; the board's core holds ${have[key] ?? 0}`;
    }
    const need = r.need(needs);
    const holds = r.holds(have[key] ?? 0);
    if (r.flag === true)
      return `the network has ${need} ${r.unit}; the board's core holds ${holds}`;
    return (
      `the network needs ${key} ${want[key] ?? 0} (${need} ${r.unit}); ` +
      `the board's core holds ${holds}`
    );
  });
}
