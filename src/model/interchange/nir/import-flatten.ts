/**
 * Nested NIR graphs made flat: every node of a subgraph `inner` inside `outer` is named
 * `outer.inner`, and a subgraph's own Input and Output nodes, which only pass data through, are
 * spliced out (an edge into the subgraph goes to what its Input feeds; an edge out of it leaves
 * from what feeds its Output). A nested Input nothing feeds stays an input of the whole graph,
 * a nested Output that feeds nothing stays an output.
 */
import type { NirGraph, NirNode } from './graph.ts';

export interface FlatGraph {
  /** Every node that is not a graph, by its dotted name, in file order. */
  nodes: Map<string, NirNode>;
  edges: [string, string][];
  /** Edges that name a node the graph does not have: `a -> b: no node 'b'`. */
  problems: { node: string; type: string; reason: string }[];
}

interface Level {
  /** Names of this level's Input / Output nodes (full dotted names). */
  inputs: string[];
  outputs: string[];
}

function isGraph(node: NirNode | NirGraph): node is NirGraph {
  return node.type === 'NIRGraph';
}

/** Flattens `graph` (see the file comment). */
export function flattenGraph(graph: NirGraph): FlatGraph {
  const flat: FlatGraph = { nodes: new Map(), edges: [], problems: [] };
  const passThrough = new Set<string>();
  walk(graph, '', flat, passThrough);
  splice(flat, passThrough);
  return flat;
}

function walk(graph: NirGraph, prefix: string, flat: FlatGraph, passThrough: Set<string>): Level {
  const level: Level = { inputs: [], outputs: [] };
  const subgraphs = new Map<string, Level>();
  for (const [name, node] of Object.entries(graph.nodes)) {
    const full = prefix + name;
    if (isGraph(node)) {
      subgraphs.set(name, walk(node, `${full}.`, flat, passThrough));
      continue;
    }
    flat.nodes.set(full, node);
    if (node.type === 'Input') level.inputs.push(full);
    if (node.type === 'Output') level.outputs.push(full);
    if (prefix !== '' && (node.type === 'Input' || node.type === 'Output')) passThrough.add(full);
  }
  const resolve = (end: string, side: 'from' | 'to', edge: string): string[] => {
    const sub = subgraphs.get(end);
    if (sub !== undefined) return side === 'from' ? sub.outputs : sub.inputs;
    const full = prefix + end;
    if (flat.nodes.has(full)) return [full];
    flat.problems.push({ node: `${prefix}${edge}`, type: 'edge', reason: `no node '${end}'` });
    return [];
  };
  for (const [from, to] of graph.edges) {
    const edge = `${from} -> ${to}`;
    for (const a of resolve(from, 'from', edge)) {
      for (const b of resolve(to, 'to', edge)) flat.edges.push([a, b]);
    }
  }
  return level;
}

/** Removes pass-through Input/Output nodes that have both a predecessor and a successor. */
function splice(flat: FlatGraph, passThrough: Set<string>): void {
  for (const name of passThrough) {
    const preds = flat.edges.filter(([, b]) => b === name).map(([a]) => a);
    const succs = flat.edges.filter(([a]) => a === name).map(([, b]) => b);
    if (preds.length === 0 || succs.length === 0) continue;
    flat.edges = flat.edges.filter(([a, b]) => a !== name && b !== name);
    for (const p of preds) for (const s of succs) flat.edges.push([p, s]);
    flat.nodes.delete(name);
  }
}
