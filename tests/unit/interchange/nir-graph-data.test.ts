/**
 * `spikelab run --nir-data`: the hand-computed network's spikes and V as NIR graph data, read
 * back by h5py in the layout `nir.read_data` reads (tags, datasets, attributes, seconds).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkShape } from '../../../src/model/interchange/nir/hdf5-data-write.ts';
import { runCli, tempDir, tinyNetwork, writeInput } from '../cli/helpers.ts';
import { h5pyDump } from './nir-hdf5-fixtures.ts';

describe('NIR graph data from a run', () => {
  it('holds the spikes as EventData and each state probe as TimeGriddedData', async () => {
    const doc = tinyNetwork();
    // Two probes of the same variable: one neuron each, the second named after its probe.
    doc.probes = [
      { id: 'lif_spikes', kind: 'spikes', population: 'lif' },
      { id: 'lif_v', kind: 'state', population: 'lif', variable: 'v', neurons: [1] },
      { id: 'lif_v0', kind: 'state', population: 'lif', variable: 'v', neurons: [0] },
    ];
    const dir = tempDir();
    const result = await runCli(
      ['run', writeInput(dir, 'net.json', doc), '--nir-data', 'run.h5', '--out', 'run.json'],
      dir,
    );
    expect(result.code).toBe(0);
    const file = join(dir, 'run.h5');
    const dump = h5pyDump([file])[file] ?? {};

    expect(dump['/']?.['attrs']).toEqual({ __type__: 'NIRGraphData' });
    expect(dump['/nodes/lif']?.['attrs']).toEqual({ __type__: 'NIRNodeData' });
    // The hand-worked spikes (tests/unit/cli/helpers.ts): LIF 0 at 0.4 and 1.3 ms, LIF 1 at
    // 0.6 ms, in seconds; 20 steps of 0.1 ms.
    expect(dump['/nodes/lif/observables/spikes']?.['attrs']).toEqual({
      __type__: 'EventData',
      n_neurons: 2,
      t_max: 0.002,
    });
    expect(dump['/nodes/lif/observables/spikes/idx']).toMatchObject({
      dtype: 'int64',
      shape: [1, 3],
      compression: 'gzip',
      values: [0, 1, 0],
    });
    expect(dump['/nodes/lif/observables/spikes/time']).toMatchObject({
      dtype: 'float64',
      shape: [1, 3],
      values: [0.0004, 0.0006, 0.0013],
    });
    // V holds 2 for the step after each delivery (steps 3 and 12 for neuron 0, 5 for 1).
    const v = (steps: number[]) =>
      Array.from({ length: 20 }, (_, s) => (steps.includes(s) ? 2 : 0));
    expect(dump['/nodes/lif/observables/v']?.['attrs']).toEqual({
      __type__: 'TimeGriddedData',
      dt: 0.0001,
      neurons: [1],
      t_start: 0,
    });
    expect(dump['/nodes/lif/observables/v/data']).toMatchObject({
      dtype: 'float32',
      shape: [1, 20, 1],
      values: v([5]),
    });
    expect(dump['/nodes/lif/observables/v_lif_v0/data']?.['values']).toEqual(v([3, 12]));
    // The generator had no probe of its own, but the engine records spikes only for probed
    // populations: so nothing else is there.
    expect(Object.keys(dump).filter((k) => k.split('/').length === 3)).toEqual(['/nodes/lif']);
  });

  it('cuts a long recording into chunks of at most 2^18 elements', () => {
    expect(chunkShape([1, 20, 2])).toEqual([1, 20, 2]);
    expect(chunkShape([1, 1_000_000, 100])).toEqual([1, 2621, 100]);
    expect(chunkShape([1, 5_000_000])).toEqual([1, 262_144]);
  });
});
