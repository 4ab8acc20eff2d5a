/**
 * Meta-learning on a family of linear regression tasks that share structure (weights
 * `c + 0.5 * noise` around a common centre c): after meta-training, one inner step on five
 * support samples leaves a measurably lower query loss on unseen tasks than the same
 * adaptation from the untrained initialisation. Every outer step (MAML, first-order MAML, and the
 * seed's, which is Reptile) is tested; the inner loop against a hand-worked step, MAML's
 * meta-gradient against (I - lr H)^n times the query gradient with H computed by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  adapt,
  adaptedLoss,
  hessianVectorProduct,
  metaStep,
} from '../../../src/engine/learning/maml.ts';
import type { MetaOuterStep, MetaTask } from '../../../src/engine/learning/maml.ts';
import { linearModel, normals, regression } from './linear-model.ts';
import type { Regression } from './linear-model.ts';

const SIZE = 4;
const CENTRE = [2, -1, 1.5, 0.5];
const model = linearModel(SIZE);
const ALL = [0, 1, 2, 3];

/** Task k: its own weights around the centre, 5 support and 20 query samples. */
function task(k: number): MetaTask<Regression> {
  const offset = normals(1000 + k, 3, SIZE);
  const w = CENTRE.map((c, i) => c + 0.5 * (offset[i] ?? 0));
  return {
    support: regression(w, 5, ALL, 2 * k + 1),
    query: regression(w, 20, ALL, 2 * k + 2),
  };
}

const INNER_STEPS = 1;
const INNER_LR = 0.3;
const heldOut = Array.from({ length: 50 }, (_, k) => task(100_000 + k));

function metaTrain(outer: MetaOuterStep): Float32Array {
  let params: Float32Array = new Float32Array(SIZE);
  for (let step = 0; step < 300; step++) {
    const tasks = [0, 1, 2, 3].map((j) => task(step * 4 + j));
    params = metaStep(model, params, tasks, {
      innerSteps: INNER_STEPS,
      innerLr: INNER_LR,
      outerLr: 0.1,
      outer,
    }).params;
  }
  return params;
}

describe('adapt', () => {
  it('takes plain SGD steps on the support batch (worked by hand)', () => {
    // One input x = 2, y = 1, from w = 0: gradient (0 - 1) * 2 = -2; w = 0.25 * 2 = 0.5.
    // Second step: gradient (1 - 1) * 2 = 0, so w stays 0.5.
    const m = linearModel(1);
    const batch = { inputs: Float32Array.of(2), targets: Float32Array.of(1) };
    const start = Float32Array.of(0);
    expect([...adapt(m, start, batch, 1, 0.25)]).toEqual([0.5]);
    expect([...adapt(m, start, batch, 2, 0.25)]).toEqual([0.5]);
    expect([...start]).toEqual([0]);
  });

  it('refuses a wrong parameter count and bad options', () => {
    expect(() => adapt(model, new Float32Array(3), task(0).support, 1, 0.1)).toThrow(
      'adapt: 3 parameters given, the model has 4',
    );
    expect(() =>
      metaStep(model, new Float32Array(4), [task(0)], {
        innerSteps: -1,
        innerLr: NaN,
        outerLr: 0.1,
        outer: 'fomaml',
      }),
    ).toThrow(
      'metaStep: innerSteps must be a whole number >= 0, got -1; innerLr must be finite, got NaN',
    );
    expect(() =>
      metaStep(model, new Float32Array(4), [], {
        innerSteps: 1,
        innerLr: 0.1,
        outerLr: 0.1,
        outer: 'reptile',
      }),
    ).toThrow('metaStep: needs at least one task');
  });
});

/** The support loss's Hessian of the linear model, X^T X / m, in float64 (independent of the HVP). */
function hessian(batch: Regression): number[][] {
  const m = batch.targets.length;
  return Array.from({ length: SIZE }, (_, i) =>
    Array.from({ length: SIZE }, (_, j) => {
      let h = 0;
      for (let s = 0; s < m; s++) {
        h += (batch.inputs[s * SIZE + i] ?? 0) * (batch.inputs[s * SIZE + j] ?? 0);
      }
      return h / m;
    }),
  );
}

