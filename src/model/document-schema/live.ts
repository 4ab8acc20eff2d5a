/**
 * A live slider (`NetworkDocument.live`): which parameter, and the slider's range. Whether the
 * path names a number that can change during a run is the engine's to say (`engine/live`); the
 * Live panel shows a path it cannot resolve with the reason instead of a slider.
 */
import type { LiveControl } from '../document.ts';
import { number, object, optional, string } from '../schema/index.ts';
import type { Schema } from '../schema/index.ts';

export const liveControlSchema: Schema<LiveControl> = object({
  path: string({ description: "A parameter path, e.g. 'stimuli/drive/amplitude'." }),
  min: number({ description: 'Left end of the slider.' }),
  max: number({ description: 'Right end of the slider.' }),
  step: optional(number({ gt: 0, description: 'Slider step; (max - min) / 100 when absent.' })),
});
