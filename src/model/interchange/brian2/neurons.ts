/**
 * The classic neuron populations as Brian2 NeuronGroups: equations with units, the step as
 * Spikelab takes it (`src/engine/CONTEXT.md` steps 1, 2, 2c, 2d, 4, 6):
 *
 * - every model by forward Euler (`method='euler'`), V and the adaptation variable from the
 *   values before the step; noise as `sigma*xi` with `sigma = noise_std/sqrt(dt)`, so Euler-
 *   Maruyama adds `noise_std * N(0, 1)` per step exactly as Spikelab does;
 * - exponential synaptic currents are read by the step and then decay by `exp(-dt/tau)` in
 *   `run_regularly(..., when='before_synapses')`: after the threshold, before delivery, which
 *   is Spikelab's order (integrating them inside the ODE with Euler would decay by
 *   `1 - dt/tau` instead);
 * - `v >= threshold` spikes; refractoriness holds v for `round(refractory_period/dt)` steps
 *   counting the spike's (Brian2's own convention), written as `int(not_refractory)*(...)`.
 */
import type { NetworkDocument, Population } from '../../document.ts';
import type { CompiledPopulation } from './compiled.ts';
import { float32Expr } from './pack.ts';
import { pyNumber, pyString } from './python.ts';
import { channelsOf, MODEL_UNITS, type ClassicNeuronModel } from './units.ts';

/** What a population contributes to the script. */
export interface GroupCode {
  code: string;
  /** Python names of the Brian2 objects to put in the Network. */
  objects: string[];
}

type ClassicPopulation = Extract<Population, { model: ClassicNeuronModel }>;

/**
 * The NeuronGroup of a LIF, Izhikevich or AdEx population, its initial values and its
 * current decays. `stimulus` is the name of its TimedArray of summed current steps, if any.
 */
export function neuronGroupCode(
  doc: NetworkDocument,
  pop: ClassicPopulation,
  compiled: CompiledPopulation,
  name: string,
  stimulus: string | undefined,
): GroupCode {
  const units = MODEL_UNITS[pop.model];
  const channels = channelsOf(doc, pop.id);
  const dim = units.currentDimension;
  const inputs = ['bias', ...(stimulus === undefined ? [] : [`${stimulus}(t)`]), 'I_syn'];
  const synLines = [
    `I_syn = ${channels.length === 0 ? `0*${units.current}` : channels.map((c) => c.name).join(' + ')} : ${dim}`,
    ...channels.map((c) => `${c.name} : ${dim}  # exponential current, tau ${pyNumber(c.tau)} ms`),
  ];
  const model = modelParts(pop, doc.run.dt);
  const namespace: [string, string][] = [
    ...model.namespace,
    ['bias', `${pyNumber(pop.params.bias)}*${units.current}`],
  ];
  if (stimulus !== undefined) namespace.push([stimulus, stimulus]);
  if (pop.params.noise_std !== 0) {
    namespace.push(['sigma', `${pyNumber(pop.params.noise_std)}*mV/sqrt(defaultclock.dt)`]);
  }
  const equations = [...model.equations, `I = ${inputs.join(' + ')} : ${dim}`, ...synLines];
  const refractory =
    model.refractorySteps > 0
      ? `refractory=${refractoryExpr(model.refractorySteps, doc.run.dt)}, `
      : '';
  const lines = [
    `# Population '${pop.id}': ${pop.model}, ${pop.size} neurons. ${model.comment}`,
    `${name} = NeuronGroup(`,
    `    ${pop.size},`,
    `    '''`,
    ...equations.map((e) => `    ${e}`),
    `    ''',`,
    `    threshold=${pyString(model.threshold)}, reset=${pyString(model.reset)},`,
    `    ${refractory}method='euler', name=${pyString(name)},`,
    `    namespace={`,
    ...namespace.map(([k, v]) => `        '${k}': ${v},`),
    `    })`,
    ...initialValues(pop, compiled, name),
  ];
  if (channels.length > 0) {
    const decays = channels.map((c) => `${c.name} *= exp(-dt/(${pyNumber(c.tau)}*ms))`).join('\\n');
    lines.push(`${name}.run_regularly('${decays}', when='before_synapses')`);
  }
  return { code: lines.join('\n'), objects: [name] };
}

interface ModelParts {
  comment: string;
  equations: string[];
  threshold: string;
  reset: string;
  refractorySteps: number;
  namespace: [string, string][];
}

/**
 * The hold of a refractory neuron. Spikelab holds v (no integration, no noise, no threshold
 * test) but still adds delta synapses' weights to it; Brian2's `(unless refractory)` flag would
 * also drop those writes (it makes v conditional-write), so the hold is written out.
 */
function held(steps: number): string {
  return steps > 0 ? 'int(not_refractory)*' : '';
}

function noise(pop: ClassicPopulation, hold = ''): string {
  return pop.params.noise_std === 0 ? '' : ` + ${hold}sigma*xi`;
}

