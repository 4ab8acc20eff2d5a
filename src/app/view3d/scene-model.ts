/**
 * What the 3D view draws, computed from the document alone: each population's neurons and
 * extent, and each projection's bundle. Pure, so the scene is a thin drawing of this.
 */
import { expectedSynapses } from '../../engine/compile/memory-estimate.ts';
import type { Layout3d, NetworkDocument, PopulationModel } from '../../model/document.ts';
import { projectionSign, type WeightSign } from '../editor/projection-summary.ts';
import { placePopulations } from './auto-layout.ts';
import { boundsOf, type Bounds } from './camera-math.ts';
import {
  bundleGeometry,
  cubicAt,
  MAX_STRANDS,
  sampleIndices,
  type BundleGeometry,
} from './bundle.ts';
import { layoutRadius, neuronPositions, type Vec3 } from './layout.ts';

export interface ScenePopulation {
  id: string;
  label: string;
  model: PopulationModel;
  size: number;
  layout: Layout3d;
  /** The layout was made by the view (the document has none). */
  auto: boolean;
  /** xyz of each neuron, interleaved. */
  positions: Float32Array;
  /** Half-width of the population's box, view units. */
  radius: number;
}

export interface SceneBundle {
  id: string;
  source: string;
  target: string;
  /** Expected synapse count (the mean for random connectivity). */
  synapses: number;
  sign: WeightSign;
  geometry: BundleGeometry;
}

export interface SceneModel {
  populations: ScenePopulation[];
  bundles: SceneBundle[];
  bounds: Bounds;
  totalNeurons: number;
}

function neuronAt(positions: Float32Array, i: number): Vec3 {
  return { x: positions[3 * i]!, y: positions[3 * i + 1]!, z: positions[3 * i + 2]! };
}

/**
 * The scene of a document.
 *
 * @example buildScene(doc).bundles[0].synapses // 8000 for 4000 x 4000 at p = 0.0005
 */
export function buildScene(doc: NetworkDocument): SceneModel {
  const placed = placePopulations(doc);
  const populations: ScenePopulation[] = doc.populations.map((p, k) => {
    const layout = placed[k]!.layout;
    return {
      id: p.id,
      label: p.label ?? p.id,
      model: p.model,
      size: p.size,
      layout,
      auto: placed[k]!.auto,
      positions: neuronPositions(p.size, layout),
      radius: layoutRadius(p.size, layout),
    };
  });
  const byId = new Map(populations.map((p) => [p.id, p] as const));
  const end = (p: ScenePopulation) => ({
    center: p.layout.center,
    radius: p.radius,
    samples: sampleIndices(p.size, MAX_STRANDS).map((i) => neuronAt(p.positions, i)),
  });
  const bundles: SceneBundle[] = [];
  for (const pr of doc.projections) {
    const s = byId.get(pr.source);
    const t = byId.get(pr.target);
    if (!s || !t) continue;
    const shape = doc.populations.find((p) => p.id === s.id)?.shape;
    const synapses = expectedSynapses(pr.connectivity, s.size, t.size, s.id === t.id, shape);
    bundles.push({
      id: pr.id,
      source: s.id,
      target: t.id,
      synapses,
      sign: projectionSign(pr),
      geometry: bundleGeometry(end(s), end(t), synapses),
    });
  }
  return {
    populations,
    bundles,
    // Bundle middles too: a loop rises well above its population and must fit in the view.
    bounds: boundsOf([
      ...populations.map((p) => ({ center: p.layout.center, radius: p.radius })),
      ...bundles.map((b) => ({
        center: cubicAt(b.geometry.spine, 0.5),
        radius: b.geometry.radius,
      })),
    ]),
    totalNeurons: populations.reduce((n, p) => n + p.size, 0),
  };
}
