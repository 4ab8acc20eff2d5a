/**
 * e-prop (Bellec et al. 2020, "A solution to the learning dilemma for recurrent networks of
 * spiking neurons") for the contract's LIF: one forward pass, nothing stored over time.
 *
 * Per synapse i -> j the eligibility trace at step t is `psi_t[j] * dV_{t-1}/dW[i,j]`
 * approximated by the low-pass filtered presynaptic spikes: `eps_t[i] = decay * eps_{t-1}[i] +
 * x_t[i]` (inputs reach V in the step they arrive), `e_t[i,j] = psi_t[j] * decay *
 * eps_{t-1}[i]`, with psi the surrogate at u_t (the pseudo-derivative). As in the paper the
 * trace ignores the reset, so it is per presynaptic neuron, not per synapse. Recurrent synapses
 * are the same with the layer's own spikes as presynaptic.
 *
 * The learning signal: the loss is on whole-sample counts, so dL/ds_t of an output neuron is
 * the same at every step and known at the sample's end (`logitScale * (softmax - onehot)`);
 * the eligibilities are summed per sample as the steps run (batch x synapses, independent of
 * the number of steps) and multiplied by the signal at the end: the paper's case of an error
 * given only at the end of a sequence. Output neurons get their own error; a hidden layer's
 * neurons get it through fixed random feedback weights (random e-prop, the paper's
 * broadcast alignment), drawn from the run's seed and independent of the forward weights, so
 * any number of hidden layers learn without weight transport.
 */
import type { Batch, DeviceParams } from './batch.ts';
import { layerShape, type NetShape } from './forward.ts';
import { restStates, type BatchGradient } from './gradient.ts';
import { countLoss } from './loss.ts';
import { use, type Floats, type Maybe, type Steps, type TrainOps } from './ops.ts';
import { draw32, stepKey, streamKey } from '../../random.ts';

/** Random stream of the feedback weights (per hidden layer, keyed by the run's seed). */
const FEEDBACK_STREAM = 31;

/**
 * The fixed feedback weights of hidden layer `layer` (size x classes, `[j * classes + k]`),
 * uniform in `[-1, 1] / sqrt(classes)`.
 */
export function feedbackWeights(
  seed: number,
  layer: number,
  size: number,
  classes: number,
): Float64Array {
  const key = streamKey(seed, layer, FEEDBACK_STREAM);
  const out = new Float64Array(size * classes);
  const scale = 1 / Math.sqrt(classes);
  for (let j = 0; j < size; j++) {
    const row = stepKey(key, j);
    for (let k = 0; k < classes; k++) {
      out[j * classes + k] = ((draw32(row, k) / 2 ** 32) * 2 - 1) * scale;
    }
  }
  return out;
}

/** One layer's running e-prop state over a batch. */
interface LayerTraces<B> {
  trace: B;
  elig: B;
  recTrace: B | null;
  recElig: B | null;
}

