/**
 * What the Learning section of a Loihi projection offers (brian2-loihi's `dw` and traces):
 * field descriptions for the tooltips, rule presets, default trace parameters, and the pure
 * edits it makes (a rule that turns on the traces it reads, a trace switched on or off).
 */
import type {
  LoihiSynapse,
  LoihiTrace,
  LoihiTraceName,
  SynapseVariable,
} from '../../model/index.ts';
import { LOIHI_TRACE_NAMES } from '../../model/index.ts';
import { parseLoihiRule } from '../../model/loihi-rule.ts';

export const DW_DESCRIPTION =
  "brian2-loihi's learning rule, evaluated for every synapse every step: a sum of products " +
  'of x0/y0 (pre/post spike this step), traces x1 x2 (pre) y1 y2 y3 (post), u0..u9 (1 every ' +
  '2^k steps), w, sign(...), integers and 2^k (k -7..9). Every term needs x0, y0 or a u. ' +
  'Empty: no learning.';

export const IMPULSE_DESCRIPTION =
  'Added to the trace on each spike of its neuron (pre for x, post for y); it saturates at 127.';

export const TAU_DESCRIPTION =
  'Decay time constant in steps: each step the trace is multiplied by 1 - 1/tau and ' +
  'stochastically rounded to an integer.';

/** Pre traces follow the source's spikes, post traces the target's. */
export function traceSide(name: LoihiTraceName): 'pre' | 'post' {
  return name.startsWith('x') ? 'pre' : 'post';
}

/** What a trace gets when it is switched on (or a rule turns it on). */
export const DEFAULT_TRACE: LoihiTrace = { impulse: 40, tau: 8 };

export interface RulePreset {
  id: string;
  label: string;
  /** The rule; '' switches learning off. */
  dw: string;
  description: string;
}

export const RULE_PRESETS: readonly RulePreset[] = [
  {
    id: 'stdp',
    label: 'Pair-based STDP',
    dw: '2^-2*x1*y0 - 2^-2*y1*x0',
    description:
      'A post spike adds x1/4 (pre before post: potentiation); a pre spike subtracts y1/4 ' +
      '(post before pre: depression).',
  },
  {
    id: 'depress',
    label: 'Depression only',
    dw: '-2^-2*y1*x0',
    description:
      'A pre spike shortly after a post spike weakens the synapse; nothing strengthens it.',
  },
  {
    id: 'hebb-decay',
    label: 'Hebbian with decay',
    dw: '2^-2*x1*y0 - 2^-5*u4*w',
    description:
      'A post spike adds x1/4; every 16 steps the weight loses 1/32 of itself, so unused ' +
      'synapses fade.',
  },
  { id: 'off', label: 'No learning', dw: '', description: 'Removes the rule; traces stay as set.' },
];

/** The preset whose rule is `dw` (spaces ignored), if any. */
export function presetOf(dw: string | undefined): RulePreset | undefined {
  const strip = (s: string) => s.replace(/\s+/g, '');
  return RULE_PRESETS.find((p) => strip(p.dw) === strip(dw ?? ''));
}

/**
 * The synapse with rule `dw` and every trace it reads switched on (with `DEFAULT_TRACE`), or
 * the parser's message. An empty `dw` removes the rule.
 *
 * @example withRule(synapse, 'x1*y0').traces?.x1 // { impulse: 40, tau: 8 }
 */
export function withRule(synapse: LoihiSynapse, dw: string): LoihiSynapse | string {
  if (dw.trim() === '') {
    const { dw: _removed, ...rest } = synapse;
    return rest;
  }
  const parsed = parseLoihiRule(dw);
  if (!parsed.ok) return parsed.message;
  const traces = { ...synapse.traces };
  for (const name of LOIHI_TRACE_NAMES)
    if (parsed.variables.has(name) && traces[name] === undefined)
      traces[name] = { ...DEFAULT_TRACE };
  return { ...synapse, dw, traces };
}

/** The traces `synapse.dw` reads (none without a valid rule). */
export function tracesRead(synapse: LoihiSynapse): Set<LoihiTraceName> {
  if (synapse.dw === undefined || synapse.dw.trim() === '') return new Set();
  const parsed = parseLoihiRule(synapse.dw);
  if (!parsed.ok) return new Set();
  return new Set(LOIHI_TRACE_NAMES.filter((n) => parsed.variables.has(n)));
}

/**
 * The synapse with trace `name` set to `trace` (undefined: off; no `traces` key left when the
 * last one goes), or why not: a trace the rule reads cannot be switched off.
 */
export function withTrace(
  synapse: LoihiSynapse,
  name: LoihiTraceName,
  trace: LoihiTrace | undefined,
): LoihiSynapse | string {
  if (trace === undefined && tracesRead(synapse).has(name))
    return `The rule reads ${name}: change the rule before switching ${name} off`;
  const traces = { ...synapse.traces };
  if (trace === undefined) delete traces[name];
  else traces[name] = trace;
  const { traces: _old, ...rest } = synapse;
  return Object.keys(traces).length === 0 ? rest : { ...rest, traces };
}

/** What a synapse probe of this synapse may record: w, w_act and the traces that are on. */
export function recordableVariables(synapse: LoihiSynapse): SynapseVariable[] {
  return ['w', 'w_act', ...LOIHI_TRACE_NAMES.filter((n) => synapse.traces?.[n] !== undefined)];
}
