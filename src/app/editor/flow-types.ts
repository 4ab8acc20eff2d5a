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

/** An SC dense layer reading the firing rates of `source` (its `inputs`, not a projection). */
export interface RatesEdgeData extends Record<string, unknown> {
  /** The reading layer's id: what selecting or deleting this edge acts on. */
  layer: string;
  source: string;
  /** Time constant of the rates estimate, ms. */
  tau: number;
  /** Channels (one per source neuron). */
  channels: number;
  reciprocal: boolean;
}

export type RatesFlowEdge = Edge<RatesEdgeData, 'rates'>;

/** Every edge the canvas draws. */
export type CanvasEdge = ProjectionFlowEdge | RatesFlowEdge;