/** Loss, predictions and e-prop's weight update direction for one batch. */
export function* epropGradient<B>(
  ops: TrainOps<B>,
  net: NetShape,
  params: DeviceParams<B>,
  batch: Batch,
  vRest: number,
  logitScale: number,
  seed: number,
): Steps<BatchGradient> {
  const layers = net.sizes.length;
  const n = batch.size;
  const x = yield* use(ops.upload(batch.x));
  const v = yield* restStates(ops, net, n, vRest);
  const traces: LayerTraces<B>[] = [];
  for (let l = 0; l < layers; l++) {
    const { inputs, size } = layerShape(net, l, n);
    const rec = params.r[l] !== null && params.r[l] !== undefined;
    traces.push({
      trace: yield* use(ops.filled(n * inputs, 0)),
      elig: yield* use(ops.filled(n * inputs * size, 0)),
      recTrace: rec ? yield* use(ops.filled(n * size, 0)) : null,
      recElig: rec ? yield* use(ops.filled(n * size * size, 0)) : null,
    });
  }
  const classes = net.sizes[layers - 1] ?? 0;
  let counts = yield* use(ops.filled(n * classes, 0));
  for (let t = 0; t < batch.steps; t++) {
    let below: B | null = null;
    for (let l = 0; l < layers; l++) {
      const shape = layerShape(net, l, n);
      const tr = traces[l] as LayerTraces<B>;
      const vPrev = v[l] as B;
      const input = l === 0 ? x : (below as B);
      const offset = l === 0 ? t * n * net.inputSize : 0;
      const r = params.r[l] ?? null;
      const spikes = yield* use(ops.spikes(n, shape.size, vPrev));
      tr.elig = yield* replace(ops, tr.elig, ops.eligibilityStep(shape, tr.elig, tr.trace, vPrev));
      tr.trace = yield* replace(
        ops,
        tr.trace,
        ops.traceStep(n, shape.inputs, tr.trace, input, offset),
      );
      if (tr.recTrace && tr.recElig) {
        const recShape = { batch: n, inputs: shape.size, size: shape.size };
        tr.recElig = yield* replace(
          ops,
          tr.recElig,
          ops.eligibilityStep(recShape, tr.recElig, tr.recTrace, vPrev),
        );
        tr.recTrace = yield* replace(
          ops,
          tr.recTrace,
          ops.traceStep(n, shape.size, tr.recTrace, spikes, 0),
        );
      }
      const next = yield* use(ops.forwardStep(shape, vPrev, input, offset, params.w[l] as B, r));
      if (l === layers - 1)
        counts = yield* replace(ops, counts, ops.countStep(n, shape.size, counts, vPrev));
      ops.release(vPrev);
      v[l] = next;
      if (l > 0) ops.release(below);
      below = spikes;
    }
    ops.release(below);
  }
  const out = countLoss(yield* use(ops.read(counts)), batch.labels, classes, logitScale);
  ops.release(counts);
  v.forEach((b) => ops.release(b));
  ops.release(x);
  const weights: Floats[] = [];
  const recurrent: (Floats | null)[] = [];
  for (let l = 0; l < layers; l++) {
    const shape = layerShape(net, l, n);
    const tr = traces[l] as LayerTraces<B>;
    const host =
      l === layers - 1
        ? out.gradient
        : broadcast(
            out.gradient,
            feedbackWeights(seed, l, shape.size, classes),
            n,
            shape.size,
            classes,
          );
    const signal = yield* use(ops.upload(host));
    weights.push(yield* readOnce(ops, ops.eligibilityGrad(shape, tr.elig, signal)));
    if (tr.recElig) {
      const recShape = { batch: n, inputs: shape.size, size: shape.size };
      const g = yield* readOnce(ops, ops.eligibilityGrad(recShape, tr.recElig, signal));
      for (let j = 0; j < shape.size; j++) g[j * shape.size + j] = 0;
      recurrent.push(g);
    } else recurrent.push(null);
    [signal, tr.trace, tr.elig, tr.recTrace, tr.recElig].forEach((b) => ops.release(b));
  }
  return { loss: out.loss, predictions: out.predictions, gradient: { weights, recurrent } };
}

/** A hidden layer's learning signal: `L[b,j] = sum_k B[j,k] * err[b,k]`. */
function broadcast(
  err: Float64Array,
  fb: Float64Array,
  batch: number,
  size: number,
  classes: number,
): Float64Array {
  const out = new Float64Array(batch * size);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < size; j++) {
      let sum = 0;
      for (let k = 0; k < classes; k++)
        sum += (fb[j * classes + k] ?? 0) * (err[b * classes + k] ?? 0);
      out[b * size + j] = sum;
    }
  }
  return out;
}

function* replace<B>(ops: TrainOps<B>, old: B, next: Maybe<B>): Steps<B> {
  const value = yield* use(next);
  ops.release(old);
  return value;
}

function* readOnce<B>(ops: TrainOps<B>, value: Maybe<B>): Steps<Floats> {
  const b = yield* use(value);
  const host = yield* use(ops.read(b));
  ops.release(b);
  return host;
}
