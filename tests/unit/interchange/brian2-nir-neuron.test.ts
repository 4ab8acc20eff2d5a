/**
 * nir_neuron in the Brian2 export: a small NIR network (a generator into CubaLIF with per-neuron
 * time constants, LIF by Euler, IF and LI, delays) gives Spikelab's spikes step for step under
 * Debian's Brian2, and LI's potential agrees to float32 precision.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { Brian2ExportError } from '../../../src/model/interchange/brian2/index.ts';
import { runBrian2, runSpikelab, scriptOf, valid } from './brian2-fixtures.ts';

const at = { x: 0, y: 0 };

function nirDocument(stimulus = false): NetworkDocument {
  return valid({
    format: 'spikelab-network',
    version: 1,
    name: 'nir_neuron brian2 check',
    populations: [
      {
        id: 'gen',
        model: 'spike_generator',
        size: 3,
        position: at,
        params: { indices: [0, 1, 2, 0, 2], times: [1, 2, 3, 5, 6], period: 8 },
      },
      {
        id: 'cuba',
        model: 'nir_neuron',
        size: 4,
        position: at,
        params: {
          type: 'CubaLIF',
          discretisation: 'exact',
          tau_mem: [5, 8, 12, 20],
          tau_syn: [2, 3, 4, 5],
          r: 1,
          v_leak: 0,
          v_threshold: 1,
          v_reset: 0,
          w_in: 1,
          bias: [0.05, 0, 0.1, 0.02],
          v_init: 0,
        },
      },
      {
        id: 'lif',
        model: 'nir_neuron',
        size: 3,
        position: at,
        params: {
          type: 'LIF',
          discretisation: 'euler',
          tau_mem: 10,
          r: 10,
          v_leak: 0.1,
          v_threshold: 0.6,
          v_reset: -0.2,
          bias: 0,
          v_init: [0, 0.3, -0.1],
        },
      },
      {
        id: 'if',
        model: 'nir_neuron',
        size: 2,
        position: at,
        params: {
          type: 'IF',
          discretisation: 'exact',
          r: 1,
          v_threshold: 1.5,
          v_reset: 0,
          bias: 0.13,
          v_init: 0,
        },
      },
      {
        id: 'li',
        model: 'nir_neuron',
        size: 2,
        position: at,
        params: {
          type: 'LI',
          discretisation: 'exact',
          tau_mem: 4,
          r: 2,
          v_leak: 0,
          bias: 0,
          v_init: 0,
        },
      },
    ],
    projections: [
      {
        id: 'gen_cuba',
        source: 'gen',
        target: 'cuba',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'uniform', low: 0.5, high: 2.5 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
      {
        id: 'cuba_lif',
        source: 'cuba',
        target: 'lif',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'uniform', low: 0.1, high: 0.9 },
        delay: { kind: 'uniform_int', low: 0, high: 3 },
        synapse: { kind: 'delta' },
      },
      {
        id: 'lif_if',
        source: 'lif',
        target: 'if',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'constant', value: 0.7 },
        delay: { kind: 'constant', steps: 1 },
        synapse: { kind: 'delta' },
      },
      {
        id: 'cuba_li',
        source: 'cuba',
        target: 'li',
        connectivity: { rule: 'all_to_all', allow_self: true },
        weight: { kind: 'uniform', low: -0.5, high: 1 },
        delay: { kind: 'constant', steps: 0 },
        synapse: { kind: 'delta' },
      },
    ],
    stimuli: stimulus
      ? [{ id: 's', kind: 'current_step', target: 'lif', start: 0, stop: 5, amplitude: 1 }]
      : [],
    probes: [
      { id: 'cuba_s', kind: 'spikes', population: 'cuba' },
      { id: 'lif_s', kind: 'spikes', population: 'lif' },
      { id: 'if_s', kind: 'spikes', population: 'if' },
      { id: 'li_v', kind: 'state', population: 'li', variable: 'v', neurons: [0, 1] },
    ],
    run: { dt: 1, duration: 80, seed: 3, backend: 'reference' },
  });
}

describe('Brian2 export of nir_neuron populations', () => {
  it('gives the same spikes, step for step, as Spikelab (CubaLIF exact, LIF euler, IF, LI; delays)', async () => {
    const doc = nirDocument();
    const [ours, theirs] = await Promise.all([runSpikelab(doc, 'reference'), runBrian2(doc)]);
    for (const id of ['cuba', 'lif', 'if']) {
      expect(ours.spikes[id]?.t.length, id).toBeGreaterThan(3);
      expect(theirs.spikes[id], id).toEqual(ours.spikes[id]);
    }
    const a = ours.traces['li_v'];
    const b = theirs.traces['li_v'];
    expect(b?.t).toEqual(a?.t);
    expect(a?.values.flat().some((v) => Math.abs(v) > 0.1)).toBe(true);
    a?.values.forEach((row, n) =>
      row.forEach((v, k) => expect(Math.abs((b?.values[n]?.[k] ?? NaN) - v)).toBeLessThan(1e-4)),
    );
  }, 120_000);

  it('refuses a current step into a nir_neuron population, naming the stimulus', () => {
    expect(() => scriptOf(nirDocument(true))).toThrow(Brian2ExportError);
    expect(() => scriptOf(nirDocument(true))).toThrow(
      /stimuli\[0\]\.target: a current step into the nir_neuron population 'lif'/,
    );
  });
});
