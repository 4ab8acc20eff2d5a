/**
 * React Flow ids of the edges drawn for SC dense layers' rates inputs. The edge stands for a
 * field of the layer, so its id is made from the layer's id; projections keep their own ids.
 */

const PREFIX = 'rates:';

/** The edge id of layer `layerId`'s rates input. */
export function ratesEdgeId(layerId: string): string {
  return `${PREFIX}${layerId}`;
}

/**
 * The layer whose rates input edge has id `edgeId`, or `null` for any other edge. Projection
 * ids are checked first by callers, so a projection that happens to be named `rates:...` stays
 * a projection.
 */
export function ratesEdgeLayer(edgeId: string): string | null {
  return edgeId.startsWith(PREFIX) ? edgeId.slice(PREFIX.length) : null;
}
