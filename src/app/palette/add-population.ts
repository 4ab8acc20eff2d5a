/**
 * The palette's one way to add a population (drop or double-click), and the paste shortcut:
 * the store adds it, and when that also changed the run's dt (a Loihi population needs 1 ms)
 * a toast says so, so the user is never left wondering why dt moved.
 */
import type { CanvasPosition, PopulationModel } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { useNotices } from '../common/notices-store.ts';

/** Runs `action` (an edit of the document store) and explains a dt change it made. */
export function withDtNotice<T>(action: () => T): T {
  const dtBefore = documentStore.getState().document.run.dt;
  const result = action();
  const dtAfter = documentStore.getState().document.run.dt;
  if (dtAfter !== dtBefore) {
    // Loihi is the one model that forces a step (store/document/connect-defaults.ts).
    useNotices
      .getState()
      .toast(
        `Loihi steps at ${dtAfter} ms: the run's dt changed from ${dtBefore} to ${dtAfter} ms ` +
          '(Undo restores both).',
      );
  }
  return result;
}

/** Adds a population of `model` at `position` and explains any run setting it changed. */
export function addPopulationFromPalette(model: PopulationModel, position: CanvasPosition): string {
  return withDtNotice(() => documentStore.getState().addPopulation(model, position));
}
