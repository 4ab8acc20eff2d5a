/** Words for history entries, shown in the undo/redo tooltips ("Undo move"). */
import type { DocumentEdit } from './edits.ts';

export function editLabel(edit: DocumentEdit): string {
  switch (edit.type) {
    case 'addPopulation':
      return 'add population';
    case 'removeNodes':
      return 'delete';
    case 'movePopulations':
      return 'move';
    case 'updatePopulation':
    case 'updatePopulationParams':
      return 'edit population';
    case 'setScInputs':
      return 'edit layer inputs';
    case 'addProjection':
      return 'connect';
    case 'updateProjection':
      return 'edit projection';
    case 'duplicate':
      return 'duplicate';
    case 'paste':
      return 'paste';
    case 'replaceDocument':
      return 'open network';
    case 'setName':
      return 'rename network';
    case 'updateRun':
      return 'edit run settings';
    case 'addProbe':
    case 'updateProbe':
    case 'removeProbe':
      return 'edit probes';
    case 'addStimulus':
    case 'updateStimulus':
    case 'removeStimulus':
      return 'edit stimuli';
  }
}
