/**
 * The body of a brian2-loihi script (sagacitysite/brian2_loihi): `LoihiNeuronGroup`,
 * `LoihiSpikeGeneratorGroup`, `LoihiSynapses` with Spikelab's parameters (the document's Loihi
 * fields are brian2-loihi's, `document-loihi.ts`), `LoihiStateMonitor`/`LoihiSpikeMonitor`, run
 * by a `LoihiNetwork` at dt = 1 ms. brian2-loihi applies its own schedule (a Loihi source's
 * spike is felt one step later), so delays are the document's, not the compile's shifted ones.
 */
import type { NetworkDocument, Population, Projection } from '../../document.ts';
import type { ScriptBody } from './classic-script.ts';
import type { CompiledNetwork, CompiledProjection } from './compiled.ts';
import { monitorsCode } from './monitors.ts';
import type { GroupCode } from './neurons.ts';
import { naturalsExpr, pairsExpr } from './pack.ts';
import { IdentifierPool, pyList, pyNumber, pyString } from './python.ts';
import { generatorSchedule } from './sources.ts';

const SIGN_MODE = { mixed: 1, excitatory: 2, inhibitory: 3 } as const;

/** The Loihi network's code; `doc` passed `brian2Refusals` with no refusal. */
export function loihiBody(doc: NetworkDocument, compiled: CompiledNetwork): ScriptBody {
  const names = new IdentifierPool();
  const popNames = new Map(doc.populations.map((p) => [p.id, names.take('pop', p.id)]));
  const populationName = (id: string) => popNames.get(id) ?? id;
  const sections: string[] = [];
  const objects: string[] = [];
  const add = (part: GroupCode) => {
    sections.push(part.code);
    objects.push(...part.objects);
  };
  doc.populations.forEach((pop, k) => {
    const name = populationName(pop.id);
    if (pop.model === 'loihi') add(loihiGroupCode(pop, name));
    else if (pop.model === 'spike_generator') {
      const { steps, indices, periodSteps } = generatorSchedule(
        compiled.populations[k] ?? { model: { model: pop.model } },
      );
      // brian2-loihi passes `period` on as period*second while its times are ms: p/1000 is p ms.
      const period = periodSteps > 0 ? `, period=${periodSteps}/1000` : '';
      add({
        code: [
          `# Population '${pop.id}': spike generator, ${pop.size} neurons, ${steps.length} spikes (times in whole ms).`,
          `${name} = LoihiSpikeGeneratorGroup(`,
          `    ${pop.size}, ${naturalsExpr(indices)}, ${naturalsExpr(steps)}${period}, name=${pyString(name)})`,
        ].join('\n'),
        objects: [name],
      });
    }
  });
  const synNames = new Map<string, string>();
  doc.projections.forEach((pr, k) => {
    const plan = compiled.projections[k];
    if (plan === undefined) return;
    const name = names.take('syn', pr.id);
    const part = loihiSynapsesCode(pr, plan, name, populationName);
    if (part.objects.length > 0) synNames.set(pr.id, name);
    add(part);
  });
  const monitors = monitorsCode({
    doc,
    names,
    populationName,
    projectionName: (id) => synNames.get(id),
    stateVariable: (_id, variable) => ({
      variable: variable === 'i_syn' ? 'I' : variable,
      unit: '1',
    }),
    synapseVariable: (_id, variable) => ({ variable, unit: '1' }),
    classes: { spikes: 'LoihiSpikeMonitor', state: 'LoihiStateMonitor', stateArgs: '' },
  });
  sections.push(monitors.code);
  objects.push(...monitors.objects);
  return { sections, objects, output: monitors.output };
}

function loihiGroupCode(pop: Extract<Population, { model: 'loihi' }>, name: string): GroupCode {
  const p = pop.params;
  return {
    code: [
      `# Population '${pop.id}': Loihi compartments, ${pop.size} neurons.`,
      `${name} = LoihiNeuronGroup(`,
      `    ${pop.size}, refractory=${p.refractory}, threshold_v_mant=${p.threshold_v_mant},`,
      `    decay_v=${p.decay_v}, decay_I=${p.decay_I}, name=${pyString(name)})`,
    ].join('\n'),
    objects: [name],
  };
}

function loihiSynapsesCode(
  pr: Projection,
  compiled: CompiledProjection,
  name: string,
  populationName: (id: string) => string,
): GroupCode {
  const syn = pr.synapse;
  const count = compiled.csr.targets.length;
  const head = `# Projection '${pr.id}': ${pr.source} -> ${pr.target}, ${count} Loihi synapses`;
  if (syn.kind !== 'loihi') return { code: `${head}: not a Loihi synapse, left out.`, objects: [] };
  if (count === 0) return { code: `${head}: none drawn, nothing to build.`, objects: [] };
  const delay = pr.delay.kind === 'constant' ? pr.delay.steps : 0;
  const args = [
    `delay=${delay}`,
    `w_exp=${syn.w_exp}`,
    `sign_mode=${SIGN_MODE[syn.sign_mode]}`,
    `num_weight_bits=${syn.num_weight_bits}`,
  ];
  if (syn.dw !== undefined && syn.dw !== '') args.push(`dw=${pyString(syn.dw)}`);
  for (const [trace, spec] of Object.entries(syn.traces ?? {})) {
    if (spec !== undefined) args.push(`imp_${trace}=${spec.impulse}`, `tau_${trace}=${spec.tau}`);
  }
  const mantissas =
    syn.mantissas !== undefined
      ? pyList(syn.mantissas.slice(0, count))
      : `np.full(${count}, ${pyNumber(pr.weight.kind === 'constant' ? pr.weight.value : 0)}, dtype=np.int64)`;
  const pairs = pairsExpr(compiled.csr.rowPtr, compiled.csr.targets);
  return {
    code: [
      `${head}, weight mantissas (brian2-loihi computes the actual weights).`,
      pairs.code,
      `${name} = LoihiSynapses(`,
      `    ${populationName(pr.source)}, ${populationName(pr.target)},`,
      `    ${args.join(', ')}, name=${pyString(name)})`,
      `${name}.connect(i=i, j=j)`,
      `${name}.w = np.asarray(${mantissas}, dtype=np.int64)`,
    ].join('\n'),
    objects: [name],
  };
}
