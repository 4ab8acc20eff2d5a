/**
 * The trainers' gradients against independent references: central finite differences of the
 * smoothed loss computed by a plain float64 forward written here from the contract's equations
 * (types.ts); the js and gpu.js devices against each other; truncated BPTT against BPTT.
 */
import { describe, expect, it } from 'vitest';
import { makeBatch, paramsOf, uploadParams } from '../../../src/engine/learning/train/batch.ts';
import { bpttGradient } from '../../../src/engine/learning/train/bptt.ts';
import { neuronConstants, createTrainOps } from '../../../src/engine/learning/train/device.ts';
import { JsTrainOps } from '../../../src/engine/learning/train/ops-js.ts';
import { runAsync, runSync, type Floats } from '../../../src/engine/learning/train/ops.ts';
import { netShape, ruleGradient } from '../../../src/engine/learning/train/rules.ts';
import type { HostParams } from '../../../src/engine/learning/train/batch.ts';
import type {
  SpikeSample,
  TrainDevice,
  TrainNetwork,
  TrainRule,
} from '../../../src/engine/learning/train/types.ts';
import { randomSamples, twoLayerNetwork } from './train-fixture.ts';

const SLOPE = 3;
const LOGIT = 0.7;

/**
 * The contract's model and loss, written out directly: per layer and step
 * u = V - (V - vRest) * leak, s = h(u - vThreshold), V = s * vReset + (1 - s) * (u + W x + R s),
 * loss = mean softmax cross-entropy of LOGIT * counts. `h` is the smooth spike (h' = the
 * fast sigmoid) or the hard H.
 */
function referenceLoss(
  net: TrainNetwork,
  p: HostParams,
  samples: SpikeSample[],
  smooth: boolean,
): number {
  const { vRest, vReset, vThreshold, leak } = net.neuron;
  const h = (x: number) => (smooth ? 0.5 + x / (1 + SLOPE * Math.abs(x)) : x >= 0 ? 1 : 0);
  const steps = (samples[0]?.spikes.length ?? 0) / net.inputSize;
  let total = 0;
  for (const sample of samples) {
    const V = net.layers.map((l) => new Float64Array(l.size).fill(vRest));
    const counts = new Float64Array(net.layers[net.layers.length - 1]?.size ?? 0);
    for (let t = 0; t < steps; t++) {
      let x: Float64Array = Float64Array.from(
        sample.spikes.subarray(t * net.inputSize, (t + 1) * net.inputSize),
      );
      net.layers.forEach((layer, l) => {
        const v = V[l] as Float64Array;
        const w = p.weights[l] as Floats;
        const r = p.recurrent[l];
        const u = v.map((vj) => vj - (vj - vRest) * leak);
        const s = u.map((uj) => h(uj - vThreshold));
        for (let j = 0; j < layer.size; j++) {
          let q = u[j] ?? 0;
          for (let i = 0; i < x.length; i++) q += (w[i * layer.size + j] ?? 0) * (x[i] ?? 0);
          if (r)
            for (let k = 0; k < layer.size; k++) q += (r[k * layer.size + j] ?? 0) * (s[k] ?? 0);
          const sj = s[j] ?? 0;
          v[j] = sj * vReset + (1 - sj) * q;
        }
        x = s;
      });
      x.forEach((s, k) => (counts[k] = (counts[k] ?? 0) + s));
    }
    const z = Array.from(counts, (c) => LOGIT * c);
    const max = Math.max(...z);
    const lse = max + Math.log(z.reduce((a, zk) => a + Math.exp(zk - max), 0));
    total += lse - (z[sample.label] ?? 0);
  }
  return total / samples.length;
}

function float64Params(net: TrainNetwork): HostParams {
  return {
    weights: net.layers.map((l) => Float64Array.from(l.weights)),
    recurrent: net.layers.map((l) => (l.recurrent ? Float64Array.from(l.recurrent) : null)),
  };
}

function jsGradient(net: TrainNetwork, p: HostParams, samples: SpikeSample[], smooth: boolean) {
  const ops = new JsTrainOps(neuronConstants(net.neuron, SLOPE, smooth));
  const batch = makeBatch(samples, samples[0]!.spikes.length / net.inputSize, net.inputSize);
  const device = runSync(uploadParams(ops, p));
  return runSync(bpttGradient(ops, netShape(net), device, batch, net.neuron.vRest, LOGIT));
}

