/**
 * Writes a NIR graph as `nir.write` does, so that h5py and the NIR library read it back:
 * `/version` and `/node` as variable-length UTF-8 strings (h5py's `string_dtype()`), numeric
 * arrays gzip-compressed at level 4 in one chunk (h5py's `compression="gzip"` default level),
 * scalars and strings uncompressed (HDF5 cannot chunk them), a graph's `edges` as an N x 2
 * string array, or an empty float64 array when there are none (what h5py makes of `[]`).
 */
import type {
  NirArray,
  NirGraph,
  NirMetadata,
  NirNode,
  NirStringArray,
  NirValue,
} from './graph.ts';
import { isNirGraph, NirFileError, resolveNode } from './graph.ts';
import type { H5Group } from './hdf5-module.ts';
import { newFileBytes } from './hdf5-module.ts';
import { h5DtypeOf } from './hdf5-values.ts';

/** The version written when none is given: the NIR release whose layout this follows. */
export const NIR_FILE_VERSION = '1.0.7';

/** h5py's default gzip level. */
const GZIP_LEVEL = 4;

/**
 * The bytes of a `.nir` file holding `graph`.
 * @example const bytes = await writeNirFile(nirGraph(nodes, edges))
 */
export async function writeNirFile(
  graph: NirGraph,
  version: string = NIR_FILE_VERSION,
): Promise<Uint8Array> {
  checkGraph(graph, '/node');
  return newFileBytes((file) => {
    file.create_dataset({ name: 'version', data: version, dtype: 'S' });
    writeNode(file.create_group('node'), graph);
  });
}

function checkName(name: string, path: string): void {
  if (name === '' || name === '.' || name.includes('/')) {
    throw new NirFileError(path, `'${name}' cannot be an HDF5 name (empty, '.' or with '/')`);
  }
}

/** Names usable in HDF5 and edges that name nodes, before anything is written. */
function checkGraph(graph: NirGraph, path: string): void {
  for (const [name, node] of Object.entries(graph.nodes)) {
    const at = `${path}/nodes/${name}`;
    checkName(name, at);
    for (const key of Object.keys(node.params)) checkName(key, `${at}/${key}`);
    if (isNirGraph(node)) checkGraph(node, at);
  }
  graph.edges.forEach(([from, to], i) => {
    for (const name of [from, to]) {
      if (resolveNode(graph, name) === undefined) {
        throw new NirFileError(
          `${path}/edges`,
          `edge ${i} (${from} -> ${to}) names '${name}', which is not a node of this graph`,
        );
      }
    }
  });
}

function writeNode(group: H5Group, node: NirNode | NirGraph): void {
  group.create_dataset({ name: 'type', data: node.type, dtype: 'S' });
  for (const [key, value] of Object.entries(node.params)) writeValue(group, key, value);
  if (node.metadata !== undefined && Object.keys(node.metadata).length > 0) {
    writeMetadata(group.create_group('metadata'), node.metadata);
  }
  if (!isNirGraph(node)) return;
  const nodes = group.create_group('nodes');
  for (const [name, child] of Object.entries(node.nodes))
    writeNode(nodes.create_group(name), child);
  if (node.edges.length === 0) {
    group.create_dataset({ name: 'edges', data: new Float64Array(0), shape: [0] });
  } else {
    group.create_dataset({
      name: 'edges',
      data: node.edges.flat(),
      shape: [node.edges.length, 2],
      dtype: 'S',
    });
  }
}

function writeMetadata(group: H5Group, metadata: NirMetadata): void {
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'object' && !('shape' in value)) {
      writeMetadata(group.create_group(key), value);
    } else {
      writeValue(group, key, value as NirValue | NirStringArray);
    }
  }
}

function writeValue(group: H5Group, name: string, value: NirValue | NirStringArray): void {
  if (typeof value === 'string') {
    group.create_dataset({ name, data: value, dtype: 'S' });
  } else if (typeof value === 'number') {
    // As h5py stores a Python int (int64) or float (float64).
    if (Number.isSafeInteger(value)) {
      group.create_dataset({ name, data: new BigInt64Array([BigInt(value)]), shape: [] });
    } else {
      group.create_dataset({ name, data: new Float64Array([value]), shape: [] });
    }
  } else if (value.dtype === 'string') {
    group.create_dataset({ name, data: value.data, shape: value.shape, dtype: 'S' });
  } else {
    writeArray(group, name, value);
  }
}

function writeArray(group: H5Group, name: string, value: NirArray): void {
  const dtype = h5DtypeOf(value.dtype);
  const compressible = value.shape.length > 0 && value.data.length > 0;
  group.create_dataset({
    name,
    data: value.data,
    shape: value.shape,
    dtype,
    ...(compressible
      ? { chunks: value.shape, compression: 'gzip' as const, compression_opts: GZIP_LEVEL }
      : {}),
  });
}
