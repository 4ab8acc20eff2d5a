/**
 * The optimizers of `TrainOptions.optimizer` over flat float32 parameter arrays, on the host
 * (a batch's gradient is read back once; the update is a few thousand multiply-adds).
 */
import type { Floats } from './ops.ts';

export interface Optimizer {
  /** Updates `params[a]` in place by `gradients[a]` at learning rate `lr`. */
  step(params: Float32Array[], gradients: readonly Floats[], lr: number): void;
}

/** Plain gradient descent: `p -= lr * g`. */
export class Sgd implements Optimizer {
  step(params: Float32Array[], gradients: readonly Floats[], lr: number): void {
    params.forEach((p, a) => {
      const g = gradients[a];
      if (!g) return;
      for (let i = 0; i < p.length; i++) p[i] = (p[i] ?? 0) - lr * (g[i] ?? 0);
    });
  }
}

/**
 * Adam (Kingma & Ba 2015) with bias-corrected moments, beta1 0.9, beta2 0.999, epsilon 1e-8.
 */
export class Adam implements Optimizer {
  private m: Float64Array[] = [];
  private v: Float64Array[] = [];
  private t = 0;

  constructor(
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {}

  step(params: Float32Array[], gradients: readonly Floats[], lr: number): void {
    if (this.m.length === 0) {
      this.m = params.map((p) => new Float64Array(p.length));
      this.v = params.map((p) => new Float64Array(p.length));
    }
    this.t += 1;
    const c1 = 1 - this.beta1 ** this.t;
    const c2 = 1 - this.beta2 ** this.t;
    params.forEach((p, a) => {
      const g = gradients[a];
      const m = this.m[a];
      const v = this.v[a];
      if (!g || !m || !v) return;
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] ?? 0;
        const mi = this.beta1 * (m[i] ?? 0) + (1 - this.beta1) * gi;
        const vi = this.beta2 * (v[i] ?? 0) + (1 - this.beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        p[i] = (p[i] ?? 0) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + this.epsilon);
      }
    });
  }
}

/** The optimizer `TrainOptions.optimizer` names. */
export function createOptimizer(kind: 'sgd' | 'adam'): Optimizer {
  return kind === 'adam' ? new Adam() : new Sgd();
}
