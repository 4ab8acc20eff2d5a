/**
 * Truncated BPTT: one chunk is BPTT; the state it keeps grows with k and not with the steps
 * (measured by the typed-array operations' live-buffer count, not assumed).
 */
import { describe, expect, it } from 'vitest';
import { makeBatch, paramsOf, uploadParams } from '../../../src/engine/learning/train/batch.ts';
import { bpttGradient } from '../../../src/engine/learning/train/bptt.ts';
import { neuronConstants } from '../../../src/engine/learning/train/device.ts';
import { JsTrainOps } from '../../../src/engine/learning/train/ops-js.ts';
import { runSync } from '../../../src/engine/learning/train/ops.ts';
import { netShape } from '../../../src/engine/learning/train/rules.ts';
import { tbpttGradient, tbpttStateFloats } from '../../../src/engine/learning/train/tbptt.ts';
import { randomSamples, twoLayerNetwork } from './train-fixture.ts';

const net = twoLayerNetwork(8, 12, 3, 4);
const shape = netShape(net);

function run(steps: number, truncation: number | null) {
  const samples = randomSamples(4, steps, 8, 3, 0.2);
  const ops = new JsTrainOps(neuronConstants(net.neuron, 4));
  const params = runSync(uploadParams(ops, paramsOf(net)));
  const batch = makeBatch(samples, steps, 8);
  const before = ops.stats().live;
  const g =
    truncation === null
      ? runSync(bpttGradient(ops, shape, params, batch, 0, 0.5))
      : runSync(tbpttGradient(ops, shape, params, batch, 0, 0.5, truncation));
  const { live, peak } = ops.stats();
  // Beyond the weights and the batch's own input spikes (steps x batch x inputs, the data).
  return { g, peak: peak - before - steps * 4 * 8, leaked: live - before };
}

describe('truncated BPTT', () => {
  it('with k >= steps equals BPTT exactly (loss, predictions, every gradient)', () => {
    const bptt = run(24, null).g;
    for (const k of [24, 30]) {
      const t = run(24, k).g;
      expect(t.loss).toBe(bptt.loss);
      expect(Array.from(t.predictions)).toEqual(Array.from(bptt.predictions));
      t.gradient.weights.forEach((w, l) =>
        expect(Array.from(w)).toEqual(Array.from(bptt.gradient.weights[l]!)),
      );
      t.gradient.recurrent.forEach((r, l) =>
        expect(r && Array.from(r)).toEqual(
          bptt.gradient.recurrent[l] && Array.from(bptt.gradient.recurrent[l]),
        ),
      );
    }
    // A shorter k cuts the gradient through time: a different gradient.
    const cut = run(24, 6).g;
    expect(Array.from(cut.gradient.weights[0]!)).not.toEqual(Array.from(bptt.gradient.weights[0]!));
  });

  it('keeps state for k steps whatever the sample length, and frees everything it allocates', () => {
    const k5 = [20, 40, 80].map((steps) => run(steps, 5));
    expect(k5[1]!.peak).toBe(k5[0]!.peak);
    expect(k5[2]!.peak).toBe(k5[0]!.peak);
    const k10 = run(40, 10);
    // Growing k by 5 grows the peak by exactly the chunk state the formula names.
    expect(k10.peak - k5[1]!.peak).toBe(
      tbpttStateFloats(shape, 4, 10) - tbpttStateFloats(shape, 4, 5),
    );
    // BPTT keeps every step: its peak grows with the steps.
    expect(run(40, null).peak).toBeGreaterThan(run(20, null).peak);
    for (const r of [...k5, k10]) expect(r.leaked).toBe(0);
  });
});