const times = (h: number[][], v: readonly number[]) =>
  h.map((row) => row.reduce((a, x, j) => a + x * (v[j] ?? 0), 0));

describe('hessianVectorProduct', () => {
  it('is X^T X v / m for the linear model', () => {
    const t = task(7);
    const v = [0.5, -1, 2, 0.25];
    const got = hessianVectorProduct(model, Float32Array.of(1, 2, -3, 0.5), t.support, v);
    const want = times(hessian(t.support), v);
    got.forEach((x, i) => expect(x).toBeCloseTo(want[i] ?? NaN, 3));
  });
});

describe('metaStep', () => {
  it('MAML differentiates through the inner loop: (I - lr H)^n times the query gradient', () => {
    const t = task(9);
    const start = Float32Array.of(0.5, 0, -0.5, 1);
    const lr = 0.1;
    const h = hessian(t.support);
    const adapted = adapt(model, start, t.support, 3, lr);
    let v = Array.from(model.lossAndGradient(adapted, t.query).gradient);
    // H is constant for this loss: three factors (I - lr H).
    for (let k = 0; k < 3; k++) {
      const hv = times(h, v);
      v = v.map((x, i) => x - lr * (hv[i] ?? 0));
    }
    const options = { innerSteps: 3, innerLr: lr, outerLr: 1, outer: 'maml' as const };
    const got = metaStep(model, start, [t], options).params;
    got.forEach((x, i) => expect(x).toBeCloseTo((start[i] ?? 0) - (v[i] ?? 0), 4));
    // ...which is not the first-order step.
    const first = metaStep(model, start, [t], { ...options, outer: 'fomaml' }).params;
    expect(Math.max(...first.map((x, i) => Math.abs(x - (got[i] ?? 0))))).toBeGreaterThan(0.01);
  });

  it('first-order MAML moves against the mean query gradient at the adapted parameters', () => {
    const tasks = [task(1), task(2)];
    const start = Float32Array.of(0.5, 0, -0.5, 1);
    const options = { innerSteps: 2, innerLr: 0.1, outerLr: 0.5, outer: 'fomaml' as const };
    const expected = Array.from(start);
    for (const t of tasks) {
      const g = model.lossAndGradient(adapt(model, start, t.support, 2, 0.1), t.query).gradient;
      g.forEach((v, i) => (expected[i] = (expected[i] ?? 0) - (0.5 * v) / 2));
    }
    const got = metaStep(model, start, tasks, options).params;
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it("Reptile (the seed's outer step) moves toward the mean adapted parameters", () => {
    const tasks = [task(3), task(4)];
    const start = new Float32Array(SIZE);
    const a = adapt(model, start, tasks[0]?.support ?? task(3).support, 3, 0.1);
    const b = adapt(model, start, tasks[1]?.support ?? task(4).support, 3, 0.1);
    const got = metaStep(model, start, tasks, {
      innerSteps: 3,
      innerLr: 0.1,
      outerLr: 0.5,
      outer: 'reptile',
    }).params;
    got.forEach((v, i) => expect(v).toBeCloseTo((0.5 * ((a[i] ?? 0) + (b[i] ?? 0))) / 2, 6));
  });

  for (const outer of ['maml', 'fomaml', 'reptile'] as const) {
    it(`${outer}: meta-training lowers the post-adaptation loss on unseen tasks`, () => {
      const before = adaptedLoss(model, new Float32Array(SIZE), heldOut, INNER_STEPS, INNER_LR);
      const meta = metaTrain(outer);
      const after = adaptedLoss(model, meta, heldOut, INNER_STEPS, INNER_LR);
      // From 0 one step cannot reach weights near (2, -1, 1.5, 0.5); from the learned start it
      // only has the task's own 0.5-sd offset to cover.
      expect(after).toBeLessThan(0.3 * before);
      // The learned start is near the family's centre.
      meta.forEach((v, i) => expect(Math.abs(v - (CENTRE[i] ?? 0))).toBeLessThan(0.4));
    });
  }
});
