/**
 * Reads a `.nir` file (HDF5, as `nir.write` lays it out): the string dataset `/version` and
 * the group `/node`, a `NIRGraph`. A node's group holds its `type` string, one dataset per
 * parameter, an optional `metadata` group; a graph's also `nodes/<name>/` and `edges`
 * (N x 2 strings). Everything is checked as it is read, and a problem is a `NirFileError`
 * naming the HDF5 path (`/node/nodes/lif1/type: missing ...`).
 */
import type { NirGraph, NirMetadata, NirNode, NirValue } from './graph.ts';
import { isNirGraph, NirFileError, resolveNode } from './graph.ts';
import type { H5Dataset, H5Group } from './hdf5-module.ts';
import { hdf5Reason, loadH5wasm, withFileBytes } from './hdf5-module.ts';
import { readDatasetValue } from './hdf5-values.ts';

/** HDF5's format signature; it sits at byte 0, or at 512, 1024, ... after a user block. */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes carry HDF5's signature where the format allows it. */
export function looksLikeHdf5(bytes: Uint8Array): boolean {
  for (let offset = 0; offset + SIGNATURE.length <= bytes.length;) {
    if (SIGNATURE.every((b, i) => bytes[offset + i] === b)) return true;
    offset = offset === 0 ? 512 : offset * 2;
  }
  return false;
}

/**
 * Reads a NIR graph from the bytes of a `.nir` file. `version` is the file's `/version`
 * (`''` when it has none, as files of early NIR releases).
 * @example const { graph } = await readNirFile(new Uint8Array(await file.arrayBuffer()))
 */
export async function readNirFile(
  bytes: Uint8Array,
): Promise<{ version: string; graph: NirGraph }> {
  if (!looksLikeHdf5(bytes)) {
    throw new NirFileError(
      '(file)',
      'not an HDF5 file (a .nir file is HDF5, as nir.write saves it)',
    );
  }
  const h5 = await loadH5wasm();
  try {
    return await withFileBytes(bytes, (file) => readRoot(file, h5));
  } catch (error) {
    if (error instanceof NirFileError) throw error;
    throw new NirFileError('(file)', `unreadable HDF5: ${hdf5Reason(error)}`);
  }
}

function readRoot(file: H5Group, h5: H5): { version: string; graph: NirGraph } {
  const version = file.get('version');
  let versionText = '';
  if (version instanceof h5.Dataset) {
    const value = readDatasetValue(version, '/version');
    if (typeof value !== 'string') throw new NirFileError('/version', 'not a string');
    versionText = value;
  }
  const root = file.get('node');
  if (!(root instanceof h5.Group)) {
    throw new NirFileError('/node', 'missing: a NIR file keeps its graph in the group /node');
  }
  const graph = readNode(root, '/node', h5);
  if (!isNirGraph(graph)) {
    throw new NirFileError('/node/type', `the top node must be a NIRGraph, got '${graph.type}'`);
  }
  return { version: versionText, graph };
}

type H5 = Awaited<ReturnType<typeof loadH5wasm>>;

function readNode(group: H5Group, path: string, h5: H5): NirNode | NirGraph {
  const typeEntry = group.get('type');
  if (!(typeEntry instanceof h5.Dataset)) {
    throw new NirFileError(`${path}/type`, 'missing: every NIR node has a type string');
  }
  const type = readDatasetValue(typeEntry, `${path}/type`);
  if (typeof type !== 'string') throw new NirFileError(`${path}/type`, 'not a string');
  const params: Record<string, NirValue> = {};
  let metadata: NirMetadata | undefined;
  for (const key of group.keys()) {
    if (key === 'type' || (type === 'NIRGraph' && (key === 'nodes' || key === 'edges'))) continue;
    const entry = group.get(key);
    const at = `${path}/${key}`;
    if (key === 'metadata' && entry instanceof h5.Group) {
      metadata = readMetadata(entry, at, h5);
    } else if (entry instanceof h5.Dataset) {
      const value = readDatasetValue(entry, at);
      if (typeof value === 'object' && value.dtype === 'string') {
        throw new NirFileError(at, 'an array of strings is not a NIR parameter');
      }
      params[key] = value;
    } else {
      throw new NirFileError(at, 'unexpected group in a node (parameters are datasets)');
    }
  }
  const node: NirNode = metadata === undefined ? { type, params } : { type, params, metadata };
  return type === 'NIRGraph' ? readGraph(group, path, node, h5) : node;
}

function readGraph(group: H5Group, path: string, node: NirNode, h5: H5): NirGraph {
  const nodesGroup = group.get('nodes');
  if (!(nodesGroup instanceof h5.Group)) {
    throw new NirFileError(`${path}/nodes`, 'missing: a NIRGraph keeps its nodes in this group');
  }
  const nodes: NirGraph['nodes'] = {};
  for (const name of nodesGroup.keys()) {
    const child = nodesGroup.get(name);
    const at = `${path}/nodes/${name}`;
    if (!(child instanceof h5.Group)) throw new NirFileError(at, 'a node must be a group');
    nodes[name] = readNode(child, at, h5);
  }
  const edgesEntry = group.get('edges');
  const edges = edgesEntry instanceof h5.Dataset ? readEdges(edgesEntry, `${path}/edges`) : [];
  const graph: NirGraph = { ...node, type: 'NIRGraph', nodes, edges };
  edges.forEach(([from, to], i) => {
    for (const name of [from, to]) {
      if (resolveNode(graph, name) === undefined) {
        throw new NirFileError(
          `${path}/edges`,
          `edge ${i} (${from} -> ${to}) names '${name}', which is not a node of this graph`,
        );
      }
    }
  });
  return graph;
}

/** Edges are N x 2 strings; NIR writes an empty list as a float array of length 0. */
function readEdges(dataset: H5Dataset, path: string): [string, string][] {
  const value = readDatasetValue(dataset, path);
  if (typeof value === 'object' && value.dtype !== 'string' && value.data.length === 0) return [];
  if (typeof value !== 'object' || value.dtype !== 'string' || value.shape.length !== 2) {
    throw new NirFileError(path, 'edges must be an N x 2 array of node names');
  }
  if (value.shape[1] !== 2) {
    throw new NirFileError(path, `edges must be N x 2, got [${value.shape.join(', ')}]`);
  }
  const edges: [string, string][] = [];
  for (let i = 0; i < value.data.length; i += 2) {
    edges.push([value.data[i] ?? '', value.data[i + 1] ?? '']);
  }
  return edges;
}

function readMetadata(group: H5Group, path: string, h5: H5): NirMetadata {
  const out: NirMetadata = {};
  for (const key of group.keys()) {
    const entry = group.get(key);
    const at = `${path}/${key}`;
    if (entry instanceof h5.Group) out[key] = readMetadata(entry, at, h5);
    else if (entry instanceof h5.Dataset) out[key] = readDatasetValue(entry, at);
    else throw new NirFileError(at, 'unreadable metadata entry');
  }
  return out;
}
