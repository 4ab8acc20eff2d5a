/**
 * `spikelab run` with Loihi learning: synapse probes come out under `synapses` in the JSON, as
 * integers printed exactly; the CSV stays the spike table. The values are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/cli/run/json-output.ts';
import type { NetworkDocument, Probe } from '../../../src/model/document.ts';
import { runCli, tempDir, writeInput } from './helpers.ts';

const synapseProbe = (variable: 'w' | 'w_act' | 'x1'): Probe => ({
  id: `learn_${variable}`,
  kind: 'synapse',
  projection: 'learn',
  variable,
  synapses: [0],
});

/**
 * gen fires at 0, 2, 5 into g through `learn` (dw = 2*x0 - 3*y0, excitatory 8 bits: precision
 * 1, w_exp 3: w_act = w * 512); drive makes g spike at 1 and 2, so y0 = 1 at 2 and 3.
 * w: 10 -> 12 (t0), 11 (t2: 2 - 3), 8 (t3), 10 (t5).
 */
const DOC: NetworkDocument = {
  format: 'spikelab-network',
  version: 1,
  name: 'cli learning',
  populations: [
    {
      id: 'gen',
      model: 'spike_generator',
      size: 1,
      position: { x: 0, y: 0 },
      params: { indices: [0, 0, 0], times: [0, 2, 5], period: 0 },
    },
    {
      id: 'drive',
      model: 'spike_generator',
      size: 1,
      position: { x: 0, y: 0 },
      params: { indices: [0, 0], times: [1, 2], period: 0 },
    },
    {
      id: 'g',
      model: 'loihi',
      size: 1,
      position: { x: 0, y: 0 },
      params: { refractory: 1, threshold_v_mant: 100, decay_v: 4096, decay_I: 4096 },
    },
  ],
  projections: [
    {
      id: 'learn',
      source: 'gen',
      target: 'g',
      connectivity: { rule: 'all_to_all', allow_self: true },
      weight: { kind: 'constant', value: 10 },
      delay: { kind: 'constant', steps: 0 },
      synapse: {
        kind: 'loihi',
        w_exp: 3,
        sign_mode: 'excitatory',
        num_weight_bits: 8,
        dw: '2*x0 - 3*y0',
        traces: { x1: { impulse: 5, tau: 1 }, y1: { impulse: 7, tau: 1 } },
      },
    },
    {
      id: 'drive_g',
      source: 'drive',
      target: 'g',
      connectivity: { rule: 'all_to_all', allow_self: true },
      weight: { kind: 'constant', value: 200 },
      delay: { kind: 'constant', steps: 0 },
      synapse: { kind: 'loihi', w_exp: 0, sign_mode: 'excitatory', num_weight_bits: 8 },
    },
  ],
  stimuli: [],
  probes: [
    { id: 'g_spikes', kind: 'spikes', population: 'g' },
    synapseProbe('w'),
    synapseProbe('w_act'),
    synapseProbe('x1'),
  ],
  run: { dt: 1, duration: 6, seed: 1, backend: 'reference' },
};

const W = [12, 12, 11, 8, 8, 10];

describe('spikelab run (Loihi learning)', () => {
  it.each(['reference', 'auto'])('writes the synapse probes as integers (%s)', async (backend) => {
    const dir = tempDir();
    const file = writeInput(dir, 'learn.json', DOC);
    const result = await runCli(['run', file, '--backend', backend], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Integers without a fraction or an exponent.
    expect(result.stdout).toContain('"values":[[6144,6144,5632,4096,4096,5120]]');
    const out = JSON.parse(result.stdout) as RunOutput;
    // auto ends on a backend that steps learning (the gpu backend refuses it).
    expect(['reference', 'wasm']).toContain(out.meta.backend);
    expect(out.synapses.learn_w).toEqual({
      t: [0, 1, 2, 3, 4, 5],
      projection: 'learn',
      variable: 'w',
      synapses: [0],
      values: [W],
    });
    expect(out.synapses.learn_w_act?.values).toEqual([W.map((w) => w * 512)]);
    expect(out.synapses.learn_x1?.values).toEqual([[5, 0, 5, 0, 0, 5]]);
    expect(out.traces).toEqual({});
    expect(out.spikes.g).toEqual({ t: [1, 2], i: [0, 0] });
  });

  it('keeps the CSV a table of spikes', async () => {
    const dir = tempDir();
    const file = writeInput(dir, 'learn.json', DOC);
    const result = await runCli(['run', file, '--format', 'csv'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('population,index,t_ms\ng,0,1\ng,0,2\n');
  });

  it('refuses a synapse index past the drawn synapses with a message naming the probe', async () => {
    const dir = tempDir();
    const doc: NetworkDocument = {
      ...DOC,
      projections: DOC.projections.map((p) =>
        p.id === 'learn'
          ? { ...p, connectivity: { rule: 'fixed_probability', p: 0, allow_self: true } }
          : p,
      ),
    };
    const file = writeInput(dir, 'learn.json', doc);
    const result = await runCli(['run', file], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'spikelab: invalid network document:\n' +
        "probes[1].synapses[0]: probe 'learn_w': synapse 0 does not exist; projection 'learn' " +
        'has 0 synapses\n',
    );
  });
});
