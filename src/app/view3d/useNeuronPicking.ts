/**
 * Click a neuron: its population becomes the editor's selection and the neuron's membrane
 * potential is recorded (a `v` state probe, through the document store, so Ctrl+Z takes it
 * back). A drag (orbiting) is not a click.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import * as THREE from 'three';
import { formatIssue } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { useNotices } from '../common/notices-store.ts';
import { pickNeuron } from './pick.ts';
import { probeNeuronEdit } from './probe-neuron.ts';
import type { SceneModel } from './scene-model.ts';

/** A pointer that moved further than this between press and release was dragging, px. */
const CLICK_SLOP = 5;

/** Probes neuron `index` of `population` and says so; returns the probe's id or null. */
export function probeNeuron(population: string, index: number): string | null {
  const store = documentStore.getState();
  const { toast } = useNotices.getState();
  const result = probeNeuronEdit(store.document, population, index);
  if (result.kind === 'none') {
    toast(capitalize(result.reason));
    return null;
  }
  const issues = store.tryApply(result.edit);
  const first = issues[0];
  if (first !== undefined) {
    toast(formatIssue(first), 'error');
    return null;
  }
  const label = store.document.populations.find((p) => p.id === population)?.label ?? population;
  toast(`Recording the membrane potential of ${label} neuron ${index}`, 'success');
  return result.probeId;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function useNeuronPicking(scene: SceneModel): void {
  const element = useThree((s) => s.gl.domElement);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    let down: { x: number; y: number } | null = null;
    const raycaster = new THREE.Raycaster();
    const onDown = (e: PointerEvent) => {
      down = e.button === 0 ? { x: e.clientX, y: e.clientY } : null;
    };
    const onUp = (e: PointerEvent) => {
      if (!down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP) return;
      down = null;
      const rect = element.getBoundingClientRect();
      const ndc = new THREE.Vector2(
        ((e.clientX - rect.left) / rect.width) * 2 - 1,
        -((e.clientY - rect.top) / rect.height) * 2 + 1,
      );
      raycaster.setFromCamera(ndc, camera);
      const targets = scene.populations.map((p) => ({
        id: p.id,
        positions: p.positions,
        center: p.layout.center,
        radius: p.radius,
        spacing: p.layout.spacing,
      }));
      const hit = pickNeuron(targets, raycaster.ray.origin, raycaster.ray.direction);
      if (!hit) return;
      documentStore.getState().select({ populations: [hit.population], projections: [] });
      probeNeuron(hit.population, hit.index);
    };
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('pointerup', onUp);
    return () => {
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('pointerup', onUp);
    };
  }, [element, camera, scene]);
}
