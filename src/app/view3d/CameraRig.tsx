import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, type RefObject } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { useDocumentStore } from '../../store/document/index.ts';
import { easeFraction, fitCamera, type Bounds } from './camera-math.ts';
import type { ActivitySum } from './spike-fade.ts';
import { useViewStore } from './view-store.ts';

/** Time constant of the follow camera's ease, ms: calm enough for a projector. */
const FOLLOW_TAU_MS = 700;

/**
 * Orbit and zoom (drag, wheel), fit on opening, on a loaded document and on request (the Fit
 * button, the F key), and the follow camera: while on, the orbit center eases toward the
 * brightness-weighted centroid of the lit neurons, the camera keeping its offset.
 */
export function CameraRig({
  bounds,
  activity,
}: {
  bounds: Bounds;
  activity: RefObject<ActivitySum>;
}) {
  const camera = useThree((s) => s.camera);
  const element = useThree((s) => s.gl.domElement);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  const invalidate = useThree((s) => s.invalidate);
  const fitRequest = useViewStore((s) => s.fitRequest);
  const follow = useViewStore((s) => s.follow);
  const loadRevision = useDocumentStore((s) => s.loadRevision);

  // three's own orbit controls (drei's wrapper would bring 3 MB of other helpers along).
  const controls = useMemo(() => new OrbitControls(camera, element), [camera, element]);
  useEffect(() => {
    // Connected here, not only by the constructor, so a remount (strict mode) reconnects.
    controls.connect(element);
    const onChange = () => invalidate();
    controls.addEventListener('change', onChange);
    return () => {
      controls.removeEventListener('change', onChange);
      controls.disconnect();
    };
  }, [controls, element, invalidate]);

  // Fit when opened, loaded or asked; not on every edit, which would yank the view away.
  useEffect(() => {
    if (!(camera instanceof THREE.PerspectiveCamera)) return;
    const fit = fitCamera(bounds, camera.fov, width / Math.max(1, height));
    camera.position.set(fit.position.x, fit.position.y, fit.position.z);
    camera.near = Math.max(0.01, fit.distance / 1000);
    camera.far = fit.distance * 20 + bounds.radius * 4;
    camera.updateProjectionMatrix();
    controls.target.set(fit.target.x, fit.target.y, fit.target.z);
    controls.update();
    invalidate();
    // `bounds` is read at those moments only, on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controls, camera, fitRequest, loadRevision, invalidate]);

  const goal = new THREE.Vector3();
  const step = new THREE.Vector3();
  useFrame((_, delta) => {
    const sum = activity.current;
    if (!follow || sum.weight <= 0) return;
    goal.set(sum.x / sum.weight, sum.y / sum.weight, sum.z / sum.weight);
    step
      .subVectors(goal, controls.target)
      .multiplyScalar(easeFraction(delta * 1000, FOLLOW_TAU_MS));
    controls.target.add(step);
    camera.position.add(step);
    controls.update();
    if (step.lengthSq() > 1e-8) invalidate();
  });

  return null;
}
