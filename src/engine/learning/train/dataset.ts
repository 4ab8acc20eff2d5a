/**
 * The built-in synthetic classification data: one random spike pattern per class (each input
 * spikes at each step with probability `rate * dt / 1000`), and samples that are their class'
 * pattern with every spike moved by a uniform whole number of steps in `[-jitter, jitter]`
 * (dropped if it leaves the sample) plus Poisson noise at `noiseRate`. Every draw is the
 * engine's counter-based hash (`../../random.ts`) keyed by the seed, the class or sample and
 * the step, so a dataset is a pure function of its options.
 */
import { draw24, draw32, stepKey, streamKey } from '../../random.ts';
import type { SpikeDataset, SpikeSample, SyntheticDatasetOptions } from './types.ts';

/** Streams of the dataset's draws (owner: class for patterns, sample index for the rest). */
const DATA_STREAM = { pattern: 1, jitter: 2, noise: 3 } as const;

/** Problems of the options, each naming its field; empty when usable. */
export function datasetProblems(o: SyntheticDatasetOptions): string[] {
  const out: string[] = [];
  const whole = (name: keyof SyntheticDatasetOptions, min: number) => {
    const v = o[name];
    if (!Number.isInteger(v) || v < min)
      out.push(`${name} must be a whole number >= ${min}, got ${v}`);
  };
  const nonNegative = (name: keyof SyntheticDatasetOptions) => {
    const v = o[name];
    if (!Number.isFinite(v) || v < 0) out.push(`${name} must be a finite number >= 0, got ${v}`);
  };
  whole('classes', 2);
  whole('inputSize', 1);
  whole('steps', 1);
  whole('trainPerClass', 1);
  whole('testPerClass', 1);
  whole('jitter', 0);
  nonNegative('rate');
  nonNegative('noiseRate');
  if (!Number.isFinite(o.dt) || o.dt <= 0) out.push(`dt must be a finite number > 0, got ${o.dt}`);
  if (!Number.isInteger(o.seed)) out.push(`seed must be a whole number, got ${o.seed}`);
  if (out.length === 0) {
    if ((o.rate * o.dt) / 1000 > 1)
      out.push(`rate * dt / 1000 must be <= 1 (one spike per step), got ${(o.rate * o.dt) / 1000}`);
    if ((o.noiseRate * o.dt) / 1000 > 1) {
      out.push(
        `noiseRate * dt / 1000 must be <= 1 (one spike per step), got ${(o.noiseRate * o.dt) / 1000}`,
      );
    }
  }
  return out;
}

/**
 * The dataset the options describe (train and test samples interleaved by class: sample n has
 * label `n % classes`). Throws `RangeError` naming every bad field.
 *
 * @example
 * const data = syntheticDataset({ classes: 4, inputSize: 20, steps: 30, trainPerClass: 20,
 *   testPerClass: 10, rate: 40, dt: 1, jitter: 1, noiseRate: 2, seed: 1 });
 */
export function syntheticDataset(o: SyntheticDatasetOptions): SpikeDataset {
  const problems = datasetProblems(o);
  if (problems.length > 0) throw new RangeError(`synthetic dataset: ${problems.join('; ')}`);
  const patterns: Uint8Array[] = [];
  const p = probabilityBits((o.rate * o.dt) / 1000);
  for (let c = 0; c < o.classes; c++) {
    const key = streamKey(o.seed, c, DATA_STREAM.pattern);
    const pattern = new Uint8Array(o.steps * o.inputSize);
    for (let t = 0; t < o.steps; t++) {
      const k = stepKey(key, t);
      for (let i = 0; i < o.inputSize; i++) if (draw24(k, i) < p) pattern[t * o.inputSize + i] = 1;
    }
    patterns.push(pattern);
  }
  const trainCount = o.classes * o.trainPerClass;
  const sample = (n: number) => makeSample(o, patterns, n, n % o.classes);
  const train: SpikeSample[] = [];
  for (let n = 0; n < trainCount; n++) train.push(sample(n));
  const test: SpikeSample[] = [];
  for (let n = 0; n < o.classes * o.testPerClass; n++) test.push(sample(trainCount + n));
  return { inputSize: o.inputSize, steps: o.steps, classes: o.classes, train, test };
}

/** A probability as the 24-bit threshold a draw is compared with. */
function probabilityBits(p: number): number {
  return Math.min(2 ** 24, Math.round(p * 2 ** 24));
}

function makeSample(
  o: SyntheticDatasetOptions,
  patterns: readonly Uint8Array[],
  n: number,
  label: number,
): SpikeSample {
  const pattern = patterns[label] ?? new Uint8Array(0);
  const spikes = new Uint8Array(o.steps * o.inputSize);
  const jitterKey = streamKey(o.seed, n, DATA_STREAM.jitter);
  const noiseKey = streamKey(o.seed, n, DATA_STREAM.noise);
  const noise = probabilityBits((o.noiseRate * o.dt) / 1000);
  const span = 2 * o.jitter + 1;
  for (let t = 0; t < o.steps; t++) {
    const jk = stepKey(jitterKey, t);
    const nk = stepKey(noiseKey, t);
    for (let i = 0; i < o.inputSize; i++) {
      if (pattern[t * o.inputSize + i]) {
        // The modulo's bias is below 2^-28 for any sane jitter.
        const moved = t + (draw32(jk, i) % span) - o.jitter;
        if (moved >= 0 && moved < o.steps) spikes[moved * o.inputSize + i] = 1;
      }
      if (noise > 0 && draw24(nk, i) < noise) spikes[t * o.inputSize + i] = 1;
    }
  }
  return { spikes, label };
}
