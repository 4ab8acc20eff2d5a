/**
 * Shapes of the flattened graph: the shape each node puts out, inferred from the Input nodes'
 * `shape`, the neuron parameters' shapes and each weight node's geometry, propagated along the
 * edges until nothing changes (recurrent edges need several passes).
 */
import type { NirNode } from './graph.ts';
import type { FlatGraph } from './import-flatten.ts';
import type { NodeRole } from './import-roles.ts';
import { describeWeightNode, weightSizes, type WeightNode } from './import-weights.ts';
import { hasParam, NirParamError, readInts, readNumbers, shapeSize } from './nir-read.ts';

export interface Shapes {
  /** Output shape of every node whose shape is known. */
  out: Map<string, number[]>;
  /** Weight nodes read against their input shape. */
  weights: Map<string, WeightNode>;
  /** Nodes whose shape could not be found, with the reason. */
  errors: Map<string, string>;
}

/** Infers every node's output shape (see the file comment). */
export function inferShapes(flat: FlatGraph, roles: Map<string, NodeRole>): Shapes {
  const shapes: Shapes = { out: new Map(), weights: new Map(), errors: new Map() };
  const preds = new Map<string, string[]>();
  for (const [a, b] of flat.edges) preds.set(b, [...(preds.get(b) ?? []), a]);
  const predShape = (name: string): number[] | undefined => {
    const known = (preds.get(name) ?? [])
      .map((p) => shapes.out.get(p))
      .filter((s): s is number[] => s !== undefined);
    // The most detailed shape wins (a Conv's [C, H, W] over a flat [N] of the same size).
    return known.sort((x, y) => y.length - x.length)[0];
  };
  const limit = flat.nodes.size + 2;
  for (let pass = 0; pass < limit; pass += 1) {
    let changed = false;
    shapes.errors.clear();
    for (const [name, node] of flat.nodes) {
      let shape: number[] | undefined;
      try {
        shape = nodeShape(name, node, roles.get(name) ?? 'unsupported', predShape(name), shapes);
      } catch (error) {
        if (!(error instanceof NirParamError)) throw error;
        shapes.errors.set(name, error.message);
      }
      if (shape !== undefined && !sameShape(shape, shapes.out.get(name))) {
        shapes.out.set(name, shape);
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (const name of flat.nodes.keys()) {
    if (!shapes.out.has(name) && !shapes.errors.has(name)) {
      shapes.errors.set(
        name,
        `${name}: its shape cannot be inferred (nothing with a known shape feeds it)`,
      );
    }
  }
  return shapes;
}

function sameShape(a: readonly number[], b: readonly number[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

function nodeShape(
  name: string,
  node: NirNode,
  role: NodeRole,
  upstream: number[] | undefined,
  shapes: Shapes,
): number[] | undefined {
  switch (role) {
    case 'input':
      return readNumbers(node, name, 'shape').values;
    case 'neuron': {
      const own = neuronShape(node, name);
      if (upstream !== undefined && (own === undefined || shapeSize(own) === shapeSize(upstream))) {
        return upstream.length >= (own?.length ?? 0) ? upstream : own;
      }
      return own ?? (upstream === undefined ? undefined : upstream);
    }
    case 'weight': {
      const desc = describeWeightNode(node, name, upstream);
      shapes.weights.set(name, desc);
      return weightSizes(desc).outShape;
    }
    case 'delay':
      return upstream ?? readNumbers(node, name, 'delay').shape;
    case 'pass':
      if (upstream === undefined) return undefined;
      return node.type === 'Flatten' ? flattened(node, name, upstream) : upstream;
    case 'output':
      return upstream;
    case 'unsupported':
      return undefined;
  }
}

/** NIR's neuron parameters (a stray `input_type` of an old writer is not one). */
const NEURON_PARAMS = new Set([
  'tau',
  'tau_mem',
  'tau_syn',
  'r',
  'v_leak',
  'v_threshold',
  'v_reset',
  'w_in',
  'threshold',
]);

/** The shape of a neuron node's per-neuron parameters (undefined when all are scalars). */
function neuronShape(node: NirNode, name: string): number[] | undefined {
  let shape: number[] | undefined;
  for (const key of Object.keys(node.params)) {
    if (!NEURON_PARAMS.has(key)) continue;
    const value = readNumbers(node, name, key);
    if (shapeSize(value.shape) <= 1) continue;
    if (shape !== undefined && shapeSize(shape) !== shapeSize(value.shape)) {
      throw new NirParamError(
        `${name}.${key}: shape [${value.shape.join(', ')}] differs from the other parameters' [${shape.join(', ')}]`,
      );
    }
    shape ??= value.shape;
  }
  return shape;
}

/** NIR's Flatten output (start_dim..end_dim merged); only the size matters to the import. */
function flattened(node: NirNode, name: string, input: number[]): number[] {
  const rank = input.length;
  const start = hasParam(node, 'start_dim') ? (readInts(node, name, 'start_dim', 1)[0] ?? 0) : 1;
  const endRaw = hasParam(node, 'end_dim') ? (readInts(node, name, 'end_dim', 1)[0] ?? -1) : -1;
  const end = endRaw < 0 ? rank + endRaw : endRaw;
  if (start < 0 || start > end || end >= rank) return [shapeSize(input)];
  return [
    ...input.slice(0, start),
    shapeSize(input.slice(start, end + 1)),
    ...input.slice(end + 1),
  ];
}
