/**
 * `spikelab run` prints the synapse probes of a classic plastic projection under `synapses`,
 * as for Loihi learning. STDP with taus of 1/ln 2 ms at dt 1 ms halves the traces each step
 * (decay exactly 0.5), so every value is worked by hand:
 * pre fires at 0 (apre = 0.25), the teacher makes post fire at 2 (apre = 0.0625 by then, so
 * w = 0.5 + 0.0625; apost = 0.25), traces halve at 3.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/cli/run/json-output.ts';
import type { NetworkDocument, Probe } from '../../../src/model/document.ts';
import { runCli, tempDir, writeInput } from '../cli/helpers.ts';
import {
  deltaProjection,
  generator,
  makeDocument,
  postPopulation,
  teacherFor,
} from './plasticity-fixtures.ts';

const probe = (variable: 'w' | 'pre_trace' | 'post_trace'): Probe => ({
  id: `stdp_${variable}`,
  kind: 'synapse',
  projection: 'stdp',
  variable,
  synapses: [0],
});

function cliDocument(): NetworkDocument {
  const stdp = deltaProjection('stdp', 'pre', 'post', 'all_to_all', 0.5);
  const tau = 1 / Math.LN2;
  stdp.plasticity = {
    rule: 'stdp',
    a_plus: 0.25,
    a_minus: 0.25,
    tau_plus: tau,
    tau_minus: tau,
    w_min: 0,
    w_max: 1,
  };
  return makeDocument(
    {
      populations: [generator('pre', 1, [0], [0]), teacherFor([2], 1), postPopulation('post', 1)],
      projections: [stdp, deltaProjection('teach', 'teacher', 'post', 'all_to_all', 10)],
      probes: [
        { id: 'post_spikes', kind: 'spikes', population: 'post' },
        probe('w'),
        probe('pre_trace'),
        probe('post_trace'),
      ],
    },
    { dt: 1, duration: 4, backend: 'auto' },
  );
}

describe('spikelab run (classic plasticity)', () => {
  it.each(['reference', 'auto'])(
    'writes the synapse probes under synapses (%s)',
    async (backend) => {
      const dir = tempDir();
      const file = writeInput(dir, 'stdp.json', cliDocument());
      const result = await runCli(['run', file, '--backend', backend], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const out = JSON.parse(result.stdout) as RunOutput;
      expect(['reference', 'wasm']).toContain(out.meta.backend);
      expect(out.spikes.post).toEqual({ t: [2], i: [0] });
      expect(out.synapses.stdp_w).toEqual({
        t: [0, 1, 2, 3],
        projection: 'stdp',
        variable: 'w',
        synapses: [0],
        values: [[0.5, 0.5, 0.5625, 0.5625]],
      });
      expect(out.synapses.stdp_pre_trace?.values).toEqual([[0.25, 0.125, 0.0625, 0.03125]]);
      expect(out.synapses.stdp_post_trace?.values).toEqual([[0, 0, 0.25, 0.125]]);
    },
  );
});
