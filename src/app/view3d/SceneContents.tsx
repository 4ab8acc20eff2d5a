import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useDocumentStore } from '../../store/document/index.ts';
import { buildBundleGroup, disposeGroup } from './bundle-object.ts';
import { CameraRig } from './CameraRig.tsx';
import { chooseLod, pixelsAcross } from './lod.ts';
import type { SceneModel } from './scene-model.ts';
import type { ActivitySum } from './spike-fade.ts';
import { useNeuronClouds } from './useNeuronClouds.ts';
import { useNeuronPicking } from './useNeuronPicking.ts';
import { useSpikeFeed } from './useSpikeFeed.ts';
import { useView3dTestHook } from './useView3dTestHook.ts';

const NO_IDS: readonly string[] = [];

/**
 * Everything inside the 3D canvas: lights, one cloud per population, the projection bundles
 * and the camera. The per-frame work (fading flashes, choosing the level of detail) runs in
 * `useFrame` on the clouds' typed arrays; React renders only when the document or the
 * selection changes.
 */
export function SceneContents({ scene }: { scene: SceneModel }) {
  const selectedPopulations = useDocumentStore((s) => s.selection.populations);
  const selectedProjections = useDocumentStore((s) => s.selection.projections ?? NO_IDS);
  const clouds = useNeuronClouds(scene, selectedPopulations);
  const fades = useSpikeFeed(clouds);
  const activity = useRef<ActivitySum>({ x: 0, y: 0, z: 0, weight: 0 });
  const frames = useRef(0);
  const bundles = useMemo(
    () => buildBundleGroup(scene.bundles, new Set(selectedProjections)),
    [scene, selectedProjections],
  );
  useEffect(() => () => disposeGroup(bundles), [bundles]);
  useNeuronPicking(scene);
  useView3dTestHook(clouds, fades, frames);

  const camera = useThree((s) => s.camera);
  const height = useThree((s) => s.size.height);
  const invalidate = useThree((s) => s.invalidate);
  const center = new THREE.Vector3();
  useFrame(() => {
    frames.current += 1;
    const now = performance.now();
    const sum = { x: 0, y: 0, z: 0, weight: 0 };
    let lit = false;
    const fov = camera instanceof THREE.PerspectiveCamera ? camera.fov : 45;
    for (const cloud of clouds) {
      const p = cloud.population;
      const fade = fades.current.get(p.id);
      if (fade?.update(now, cloud.write, p.positions, sum)) cloud.commitColors();
      if (fade && fade.litCount > 0) lit = true;
      center.set(p.layout.center.x, p.layout.center.y, p.layout.center.z);
      const distance = Math.max(1e-3, camera.position.distanceTo(center) - p.radius);
      const px = pixelsAcross(p.layout.spacing, distance, fov, height);
      cloud.setLod(chooseLod(scene.totalNeurons, px, cloud.currentLod));
    }
    activity.current = sum;
    if (lit) invalidate();
  });

  return (
    <>
      {/* three's Lambert divides light by pi: these give a lit side of about 1.9 times the
          color (a flash saturates to near white) and a shaded side of about 0.8. */}
      <ambientLight intensity={2.4} />
      <directionalLight position={[1, 2, 3]} intensity={3.6} />
      {clouds.map((c) => (
        <primitive key={c.population.id} object={c.group} />
      ))}
      <primitive object={bundles} />
      <CameraRig bounds={scene.bounds} activity={activity} />
    </>
  );
}
