/**
 * The batched plan on the gpu backend's Node modes (gpu.js cpu and webasm): every variant of
 * the batch, stepped in one kernel launch per kernel and step, records exactly what the same
 * document records alone on that mode, and what the reference records (the gpu backend is
 * bit-identical to it in these modes).
 */
import { describe, expect, it } from 'vitest';
import { writeParam } from '../../../src/model/param-path.ts';
import { runDocument } from './fixtures/run.ts';
import { example, expectIdentical, mixedNetwork, runBatch } from './sweep-networks.ts';

describe('a batch on gpu.js cpu and webasm', () => {
  const base = mixedNetwork(25);
  const docs = [0.6, 1.2, 4].map((w) => writeParam(base, 'projections/AB/weight/high', w));

  for (const mode of ['cpu', 'webasm'] as const) {
    it(`${mode}: each variant equals its single run and the reference`, async () => {
      const batched = await runBatch(docs, mode, 16);
      for (const [v, doc] of docs.entries()) {
        const got = batched[v];
        if (!got) throw new Error(`variant ${v} missing`);
        expectIdentical(got, await runDocument(doc, mode, 1000), `${mode} single, variant ${v}`);
        expectIdentical(got, await runDocument(doc, 'reference'), `reference, variant ${v}`);
      }
      const b = batched.map((c) => c.spikes.B?.steps.length ?? 0);
      expect(new Set(b).size, 'the weight reaches B').toBe(3);
    });
  }

  it('webasm: Loihi variants (integer) equal the reference', async () => {
    const loihi = example('loihi');
    const vs = [30, 140].map((t) =>
      writeParam(loihi, 'populations/loihi/params/threshold_v_mant', t),
    );
    const batched = await runBatch(vs, 'webasm', 7);
    for (const [v, doc] of vs.entries()) {
      const got = batched[v];
      if (!got) throw new Error(`variant ${v} missing`);
      expectIdentical(got, await runDocument(doc, 'reference'), `loihi variant ${v}`);
    }
  });

  it('refuses a model the gpu backend does not step, naming it', async () => {
    const fixed = writeParam(example('fixed-point-lif'), 'run/duration', 5);
    await expect(runBatch([fixed, fixed], 'webasm', 10)).rejects.toThrow(/fixed_point_lif/);
  });
});
