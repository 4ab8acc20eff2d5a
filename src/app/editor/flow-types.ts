/** The node and edge types the canvas draws, built from the document (see useFlowElements). */
import type { Edge, Node } from '@xyflow/react';
import type { Population, Projection } from '../../model/index.ts';

export interface PopulationNodeData extends Record<string, unknown> {
  population: Population;
  /** Number of probes and stimuli on the population, shown as badges. */
  probes: number;
  stimuli: number;
}

export type PopulationFlowNode = Node<PopulationNodeData, 'population'>;

export interface ProjectionEdgeData extends Record<string, unknown> {
  projection: Projection;
  /** A projection runs the other way between the same two populations. */
  reciprocal: boolean;
}

export type ProjectionFlowEdge = Edge<ProjectionEdgeData, 'projection'>;
