/**
 * The palette's one way to add a population (drop or double-click): the store adds it, and
 * when that also changed the run settings (a Loihi population needs dt = 1 ms) a toast says so,
 * so the user is never left wondering why the run's dt moved or why a network is invalid.
 */
import type { CanvasPosition, PopulationModel } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { MODEL_STYLE } from '../common/model-style.ts';
import { useNotices } from '../common/notices-store.ts';

/** Adds a population of `model` at `position` and explains any run setting it changed. */
export function addPopulationFromPalette(model: PopulationModel, position: CanvasPosition): string {
  const store = documentStore.getState();
  const dtBefore = store.document.run.dt;
  const id = store.addPopulation(model, position);
  const dtAfter = documentStore.getState().document.run.dt;
  if (dtAfter !== dtBefore) {
    useNotices
      .getState()
      .toast(
        `${MODEL_STYLE[model].name} steps at ${dtAfter} ms: the run's dt changed from ` +
          `${dtBefore} to ${dtAfter} ms (Undo restores both).`,
      );
  }
  return id;
}
