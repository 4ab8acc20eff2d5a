/**
 * One `NeuronCloud` per population of the scene, rebuilt when the scene changes and freed when
 * replaced; the selected populations are highlighted without rebuilding.
 */
import { useInvalidate } from './useInvalidate.ts';
import { useEffect, useMemo } from 'react';
import { MODEL_STYLE } from '../common/model-style.ts';
import { NeuronCloud } from './neuron-cloud.ts';
import type { SceneModel } from './scene-model.ts';

export function useNeuronClouds(scene: SceneModel, selected: readonly string[]): NeuronCloud[] {
  const invalidate = useInvalidate();
  const clouds = useMemo(
    () => scene.populations.map((p) => new NeuronCloud(p, MODEL_STYLE[p.model].color)),
    [scene],
  );
  useEffect(() => () => clouds.forEach((c) => c.dispose()), [clouds]);
  useEffect(() => {
    const on = new Set(selected);
    for (const c of clouds) c.setHighlighted(on.has(c.population.id));
    invalidate();
  }, [clouds, selected, invalidate]);
  return clouds;
}
