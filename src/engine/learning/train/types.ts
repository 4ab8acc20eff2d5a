/**
 * Offline training of spiking networks (issue 6): the contract shared by the trainers
 * (BPTT, truncated BPTT, e-prop), the data, the worker and the training panel.
 *
 * The model is the engine's own LIF with `delta` synapses of delay 0, no noise, no
 * refractoriness and no bias (CONTEXT.md steps 2, 5, 6), so weights written back into the
 * document run there as they were trained. Per layer neuron j at step t (t = 0..steps-1, V
 * starts at vRest, inputs of layer 0 are the sample's spikes, of layer l > 0 layer l-1's):
 *
 * ```
 * u_t = V_{t-1} - (V_{t-1} - vRest) * leak           (integrate: CONTEXT step 2, I = 0)
 * s_t = H(u_t - vThreshold)                          (spike)
 * V_t = s_t ? vReset : u_t + sum_i W[i,j] * in_t[i] + sum_k R[k,j] * s_t[k]
 * ```
 *
 * (the deliveries of step t come after the threshold and are lost by a neuron that spiked:
 * step 5 before step 6's reset). The trainers compute the exact gradient of the loss in which
 * every H is replaced by a smooth h with h' = the fast-sigmoid surrogate
 * `1 / (1 + slope * |x|)^2` (Neftci, Mostafa & Zenke 2019), through every layer, the
 * recurrence and the reset; training runs the hard H forward and that gradient backward. A
 * finite-difference test checks it on the smooth forward.
 *
 * The loss of a sample: softmax cross-entropy of `logitScale * (spike count of output neuron
 * k over the sample)`; the prediction is the output neuron with the most spikes (ties: the
 * lowest index).
 */

/** Neuron constants of every layer (a stochastic_lif's, noise_std 0, refractory 0). */
export interface TrainNeuron {
  vRest: number;
  vReset: number;
  vThreshold: number;
  /** dt / tau_mem */
  leak: number;
}

export interface TrainLayer {
  size: number;
  /**
   * in x size, row-major: `weights[i * size + j]` from input i to neuron j, which is the CSR
   * order of an `all_to_all` projection (sources ascending, then targets ascending).
   */
  weights: Float32Array;
  /**
   * size x size recurrent weights, row-major like `weights`; the diagonal is unused (kept 0):
   * the document's projection is `all_to_all` with `allow_self: false`.
   */
  recurrent?: Float32Array;
}

export interface TrainNetwork {
  inputSize: number;
  neuron: TrainNeuron;
  /** Hidden layers then the output layer (the last). */
  layers: TrainLayer[];
}

/** One sample: `spikes[t * inputSize + i]` is 1 when input i spikes at step t. */
export interface SpikeSample {
  spikes: Uint8Array;
  label: number;
}

export interface SpikeDataset {
  inputSize: number;
  steps: number;
  classes: number;
  train: SpikeSample[];
  test: SpikeSample[];
}

/** `genetic`: no gradient, a genetic algorithm over every weight (`genetic-train.ts`). */
export type TrainRule = 'bptt' | 'tbptt' | 'eprop' | 'genetic';

/** Learning-rate schedules with the seed's exact formulas (`../schedulers.ts`). */
export type SchedulerSpec =
  | { kind: 'constant' }
  | { kind: 'step'; step_size: number; gamma: number }
  | { kind: 'exponential'; gamma: number }
  | { kind: 'cosine'; lr_min: number; total_steps: number }
  | { kind: 'warmup_cosine'; lr_min: number; warmup_steps: number; total_steps: number };

/** Where the tensor arithmetic runs: plain typed arrays, or gpu.js kernels in that mode. */
export type TrainDevice = 'js' | 'gpu:cpu' | 'gpu:webasm' | 'gpu:webgl2' | 'gpu:webgpu';

export interface TrainOptions {
  rule: TrainRule;
  epochs: number;
  batchSize: number;
  /** Initial learning rate; the scheduler steps once per batch. */
  learningRate: number;
  scheduler: SchedulerSpec;
  optimizer: 'sgd' | 'adam';
  /** The surrogate's slope (fast sigmoid), per unit of (u - vThreshold). */
  surrogateSlope: number;
  logitScale: number;
  /** Chunk length k of truncated BPTT (steps); only with `rule: 'tbptt'`. */
  truncation?: number;
  /**
   * The genetic rule's settings (`rule: 'genetic'` only; each defaults to `genetic.ts`'s, which
   * are the seed's). With that rule an epoch is a generation, `batchSize` only chunks the
   * forward passes, and learningRate, scheduler, optimizer and surrogateSlope are unused.
   */
  populationSize?: number;
  mutationRate?: number;
  /** Mutation standard deviation as a fraction of a weight's range (2 x weightBound). */
  mutationScale?: number;
  eliteFraction?: number;
  /** Every weight evolves within [-weightBound, weightBound] (default 2, `genetic-train.ts`). */
  weightBound?: number;
  /** Shuffling of the training set per epoch; the genetic rule's draws. */
  seed: number;
  device: TrainDevice;
}

/** Reported after every batch. */
export interface TrainProgress {
  epoch: number;
  batch: number;
  batches: number;
  /** Mean loss of this batch. */
  loss: number;
  learningRate: number;
}

/** Reported after every epoch (and logged to callbacks with `step = epoch`). */
export interface EpochMetrics {
  epoch: number;
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  learningRate: number;
  samplesPerSecond: number;
}

/**
 * sc-neurocore's `TrainingCallback`: `log` receives each epoch's metrics, `close` flushes
 * (CSV, JSON, the live chart: `../callbacks.ts`).
 */
export interface TrainingCallback {
  log(metrics: Readonly<Record<string, number>>, step: number): void;
  close(): void;
}

export interface TrainHooks {
  onProgress?: (p: TrainProgress) => void;
  /**
   * After every epoch, with the network as it now stands: the trainer's own working copy, which
   * the next epoch changes in place, so copy what you keep.
   */
  onEpoch?: (m: EpochMetrics, network: Readonly<TrainNetwork>) => void;
  callbacks?: TrainingCallback[];
  /** Aborting stops after the current batch; `train` then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

export interface TrainResult {
  /** The trained network (new arrays; the input network is not modified). */
  network: TrainNetwork;
  history: EpochMetrics[];
}

/** The built-in synthetic dataset (`dataset.ts`): one random spike pattern per class, jittered. */
export interface SyntheticDatasetOptions {
  classes: number;
  inputSize: number;
  steps: number;
  /** Training samples per class. */
  trainPerClass: number;
  /** Test samples per class. */
  testPerClass: number;
  /** Rate of a pattern's inputs, Hz. */
  rate: number;
  /** Run dt, ms (converts rates to per-step probabilities). */
  dt: number;
  /** Each pattern spike moves by a uniform whole number of steps in [-jitter, jitter]. */
  jitter: number;
  /** Extra random spikes per input, Hz. */
  noiseRate: number;
  seed: number;
}

/**
 * A loss over flat parameters, for the rules that treat the network as a black box (MAML, EWC,
 * the genetic algorithm): `snnObjective` (`objective.ts`) adapts a `TrainNetwork`.
 */
export interface Differentiable<Batch> {
  /** Number of parameters. */
  readonly size: number;
  /** Loss and its gradient at `params` on `batch` (a new gradient array). */
  lossAndGradient(params: Float32Array, batch: Batch): { loss: number; gradient: Float32Array };
}
