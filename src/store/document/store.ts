/**
 * The document store: the network being edited, its undo history, the selection and the
 * clipboard. Built with zustand's vanilla `createStore` so unit tests drive it without React;
 * `index.ts` binds it to a hook. Every change of `document` bumps `documentRevision`.
 */
import { createStore } from 'zustand/vanilla';
import type {
  CanvasPosition,
  NetworkDocument,
  PopulationModel,
  Probe,
} from '../../model/document.ts';
import { createDocument, createPopulation, uniqueId } from '../../model/index.ts';
import { projectionInto, requiredRun } from './connect-defaults.ts';
import type { ValidationIssue } from '../../model/index.ts';
import { checkEdit } from './check-edit.ts';
import { guardIssues, reportRefusal } from './edit-guard.ts';
import type { DocumentEdit } from './edits.ts';
import type { Fragment } from './fragment.ts';
import { extractFragment, insertFragment, takenIds } from './fragment.ts';
import type { History } from './history.ts';
import * as history from './history.ts';
import { editLabel } from './labels.ts';
import { applyEdit } from './reduce.ts';
import type { Selection } from './selection.ts';
import { emptySelection, pruneSelection, selectedRateInputs } from './selection.ts';
import { DEFAULT_RATES_TAU, isScDense } from './sc-inputs.ts';

/** How far a paste or a duplicate lands from its original, canvas pixels. */
export const PASTE_OFFSET = 40;

export interface ApplyOptions {
  /** History label; defaults to a word for the edit type. */
  label?: string;
  /** Consecutive recorded edits with the same key fold into one undo entry. */
  mergeKey?: string;
  /** `false` for changes that are not user edits (restoring an autosave): no undo entry. */
  record?: boolean;
}

export interface DocumentState {
  document: NetworkDocument;
  /** Increments on every change of `document`, undo and redo included. */
  documentRevision: number;
  history: History;
  selection: Selection;
  clipboard: Fragment | null;
  /** Pastes since the last copy, so repeated pastes cascade instead of stacking. */
  pasteCount: number;

  /** Increments whenever a whole document is loaded (open, example, link), to refit the view. */
  loadRevision: number;

