/**
 * The training panel's options: what the user picks (rule, data, schedule, optimizer, device),
 * their checks by field, and their translation into the trainers' `TrainOptions` and the
 * synthetic dataset's options. Every schedule's parameters are kept whichever kind is chosen,
 * so switching kinds back and forth loses nothing the user typed.
 */
import { schedulerProblems } from '../../engine/learning/schedulers.ts';
import { GENETIC_DEFAULTS } from '../../engine/learning/train/genetic-settings.ts';
import type {
  SchedulerSpec,
  SyntheticDatasetOptions,
  TrainDevice,
  TrainOptions,
  TrainRule,
} from '../../engine/learning/train/types.ts';

export type ScheduleKind = SchedulerSpec['kind'];

export interface TrainingOptions {
  rule: TrainRule;
  /** k of truncated BPTT, steps. */
  truncation: number;
  /** Synthetic patterns: one per class. */
  classes: number;
  trainPerClass: number;
  testPerClass: number;
  /** Steps per sample. */
  steps: number;
  /** Rate of a pattern's inputs, Hz. */
  rate: number;
  /** Jitter of each pattern spike, whole steps. */
  jitter: number;
  /** Extra random spikes per input, Hz. */
  noiseRate: number;
  dataSeed: number;
  schedule: ScheduleKind;
  step_size: number;
  gamma: number;
  lr_min: number;
  warmup_steps: number;
  total_steps: number;
  optimizer: TrainOptions['optimizer'];
  learningRate: number;
  epochs: number;
  batchSize: number;
  surrogateSlope: number;
  logitScale: number;
  /** The genetic algorithm's (rule `genetic`; an epoch is then a generation). */
  populationSize: number;
  mutationRate: number;
  /** Mutation standard deviation as a fraction of a weight's range. */
  mutationScale: number;
  eliteFraction: number;
  /** Weights evolve within +-this. */
  weightBound: number;
  /** Shuffling seed (the genetic algorithm's draws under that rule). */
  seed: number;
  device: TrainDevice;
}

export const TRAIN_RULES: readonly { value: TrainRule; label: string }[] = [
  { value: 'bptt', label: 'BPTT (surrogate gradient)' },
  { value: 'tbptt', label: 'Truncated BPTT' },
  { value: 'eprop', label: 'e-prop' },
  { value: 'genetic', label: 'Genetic algorithm' },
];

export const SCHEDULE_KINDS: readonly { value: ScheduleKind; label: string }[] = [
  { value: 'constant', label: 'constant' },
  { value: 'step', label: 'step' },
  { value: 'exponential', label: 'exponential' },
  { value: 'cosine', label: 'cosine' },
  { value: 'warmup_cosine', label: 'warmup + cosine' },
];

export const TRAIN_DEVICES: readonly { value: TrainDevice; label: string }[] = [
  { value: 'js', label: 'JS (typed arrays)' },
  { value: 'gpu:webgpu', label: 'gpu.js: webgpu' },
  { value: 'gpu:webgl2', label: 'gpu.js: webgl2' },
  { value: 'gpu:webasm', label: 'gpu.js: webasm' },
  { value: 'gpu:cpu', label: 'gpu.js: cpu' },
];

export const OPTIMIZERS: readonly TrainOptions['optimizer'][] = ['adam', 'sgd'];

/** Defaults that learn the gallery's classifier example in a few epochs. */
export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  rule: 'bptt',
  truncation: 10,
  classes: 4,
  trainPerClass: 24,
  testPerClass: 8,
  steps: 40,
  rate: 50,
  jitter: 1,
  noiseRate: 2,
  dataSeed: 1,
  schedule: 'constant',
  step_size: 20,
  gamma: 0.5,
  lr_min: 0.001,
  warmup_steps: 5,
  total_steps: 100,
  optimizer: 'adam',
  learningRate: 0.01,
  epochs: 20,
  batchSize: 8,
  surrogateSlope: 5,
  logitScale: 0.5,
  ...GENETIC_DEFAULTS,
  seed: 1,
  device: 'js',
};

/** The schedule the options describe. */
export function scheduleSpec(o: TrainingOptions): SchedulerSpec {
  switch (o.schedule) {
    case 'constant':
      return { kind: 'constant' };
    case 'step':
      return { kind: 'step', step_size: o.step_size, gamma: o.gamma };
    case 'exponential':
      return { kind: 'exponential', gamma: o.gamma };
    case 'cosine':
      return { kind: 'cosine', lr_min: o.lr_min, total_steps: o.total_steps };
    case 'warmup_cosine':
      return {
        kind: 'warmup_cosine',
        lr_min: o.lr_min,
        warmup_steps: o.warmup_steps,
        total_steps: o.total_steps,
      };
  }
}

