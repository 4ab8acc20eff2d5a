import { MarkerType } from '@xyflow/react';
import { useMemo } from 'react';
import type { NetworkDocument } from '../../model/index.ts';
import { isPopulationProbe } from '../../model/index.ts';
import type { Selection } from '../../store/document/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import type {
  CanvasEdge,
  PopulationFlowNode,
  ProjectionFlowEdge,
  RatesFlowEdge,
} from './flow-types.ts';
import { projectionSign } from './projection-summary.ts';
import { ratesEdgeId } from './rates-edge-id.ts';

/** Measured node sizes, reported by React Flow and fed back so it keeps them (controlled nodes). */
export type MeasuredSizes = ReadonlyMap<string, { width: number; height: number }>;

const SIGN_COLOR = { excitatory: '#ff8a5c', inhibitory: '#5ca8ff', mixed: '#a8b3c7' } as const;

/** Rates edges take the SC layer's colour (MODEL_STYLE.sc_dense), dimmed like a data wire. */
export const RATES_COLOR = '#3ccfae';

function countBy(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function buildNodes(
  doc: NetworkDocument,
  selection: Selection,
  measured: MeasuredSizes,
): PopulationFlowNode[] {
  const selected = new Set(selection.populations);
  const probes = countBy(doc.probes.filter(isPopulationProbe).map((p) => p.population));
  const stimuli = countBy(doc.stimuli.map((s) => s.target));
  return doc.populations.map((population) => {
    const size = measured.get(population.id);
    const node: PopulationFlowNode = {
      id: population.id,
      type: 'population',
      position: population.position,
      selected: selected.has(population.id),
      data: {
        population,
        probes: probes.get(population.id) ?? 0,
        stimuli: stimuli.get(population.id) ?? 0,
      },
    };
    if (size !== undefined) node.measured = size;
    return node;
  });
}

/** Projections and rates inputs, the edges of the canvas. */
export function buildEdges(doc: NetworkDocument, selection: Selection): CanvasEdge[] {
  // Every (source, target) pair with an edge, so an edge the other way is drawn apart.
  const pairs = new Set([
    ...doc.projections.map((p) => pairKey(p.source, p.target)),
    ...doc.populations.flatMap((p) =>
      p.model === 'sc_dense' && p.params.inputs.kind === 'rates'
        ? [pairKey(p.params.inputs.source, p.id)]
        : [],
    ),
  ]);
  return [
    ...buildProjectionEdges(doc, selection, pairs),
    ...buildRatesEdges(doc, selection, pairs),
  ];
}

function pairKey(source: string, target: string): string {
  return `${source}\u0000${target}`;
}

function buildProjectionEdges(
  doc: NetworkDocument,
  selection: Selection,
  pairs: ReadonlySet<string>,
): ProjectionFlowEdge[] {
  const selected = new Set(selection.projections);
  return doc.projections.map((projection) => ({
    id: projection.id,
    type: 'projection',
    source: projection.source,
    target: projection.target,
    selected: selected.has(projection.id),
    data: {
      projection,
      reciprocal:
        projection.source !== projection.target &&
        pairs.has(pairKey(projection.target, projection.source)),
    },
    markerEnd: {
      type: MarkerType.ArrowClosed,
      color: SIGN_COLOR[projectionSign(projection)],
      width: 16,
      height: 16,
    },
  }));
}

/**
 * One dashed edge per SC dense layer that reads rates, from the source's output handle to the
 * layer's input handle.
 */
function buildRatesEdges(
  doc: NetworkDocument,
  selection: Selection,
  pairs: ReadonlySet<string>,
): RatesFlowEdge[] {
  const selected = new Set(selection.rateInputs ?? []);
  const sizes = new Map(doc.populations.map((p) => [p.id, p.size]));
  return doc.populations.flatMap((layer): RatesFlowEdge[] => {
    if (layer.model !== 'sc_dense' || layer.params.inputs.kind !== 'rates') return [];
    const { source, tau } = layer.params.inputs;
    const channels = sizes.get(source);
    if (channels === undefined) return [];
    return [
      {
        id: ratesEdgeId(layer.id),
        type: 'rates',
        source,
        target: layer.id,
        selected: selected.has(layer.id),
        data: {
          layer: layer.id,
          source,
          tau,
          channels,
          reciprocal: pairs.has(pairKey(layer.id, source)),
        },
        markerEnd: { type: MarkerType.ArrowClosed, color: RATES_COLOR, width: 16, height: 16 },
      },
    ];
  });
}

/** Nodes and edges for React Flow, rebuilt only when the document or the selection change. */
export function useFlowElements(measured: MeasuredSizes) {
  const doc = useDocumentStore((s) => s.document);
  const selection = useDocumentStore((s) => s.selection);
  const nodes = useMemo(() => buildNodes(doc, selection, measured), [doc, selection, measured]);
  const edges = useMemo(() => buildEdges(doc, selection), [doc, selection]);
  return { nodes, edges };
}
