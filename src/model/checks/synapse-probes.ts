/**
 * Checks of synapse probes: the projection exists and its synapses change (a Loihi projection
 * with a rule or traces, or a classic projection with a weight rule or structural plasticity),
 * the variable is recorded there, and the synapse indices are distinct and inside the
 * projection when its synapse count is known (all_to_all, one_to_one). With a random rule the
 * engine checks them at compile.
 */
import type { Projection, SynapseProbe, SynapseVariable } from '../document.ts';
import { isPopulationProbe } from '../document.ts';
import type { CheckContext } from './context.ts';
import { flag } from './context.ts';
import { hasLearning, turnTraceOn } from './loihi-learning.ts';
import { knownSynapseCount } from './per-synapse-list.ts';

/** Checks every synapse probe of the document. */
export function checkSynapseProbes(ctx: CheckContext): void {
  const projections = new Map<string, Projection>();
  for (const p of ctx.doc.projections) if (!projections.has(p.id)) projections.set(p.id, p);
  ctx.doc.probes.forEach((probe, i) => {
    if (!isPopulationProbe(probe)) checkProbe(ctx, `probes[${i}]`, probe, projections);
  });
}

function checkProbe(
  ctx: CheckContext,
  at: string,
  probe: SynapseProbe,
  projections: ReadonlyMap<string, Projection>,
): void {
  const projection = projections.get(probe.projection);
  const id = JSON.stringify(probe.projection);
  if (projection === undefined) {
    flag(ctx, `${at}.projection`, `no projection has the id ${id}`);
    return;
  }
  const synapse = projection.synapse;
  if (synapse.kind === 'delta' || synapse.kind === 'exponential') {
    checkClassicVariable(ctx, at, probe.variable, projection, id);
  } else if (synapse.kind !== 'loihi') {
    flag(
      ctx,
      `${at}.projection`,
      `${id} has a ${synapse.kind} synapse; synapse probes record loihi synapses with a learning rule or traces, or plastic delta/exponential synapses`,
    );
    return;
  } else if (!hasLearning(synapse)) {
    flag(
      ctx,
      `${at}.projection`,
      `${id} has no learning rule (synapse.dw) and no traces (synapse.traces): its synapses do not change`,
    );
    return;
  } else {
    const variable = probe.variable;
    if (variable === 'pre_trace' || variable === 'post_trace' || variable === 'eligibility') {
      flag(
        ctx,
        `${at}.variable`,
        `${variable} is recorded of classic plastic projections; ${id} is a loihi synapse`,
      );
    } else if (
      variable !== 'w' &&
      variable !== 'w_act' &&
      synapse.traces?.[variable] === undefined
    ) {
      flag(
        ctx,
        `${at}.variable`,
        `the trace ${variable} of ${id} is off; ${turnTraceOn(variable)}`,
      );
    }
  }
  const source = ctx.populations.get(projection.source)?.population;
  const target = ctx.populations.get(projection.target)?.population;
  const count = source && target ? knownSynapseCount(projection, source, target) : undefined;
  const seen = new Set<number>();
  probe.synapses.forEach((synapseIndex, k) => {
    if (count !== undefined && synapseIndex >= count)
      flag(
        ctx,
        `${at}.synapses[${k}]`,
        `must be < the synapse count of ${id} (${count}), got ${synapseIndex}`,
      );
    else if (seen.has(synapseIndex))
      flag(ctx, `${at}.synapses[${k}]`, `duplicate synapse ${synapseIndex}`);
    seen.add(synapseIndex);
  });
}

/**
 * A classic projection records `w` when its weights change (a rule or structural plasticity),
 * the traces with STDP, R-STDP or OnlineO1, the eligibility with R-STDP or OnlineO1
 * (CONTEXT.md, the probe note after step 5f).
 */
function checkClassicVariable(
  ctx: CheckContext,
  at: string,
  variable: SynapseVariable,
  projection: Projection,
  id: string,
): void {
  const rule = projection.plasticity?.rule;
  switch (variable) {
    case 'w':
      if (rule === undefined && projection.structural === undefined) {
        flag(
          ctx,
          `${at}.projection`,
          `${id} has no weight rule (plasticity) and no structural plasticity: its weights do not change`,
        );
      }
      return;
    case 'pre_trace':
    case 'post_trace':
      if (rule !== 'stdp' && rule !== 'rstdp' && rule !== 'online_o1') {
        flag(
          ctx,
          `${at}.variable`,
          `${variable} is kept by the stdp, rstdp and online_o1 rules; ${id} has ${ruleName(rule)}`,
        );
      }
      return;
    case 'eligibility':
      if (rule !== 'rstdp' && rule !== 'online_o1') {
        flag(
          ctx,
          `${at}.variable`,
          `eligibility is kept by the rstdp and online_o1 rules; ${id} has ${ruleName(rule)}`,
        );
      }
      return;
    case 'w_act':
    case 'x1':
    case 'x2':
    case 'y1':
    case 'y2':
    case 'y3':
      flag(
        ctx,
        `${at}.variable`,
        `${variable} is recorded of loihi synapses; ${id} is a classic projection (record w, pre_trace, post_trace or eligibility)`,
      );
  }
}

function ruleName(rule: string | undefined): string {
  return rule === undefined ? 'no weight rule' : `the ${rule} rule`;
}