/** The trainers' options (the genetic settings only for that rule, k only for truncated BPTT). */
export function trainOptions(o: TrainingOptions): TrainOptions {
  const genetic = {
    populationSize: o.populationSize,
    mutationRate: o.mutationRate,
    mutationScale: o.mutationScale,
    eliteFraction: o.eliteFraction,
    weightBound: o.weightBound,
  };
  return {
    rule: o.rule,
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    scheduler: scheduleSpec(o),
    optimizer: o.optimizer,
    surrogateSlope: o.surrogateSlope,
    logitScale: o.logitScale,
    ...(o.rule === 'tbptt' ? { truncation: o.truncation } : {}),
    ...(o.rule === 'genetic' ? genetic : {}),
    seed: o.seed,
    device: o.device,
  };
}

/** The synthetic dataset's options for a network of `inputSize` inputs run at `dt` ms. */
export function datasetOptions(
  o: TrainingOptions,
  inputSize: number,
  dt: number,
): SyntheticDatasetOptions {
  return {
    classes: o.classes,
    inputSize,
    steps: o.steps,
    trainPerClass: o.trainPerClass,
    testPerClass: o.testPerClass,
    rate: o.rate,
    dt,
    jitter: o.jitter,
    noiseRate: o.noiseRate,
    seed: o.dataSeed,
  };
}

/** Scheduler steps of a whole training: one per batch. */
export function totalBatches(o: TrainingOptions): number {
  return o.epochs * Math.ceil((o.classes * o.trainPerClass) / Math.max(1, o.batchSize));
}

/**
 * What is wrong with the options for a network whose output layer has `outputSize` neurons
 * run at `dt` ms, each problem naming its field; empty when training can start.
 *
 * @example trainingOptionProblems({ ...DEFAULT_TRAINING_OPTIONS, classes: 9 }, 4, 1)
 *   // ['classes: 9 classes need 9 output neurons; the output layer has 4']
 */
export function trainingOptionProblems(
  o: TrainingOptions,
  outputSize: number,
  dt: number,
): string[] {
  const out: string[] = [];
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) out.push(`${name}: a whole number >= ${min}, got ${v}`);
  };
  const positive = (name: string, v: number) => {
    if (!Number.isFinite(v) || v <= 0) out.push(`${name}: a number > 0, got ${v}`);
  };
  whole('classes', o.classes, 2);
  if (Number.isInteger(o.classes) && o.classes > outputSize) {
    out.push(
      `classes: ${o.classes} classes need ${o.classes} output neurons; the output layer has ${outputSize}`,
    );
  }
  whole('train samples per class', o.trainPerClass, 1);
  whole('test samples per class', o.testPerClass, 1);
  whole('steps', o.steps, 1);
  positive('rate', o.rate);
  if (o.rate * dt > 1000)
    out.push(`rate: ${o.rate} Hz is more than one spike per step of ${dt} ms`);
  whole('jitter', o.jitter, 0);
  if (!Number.isFinite(o.noiseRate) || o.noiseRate < 0) {
    out.push(`noise rate: a number >= 0, got ${o.noiseRate}`);
  } else if (o.noiseRate * dt > 1000) {
    out.push(`noise rate: ${o.noiseRate} Hz is more than one spike per step of ${dt} ms`);
  }
  whole('data seed', o.dataSeed, 0);
  if (o.rule === 'tbptt') {
    whole('truncation k', o.truncation, 1);
  }
  const genetic = o.rule === 'genetic';
  whole(genetic ? 'generations' : 'epochs', o.epochs, 1);
  whole('batch size', o.batchSize, 1);
  positive('logit scale', o.logitScale);
  whole(genetic ? 'seed' : 'shuffle seed', o.seed, 0);
  if (genetic) {
    // What the genetic algorithm does not use is hidden and not checked.
    out.push(...geneticProblems(o));
    return out;
  }
  positive('learning rate', o.learningRate);
  positive('surrogate slope', o.surrogateSlope);
  out.push(...schedulerProblems(scheduleSpec(o)).map((p) => `schedule: ${p}`));
  return out;
}

function geneticProblems(o: TrainingOptions): string[] {
  const out: string[] = [];
  if (!Number.isInteger(o.populationSize) || o.populationSize < 2)
    out.push(`population: a whole number >= 2, got ${o.populationSize}`);
  if (!(o.mutationRate >= 0 && o.mutationRate <= 1))
    out.push(`mutation rate: a probability in [0, 1], got ${o.mutationRate}`);
  if (!(o.mutationScale >= 0 && Number.isFinite(o.mutationScale)))
    out.push(`mutation scale: a number >= 0, got ${o.mutationScale}`);
  if (!(o.eliteFraction >= 0 && o.eliteFraction < 1))
    out.push(`elite fraction: a number in [0, 1), got ${o.eliteFraction}`);
  if (!(o.weightBound > 0 && Number.isFinite(o.weightBound)))
    out.push(`weight bound: a number > 0, got ${o.weightBound}`);
  return out;
}
