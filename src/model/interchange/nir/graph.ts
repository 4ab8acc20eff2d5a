/**
 * The NIR graph in memory, as NIR's HDF5 files hold it (`nir/serialization.py`): a graph is a
 * node of type `NIRGraph` with `nodes` by name and `edges` between them; every other node has a
 * `type` and one value per parameter (an array of any numeric dtype, a scalar or a string),
 * exactly as stored, so nothing is interpreted here. The mapping to a network document lives in
 * `import.ts` / `export.ts`; the file format in `hdf5-read.ts` / `hdf5-write.ts`.
 */

/** Element types of numeric arrays, named as numpy names them. */
export type NirDtype =
  | 'float64'
  | 'float32'
  | 'int64'
  | 'int32'
  | 'int16'
  | 'int8'
  | 'uint64'
  | 'uint32'
  | 'uint16'
  | 'uint8';

/** The typed array that holds each dtype (64-bit integers as bigints, as HDF5 stores them). */
export interface NirDtypeArrays {
  float64: Float64Array;
  float32: Float32Array;
  int64: BigInt64Array;
  int32: Int32Array;
  int16: Int16Array;
  int8: Int8Array;
  uint64: BigUint64Array;
  uint32: Uint32Array;
  uint16: Uint16Array;
  uint8: Uint8Array;
}

export type NirTypedArray = NirDtypeArrays[NirDtype];

/** A numeric array: `data` in C order, `shape` `[]` for a 0-d array. */
export interface NirArray {
  shape: number[];
  dtype: NirDtype;
  data: NirTypedArray;
}

/**
 * A parameter: an array, a string (Conv's `padding: 'same'`), or a number (a scalar dataset,
 * e.g. Conv's `groups`, Flatten's `start_dim`; the writer stores a whole number as int64, any
 * other as float64, as h5py does for Python's int and float).
 */
export type NirValue = NirArray | string | number;

/** An array of strings; only metadata holds these (edges have their own field). */
export interface NirStringArray {
  shape: number[];
  dtype: 'string';
  data: string[];
}

/** Free-form node metadata: values, string arrays, and nested groups (Python dicts). */
export interface NirMetadata {
  [key: string]: NirValue | NirStringArray | NirMetadata;
}

export interface NirNode {
  type: string;
  params: Record<string, NirValue>;
  metadata?: NirMetadata;
}

export interface NirGraph extends NirNode {
  type: 'NIRGraph';
  nodes: Record<string, NirNode | NirGraph>;
  /** `[source, target]` node names of this graph. */
  edges: [string, string][];
}

/** A file or graph that cannot be read or written; `path` names the place (`/node/nodes/lif1`). */
export class NirFileError extends Error {
  override readonly name = 'NirFileError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** The typed array constructor of each dtype. */
export const NIR_DTYPE_ARRAYS: { [D in NirDtype]: new (length: number) => NirDtypeArrays[D] } = {
  float64: Float64Array,
  float32: Float32Array,
  int64: BigInt64Array,
  int32: Int32Array,
  int16: Int16Array,
  int8: Int8Array,
  uint64: BigUint64Array,
  uint32: Uint32Array,
  uint16: Uint16Array,
  uint8: Uint8Array,
};

/** Whether `node` is a (sub)graph. @example isNirGraph(graph.nodes['sub']!) */
export function isNirGraph(node: NirNode | NirGraph): node is NirGraph {
  return node.type === 'NIRGraph' && 'nodes' in node && 'edges' in node;
}

/**
 * The node an edge names: a node of `graph`, or `sub.name` inside a nested graph `sub` (as some
 * exporters write edges into subgraphs); undefined when there is none.
 * @example resolveNode(graph, 'block.lif')
 */
export function resolveNode(graph: NirGraph, name: string): NirNode | NirGraph | undefined {
  if (Object.hasOwn(graph.nodes, name)) return graph.nodes[name];
  const dot = name.indexOf('.');
  if (dot < 0) return undefined;
  const sub = graph.nodes[name.slice(0, dot)];
  return sub !== undefined && isNirGraph(sub) ? resolveNode(sub, name.slice(dot + 1)) : undefined;
}

/** Whether a value is a numeric array (not a scalar or a string). */
export function isNirArray(value: unknown): value is NirArray {
  return (
    typeof value === 'object' &&
    value !== null &&
    'shape' in value &&
    'data' in value &&
    (value as unknown as { dtype: unknown }).dtype !== 'string'
  );
}

/** Number of elements of a shape (1 for `[]`). */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * The numbers of a value in C order (a number gives `[it]`; bigints converted, which is exact
 * up to 2^53). A string is an error naming `path`.
 * @example toNumbers(nirArray([2], [1, 2])) // [1, 2]
 */
export function toNumbers(value: NirValue, path = '(value)'): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') {
    throw new NirFileError(path, `expected numbers, got the string '${value}'`);
  }
  return Array.from(value.data as ArrayLike<number | bigint>, (x) => Number(x));
}

/** The shape of a value: `[]` for a number or a string. */
export function shapeOf(value: NirValue): number[] {
  return typeof value === 'object' ? [...value.shape] : [];
}

/**
 * A numeric array of `shape` from plain numbers (rounded towards zero into integer dtypes).
 * @example nirArray([2, 3], [1, 2, 3, 4, 5, 6], 'float32')
 */
export function nirArray(
  shape: readonly number[],
  values: ArrayLike<number>,
  dtype: NirDtype = 'float32',
): NirArray {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new NirFileError('(array)', `shape [${shape.join(', ')}] has a bad dimension ${d}`);
    }
  }
  const n = shapeSize(shape);
  if (values.length !== n) {
    throw new NirFileError(
      '(array)',
      `${values.length} values do not fill the shape [${shape.join(', ')}] (${n} elements)`,
    );
  }
  const data = new NIR_DTYPE_ARRAYS[dtype](n);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < n; i++) data[i] = BigInt(Math.trunc(values[i] ?? 0));
  } else {
    for (let i = 0; i < n; i++) data[i] = values[i] ?? 0;
  }
  return { shape: [...shape], dtype, data };
}

/**
 * A graph from its parts.
 * @example nirGraph({ input: { type: 'Input', params: { shape: nirArray([1], [3], 'int64') } } }, [])
 */
export function nirGraph(
  nodes: Record<string, NirNode | NirGraph>,
  edges: [string, string][],
  metadata?: NirMetadata,
): NirGraph {
  return metadata === undefined
    ? { type: 'NIRGraph', params: {}, nodes, edges }
    : { type: 'NIRGraph', params: {}, nodes, edges, metadata };
}

export { readNirFile } from './hdf5-read.ts';
export { writeNirFile } from './hdf5-write.ts';
