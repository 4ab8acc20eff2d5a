/**
 * `TrainOps` over plain Float64Array buffers (`device: 'js'`): the reference form of every
 * kernel in `ops-gpu.ts`, in float64 so that the finite-difference test of the gradients
 * (tests/unit/learning/train-gradients.test.ts) compares two float64 computations.
 */
import type { BufferStats, Floats, LayerShape, NeuronConstants, TrainOps } from './ops.ts';

/** The spike of the hard (H, `x >= 0`) or smooth (`0.5 + x / (1 + slope |x|)`) forward. */
export function spikeOf(n: NeuronConstants, x: number): number {
  if (!n.smooth) return x >= 0 ? 1 : 0;
  return 0.5 + x / (1 + n.slope * Math.abs(x));
}

/** The fast-sigmoid surrogate `1 / (1 + slope |x|)^2`, the smooth spike's derivative. */
export function surrogateOf(n: NeuronConstants, x: number): number {
  const d = 1 + n.slope * Math.abs(x);
  return 1 / (d * d);
}

/** Typed-array operations; buffers are Float64Array. */
export class JsTrainOps implements TrainOps<Float64Array> {
  readonly device = 'js' as const;
  private live = 0;
  private peak = 0;

  constructor(readonly neuron: NeuronConstants) {}

  private alloc(length: number): Float64Array {
    this.live += length;
    this.peak = Math.max(this.peak, this.live);
    return new Float64Array(length);
  }

  upload(values: Floats): Float64Array {
    const out = this.alloc(values.length);
    out.set(values);
    return out;
  }

  filled(length: number, value: number): Float64Array {
    return this.alloc(length).fill(value);
  }

  read(buffer: Float64Array): Floats {
    return buffer.slice();
  }

  release(buffer: Float64Array | null | undefined): void {
    if (buffer) this.live -= buffer.length;
  }

  stats(): BufferStats {
    return { live: this.live, peak: this.peak };
  }

  /** s_t of every neuron of a batch, from V_{t-1}. */
  private spikeRow(vPrev: Float64Array): Float64Array {
    const n = this.neuron;
    const out = new Float64Array(vPrev.length);
    for (let k = 0; k < vPrev.length; k++) {
      out[k] = spikeOf(n, n.decay * (vPrev[k] ?? 0) + n.rest - n.threshold);
    }
    return out;
  }