  apply: (edit: DocumentEdit, options?: ApplyOptions) => void;
  /**
   * Applies `edit` only if the document stays valid; returns the issues otherwise (and
   * changes nothing). Forms use this so an out-of-range value never reaches the document.
   */
  tryApply: (edit: DocumentEdit, options?: ApplyOptions) => ValidationIssue[];
  undo: () => void;
  redo: () => void;
  beginTransaction: (label: string) => void;
  commitTransaction: () => void;
  cancelTransaction: () => void;
  select: (selection: Selection) => void;
  /**
   * Adds a population of `model` at `position`; returns its id. A Loihi population in a run
   * whose dt is not 1 ms sets dt to 1 in the same edit (one undo removes both).
   */
  addPopulation: (model: PopulationModel, position: CanvasPosition) => string;
  /**
   * Adds a projection with default settings for the target's model (`projectionInto`: a Loihi
   * target gets a Loihi synapse, a DynapSim target a DPI synapse) from `source` to `target` and
   * returns its id (empty when `target` does not exist). An
   * SC dense target takes no projections: it reads `source`'s rates instead (`feedRates`), and
   * the layer's id is returned.
   */
  connect: (source: string, target: string) => string;
  /**
   * Makes the SC dense `layer` read `source`'s firing rates (keeping its rates time constant if
   * it had one) with one weight per source neuron, as one undoable edit, and selects the layer.
   * Returns the model's issues, and changes nothing, if the document refuses (a layer cannot
   * read its own rates).
   */
  feedRates: (source: string, layer: string) => ValidationIssue[];
  deleteSelection: () => void;
  duplicateSelection: () => void;
  copySelection: () => void;
  paste: () => void;
  /** Replaces the whole document. Recorded (undoable) unless `record` is false. */
  loadDocument: (document: NetworkDocument, options?: { record?: boolean; label?: string }) => void;
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** Creates a document store starting from `initial` (an empty network when omitted). */
export function createDocumentStore(initial: NetworkDocument = createDocument()) {
  return createStore<DocumentState>()((set, get) => {
    /** Moves to `next` (if it differs), keeping revision and selection in step. */
    const commit = (next: NetworkDocument, nextHistory: History, selection?: Selection): void => {
      const state = get();
      const changed = next !== state.document;
      set({
        document: next,
        history: nextHistory,
        documentRevision: changed ? state.documentRevision + 1 : state.documentRevision,
        selection: pruneSelection(selection ?? state.selection, next),
      });
    };

    const apply = (edit: DocumentEdit, options: ApplyOptions = {}): void => {
      const { document: before, history: h } = get();
      const after = applyEdit(before, edit);
      if (after === before) return;
      // The classroom's policy (locks, ranges) sees every edit here, whatever made it; a whole
      // new network (a lesson step's, a link's) brings its own values and is not an edit of them.
      const refused = edit.type === 'replaceDocument' ? [] : guardIssues(before, after);
      if (refused.length > 0) return reportRefusal(refused);
      const label = options.label ?? editLabel(edit);
      const nextHistory =
        options.record === false ? h : history.record(h, label, before, after, options.mergeKey);
      commit(after, nextHistory);
    };

    return {
      document: initial,
      documentRevision: 0,
      history: history.emptyHistory,
      selection: emptySelection,
      clipboard: null,
      pasteCount: 0,
      loadRevision: 0,

      apply,
      tryApply: (edit, options) => {
        const checked = checkEdit(get().document, edit);
        if (!checked.ok) return checked.issues;
        apply(edit, options);
        return [];
      },
      undo: () => {
        const { history: h, document } = get();
        const result = history.undo(h, document);
        if (result !== null) commit(result.document, result.history);
      },
      redo: () => {
        const { history: h, document } = get();
        const result = history.redo(h, document);
        if (result !== null) commit(result.document, result.history);
      },
      beginTransaction: (label) => {
        const { history: h, document } = get();
        set({ history: history.beginTransaction(h, label, document) });
      },
      commitTransaction: () => {
        const { history: h, document } = get();
        set({ history: history.commitTransaction(h, document) });
      },
      cancelTransaction: () => {
        const { history: h, document } = get();
        const { history: closed, restore } = history.cancelTransaction(h);
        commit(restore ?? document, closed);
      },
      select: (selection) => set({ selection: pruneSelection(selection, get().document) }),

      addPopulation: (model, position) => {
        const taken = takenIds(get().document);
        const id = uniqueId(model, taken);
        taken.add(id);
        // A new population records its spikes, so the next run shows it in the raster.
        const probe: Probe = {
          id: uniqueId(`${id}_spikes`, taken),
          kind: 'spikes',
          population: id,
        };
        const run = requiredRun(model, get().document.run);
        apply({
          type: 'addPopulation',
          population: createPopulation(model, id, position),
          probes: [probe],
          ...(run === undefined ? {} : { run }),
        });
        set({ selection: { populations: [id], projections: [] } });
        return id;
      },
      connect: (source, target) => {
        const targetPopulation = get().document.populations.find((p) => p.id === target);
        if (targetPopulation === undefined) return '';
        if (isScDense(targetPopulation)) {
          get().feedRates(source, target);
          return target;
        }
        const id = uniqueId(`${source}_to_${target}`, takenIds(get().document));
        apply({ type: 'addProjection', projection: projectionInto(id, source, targetPopulation) });
        set({ selection: { populations: [], projections: [id] } });
        return id;
      },
      feedRates: (source, layerId) => {
        const layer = get().document.populations.find((p) => p.id === layerId);
        if (!isScDense(layer)) return [];
        const old = layer.params.inputs;
        const tau = old.kind === 'rates' ? old.tau : DEFAULT_RATES_TAU;
        const issues = get().tryApply(
          { type: 'setScInputs', id: layerId, inputs: { kind: 'rates', source, tau } },
          { label: 'connect rates' },
        );
        if (issues.length === 0) set({ selection: { populations: [layerId], projections: [] } });
        return issues;
      },
      deleteSelection: () => {
        const { selection } = get();
        apply({
          type: 'removeNodes',
          populationIds: selection.populations,
          projectionIds: selection.projections,
          rateInputIds: selectedRateInputs(selection),
        });
      },
      duplicateSelection: () => {
        const { document, selection } = get();
        if (selection.populations.length === 0) return;
        // Computed here as well as in the reducer, only to learn the new ids for the selection.
        const offset = { x: PASTE_OFFSET, y: PASTE_OFFSET };
        const inserted = insertFragment(
          document,
          extractFragment(document, selection.populations),
          offset,
        );
        apply({
          type: 'duplicate',
          populationIds: selection.populations,
          projectionIds: selection.projections,
          offset,
        });
        set({
          // Only the populations: the copy is what the user goes on to move or edit.
          selection: { populations: inserted.populationIds, projections: [] },
        });
      },
      copySelection: () => {
        const { document, selection } = get();
        if (selection.populations.length === 0) return;
        set({ clipboard: extractFragment(document, selection.populations), pasteCount: 0 });
      },
      paste: () => {
        const { document, clipboard, pasteCount } = get();
        if (clipboard === null) return;
        const step = PASTE_OFFSET * (pasteCount + 1);
        const offset = { x: step, y: step };
        const inserted = insertFragment(document, clipboard, offset);
        // A Loihi population copied from a 1 ms network into one that is not: the paste sets
        // dt as well, as one undo entry, as adding one from the palette does.
        const run = clipboard.populations
          .map((p) => requiredRun(p.model, document.run))
          .find((r) => r !== undefined);
        if (run !== undefined) get().beginTransaction('paste');
        apply({ type: 'paste', fragment: clipboard, offset });
        if (run !== undefined) {
          apply({ type: 'updateRun', patch: run });
          get().commitTransaction();
        }
        set({
          pasteCount: pasteCount + 1,
          // Only the populations: the copy is what the user goes on to move or edit.
          selection: { populations: inserted.populationIds, projections: [] },
        });
      },
      loadDocument: (document, options = {}) => {
        apply(
          { type: 'replaceDocument', document },
          {
            record: options.record ?? true,
            ...(options.label === undefined ? {} : { label: options.label }),
          },
        );
        set({ selection: emptySelection, loadRevision: get().loadRevision + 1 });
      },
    };
  });
}
