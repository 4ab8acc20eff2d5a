/**
 * Checks of what `train` is given: the options, the network's shapes and values, and the
 * dataset against the network. Each problem names its field.
 */
import { schedulerProblems } from '../schedulers.ts';
import { geneticSettings } from './genetic-settings.ts';
import type { SpikeDataset, TrainNetwork, TrainOptions } from './types.ts';

const RULES = ['bptt', 'tbptt', 'eprop', 'genetic'];
const DEVICES = ['js', 'gpu:cpu', 'gpu:webasm', 'gpu:webgl2', 'gpu:webgpu'];

/**
 * Problems of the options; `truncation` is checked only for `rule: 'tbptt'`, the genetic
 * settings only for `rule: 'genetic'`, which in turn ignores learningRate, scheduler,
 * optimizer and surrogateSlope (the other rules ignore what they do not use).
 */
export function optionProblems(o: TrainOptions): string[] {
  const out: string[] = [];
  const whole = (name: string, v: number | undefined) => {
    if (v === undefined || !Number.isInteger(v) || v < 1)
      out.push(`${name} must be a whole number >= 1, got ${v}`);
  };
  const positive = (name: string, v: number) => {
    if (!Number.isFinite(v) || v <= 0) out.push(`${name} must be a finite number > 0, got ${v}`);
  };
  if (!RULES.includes(o.rule))
    out.push(`rule must be one of ${RULES.join(', ')}, got ${String(o.rule)}`);
  whole('epochs', o.epochs);
  whole('batchSize', o.batchSize);
  positive('logitScale', o.logitScale);
  if (o.rule === 'tbptt') whole('truncation', o.truncation);
  if (!Number.isInteger(o.seed)) out.push(`seed must be a whole number, got ${o.seed}`);
  if (!DEVICES.includes(o.device))
    out.push(`device must be one of ${DEVICES.join(', ')}, got ${String(o.device)}`);
  if (o.rule === 'genetic') {
    out.push(...geneticProblems(o));
    return out;
  }
  positive('learningRate', o.learningRate);
  positive('surrogateSlope', o.surrogateSlope);
  if (o.optimizer !== 'sgd' && o.optimizer !== 'adam') {
    out.push(`optimizer must be sgd or adam, got ${String(o.optimizer)}`);
  }
  out.push(...schedulerProblems(o.scheduler).map((p) => `scheduler (${o.scheduler.kind}): ${p}`));
  return out;
}

/** Problems of the genetic rule's settings (each may be left out: `GENETIC_DEFAULTS`). */
function geneticProblems(o: TrainOptions): string[] {
  const out: string[] = [];
  const g = geneticSettings(o);
  if (!Number.isInteger(g.populationSize) || g.populationSize < 2)
    out.push(`populationSize must be a whole number >= 2, got ${g.populationSize}`);
  if (!(g.mutationRate >= 0 && g.mutationRate <= 1))
    out.push(`mutationRate must be in [0, 1], got ${g.mutationRate}`);
  if (!(g.mutationScale >= 0 && Number.isFinite(g.mutationScale)))
    out.push(`mutationScale must be a finite number >= 0, got ${g.mutationScale}`);
  if (!(g.eliteFraction >= 0 && g.eliteFraction < 1))
    out.push(`eliteFraction must be in [0, 1), got ${g.eliteFraction}`);
  if (!(g.weightBound > 0 && Number.isFinite(g.weightBound)))
    out.push(`weightBound must be a finite number > 0, got ${g.weightBound}`);
  return out;
}

/** Problems of the network: sizes, weight array lengths, finite values, a zero diagonal. */
export function networkProblems(n: TrainNetwork): string[] {
  const out: string[] = [];
  if (!Number.isInteger(n.inputSize) || n.inputSize < 1)
    out.push(`inputSize must be a whole number >= 1, got ${n.inputSize}`);
  const { vRest, vReset, vThreshold, leak } = n.neuron;
  for (const [name, v] of Object.entries({ vRest, vReset, vThreshold })) {
    if (!Number.isFinite(v)) out.push(`neuron.${name} must be finite, got ${v}`);
  }
  if (!Number.isFinite(leak) || leak < 0 || leak > 1)
    out.push(`neuron.leak (dt / tau_mem) must be in [0, 1], got ${leak}`);
  if (n.layers.length === 0) out.push('the network needs at least one layer (the output)');
  let inputs = n.inputSize;
  n.layers.forEach((layer, l) => {
    const at = `layers[${l}]`;
    if (!Number.isInteger(layer.size) || layer.size < 1) {
      out.push(`${at}.size must be a whole number >= 1, got ${layer.size}`);
      return;
    }
    if (layer.weights.length !== inputs * layer.size) {
      out.push(
        `${at}.weights has ${layer.weights.length} values, expected ${inputs} x ${layer.size} = ${inputs * layer.size}`,
      );
    } else if (!layer.weights.every(Number.isFinite))
      out.push(`${at}.weights holds a non-finite value`);
    const r = layer.recurrent;
    if (r) {
      if (r.length !== layer.size * layer.size) {
        out.push(`${at}.recurrent has ${r.length} values, expected ${layer.size} x ${layer.size}`);
      } else if (!r.every(Number.isFinite)) out.push(`${at}.recurrent holds a non-finite value`);
      else {
        for (let j = 0; j < layer.size; j++) {
          if (r[j * layer.size + j] !== 0) {
            out.push(
              `${at}.recurrent[${j * layer.size + j}] (neuron ${j} to itself) must be 0: the projection has no self-connections`,
            );
            break;
          }
        }
      }
    }
    inputs = layer.size;
  });
  return out;
}

/** Problems of the dataset for this network (sizes, labels, sample lengths). */
export function datasetProblems(n: TrainNetwork, d: SpikeDataset): string[] {
  const out: string[] = [];
  const outSize = n.layers[n.layers.length - 1]?.size ?? 0;
  if (d.inputSize !== n.inputSize)
    out.push(`the dataset has ${d.inputSize} inputs, the network ${n.inputSize}`);
  if (d.classes !== outSize)
    out.push(`the dataset has ${d.classes} classes, the output layer ${outSize} neurons`);
  if (!Number.isInteger(d.steps) || d.steps < 1)
    out.push(`dataset steps must be a whole number >= 1, got ${d.steps}`);
  if (d.train.length === 0) out.push('the dataset has no training samples');
  const check = (part: 'train' | 'test') =>
    d[part].some((s, k) => {
      if (s.spikes.length !== d.steps * d.inputSize) {
        out.push(
          `dataset ${part}[${k}] has ${s.spikes.length} spike flags, expected ${d.steps} x ${d.inputSize}`,
        );
        return true;
      }
      if (!Number.isInteger(s.label) || s.label < 0 || s.label >= d.classes) {
        out.push(`dataset ${part}[${k}] has label ${s.label}, outside 0..${d.classes - 1}`);
        return true;
      }
      return false;
    });
  check('train');
  check('test');
  return out;
}
