/**
 * Checks of synapse probes (the weights or traces of a learning Loihi projection): the
 * projection exists, is a Loihi projection with a rule or traces, the variable is recorded
 * there, and the synapse indices are distinct and inside the projection when its synapse count
 * is known (all_to_all, one_to_one). With a random rule the engine checks them at compile.
 */
import type { Projection, SynapseProbe } from '../document.ts';
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
  if (synapse.kind !== 'loihi') {
    flag(
      ctx,
      `${at}.projection`,
      `${id} has a ${synapse.kind} synapse; synapse probes record loihi synapses with a learning rule or traces`,
    );
    return;
  }
  if (!hasLearning(synapse)) {
    flag(
      ctx,
      `${at}.projection`,
      `${id} has no learning rule (synapse.dw) and no traces (synapse.traces): its synapses do not change`,
    );
    return;
  }
  const variable = probe.variable;
  if (variable === 'pre_trace' || variable === 'post_trace' || variable === 'eligibility') {
    flag(
      ctx,
      `${at}.variable`,
      `${variable} is recorded of classic plastic projections; ${id} is a loihi synapse`,
    );
  } else if (variable !== 'w' && variable !== 'w_act' && synapse.traces?.[variable] === undefined) {
    flag(ctx, `${at}.variable`, `the trace ${variable} of ${id} is off; ${turnTraceOn(variable)}`);
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
