/**
 * The pure reducer of document edits: `applyEdit(document, edit)` returns the next document,
 * or the same object when the edit changes nothing (so the store can skip history and
 * autosave for no-op edits).
 */
import type { NetworkDocument, NirNeuronType, Population } from '../../model/document.ts';
import { NIR_NEURON_TYPES } from '../../model/document.ts';
import { withNirType } from '../../model/nir-neuron-params.ts';
import { removeNodes } from './cascade.ts';
import type { DocumentEdit, PopulationPatch } from './edits.ts';
import { extractFragment, insertFragment } from './fragment.ts';
import { isScDense, syncRateWeights, withInputs } from './sc-inputs.ts';

function assertNever(value: never): never {
  throw new Error(`unhandled edit ${JSON.stringify(value)}`);
}

/** Replaces the item with `id` by `update(item)`; returns `list` itself when nothing changed. */
function replaceById<T extends { id: string }>(
  list: readonly T[],
  id: string,
  update: (item: T) => T,
): T[] {
  let changed = false;
  const next = list.map((item) => {
    if (item.id !== id) return item;
    const updated = update(item);
    if (updated !== item) changed = true;
    return updated;
  });
  return changed ? next : (list as T[]);
}

function withParams(pop: Population, params: Readonly<Record<string, unknown>>): Population {
  // The inspector validates each field against param-info before it gets here; the model's
  // validator is the safety net for anything else (see store.ts, `replaceDocument`).
  // Another NIR type has other fields: rebuild them (model/nir-neuron-params.ts), then merge.
  if (pop.model === 'nir_neuron' && isNirType(params.type) && params.type !== pop.params.type) {
    const { type, ...rest } = params;
    return { ...pop, params: { ...withNirType(pop.params, type), ...rest } };
  }
  return { ...pop, params: { ...pop.params, ...params } } as Population;
}

function isNirType(value: unknown): value is NirNeuronType {
  return (NIR_NEURON_TYPES as readonly unknown[]).includes(value);
}

function patchPopulation(pop: Population, patch: PopulationPatch): Population {
  const { label, layout3d, shape, ...rest } = patch;
  const next: Population = { ...pop, ...rest };
  if ('label' in patch) {
    if (label === undefined) delete next.label;
    else next.label = label;
  }
  if ('layout3d' in patch) {
    if (layout3d === undefined) delete next.layout3d;
    else next.layout3d = layout3d;
  }
  if ('shape' in patch) {
    if (shape === undefined) delete next.shape;
    else next.shape = shape;
  }
  return next;
}

/** Applies one edit. Pure: never mutates `doc`. */
export function applyEdit(doc: NetworkDocument, edit: DocumentEdit): NetworkDocument {
  switch (edit.type) {
    case 'addPopulation':
      return {
        ...doc,
        populations: [...doc.populations, edit.population],
        probes: [...doc.probes, ...(edit.probes ?? [])],
        run: edit.run === undefined ? doc.run : { ...doc.run, ...edit.run },
      };
    case 'removeNodes':
      return removeNodes(doc, edit.populationIds, edit.projectionIds, edit.rateInputIds);
    case 'movePopulations': {
      if (edit.moves.length === 0) return doc;
      const moves = new Map(edit.moves.map((m) => [m.id, m.position]));
      return {
        ...doc,
        populations: doc.populations.map((p) => {
          const position = moves.get(p.id);
          return position === undefined ? p : { ...p, position: { x: position.x, y: position.y } };
        }),
      };
    }
    case 'updatePopulation': {
      const populations = replaceById(doc.populations, edit.id, (p) =>
        patchPopulation(p, edit.patch),
      );
      if (populations === doc.populations) return doc;
      // Layers reading this population's rates have one weight per neuron: resize them too.
      const next = { ...doc, populations };
      return edit.patch.size === undefined ? next : syncRateWeights(next, edit.id);
    }
    case 'setScInputs': {
      const populations = replaceById(doc.populations, edit.id, (p) =>
        isScDense(p) ? withInputs(doc, p, edit.inputs) : p,
      );
      return populations === doc.populations ? doc : { ...doc, populations };
    }
    case 'updatePopulationParams': {
      const populations = replaceById(doc.populations, edit.id, (p) => withParams(p, edit.params));
      return populations === doc.populations ? doc : { ...doc, populations };
    }
    case 'addProjection':
      return { ...doc, projections: [...doc.projections, edit.projection] };
    case 'updateProjection': {
      const projections = replaceById(doc.projections, edit.id, (p) => ({ ...p, ...edit.patch }));
      if (projections === doc.projections) return doc;
      const target = doc.projections.find((p) => p.id === edit.id)?.target;
      const { targetPatch } = edit;
      if (targetPatch === undefined || target === undefined) return { ...doc, projections };
      const populations = replaceById(doc.populations, target, (p) =>
        patchPopulation(p, targetPatch),
      );
      const next = { ...doc, projections, populations };
      return targetPatch.size === undefined ? next : syncRateWeights(next, target);
    }
    case 'duplicate': {
      if (edit.populationIds.length === 0) return doc;
      return insertFragment(doc, extractFragment(doc, edit.populationIds), edit.offset).document;
    }
    case 'paste':
      if (edit.fragment.populations.length === 0) return doc;
      return insertFragment(doc, edit.fragment, edit.offset).document;
    case 'replaceDocument':
      return edit.document;
    case 'setName':
      return edit.name === doc.name ? doc : { ...doc, name: edit.name };
    case 'updateRun':
      return { ...doc, run: { ...doc.run, ...edit.patch } };
    case 'addProbe':
      return { ...doc, probes: [...doc.probes, edit.probe] };
    case 'updateProbe': {
      const probes = replaceById(doc.probes, edit.probe.id, () => edit.probe);
      return probes === doc.probes ? doc : { ...doc, probes };
    }
    case 'removeProbe': {
      const probes = doc.probes.filter((p) => p.id !== edit.id);
      return probes.length === doc.probes.length ? doc : { ...doc, probes };
    }
    case 'addStimulus':
      return { ...doc, stimuli: [...doc.stimuli, edit.stimulus] };
    case 'updateStimulus': {
      const stimuli = replaceById(doc.stimuli, edit.id, (s) =>
        s.kind === 'current_step' ? { ...s, ...edit.patch } : s,
      );
      return stimuli === doc.stimuli ? doc : { ...doc, stimuli };
    }
    case 'removeStimulus': {
      const stimuli = doc.stimuli.filter((s) => s.id !== edit.id);
      return stimuli.length === doc.stimuli.length ? doc : { ...doc, stimuli };
    }
    default:
      return assertNever(edit);
  }
}
