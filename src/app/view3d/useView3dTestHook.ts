/** Installs `window.__spikelab3d` (see test-hook.ts) while the 3D view is open with `?test=1`. */
import { useThree } from '@react-three/fiber';
import { useEffect, type RefObject } from 'react';
import * as THREE from 'three';
import type { Lod } from './lod.ts';
import type { NeuronCloud } from './neuron-cloud.ts';
import type { SpikeFade } from './spike-fade.ts';
import { testHooksEnabled } from './test-hook.ts';

export function useView3dTestHook(
  clouds: readonly NeuronCloud[],
  fades: RefObject<Map<string, SpikeFade>>,
  frames: RefObject<number>,
): void {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    if (!testHooksEnabled()) return;
    window.__spikelab3d = {
      neuronScreenPosition: (population, index) => {
        const p = clouds.find((c) => c.population.id === population)?.population;
        if (!p || index < 0 || index >= p.size) return null;
        const v = new THREE.Vector3(
          p.positions[3 * index],
          p.positions[3 * index + 1],
          p.positions[3 * index + 2],
        ).project(camera);
        if (Math.abs(v.x) > 1 || Math.abs(v.y) > 1 || v.z > 1) return null;
        const rect = element.getBoundingClientRect();
        return {
          x: rect.left + ((v.x + 1) / 2) * rect.width,
          y: rect.top + ((1 - v.y) / 2) * rect.height,
        };
      },
      info: () => {
        const lod: Record<string, Lod> = {};
        const sizes: Record<string, number> = {};
        for (const c of clouds) {
          lod[c.population.id] = c.currentLod;
          sizes[c.population.id] = c.population.size;
        }
        let lit = 0;
        for (const f of fades.current.values()) lit += f.litCount;
        return {
          lod,
          sizes,
          lit,
          frames: frames.current,
          neurons: clouds.reduce((n, c) => n + c.population.size, 0),
        };
      },
      measureFrames: (ms) =>
        new Promise((resolve) => {
          const intervals: number[] = [];
          const work: number[] = [];
          // Time each render call by wrapping the renderer's, for the length of the measurement.
          // three assigns `render` per renderer (not on the prototype): keep it to put back.
          const render = gl.render.bind(gl);
          gl.render = (scene, cam) => {
            const before = performance.now();
            render(scene, cam);
            work.push(performance.now() - before);
          };
          const start = performance.now();
          let last = start;
          const tick = (t: number) => {
            intervals.push(t - last);
            last = t;
            invalidate();
            if (t - start < ms) {
              requestAnimationFrame(tick);
            } else {
              gl.render = render;
              resolve({ intervals: intervals.slice(1), work });
            }
          };
          requestAnimationFrame(tick);
        }),
    };
    return () => {
      delete window.__spikelab3d;
    };
  }, [clouds, fades, frames, camera, element, invalidate, gl]);
}
