/**
 * Graph walking for the import: from every population node (an Input or a neuron), follow the
 * edges through weight, delay and pass-through nodes until the next population node (a
 * projection's path) or an Output (what to record). Transform nodes on no such path are
 * reported by the caller.
 */
import type { FlatGraph } from './import-flatten.ts';
import type { NodeRole } from './import-roles.ts';

export interface NirPath {
  from: string;
  to: string;
  /** The weight, delay and pass nodes between them, in order. */
  via: string[];
}

export interface Walk {
  paths: NirPath[];
  /** Population nodes whose spikes (or state) reach an Output, and through what. */
  outputs: NirPath[];
  /** Transform nodes that lie on a cycle of transforms only (no population on it). */
  cycles: string[];
  /** Transform nodes on at least one path or output path. */
  used: Set<string>;
}

const TRANSFORM: ReadonlySet<NodeRole> = new Set(['weight', 'delay', 'pass']);

/**
 * Every path from a population node (`isPopulation`) to the next population or Output.
 *
 * @example walkGraph(flat, roles, (n) => n === 'input' || n === 'lif').paths
 * // [{ from: 'input', to: 'lif', via: ['affine'] }]
 */
export function walkGraph(
  flat: FlatGraph,
  roles: Map<string, NodeRole>,
  isPopulation: (name: string) => boolean,
): Walk {
  const succs = new Map<string, string[]>();
  for (const [a, b] of flat.edges) succs.set(a, [...(succs.get(a) ?? []), b]);
  const walk: Walk = { paths: [], outputs: [], cycles: [], used: new Set() };
  const visit = (from: string, at: string, via: string[]): void => {
    for (const next of succs.get(at) ?? []) {
      const role = roles.get(next);
      if (isPopulation(next)) {
        walk.paths.push({ from, to: next, via });
        via.forEach((v) => walk.used.add(v));
      } else if (role === 'output') {
        walk.outputs.push({ from, to: next, via });
        via.forEach((v) => walk.used.add(v));
      } else if (role !== undefined && TRANSFORM.has(role)) {
        if (via.includes(next)) {
          if (!walk.cycles.includes(next)) walk.cycles.push(next);
          continue;
        }
        visit(from, next, [...via, next]);
      }
    }
  };
  for (const name of flat.nodes.keys()) if (isPopulation(name)) visit(name, name, []);
  return walk;
}
