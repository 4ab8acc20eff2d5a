/**
 * The page's Export NIR passes compile's draws, as `spikelab export-nir` does: a random
 * projection is written as the run draws it, not reported as inexpressible.
 */
import { describe, expect, it } from 'vitest';
import { loadNirExport } from '../../../../src/app/interchange/nir-module.ts';
import type { NetworkDocument } from '../../../../src/model/document.ts';

const doc: NetworkDocument = {
  format: 'spikelab-network',
  version: 1,
  name: 'drawn',
  populations: [
    {
      id: 'src',
      model: 'spike_generator',
      size: 8,
      position: { x: 0, y: 0 },
      params: { times: [1, 2], indices: [0, 3], period: 0 },
    },
    {
      id: 'lif',
      model: 'nir_neuron',
      size: 6,
      position: { x: 200, y: 0 },
      params: {
        type: 'LIF',
        discretisation: 'exact',
        tau_mem: 10,
        r: 1,
        v_leak: 0,
        v_threshold: 1,
        v_reset: 0,
        bias: 0,
        v_init: 0,
      },
    },
  ],
  projections: [
    {
      id: 'p',
      source: 'src',
      target: 'lif',
      connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false },
      weight: { kind: 'normal', mean: 0.6, std: 0.3 },
      delay: { kind: 'constant', steps: 1 },
      synapse: { kind: 'delta' },
    },
  ],
  stimuli: [],
  probes: [],
  run: { duration: 20, dt: 0.5, seed: 7, backend: 'auto' },
} as unknown as NetworkDocument;

describe('Export NIR in the page', () => {
  it('exports a random projection as compile draws it', async () => {
    const nir = await loadNirExport();
    const { graph, report } = nir.exportNir(doc);
    expect(report.notImported.filter((n) => n.node === 'p')).toEqual([]);
    expect(Object.values(graph.nodes).some((n) => ['Linear', 'Affine'].includes(n.type))).toBe(
      true,
    );
  });

  it('an invalid network still exports, naming the random projection it cannot draw', async () => {
    const nir = await loadNirExport();
    const broken = { ...doc, run: { ...doc.run, dt: -1 } } as NetworkDocument;
    const { report } = nir.exportNir(broken);
    expect(report.notImported.some((n) => n.node === 'p')).toBe(true);
  });
});
