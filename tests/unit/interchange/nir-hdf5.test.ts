/**
 * The .nir reader and writer: every fixture that the NIR library wrote reads back with the types,
 * dtypes, shapes and values its script recorded; what we write reads back the same; bad files
 * are refused with the HDF5 path of the problem.
 */
import { describe, expect, it } from 'vitest';
import type { NirGraph, NirNode } from '../../../src/model/interchange/nir/graph.ts';
import {
  isNirGraph,
  nirArray,
  nirGraph,
  NirFileError,
  readNirFile,
  toNumbers,
  writeNirFile,
} from '../../../src/model/interchange/nir/graph.ts';
import { newFileBytes } from '../../../src/model/interchange/nir/hdf5-module.ts';
import { nirFixtures, type SummaryGraph } from './nir-hdf5-fixtures.ts';

const fixtures = nirFixtures();

/** Compares a graph read by us with the script's summary of the graph it wrote. */
function expectLikeSummary(graph: NirGraph, summary: SummaryGraph, where: string): void {
  expect(Object.keys(graph.nodes).sort(), where).toEqual(Object.keys(summary.nodes).sort());
  expect(graph.edges, `${where} edges`).toEqual(summary.edges);
  for (const [name, want] of Object.entries(summary.nodes)) {
    const node = graph.nodes[name] as NirNode | NirGraph;
    const at = `${where}.${name}`;
    expect(node.type, at).toBe(want.type);
    if ('nodes' in want) {
      expect(isNirGraph(node), at).toBe(true);
      expectLikeSummary(node as NirGraph, want, at);
      continue;
    }
    expect(Object.keys(node.params).sort(), at).toEqual(Object.keys(want.params).sort());
    for (const [key, param] of Object.entries(want.params)) {
      const value = node.params[key];
      if ('string' in param) expect(value, `${at}.${key}`).toBe(param.string);
      else if ('scalar' in param) expect(value, `${at}.${key}`).toBe(param.scalar);
      else {
        expect(typeof value === 'object' && value.dtype, `${at}.${key} dtype`).toBe(param.dtype);
        expect(typeof value === 'object' && value.shape, `${at}.${key} shape`).toEqual(param.shape);
        expect(toNumbers(value ?? 0), `${at}.${key} values`).toEqual(param.values);
      }
    }
  }
}

describe('readNirFile: the fixtures nir.write saved', () => {
  it('covers every NIR node type', () => {
    const types = new Set<string>();
    const collect = (g: SummaryGraph) => {
      for (const node of Object.values(g.nodes)) {
        types.add(node.type);
        if ('nodes' in node) collect(node);
      }
    };
    for (const f of fixtures) collect(f.expected.graph);
    expect([...types].sort()).toEqual(
      [
        'Affine',
        'AvgPool2d',
        'Conv1d',
        'Conv2d',
        'CubaLI',
        'CubaLIF',
        'Delay',
        'Flatten',
        'I',
        'IF',
        'Input',
        'LI',
        'LIF',
        'Linear',
        'NIRGraph',
        'Output',
        'Scale',
        'SumPool2d',
        'Threshold',
      ].sort(),
    );
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s: types, dtypes, shapes and values as written',
    async (_name, fixture) => {
      const { version, graph } = await readNirFile(fixture.bytes);
      expect(version).toBe(fixture.expected.nir_version);
      expect(graph.type).toBe('NIRGraph');
      expectLikeSummary(graph, fixture.expected.graph, fixture.name);
    },
  );

  it('reads a nested graph and its metadata', async () => {
    const nested = fixtures.find((f) => f.name === 'nested');
    const { graph } = await readNirFile(nested?.bytes ?? new Uint8Array());
    expect(graph.metadata).toEqual({
      description: 'a nested NIRGraph',
      source: 'spikelab make_fixtures.py',
    });
    const block = graph.nodes['block'];
    expect(block && isNirGraph(block) && block.edges).toEqual([
      ['input', 'lif'],
      ['lif', 'output'],
    ]);
  });
});

describe('writeNirFile', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))(
    '%s: written and read again, the same graph',
    async (_name, fixture) => {
      const { graph } = await readNirFile(fixture.bytes);
      const again = await readNirFile(await writeNirFile(graph, 'v-test'));
      expect(again.version).toBe('v-test');
      expect(again.graph).toEqual(graph);
    },
  );

  it('keeps scalars (int64 or float64), strings, nested metadata and an empty edge list', async () => {
    const graph = nirGraph(
      {
        conv: {
          type: 'Conv1d',
          params: {
            groups: 2,
            gain: 0.5,
            padding: 'same',
            weight: nirArray([2, 1, 3], [1, 2, 3, 4, 5, 6], 'float64'),
            big: nirArray([2], [2 ** 40, -3], 'int64'),
            small: nirArray([0], [], 'float32'),
          },
          metadata: {
            unit: 's',
            nested: { n: 3, names: { shape: [2], dtype: 'string', data: ['a', 'b'] } },
          },
        },
      },
      [],
    );
    const { graph: back } = await readNirFile(await writeNirFile(graph));
    expect(back).toEqual(graph);
  });
});

