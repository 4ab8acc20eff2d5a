/**
 * The three.js objects of one population: its neurons as flat points or as an instanced mesh
 * of low-poly spheres (the level of detail), sharing one per-neuron color array that the spike
 * fade writes into every frame, so a spike never re-renders React. Imperative three, no React:
 * the component that shows it is a `<primitive>`.
 */
import * as THREE from 'three';
import type { Lod } from './lod.ts';
import type { ScenePopulation } from './scene-model.ts';

/** A spiking neuron's color: near white with a warm tint, bright on every model color. */
const FLASH = new THREE.Color('#fff3c4');

/** A neuron's share of the spacing: spheres of radius 0.3 spacing, points 0.55 spacing wide. */
const SPHERE_RADIUS = 0.3;
const POINT_SIZE = 0.55;

/** Resting brightness of a neuron's model color, dim so flashes stand out; brighter when selected. */
const DIM = 0.38;
const HIGHLIGHT = 0.85;

/** 80-triangle spheres for a small population, 20-triangle ones (icosahedra) for a larger one. */
const ROUND_SPHERE = new THREE.IcosahedronGeometry(1, 1);
const COARSE_SPHERE = new THREE.IcosahedronGeometry(1, 0);
const ROUND_SPHERE_MAX = 1000;

export class NeuronCloud {
  readonly group = new THREE.Group();
  /** RGB per neuron, shared by the points and the spheres. */
  readonly colors: Float32Array;
  private readonly base = new THREE.Color();
  private readonly modelColor: THREE.Color;
  private readonly points: THREE.Points;
  private mesh: THREE.InstancedMesh | null = null;
  private readonly outline: THREE.LineSegments;
  private lod: Lod = 'point';
  /** `writeBrightness` bound, for the spike fade's per-neuron callback. */
  readonly write = (i: number, brightness: number): void => this.writeBrightness(i, brightness);

  constructor(
    readonly population: ScenePopulation,
    color: string,
  ) {
    const n = population.size;
    this.modelColor = new THREE.Color(color);
    this.colors = new Float32Array(n * 3);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(population.positions, 3));
    geometry.setAttribute('color', new THREE.BufferAttribute(this.colors, 3));
    geometry.computeBoundingSphere();
    this.points = new THREE.Points(
      geometry,
      new THREE.PointsMaterial({
        size: population.layout.spacing * POINT_SIZE,
        vertexColors: true,
        sizeAttenuation: true,
      }),
    );
    this.group.add(this.points);
    this.outline = this.makeOutline();
    this.outline.visible = false;
    this.group.add(this.outline);
    this.setHighlighted(false);
  }

  get currentLod(): Lod {
    return this.lod;
  }

  /** Shows spheres or points; the spheres are built the first time they are needed. */
  setLod(lod: Lod): void {
    if (lod === this.lod) return;
    this.lod = lod;
    if (lod === 'sphere' && !this.mesh) this.mesh = this.makeMesh();
    this.points.visible = lod === 'point';
    if (this.mesh) this.mesh.visible = lod === 'sphere';
    this.commitColors();
  }

  /** The selected population is drawn brighter and boxed. */
  setHighlighted(on: boolean): void {
    this.base.copy(this.modelColor).multiplyScalar(on ? HIGHLIGHT : DIM);
    this.outline.visible = on;
    for (let i = 0; i < this.population.size; i++) this.writeBrightness(i, 0);
    this.commitColors();
  }

  /** Sets neuron `i` between its resting color (0) and the flash color (1). */
  writeBrightness(i: number, brightness: number): void {
    const b = this.base;
    const c = this.colors;
    c[3 * i] = b.r + (FLASH.r - b.r) * brightness;
    c[3 * i + 1] = b.g + (FLASH.g - b.g) * brightness;
    c[3 * i + 2] = b.b + (FLASH.b - b.b) * brightness;
  }

  /** Uploads the colors of the visible form on the next render. */
  commitColors(): void {
    if (this.lod === 'point') {
      (this.points.geometry.getAttribute('color') as THREE.BufferAttribute).needsUpdate = true;
    } else if (this.mesh?.instanceColor) {
      this.mesh.instanceColor.needsUpdate = true;
    }
  }

  dispose(): void {
    this.points.geometry.dispose();
    (this.points.material as THREE.Material).dispose();
    this.mesh?.dispose();
    (this.mesh?.material as THREE.Material | undefined)?.dispose();
    this.outline.geometry.dispose();
    (this.outline.material as THREE.Material).dispose();
  }

  private makeMesh(): THREE.InstancedMesh {
    const { size, positions, layout } = this.population;
    const geometry = size <= ROUND_SPHERE_MAX ? ROUND_SPHERE : COARSE_SPHERE;
    const mesh = new THREE.InstancedMesh(geometry, new THREE.MeshLambertMaterial(), size);
    const m = new THREE.Matrix4();
    const r = layout.spacing * SPHERE_RADIUS;
    for (let i = 0; i < size; i++) {
      m.makeScale(r, r, r).setPosition(
        positions[3 * i]!,
        positions[3 * i + 1]!,
        positions[3 * i + 2]!,
      );
      mesh.setMatrixAt(i, m);
    }
    mesh.instanceColor = new THREE.InstancedBufferAttribute(this.colors, 3);
    mesh.computeBoundingSphere();
    this.group.add(mesh);
    return mesh;
  }

  private makeOutline(): THREE.LineSegments {
    const { layout, radius } = this.population;
    const pad = layout.spacing * 0.8;
    const half = radius + pad;
    const flat = layout.shape === 'layer' ? pad : half;
    const box = new THREE.BoxGeometry(half * 2, flat * 2, half * 2);
    const edges = new THREE.EdgesGeometry(box);
    box.dispose();
    const lines = new THREE.LineSegments(
      edges,
      new THREE.LineBasicMaterial({ color: this.modelColor, transparent: true, opacity: 0.8 }),
    );
    lines.position.set(layout.center.x, layout.center.y, layout.center.z);
    return lines;
  }
}
