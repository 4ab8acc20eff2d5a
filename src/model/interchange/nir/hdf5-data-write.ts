/**
 * Saves NIR graph data as `nir.write_data` lays it out, so `nir.read_data` (and h5py) read it:
 * the root group tagged `__type__ = NIRGraphData` with `nodes/<name>/` (`NIRNodeData`, or a
 * nested `NIRGraphData`), each node's `observables/<name>/` tagged `EventData` (datasets `idx`
 * int64 and `time` float64, [1, events]; attributes `n_neurons`, `t_max`) or `TimeGriddedData`
 * (dataset `data` float32 [1, steps, neurons]; attribute `dt`), arrays gzip-compressed at h5py's
 * default level. Our two extra attributes are described in `graph-data.ts`.
 */
import type { NirGraphData, NirNodeData, NirObservable } from './graph-data.ts';
import type { H5Group } from './hdf5-module.ts';
import { newFileBytes } from './hdf5-module.ts';

const GZIP_LEVEL = 4;
/** Elements per chunk at most (1 MiB of float32): a long run is not one huge chunk. */
const CHUNK_ELEMENTS = 2 ** 18;

/** A chunk shape for `shape`: whole trailing axes while they fit, the leading ones cut. */
export function chunkShape(shape: readonly number[]): number[] {
  const chunk = [...shape];
  let size = shape.reduce((a, b) => a * b, 1);
  for (let axis = 0; axis < chunk.length && size > CHUNK_ELEMENTS; axis++) {
    const rest = size / (chunk[axis] ?? 1);
    chunk[axis] = Math.max(1, Math.floor(CHUNK_ELEMENTS / rest));
    size = rest * (chunk[axis] ?? 1);
  }
  return chunk;
}

/**
 * The bytes of an HDF5 file holding `data`.
 * @example const bytes = await writeNirDataFile(recordingToNirData(doc, recording))
 */
export function writeNirDataFile(data: NirGraphData): Promise<Uint8Array> {
  return newFileBytes((file) => writeGraphData(file, data));
}

function tag(group: H5Group, type: string): void {
  group.create_attribute('__type__', type, null, 'S');
}

function writeGraphData(group: H5Group, data: NirGraphData): void {
  tag(group, 'NIRGraphData');
  const nodes = group.create_group('nodes');
  for (const [name, node] of Object.entries(data.nodes)) {
    const child = nodes.create_group(name);
    if (node.kind === 'NIRGraphData') writeGraphData(child, node);
    else writeNodeData(child, node);
  }
}

function writeNodeData(group: H5Group, node: NirNodeData): void {
  tag(group, 'NIRNodeData');
  const observables = group.create_group('observables');
  for (const [name, observable] of Object.entries(node.observables)) {
    writeObservable(observables.create_group(name), observable);
  }
}

function writeObservable(group: H5Group, observable: NirObservable): void {
  tag(group, observable.kind);
  if (observable.kind === 'EventData') {
    const events = observable.idx.length;
    array(
      group,
      'idx',
      BigInt64Array.from(observable.idx, (i) => BigInt(i)),
      [1, events],
    );
    array(group, 'time', observable.time, [1, events]);
    group.create_attribute('n_neurons', new BigInt64Array([BigInt(observable.nNeurons)]), []);
    group.create_attribute('t_max', new Float64Array([observable.tMax]), []);
  } else {
    const shape = [1, observable.steps, observable.neurons.length];
    array(group, 'data', observable.data, shape);
    group.create_attribute('dt', new Float64Array([observable.dt]), []);
    group.create_attribute(
      'neurons',
      BigInt64Array.from(observable.neurons, (n) => BigInt(n)),
      [observable.neurons.length],
    );
    group.create_attribute('t_start', new Float64Array([observable.tStart]), []);
  }
}

function array(
  group: H5Group,
  name: string,
  data: BigInt64Array | Float64Array | Float32Array,
  shape: number[],
): void {
  // HDF5 cannot chunk an empty array (a node that never fired): that one is stored plainly.
  const empty = shape.some((d) => d === 0);
  group.create_dataset({
    name,
    data,
    shape,
    ...(empty
      ? {}
      : { chunks: chunkShape(shape), compression: 'gzip' as const, compression_opts: GZIP_LEVEL }),
  });
}