  /** q_t = u_t + x_t W + s_t R (the value before the reset), batch x size. */
  private preReset(
    s: LayerShape,
    vPrev: Float64Array,
    spk: Float64Array,
    x: Float64Array,
    xOffset: number,
    w: Float64Array,
    r: Float64Array | null,
  ): Float64Array {
    const { batch, inputs, size } = s;
    const n = this.neuron;
    const q = new Float64Array(batch * size);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < size; j++)
        q[b * size + j] = n.decay * (vPrev[b * size + j] ?? 0) + n.rest;
      for (let i = 0; i < inputs; i++) {
        const xi = x[xOffset + b * inputs + i] ?? 0;
        if (xi === 0) continue;
        for (let j = 0; j < size; j++)
          q[b * size + j] = (q[b * size + j] ?? 0) + xi * (w[i * size + j] ?? 0);
      }
      if (r) {
        for (let k = 0; k < size; k++) {
          const sk = spk[b * size + k] ?? 0;
          if (sk === 0) continue;
          for (let j = 0; j < size; j++)
            q[b * size + j] = (q[b * size + j] ?? 0) + sk * (r[k * size + j] ?? 0);
        }
      }
    }
    return q;
  }

  forwardStep(
    s: LayerShape,
    vPrev: Float64Array,
    x: Float64Array,
    xOffset: number,
    w: Float64Array,
    r: Float64Array | null,
  ): Float64Array {
    const spk = this.spikeRow(vPrev);
    const q = this.preReset(s, vPrev, spk, x, xOffset, w, r);
    const out = this.alloc(q.length);
    for (let k = 0; k < q.length; k++) {
      const sk = spk[k] ?? 0;
      out[k] = sk * this.neuron.reset + (1 - sk) * (q[k] ?? 0);
    }
    return out;
  }

  spikes(batch: number, size: number, vPrev: Float64Array): Float64Array {
    const out = this.alloc(batch * size);
    out.set(this.spikeRow(vPrev));
    return out;
  }

  countStep(batch: number, size: number, counts: Float64Array, vPrev: Float64Array): Float64Array {
    const spk = this.spikeRow(vPrev);
    const out = this.alloc(batch * size);
    for (let k = 0; k < out.length; k++) out[k] = (counts[k] ?? 0) + (spk[k] ?? 0);
    return out;
  }

  backwardStep(
    s: LayerShape,
    vPrev: Float64Array,
    x: Float64Array,
    xOffset: number,
    gV: Float64Array,
    gS: Float64Array,
    gSOffset: number,
    w: Float64Array,
    r: Float64Array | null,
  ): Float64Array {
    const { batch, size } = s;
    const n = this.neuron;
    const spk = this.spikeRow(vPrev);
    const q = this.preReset(s, vPrev, spk, x, xOffset, w, r);
    const out = this.alloc(batch * size);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < size; j++) {
        const at = b * size + j;
        const sj = spk[at] ?? 0;
        const gv = gV[at] ?? 0;
        const gq = gv * (1 - sj);
        let gs = (gS[gSOffset + at] ?? 0) + gv * (n.reset - (q[at] ?? 0));
        if (r) {
          for (let k = 0; k < size; k++) {
            const at2 = b * size + k;
            gs += (r[j * size + k] ?? 0) * (gV[at2] ?? 0) * (1 - (spk[at2] ?? 0));
          }
        }
        const x0 = n.decay * (vPrev[at] ?? 0) + n.rest - n.threshold;
        out[at] = n.decay * (gq + gs * surrogateOf(n, x0));
      }
    }
    return out;
  }

  /** gq_t = gV_t * (1 - s_t). */
  private gq(vPrev: Float64Array, gV: Float64Array): { gq: Float64Array; spk: Float64Array } {
    const spk = this.spikeRow(vPrev);
    const gq = new Float64Array(gV.length);
    for (let k = 0; k < gq.length; k++) gq[k] = (gV[k] ?? 0) * (1 - (spk[k] ?? 0));
    return { gq, spk };
  }

  weightGradStep(
    s: LayerShape,
    dW: Float64Array,
    x: Float64Array,
    xOffset: number,
    vPrev: Float64Array,
    gV: Float64Array,
  ): Float64Array {
    const { batch, inputs, size } = s;
    const { gq } = this.gq(vPrev, gV);
    const out = this.alloc(dW.length);
    out.set(dW);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < inputs; i++) {
        const xi = x[xOffset + b * inputs + i] ?? 0;
        if (xi === 0) continue;
        for (let j = 0; j < size; j++)
          out[i * size + j] = (out[i * size + j] ?? 0) + xi * (gq[b * size + j] ?? 0);
      }
    }
    return out;
  }

  recurrentGradStep(
    batch: number,
    size: number,
    dR: Float64Array,
    vPrev: Float64Array,
    gV: Float64Array,
  ): Float64Array {
    const { gq, spk } = this.gq(vPrev, gV);
    const out = this.alloc(dR.length);
    out.set(dR);
    for (let b = 0; b < batch; b++) {
      for (let k = 0; k < size; k++) {
        const sk = spk[b * size + k] ?? 0;
        if (sk === 0) continue;
        for (let j = 0; j < size; j++) {
          if (j !== k) out[k * size + j] = (out[k * size + j] ?? 0) + sk * (gq[b * size + j] ?? 0);
        }
      }
    }
    return out;
  }

  inputGradStep(
    s: LayerShape,
    w: Float64Array,
    vPrev: Float64Array,
    gV: Float64Array,
  ): Float64Array {
    const { batch, inputs, size } = s;
    const { gq } = this.gq(vPrev, gV);
    const out = this.alloc(batch * inputs);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < inputs; i++) {
        let sum = 0;
        for (let j = 0; j < size; j++) sum += (w[i * size + j] ?? 0) * (gq[b * size + j] ?? 0);
        out[b * inputs + i] = sum;
      }
    }
    return out;
  }

  traceStep(
    batch: number,
    inputs: number,
    trace: Float64Array,
    x: Float64Array,
    xOffset: number,
  ): Float64Array {
    const out = this.alloc(batch * inputs);
    for (let k = 0; k < out.length; k++)
      out[k] = this.neuron.decay * (trace[k] ?? 0) + (x[xOffset + k] ?? 0);
    return out;
  }

  eligibilityStep(
    s: LayerShape,
    e: Float64Array,
    trace: Float64Array,
    vPrev: Float64Array,
  ): Float64Array {
    const { batch, inputs, size } = s;
    const n = this.neuron;
    const out = this.alloc(e.length);
    out.set(e);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < size; j++) {
        const psi =
          surrogateOf(n, n.decay * (vPrev[b * size + j] ?? 0) + n.rest - n.threshold) * n.decay;
        for (let i = 0; i < inputs; i++) {
          const at = (b * inputs + i) * size + j;
          out[at] = (out[at] ?? 0) + psi * (trace[b * inputs + i] ?? 0);
        }
      }
    }
    return out;
  }

  eligibilityGrad(s: LayerShape, e: Float64Array, signal: Float64Array): Float64Array {
    const { batch, inputs, size } = s;
    const out = this.alloc(inputs * size);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < inputs; i++) {
        for (let j = 0; j < size; j++) {
          out[i * size + j] =
            (out[i * size + j] ?? 0) +
            (signal[b * size + j] ?? 0) * (e[(b * inputs + i) * size + j] ?? 0);
        }
      }
    }
    return out;
  }

  dispose(): void {}
}