/** `5*ms` when that is a whole number of steps (it then is exactly them), else `N*dt`. */
function refractoryExpr(steps: number, dt: number): string {
  const ms = Math.round(steps * dt * 1e9) / 1e9;
  return Math.abs(ms / dt - steps) < 1e-9 ? `${pyNumber(ms)}*ms` : `${steps}*defaultclock.dt`;
}

/** Steps a spike holds v, counting the spike's own step (the engine's `refractorySteps`). */
function refractorySteps(ms: number, dt: number): number {
  return Math.round(ms / dt);
}

function modelParts(pop: ClassicPopulation, dt: number): ModelParts {
  switch (pop.model) {
    case 'stochastic_lif': {
      const p = pop.params;
      const steps = refractorySteps(p.refractory_period, dt);
      return {
        comment: 'v in mV, currents in mV (R*I in mV/ms).',
        equations: [
          `dv/dt = ${held(steps)}(-(v - v_rest)/tau_mem + R*I)${noise(pop, held(steps))} : volt`,
        ],
        threshold: 'v >= v_threshold',
        reset: 'v = v_reset',
        refractorySteps: steps,
        namespace: [
          ['v_rest', `${pyNumber(p.v_rest)}*mV`],
          ['tau_mem', `${pyNumber(p.tau_mem)}*ms`],
          ['R', `${pyNumber(p.resistance)}/ms`],
          ['v_threshold', `${pyNumber(p.v_threshold)}*mV`],
          ['v_reset', `${pyNumber(p.v_reset)}*mV`],
        ],
      };
    }
    case 'izhikevich': {
      const p = pop.params;
      return {
        comment: 'Izhikevich (2003) in his units: v, u in mV, I in mV/ms.',
        equations: [
          `dv/dt = (0.04/mV*v**2 + 5*v + 140*mV - u)/ms + I${noise(pop)} : volt`,
          'du/dt = a*(b*v - u) : volt',
        ],
        threshold: 'v >= 30*mV',
        reset: 'v = c\nu += d',
        refractorySteps: 0,
        namespace: [
          ['a', `${pyNumber(p.a)}/ms`],
          ['b', pyNumber(p.b)],
          ['c', `${pyNumber(p.c)}*mV`],
          ['d', `${pyNumber(p.d)}*mV`],
        ],
      };
    }
    case 'adex': {
      const p = pop.params;
      // Spikelab clamps the exponential's argument (CONTEXT.md step 2d) so that V lifted past
      // the cut by a delta synapse stays finite; below the cut the clamp never binds.
      const xMax = Math.min((p.v_peak - p.v_t) / p.delta_t, 80);
      const steps = refractorySteps(p.refractory_period, dt);
      return {
        comment: 'AdEx (Brette & Gerstner 2005): pF, nS, mV, ms, pA.',
        equations: [
          `dv/dt = ${held(steps)}(-g_l*(v - e_l) + g_l*delta_t*exp(clip((v - v_t)/delta_t, -inf, x_max)) - w + I)/C${noise(pop, held(steps))} : volt`,
          'dw/dt = (a*(v - e_l) - w)/tau_w : amp',
        ],
        threshold: 'v >= v_peak',
        reset: 'v = v_reset\nw += b',
        refractorySteps: steps,
        namespace: [
          ['C', `${pyNumber(p.c)}*pF`],
          ['g_l', `${pyNumber(p.g_l)}*nS`],
          ['e_l', `${pyNumber(p.e_l)}*mV`],
          ['v_t', `${pyNumber(p.v_t)}*mV`],
          ['delta_t', `${pyNumber(p.delta_t)}*mV`],
          ['x_max', pyNumber(xMax)],
          ['v_peak', `${pyNumber(p.v_peak)}*mV`],
          ['v_reset', `${pyNumber(p.v_reset)}*mV`],
          ['tau_w', `${pyNumber(p.tau_w)}*ms`],
          ['a', `${pyNumber(p.a)}*nS`],
          ['b', `${pyNumber(p.b)}*pA`],
        ],
      };
    }
  }
}

function initialValues(
  pop: ClassicPopulation,
  compiled: CompiledPopulation,
  name: string,
): string[] {
  const vInit = compiled.model.vInit;
  const lines: string[] = [];
  if (vInit instanceof Float32Array) lines.push(`${name}.v = ${valuesExpr(vInit)}*mV`);
  const uInit = compiled.model.uInit;
  if (pop.model === 'izhikevich' && uInit !== undefined)
    lines.push(`${name}.u = ${valuesExpr(uInit)}*mV`);
  return lines;
}

/** One value when every neuron shares it, else the per-neuron values (the compile's draws). */
function valuesExpr(values: Float32Array): string {
  const first = values[0] ?? 0;
  return values.every((v) => v === first) ? pyNumber(first) : float32Expr(values);
}
