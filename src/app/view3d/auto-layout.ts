/**
 * The layout of every population in the 3D view: its own `layout3d` when it has one, otherwise
 * one made from its place on the editor canvas, so a document drawn before the 3D view existed
 * looks like its canvas: left to right stays left to right, top to bottom stays top to bottom.
 */
import type { Layout3d, Layout3dShape, NetworkDocument, Population } from '../../model/document.ts';
import { layoutRadius } from './layout.ts';

/** Spacing of an automatic layout, view units (a neuron is drawn about 0.35 wide). */
export const AUTO_SPACING = 1;

/** Empty space kept between two automatically placed populations, view units. */
const AUTO_GAP = 4;

/** Canvas pixels to view units when nothing needs more room (small populations far apart). */
const MIN_SCALE = 0.02;

export interface PlacedPopulation {
  id: string;
  size: number;
  layout: Layout3d;
  /** Whether the layout was made here (the document has none for it). */
  auto: boolean;
}

/** Spike sources are sheets, as an input layer is drawn; neuron populations are cubes. */
export function autoShape(model: Population['model']): Layout3dShape {
  switch (model) {
    case 'poisson':
    case 'spike_generator':
    case 'sc_dense':
      return 'layer';
    case 'stochastic_lif':
    case 'loihi':
    case 'izhikevich':
    case 'adex':
    case 'dynapsim':
    case 'fixed_point_lif':
    case 'nir_neuron':
      return 'grid';
  }
}

/**
 * The canvas-pixel to view-unit scale at which no two automatically laid out populations
 * overlap: the largest (r_a + r_b + gap) / distance over pairs, at least `MIN_SCALE`.
 */
export function autoScale(pops: readonly { x: number; y: number; radius: number }[]): number {
  let scale = MIN_SCALE;
  for (let a = 0; a < pops.length; a++) {
    for (let b = a + 1; b < pops.length; b++) {
      const pa = pops[a]!;
      const pb = pops[b]!;
      const d = Math.hypot(pa.x - pb.x, pa.y - pb.y);
      if (d > 1e-9) scale = Math.max(scale, (pa.radius + pb.radius + AUTO_GAP) / d);
    }
  }
  return scale;
}

/**
 * Every population's layout, in document order. Populations at the very same canvas spot
 * (a hand-written file without positions) are stacked along z instead of overlapping.
 *
 * @example placePopulations(doc)[0].layout // { shape: 'layer', center: {...}, spacing: 1 }
 */
export function placePopulations(doc: NetworkDocument): PlacedPopulation[] {
  const autos = doc.populations
    .filter((p) => p.layout3d === undefined)
    .map((p) => {
      const shape = autoShape(p.model);
      return {
        p,
        shape,
        x: p.position.x,
        y: p.position.y,
        radius: layoutRadius(p.size, { shape, spacing: AUTO_SPACING }),
      };
    });
  const scale = autoScale(autos);
  const seen = new Map<string, number>();
  const autoLayouts = new Map<string, Layout3d>();
  for (const a of autos) {
    const key = `${a.x},${a.y}`;
    const stacked = seen.get(key) ?? 0;
    seen.set(key, stacked + a.radius * 2 + AUTO_GAP);
    autoLayouts.set(a.p.id, {
      shape: a.shape,
      // Canvas y grows downwards, view y upwards.
      center: { x: a.x * scale, y: -a.y * scale, z: -stacked },
      spacing: AUTO_SPACING,
    });
  }
  return doc.populations.map((p) => {
    const own = p.layout3d;
    if (own !== undefined) return { id: p.id, size: p.size, layout: own, auto: false };
    return { id: p.id, size: p.size, layout: autoLayouts.get(p.id)!, auto: true };
  });
}
