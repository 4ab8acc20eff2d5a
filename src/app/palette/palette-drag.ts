/**
 * The HTML5 drag-and-drop contract between the palette and the canvas: the palette puts the
 * model name under this MIME type; the canvas accepts only drags that carry it.
 */
import { POPULATION_MODELS, type PopulationModel } from '../../model/index.ts';

export const PALETTE_MIME = 'application/x-spikelab-model';

export function isPopulationModel(value: string): value is PopulationModel {
  return (POPULATION_MODELS as readonly string[]).includes(value);
}
