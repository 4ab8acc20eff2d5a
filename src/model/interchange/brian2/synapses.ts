/**
 * Classic projections as Brian2 Synapses, connected with the compile's exact synapses
 * (`connect(i=..., j=...)` in CSR order, so synapse k is Spikelab's synapse k) and the
 * compile's weights and delays. The weight is `w_syn`: a bare `w` in a Synapses statement
 * would be AdEx's adaptation current `w` of the target (Brian2 resolves target variables
 * without their `_post` suffix). A spike of step t reaches its target at step t + delay in the
 * `synapses` slot, after the threshold and before the reset: Spikelab's step 5.
 * `delta` adds the weight to v; `exponential` to the target's current `I_tau<tau>`.
 *
 * STDP (`src/engine/CONTEXT.md` step 5e) is Brian2's own pair rule: the pre pathway (order -1)
 * delivers the weight as it was, adds `a_plus` to `apre` and depresses by `apost`; the post
 * pathway (order 1) adds `a_minus` to `apost` and potentiates by `apre`; traces decay by
 * exp(-dt/tau). Spikelab clips once after both; Brian2 clips after each, which differs only
 * when a pre and a post event of the same step straddle a bound.
 */
import type { NetworkDocument, Projection, StdpRule } from '../../document.ts';
import type { CompiledProjection } from './compiled.ts';
import type { GroupCode } from './neurons.ts';
import { NIR_INPUT_VARIABLE } from './nir-neurons.ts';
import { float32Expr, naturalsExpr, pairsExpr } from './pack.ts';
import { pyNumber, pyString } from './python.ts';
import { channelName, isClassicNeuron, MODEL_UNITS } from './units.ts';

/** Names of the Python objects of the populations, by population id. */
export type NameOf = (populationId: string) => string;

/**
 * The Synapses of one classic projection, or a comment when it has no synapse or its target
 * is a source population (whose input the engine drops).
 */
export function synapsesCode(
  doc: NetworkDocument,
  pr: Projection,
  compiled: CompiledProjection,
  name: string,
  nameOf: NameOf,
  tracesProbed: boolean,
): GroupCode {
  const target = doc.populations.find((p) => p.id === pr.target);
  const { csr } = compiled;
  const count = csr.targets.length;
  const head = `# Projection '${pr.id}': ${pr.source} -> ${pr.target}, ${count} synapses`;
  const nir = target?.model === 'nir_neuron';
  if (target === undefined || (!isClassicNeuron(target.model) && !nir)) {
    return {
      code: `${head}: its target is a spike source, whose input Spikelab drops.`,
      objects: [],
    };
  }
  if (count === 0) return { code: `${head}: none drawn, nothing to build.`, objects: [] };
  // A nir_neuron target (dimensionless) takes delta weights into its input channel `I_in`.
  const units = isClassicNeuron(target.model)
    ? MODEL_UNITS[target.model]
    : { current: '1', currentDimension: '1' };
  const exponential = pr.synapse.kind === 'exponential' ? pr.synapse : undefined;
  const variable = nir
    ? NIR_INPUT_VARIABLE
    : exponential === undefined
      ? 'v'
      : channelName(exponential.tau);
  const unit = nir ? '1' : exponential === undefined ? 'mV' : units.current;
  const dimension = nir ? '1' : exponential === undefined ? 'volt' : units.currentDimension;
  const stdp = pr.plasticity?.rule === 'stdp' ? pr.plasticity : undefined;
  const perSynapse = !('constant' in csr.weights) || stdp !== undefined;
  const model: string[] = [];
  const onPre = [`${variable}_post += w_syn`];
  const onPost: string[] = [];
  const namespace: [string, string][] = [];
  if (perSynapse) model.push(`w_syn : ${dimension}`);
  else namespace.push(['w_syn', `${pyNumber(constantWeight(pr, csr.weights))}*${unit}`]);
  if (stdp !== undefined) {
    addStdp(stdp, unit, dimension, tracesProbed, model, onPre, onPost, namespace);
  }
  const kind =
    exponential === undefined
      ? 'delta (adds to v)'
      : `exponential, tau ${pyNumber(exponential.tau)} ms`;
  const pairs = pairsExpr(csr.rowPtr, csr.targets);
  const args = [
    `${nameOf(pr.source)}, ${nameOf(pr.target)},`,
    ...(model.length > 0 ? [`model=${block(model)},`] : []),
    `on_pre=${block(onPre)},`,
    ...(onPost.length > 0 ? [`on_post=${block(onPost)},`] : []),
    ...(typeof csr.delays === 'object' && 'constant' in csr.delays
      ? [`delay=${csr.delays.constant}*defaultclock.dt,`]
      : []),
    ...(stdp !== undefined && tracesProbed ? ["method='exact',"] : []),
    ...(namespace.length > 0
      ? [`namespace={${namespace.map(([k, v]) => `'${k}': ${v}`).join(', ')}},`]
      : []),
    `name=${pyString(name)})`,
  ];
  const lines = [
    `${head}, ${kind}${stdp !== undefined ? ', STDP' : ''}.`,
    pairs.code,
    `${name} = Synapses(`,
    ...args.map((a) => `    ${a}`),
    `${name}.connect(i=i, j=j)`,
  ];
  if (perSynapse) {
    const w =
      csr.weights instanceof Float32Array
        ? float32Expr(csr.weights)
        : pyNumber(csr.weights.constant);
    lines.push(`${name}.w_syn = ${w}*${unit}`);
  }
  if (csr.delays instanceof Uint8Array) {
    lines.push(
      `${name}.delay = np.asarray(${naturalsExpr(csr.delays)}, dtype=float)*defaultclock.dt`,
    );
  }
  return { code: lines.join('\n'), objects: [name] };
}

