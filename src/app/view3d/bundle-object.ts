/**
 * The three.js objects of the projections: one translucent tube per bundle spine (its radius
 * shows the synapse count) and every strand of every bundle in one `LineSegments`, colored by
 * the weights' sign as on the canvas. Imperative three, no React.
 */
import * as THREE from 'three';
import type { WeightSign } from '../editor/projection-summary.ts';
import { curveSegments } from './bundle.ts';
import type { SceneBundle } from './scene-model.ts';

/** The canvas's edge colors (App.css `--excitatory`, `--inhibitory`, `--mixed`). */
export const SIGN_COLOR: { readonly [S in WeightSign]: string } = {
  excitatory: '#ff8a5c',
  inhibitory: '#5ca8ff',
  mixed: '#a8b3c7',
};

/** Line pieces per strand and tube pieces per spine: smooth at any zoom the view allows. */
const STRAND_SEGMENTS = 16;
const SPINE_SEGMENTS = 32;

function toVector(p: { x: number; y: number; z: number }): THREE.Vector3 {
  return new THREE.Vector3(p.x, p.y, p.z);
}

/** Builds the group; `selected` projections are drawn more opaque. */
export function buildBundleGroup(
  bundles: readonly SceneBundle[],
  selected: ReadonlySet<string>,
): THREE.Group {
  const group = new THREE.Group();
  const positions: number[] = [];
  const colors: number[] = [];
  for (const b of bundles) {
    const color = new THREE.Color(SIGN_COLOR[b.sign]);
    const on = selected.has(b.id);
    const [p0, p1, p2, p3] = b.geometry.spine.map(toVector) as [
      THREE.Vector3,
      THREE.Vector3,
      THREE.Vector3,
      THREE.Vector3,
    ];
    const tube = new THREE.Mesh(
      new THREE.TubeGeometry(
        new THREE.CubicBezierCurve3(p0, p1, p2, p3),
        SPINE_SEGMENTS,
        b.geometry.radius,
        8,
      ),
      new THREE.MeshLambertMaterial({
        color,
        transparent: true,
        opacity: on ? 0.85 : 0.45,
        depthWrite: false,
      }),
    );
    tube.name = `bundle:${b.id}`;
    group.add(tube);
    const segments = curveSegments(b.geometry.strands, STRAND_SEGMENTS);
    for (let k = 0; k < segments.length; k++) positions.push(segments[k]!);
    for (let v = 0; v < segments.length / 3; v++) colors.push(color.r, color.g, color.b);
  }
  if (positions.length > 0) {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3));
    geometry.setAttribute('color', new THREE.Float32BufferAttribute(colors, 3));
    group.add(
      new THREE.LineSegments(
        geometry,
        new THREE.LineBasicMaterial({
          vertexColors: true,
          transparent: true,
          opacity: 0.3,
          depthWrite: false,
        }),
      ),
    );
  }
  return group;
}

/** Frees the group's GPU buffers. */
export function disposeGroup(group: THREE.Group): void {
  group.traverse((o) => {
    if (o instanceof THREE.Mesh || o instanceof THREE.LineSegments) {
      const mesh = o as THREE.Mesh<THREE.BufferGeometry, THREE.Material>;
      mesh.geometry.dispose();
      mesh.material.dispose();
    }
  });
}