describe('BPTT gradient', () => {
  const net = twoLayerNetwork(3, 4, 3, 11, { input: 1.2, recurrent: 0.4, output: 0.9 });
  const samples = randomSamples(3, 8, 3, 3, 0.4);

  it('the forward loss is the contract loss, hard and smooth', () => {
    const p = float64Params(net);
    for (const smooth of [false, true]) {
      expect(jsGradient(net, p, samples, smooth).loss).toBeCloseTo(
        referenceLoss(net, p, samples, smooth),
        12,
      );
    }
    // The hard forward of this fixture has spikes in both layers (else the check is empty).
    const hard = jsGradient(net, p, samples, false);
    expect(hard.gradient.weights.every((g) => g.some((x) => x !== 0))).toBe(true);
  });

  it('every weight (input, recurrent, output) matches central finite differences of the smoothed loss', () => {
    // All in float64: the trainer's js device computes in float64 and the reference loss is
    // float64, so a step of 1e-5 leaves differences far below the tolerance.
    const p = float64Params(net);
    const g = jsGradient(net, p, samples, true).gradient;
    const eps = 1e-5;
    let checked = 0;
    const arrays: [Floats, Floats, number][] = [];
    p.weights.forEach((w, l) => arrays.push([w, g.weights[l] as Floats, 0]));
    p.recurrent.forEach((r, l) => {
      if (r) arrays.push([r, g.recurrent[l] as Floats, net.layers[l]?.size ?? 0]);
    });
    for (const [w, grad, recurrentSize] of arrays) {
      for (let i = 0; i < w.length; i++) {
        const w0 = w[i] ?? 0;
        w[i] = w0 + eps;
        const up = referenceLoss(net, p, samples, true);
        w[i] = w0 - eps;
        const down = referenceLoss(net, p, samples, true);
        w[i] = w0;
        const fd = (up - down) / (2 * eps);
        if (recurrentSize > 0 && i % (recurrentSize + 1) === 0) {
          // Self-connections do not exist: their gradient is kept 0.
          expect(grad[i]).toBe(0);
          continue;
        }
        expect(Math.abs((grad[i] ?? 0) - fd)).toBeLessThanOrEqual(1e-7 + 1e-5 * Math.abs(fd));
        checked += 1;
      }
    }
    expect(checked).toBe(3 * 4 + 4 * 3 + 12);
  });
});

describe('devices agree (hard forward)', () => {
  const net = twoLayerNetwork(10, 16, 4, 3);
  const samples = randomSamples(6, 20, 10, 4, 0.15);

  async function gradientOn(device: TrainDevice, rule: TrainRule) {
    const ops = await createTrainOps(device, neuronConstants(net.neuron, SLOPE));
    try {
      const batch = makeBatch(samples, 20, 10);
      const params = await runAsync(uploadParams(ops, paramsOf(net)));
      return await runAsync(
        ruleGradient(ops, net, params, batch, { rule, logitScale: LOGIT, truncation: 7, seed: 2 }),
      );
    } finally {
      ops.dispose();
    }
  }

  for (const rule of ['bptt', 'tbptt', 'eprop'] as const) {
    it(`${rule}: js, gpu:cpu and gpu:webasm give the same loss and gradients within float32 tolerance`, async () => {
      const js = await gradientOn('js', rule);
      const parts = (g: typeof js) => [
        ...g.gradient.weights,
        ...g.gradient.recurrent.filter((r) => r !== null),
      ];
      const scale = Math.max(...parts(js).map((a) => Math.max(...Array.from(a, Math.abs))));
      expect(scale).toBeGreaterThan(0);
      for (const device of ['gpu:cpu', 'gpu:webasm'] as const) {
        const gpu = await gradientOn(device, rule);
        expect(gpu.loss).toBeCloseTo(js.loss, 5);
        expect(Array.from(gpu.predictions)).toEqual(Array.from(js.predictions));
        parts(gpu).forEach((a, k) => {
          const b = parts(js)[k] as Floats;
          expect(a.length).toBe(b.length);
          a.forEach((x, i) => expect(Math.abs(x - (b[i] ?? 0))).toBeLessThanOrEqual(1e-5 * scale));
        });
      }
    });
  }
});
