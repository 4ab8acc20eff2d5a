import { MarkerType } from '@xyflow/react';
import { useMemo } from 'react';
import type { NetworkDocument } from '../../model/index.ts';
import type { Selection } from '../../store/document/index.ts';
import { useDocumentStore } from '../../store/document/index.ts';
import type { PopulationFlowNode, ProjectionFlowEdge } from './flow-types.ts';
import { weightSign } from './projection-summary.ts';

/** Measured node sizes, reported by React Flow and fed back so it keeps them (controlled nodes). */
export type MeasuredSizes = ReadonlyMap<string, { width: number; height: number }>;

const SIGN_COLOR = { excitatory: '#ff8a5c', inhibitory: '#5ca8ff', mixed: '#a8b3c7' } as const;

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
  const probes = countBy(doc.probes.map((p) => p.population));
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

export function buildEdges(doc: NetworkDocument, selection: Selection): ProjectionFlowEdge[] {
  const selected = new Set(selection.projections);
  const pairs = new Set(doc.projections.map((p) => `${p.source}\u0000${p.target}`));
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
        pairs.has(`${projection.target}\u0000${projection.source}`),
    },
    markerEnd: {
      type: MarkerType.ArrowClosed,
      color: SIGN_COLOR[weightSign(projection.weight)],
      width: 16,
      height: 16,
    },
  }));
}

/** Nodes and edges for React Flow, rebuilt only when the document or the selection change. */
export function useFlowElements(measured: MeasuredSizes) {
  const doc = useDocumentStore((s) => s.document);
  const selection = useDocumentStore((s) => s.selection);
  const nodes = useMemo(() => buildNodes(doc, selection, measured), [doc, selection, measured]);
  const edges = useMemo(() => buildEdges(doc, selection), [doc, selection]);
  return { nodes, edges };
}
