// Step 3 of CONTEXT.md: Poisson sources and spike generators, and the spike history that
// delayed projections read.
import {
  P_COUNT,
  P_GIDX,
  P_GPERIOD,
  P_GPTR,
  P_GSTEPS,
  P_HIST,
  P_HSLOTS,
  P_HWORDS,
  P_KEY,
  P_LIST,
  P_SIZE,
  P_THR24,
} from './layout';
import { draw24x4, stepKey } from './random';

/** Poisson: neuron j spikes when `draw24(stepKey(key, t), j) < threshold24`. */
export function poissonStep(pd: usize, t: i32): void {
  const size = load<i32>(pd + P_SIZE);
  const list = load<usize>(pd + P_LIST);
  const key = stepKey(load<u32>(pd + P_KEY), t);
  const thr = i32x4.splat(load<i32>(pd + P_THR24));
  let count = 0;
  for (let j = 0; j < size; j += 4) {
    let bits = i32x4.bitmask(i32x4.lt_s(draw24x4(key, j), thr));
    while (bits != 0) {
      const n = j + ctz(bits);
      // Lanes past the end of the population draw too; they are not neurons.
      if (n < size) {
        store<i32>(list + ((<usize>count) << 2), n);
        count++;
      }
      bits &= bits - 1;
    }
  }
  store<i32>(pd + P_COUNT, count);
}

/** Spike generator: the neurons scheduled for step t (t mod period when periodic). */
export function generatorStep(pd: usize, t: i32): void {
  const period = load<i32>(pd + P_GPERIOD);
  const steps = load<i32>(pd + P_GSTEPS);
  let s = t;
  if (period > 0) s = t % period;
  if (s >= steps) {
    store<i32>(pd + P_COUNT, 0);
    return;
  }
  const ptr = load<usize>(pd + P_GPTR) + ((<usize>s) << 2);
  const a = load<u32>(ptr);
  const b = load<u32>(ptr, 4);
  memory.copy(load<usize>(pd + P_LIST), load<usize>(pd + P_GIDX) + ((<usize>a) << 2), (b - a) << 2);
  store<i32>(pd + P_COUNT, <i32>(b - a));
}

/** Writes the spikes of step t into the history ring (one bit per neuron per remembered step). */
export function recordHistory(pd: usize, t: i32): void {
  const hist = load<usize>(pd + P_HIST);
  if (hist == 0) return;
  const words = load<i32>(pd + P_HWORDS);
  const base = hist + <usize>((t % load<i32>(pd + P_HSLOTS)) * words) * 4;
  memory.fill(base, 0, (<usize>words) << 2);
  const list = load<usize>(pd + P_LIST);
  const count = load<i32>(pd + P_COUNT);
  for (let k = 0; k < count; k++) {
    const n = load<u32>(list + ((<usize>k) << 2));
    const w = base + (((<usize>n) >> 5) << 2);
    store<u32>(w, load<u32>(w) | (1 << (n & 31)));
  }
}
