/**
 * EWC on two linear regression tasks that disagree on one shared weight: with the penalty,
 * task A is remembered measurably better after training task B. The Fisher and the penalty
 * against hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import {
  consolidate,
  diagonalFisher,
  ewcPenalty,
  withEwc,
} from '../../../src/engine/learning/ewc.ts';
import { linearModel, regression, samplesOf, sgd } from './linear-model.ts';

const model = linearModel(4);
// A uses inputs 0 and 1; B uses 1, 2 and 3 and wants the opposite sign on weight 1.
const taskA = regression([1, -1, 0, 0], 200, [0, 1], 11, 0.5);
const taskB = regression([0, 1, 0.5, 0.5], 200, [1, 2, 3], 12, 0.5);

describe('diagonalFisher', () => {
  it('is the mean squared per-sample gradient (worked by hand)', () => {
    // Two samples of one input: x = 1, y = 3 and x = 2, y = 0, at w = 1.
    // Gradients (w x - y) x: -2 and 4; Fisher (4 + 16) / 2 = 10.
    const m = linearModel(1);
    const batches = [
      { inputs: Float32Array.of(1), targets: Float32Array.of(3) },
      { inputs: Float32Array.of(2), targets: Float32Array.of(0) },
    ];
    expect([...diagonalFisher(m, Float32Array.of(1), batches)]).toEqual([10]);
  });

  it("is zero for a large weight the task never uses (what the seed's |w| gets wrong)", () => {
    const trained = sgd(model, Float32Array.of(0, 0, 0, 5), taskA, 300, 0.1);
    expect(trained[3]).toBe(5);
    const fisher = diagonalFisher(model, trained, samplesOf(taskA));
    expect(fisher[3]).toBe(0);
    expect(fisher[2]).toBe(0);
    // The used weights: about noise^2 * E[x^2] = 0.25.
    expect(fisher[0]).toBeGreaterThan(0.15);
    expect(fisher[1]).toBeGreaterThan(0.15);
  });

  it('refuses no samples and a wrong parameter count', () => {
    expect(() => diagonalFisher(model, new Float32Array(4), [])).toThrow(
      'diagonalFisher: needs at least one sample',
    );
    expect(() => diagonalFisher(model, new Float32Array(3), [taskA])).toThrow(
      'diagonalFisher: 3 parameters given, the model has 4',
    );
  });
});

describe('ewcPenalty and withEwc', () => {
  it('adds lambda/2 sum F (w - w*)^2 to the loss and lambda F (w - w*) to the gradient', () => {
    const anchor = { params: Float32Array.of(1, 2), fisher: Float32Array.of(0.5, 2) };
    const { penalty, gradient } = ewcPenalty(Float32Array.of(3, 1), [anchor], 4);
    // 2 * (0.5 * 4 + 2 * 1) = 8; gradient 4 * 0.5 * 2 = 4 and 4 * 2 * -1 = -8.
    expect(penalty).toBe(8);
    expect([...gradient]).toEqual([4, -8]);
    const m = linearModel(2);
    const batch = { inputs: Float32Array.of(1, 1), targets: Float32Array.of(0) };
    const plain = m.lossAndGradient(Float32Array.of(3, 1), batch);
    const guarded = withEwc(m, [anchor], 4).lossAndGradient(Float32Array.of(3, 1), batch);
    expect(guarded.loss).toBe(plain.loss + 8);
    expect([...guarded.gradient]).toEqual([
      (plain.gradient[0] ?? 0) + 4,
      (plain.gradient[1] ?? 0) - 8,
    ]);
  });

  it('refuses a bad lambda and an anchor of another size', () => {
    expect(() => withEwc(model, [], -1)).toThrow(
      'withEwc: lambda must be a finite number >= 0, got -1',
    );
    const anchor = { params: new Float32Array(3), fisher: new Float32Array(3) };
    expect(() => withEwc(model, [anchor], 1)).toThrow(
      'withEwc: anchor 0 has 3 parameters and 3 Fisher values; the model has 4',
    );
  });
});

describe('EWC against forgetting', () => {
  it("keeps task A's loss lower after training task B than plain training does", () => {
    const afterA = sgd(model, new Float32Array(4), taskA, 300, 0.1);
    const lossA = model.lossAndGradient(afterA, taskA).loss;
    const anchor = consolidate(model, afterA, samplesOf(taskA));
    const plain = sgd(model, afterA, taskB, 300, 0.1);
    const guarded = sgd(withEwc(model, [anchor], 40), afterA, taskB, 300, 0.1);
    const forgotPlain = model.lossAndGradient(plain, taskA).loss;
    const forgotEwc = model.lossAndGradient(guarded, taskA).loss;
    // Plain training moves weight 1 from -1 to +1: A's loss grows by about 0.5 * 2^2 = 2.
    expect(forgotPlain - lossA).toBeGreaterThan(1.5);
    // EWC holds weight 1 near A's value: most of that loss stays away.
    expect(forgotEwc - lossA).toBeLessThan(0.25 * (forgotPlain - lossA));
    // ...while B's own weights 2 and 3 are still learned.
    expect(guarded[2]).toBeCloseTo(0.5, 1);
    expect(guarded[3]).toBeCloseTo(0.5, 1);
  });
});
