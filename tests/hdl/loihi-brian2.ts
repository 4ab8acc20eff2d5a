/**
 * brian2-loihi's recorded runs (tests/unit/engine/fixtures/loihi-vectors.json, written by
 * scripts/loihi_vectors.py; the engine reproduces them in loihi-vectors.test.ts) as chained
 * bench vectors: every neuron of every case, step after step, v and the refractory counter fed
 * back from the module's own outputs and I (after the step's deliveries, the `synapses` slot)
 * taken from the recording. The module must give brian2-loihi's v and spikes at every step.
 */
import { LOIHI_CASES } from '../unit/engine/fixtures/loihi-documents.ts';
import type { LoihiVector } from './loihi-cases.ts';

/** What the replay compares per step: no stop, v after reset, and the spike. */
export interface Brian2Record {
  overflow: number;
  v: number | null;
  spike: number | null;
}

/** The replay's vectors, the recording's records, and where each vector comes from. */
export interface Brian2Replay {
  vectors: LoihiVector[];
  expected: Brian2Record[];
  where: string[];
}

/** Every neuron of every case, at grid entry `cfg`; v starts at 0, nobody refractory. */
export function brian2Replay(cfg: number): Brian2Replay {
  const out: Brian2Replay = { vectors: [], expected: [], where: [] };
  for (const c of LOIHI_CASES) {
    c.groups.forEach((g, k) => {
      const rec = c.expected[k];
      if (!rec) throw new Error(`case '${c.name}': no recording of group ${k}`);
      const spiked = new Set(rec.spikes.map(([n, t]) => `${n},${t}`));
      for (let n = 0; n < g.size; n++) {
        let v = 0;
        for (let t = 0; t < c.duration; t++) {
          const i = rec.I[t]?.[n];
          const vAfter = rec.v[t]?.[n];
          if (i === undefined || vAfter === undefined) {
            throw new Error(`case '${c.name}': no I or v of neuron ${n} at step ${t}`);
          }
          out.vectors.push({
            cfg,
            chain: t > 0,
            v,
            i,
            refr: 0,
            decayV: g.decay_v,
            decayI: g.decay_I,
            threshold: g.threshold_v_mant * 64,
            refractory: g.refractory,
          });
          out.expected.push({ overflow: 0, v: vAfter, spike: spiked.has(`${n},${t}`) ? 1 : 0 });
          out.where.push(`case '${c.name}', group ${k}, neuron ${n}, step ${t}`);
          v = vAfter;
        }
      }
    });
  }
  return out;
}
