/**
 * The body of a Brian2 script for a network of classic models: stimuli, groups, synapses and
 * monitors, in document order, with the names each part gives the others.
 */
import type { NetworkDocument } from '../../document.ts';
import type { CompiledNetwork } from './compiled.ts';
import { monitorsCode, type MonitorCode, type ReadVariable } from './monitors.ts';
import { neuronGroupCode, type GroupCode } from './neurons.ts';
import { nirNeuronGroupCode } from './nir-neurons.ts';
import { IdentifierPool } from './python.ts';
import { poissonCode, spikeGeneratorCode } from './sources.ts';
import { stimulusCode } from './stimuli.ts';
import { synapsesCode } from './synapses.ts';
import { isClassicNeuron, MODEL_UNITS } from './units.ts';

/** Sections of the script and the objects of its Network. */
export interface ScriptBody {
  sections: string[];
  objects: string[];
  output: string;
}

/** The classic network's code; `doc` passed `brian2Refusals` with no refusal. */
export function classicBody(doc: NetworkDocument, compiled: CompiledNetwork): ScriptBody {
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
    const plan = compiled.populations[k] ?? { model: { model: pop.model } };
    if (pop.model === 'poisson') add(poissonCode(pop, name));
    else if (pop.model === 'nir_neuron') add(nirNeuronGroupCode(pop, plan, name));
    else if (pop.model === 'spike_generator') add(spikeGeneratorCode(pop, plan, name));
    else if (pop.model === 'stochastic_lif' || pop.model === 'izhikevich' || pop.model === 'adex') {
      const stim = stimulusCode(
        doc,
        pop.id,
        names.take('stim', pop.id),
        MODEL_UNITS[pop.model].current,
      );
      if (stim !== undefined) sections.push(stim.code);
      add(neuronGroupCode(doc, pop, plan, name, stim?.name));
    }
  });
  const synNames = new Map<string, string>();
  doc.projections.forEach((pr, k) => {
    const name = names.take('syn', pr.id);
    const plan = compiled.projections[k];
    if (plan === undefined) return;
    const traced = doc.probes.some(
      (p) => p.kind === 'synapse' && p.projection === pr.id && p.variable !== 'w',
    );
    const part = synapsesCode(doc, pr, plan, name, populationName, traced);
    if (part.objects.length > 0) synNames.set(pr.id, name);
    add(part);
  });
  const monitors: MonitorCode = monitorsCode({
    doc,
    names,
    populationName,
    projectionName: (id) => synNames.get(id),
    stateVariable: (id, variable) => classicStateVariable(doc, id, variable),
    synapseVariable: (id, variable) => classicSynapseVariable(doc, id, variable),
    classes: { spikes: 'SpikeMonitor', state: 'StateMonitor', stateArgs: ", when='end'" },
  });
  sections.push(monitors.code);
  objects.push(...monitors.objects);
  return { sections, objects, output: monitors.output };
}

function classicStateVariable(doc: NetworkDocument, id: string, variable: string): ReadVariable {
  const model = doc.populations.find((p) => p.id === id)?.model ?? 'stochastic_lif';
  // NIR's values have no units: v and i_syn are the group's own dimensionless variables.
  if (model === 'nir_neuron') return { variable, unit: '1' };
  const current = isClassicNeuron(model) ? MODEL_UNITS[model].current : 'mV';
  if (variable === 'i_syn') return { variable: 'I_syn', unit: current };
  if (variable === 'w') return { variable: 'w', unit: 'pA' };
  return { variable, unit: 'mV' };
}

function classicSynapseVariable(doc: NetworkDocument, id: string, variable: string): ReadVariable {
  const pr = doc.projections.find((p) => p.id === id);
  const target = doc.populations.find((p) => p.id === pr?.target)?.model ?? 'stochastic_lif';
  const unit =
    pr?.synapse.kind === 'exponential' && isClassicNeuron(target)
      ? MODEL_UNITS[target].current
      : 'mV';
  const name = variable === 'pre_trace' ? 'apre' : variable === 'post_trace' ? 'apost' : 'w_syn';
  return { variable: name, unit };
}