describe('bad files', () => {
  const reject = async (bytes: Uint8Array, message: string) => {
    const error = await readNirFile(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NirFileError);
    expect((error as Error).message).toBe(message);
  };

  it('refuses a file that is not HDF5, and a truncated one', async () => {
    await reject(
      new TextEncoder().encode('{"format": "spikelab"}'),
      '(file): not an HDF5 file (a .nir file is HDF5, as nir.write saves it)',
    );
    const bytes = fixtures[0]?.bytes ?? new Uint8Array();
    const error = await readNirFile(bytes.slice(0, 2000)).catch((e: unknown) => e);
    expect(String(error)).toMatch(
      /^NirFileError: \(file\): unreadable HDF5: truncated file: eof = 2000/,
    );
  });

  it('names a missing /node, a node without a type, and an edge to an unknown node', async () => {
    await reject(
      await newFileBytes((f) => {
        f.create_dataset({ name: 'version', data: '1.0.7', dtype: 'S' });
      }),
      '/node: missing: a NIR file keeps its graph in the group /node',
    );
    await reject(
      await newFileBytes((f) => {
        const node = f.create_group('node');
        node.create_dataset({ name: 'type', data: 'NIRGraph', dtype: 'S' });
        node
          .create_group('nodes')
          .create_group('lif')
          .create_dataset({ name: 'tau', data: [1, 2] });
      }),
      '/node/nodes/lif/type: missing: every NIR node has a type string',
    );
    await reject(
      await newFileBytes((f) => {
        const node = f.create_group('node');
        node.create_dataset({ name: 'type', data: 'NIRGraph', dtype: 'S' });
        const input = node.create_group('nodes').create_group('input');
        input.create_dataset({ name: 'type', data: 'Input', dtype: 'S' });
        node.create_dataset({ name: 'edges', data: ['input', 'lif1'], shape: [1, 2], dtype: 'S' });
      }),
      "/node/edges: edge 0 (input -> lif1) names 'lif1', which is not a node of this graph",
    );
  });

  it('refuses to write an edge to an unknown node or a name HDF5 cannot hold', async () => {
    const input = { type: 'Input', params: { shape: nirArray([1], [2], 'int64') } };
    await expect(writeNirFile(nirGraph({ input }, [['input', 'out']]))).rejects.toThrow(
      "/node/edges: edge 0 (input -> out) names 'out', which is not a node of this graph",
    );
    await expect(writeNirFile(nirGraph({ 'a/b': input }, []))).rejects.toThrow(
      "/node/nodes/a/b: 'a/b' cannot be an HDF5 name (empty, '.' or with '/')",
    );
  });
});