/**
 * A shared weight as the document writes it (1.62, not its float32 1.6200000047683716) when
 * the compile's value is that number rounded to float32; the compile's value otherwise.
 */
function constantWeight(pr: Projection, weights: CompiledProjection['csr']['weights']): number {
  const value = 'constant' in weights ? weights.constant : 0;
  const written = pr.weight.kind === 'constant' ? pr.weight.value : undefined;
  return written !== undefined && Math.fround(written) === value ? written : value;
}

function addStdp(
  rule: StdpRule,
  unit: string,
  dimension: string,
  clockDriven: boolean,
  model: string[],
  onPre: string[],
  onPost: string[],
  namespace: [string, string][],
): void {
  // Event-driven traces are exact and cheap, but a monitor would read them as last updated;
  // a probed trace is integrated every step instead (method 'exact': the same exp(-dt/tau)).
  const driven = clockDriven ? 'clock-driven' : 'event-driven';
  model.push(`dapre/dt = -apre/tau_plus : ${dimension} (${driven})`);
  model.push(`dapost/dt = -apost/tau_minus : ${dimension} (${driven})`);
  onPre.push('apre += a_plus', 'w_syn = clip(w_syn - apost, w_min, w_max)');
  onPost.push('apost += a_minus', 'w_syn = clip(w_syn + apre, w_min, w_max)');
  namespace.push(
    ['tau_plus', `${pyNumber(rule.tau_plus)}*ms`],
    ['tau_minus', `${pyNumber(rule.tau_minus)}*ms`],
    ['a_plus', `${pyNumber(rule.a_plus)}*${unit}`],
    ['a_minus', `${pyNumber(rule.a_minus)}*${unit}`],
    ['w_min', `${pyNumber(rule.w_min)}*${unit}`],
    ['w_max', `${pyNumber(rule.w_max)}*${unit}`],
  );
}

/** Brian2 code lines as one Python string: a plain string for one line, else triple quotes. */
function block(lines: string[]): string {
  if (lines.length === 1) return pyString(lines[0] ?? '');
  return `'''\n${lines.map((l) => `        ${l}`).join('\n')}\n        '''`;
}
