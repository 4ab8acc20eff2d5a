/**
 * A `nir_neuron` population (NIR's LIF, IF, LI, I, CubaLIF, CubaLI, Threshold) as a Brian2
 * NeuronGroup. The model is a discrete map, not an ODE (`src/engine/CONTEXT.md` step 2g), so
 * the group has no differential equation: its update is written out in `run_regularly` with
 * the compile's per-neuron float32 coefficients (exact or Euler already folded in), so the
 * script follows whatever discretisation the document chose without re-deriving it.
 *
 * Order as Spikelab's step: the update at `when='groups'` reads the delta channel `I_in`
 * (the weights delivered by the previous step), the strict threshold `v > v_threshold`, then
 * `I_in = 0` before the synapses deliver into it, then the reset. All values are
 * dimensionless, as NIR's. Brian2 computes in float64 where Spikelab rounds every operation to
 * float32, so a neuron within rounding of its threshold can spike a step apart.
 */
import type { Population } from '../../document.ts';
import type { CompiledPopulation } from './compiled.ts';
import { float32Expr } from './pack.ts';
import { pyList, pyNumber, pyString } from './python.ts';
import type { GroupCode } from './neurons.ts';

type NirPopulation = Extract<Population, { model: 'nir_neuron' }>;

/** The plan's coefficient arrays the script embeds, with their names in Brian2. */
const COEFFICIENTS = [
  ['leak', 'leak'],
  ['gain', 'gain'],
  ['vLeak', 'v_leak'],
  ['vThreshold', 'v_threshold'],
  ['vReset', 'v_reset'],
  ['bias', 'bias'],
  ['synDecay', 'syn_decay'],
  ['synGain', 'syn_gain'],
] as const;

/** The plan fields of a nir_neuron population (`NirNeuronPlan` of `src/engine/plan.ts`). */
export interface CompiledNirNeuron {
  cuba: boolean;
  leak: Float32Array;
  gain: Float32Array;
  vLeak: Float32Array;
  vThreshold: Float32Array;
  vReset: Float32Array;
  bias: Float32Array;
  synDecay: Float32Array;
  synGain: Float32Array;
  vInit: Float32Array;
}

/** The variable projections into a nir_neuron population add their weights to. */
export const NIR_INPUT_VARIABLE = 'I_in';

/**
 * The NeuronGroup of a nir_neuron population; `compiled` is its entry of `compile(doc)`.
 * Throws when the plan lacks the coefficients (a compile of another model).
 */
export function nirNeuronGroupCode(
  pop: NirPopulation,
  compiled: CompiledPopulation,
  name: string,
): GroupCode {
  const plan = compiled.model as Partial<CompiledNirNeuron>;
  const missing = COEFFICIENTS.filter(([key]) => !(plan[key] instanceof Float32Array));
  if (missing.length > 0 || typeof plan.cuba !== 'boolean') {
    throw new Error(
      `population '${pop.id}': the compiled plan has no nir_neuron coefficients (${missing.map(([k]) => k).join(', ')})`,
    );
  }
  const type = pop.params.type;
  const update = plan.cuba
    ? [
        'u = bias + I_in',
        'i_syn = i_syn*syn_decay + syn_gain*u',
        'v = v - (v - v_leak)*leak + gain*i_syn',
      ]
    : ['u = bias + I_in', 'i_syn = u', 'v = v - (v - v_leak)*leak + gain*u'];
  const lines = [
    `# Population '${pop.id}': NIR ${type} (nir_neuron, ${pop.params.discretisation}), ${pop.size} neurons.`,
    "# Dimensionless, as NIR. The step is a map with the compile's float32 coefficients:",
    `#   ${update.join('; ')}; spike when v > v_threshold, then v = v_reset.`,
    `${name} = NeuronGroup(`,
    `    ${pop.size},`,
    `    '''`,
    '    v : 1',
    '    i_syn : 1',
    `    ${NIR_INPUT_VARIABLE} : 1  # delta inputs delivered by the previous step`,
    ...COEFFICIENTS.map(([, py]) => `    ${py} : 1 (constant)`),
    `    ''',`,
    `    threshold='v > v_threshold', reset='v = v_reset', name=${pyString(name)})`,
    ...COEFFICIENTS.map(([key, py]) => `${name}.${py} = ${valuesExpr(plan[key] as Float32Array)}`),
  ];
  if (plan.vInit instanceof Float32Array) lines.push(`${name}.v = ${valuesExpr(plan.vInit)}`);
  lines.push(
    `${name}.run_regularly(${pyString(update.join('\n'))}, when='groups')`,
    `${name}.run_regularly('${NIR_INPUT_VARIABLE} = 0', when='before_synapses')`,
  );
  return { code: lines.join('\n'), objects: [name] };
}

/** One number when every neuron shares it, else the per-neuron float32 values. */
function valuesExpr(values: Float32Array): string {
  const first = values[0] ?? 0;
  if (values.every((v) => v === first)) return pyFloat(first);
  if (values.every((v) => Number.isFinite(v))) return float32Expr(values);
  return `np.array(${pyList(values, pyFloat)})`;
}

/** A float literal numpy accepts, infinities included (a LI neuron's threshold). */
function pyFloat(value: number): string {
  return Number.isFinite(value) ? pyNumber(value) : `float(${pyString(pyNumber(value))})`;
}
