import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  MiniMap,
  ReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { formatIssue } from '../../model/index.ts';
import { documentStore } from '../../store/document/index.ts';
import { MODEL_STYLE } from '../common/model-style.ts';
import { useNotices } from '../common/notices-store.ts';
import { edgeSelection, nodeSelection, positionMoves } from './apply-flow-changes.ts';
import { CanvasControls } from './CanvasControls.tsx';
import type { CanvasEdge, PopulationFlowNode } from './flow-types.ts';
import { PopulationNode } from './PopulationNode.tsx';
import { isSource } from './population-summary.ts';
import { ProjectionEdge } from './ProjectionEdge.tsx';
import { RatesEdge } from './RatesEdge.tsx';
import { useCanvasDrop } from './useCanvasDrop.ts';
import { useEditorShortcuts } from './useEditorShortcuts.ts';
import { useFitOnLoad } from './useFitOnLoad.ts';
import { useFlowElements, type MeasuredSizes } from './useFlowElements.ts';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import './editor.css';

const nodeTypes = { population: PopulationNode };
const edgeTypes = { projection: ProjectionEdge, rates: RatesEdge };

/**
 * Neuron populations (LIF, Loihi, Izhikevich, AdEx, DynapSim) receive projections; an SC dense
 * layer reads the rates of any population but itself (the drop replaces its inputs, see
 * `connect`); sources (Poisson, generators) take nothing.
 */
function isValidConnection(connection: Connection | CanvasEdge): boolean {
  const target = documentStore
    .getState()
    .document.populations.find((p) => p.id === connection.target);
  if (target?.model === 'sc_dense') return connection.source !== connection.target;
  return target !== undefined && !isSource(target.model);
}

function minimapColor(node: PopulationFlowNode): string {
  return MODEL_STYLE[node.data.population.model].color;
}

/** The node-graph editor: populations as nodes, projections as edges. */
export function EditorCanvas() {
  const [measured, setMeasured] = useState<MeasuredSizes>(() => new Map());
  const { nodes, edges } = useFlowElements(measured);
  const { onDragOver, onDrop } = useCanvasDrop();
  useEditorShortcuts();
  useFitOnLoad();

  const onNodesChange = useCallback((changes: NodeChange<PopulationFlowNode>[]) => {
    const store = documentStore.getState();
    const sized = changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [c] : []));
    if (sized.length > 0) {
      setMeasured((old) => {
        const next = new Map(old);
        for (const c of sized) if (c.dimensions) next.set(c.id, c.dimensions);
        return next;
      });
    }
    const { moves, dragging } = positionMoves(changes);
    if (moves.length > 0) {
      // Inside a drag the transaction opened by onNodeDragStart folds every frame into one
      // undo entry; arrow-key nudges fold by their merge key instead.
      store.apply({ type: 'movePopulations', moves }, dragging ? {} : { mergeKey: 'nudge' });
    }
    const selection = nodeSelection(store.selection, changes);
    if (selection !== null) store.select(selection);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const store = documentStore.getState();
    const projectionIds = new Set(store.document.projections.map((p) => p.id));
    const selection = edgeSelection(store.selection, changes, projectionIds);
    if (selection !== null) store.select(selection);
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const store = documentStore.getState();
    const target = store.document.populations.find((p) => p.id === connection.target);
    if (target?.model === 'sc_dense') {
      // Not a projection: the layer's inputs become the source's rates (one edit, one undo).
      const issues = store.feedRates(connection.source, connection.target);
      const first = issues[0];
      if (first !== undefined) useNotices.getState().toast(formatIssue(first), 'error');
      return;
    }
    const id = store.connect(connection.source, connection.target);
    if (connection.source === connection.target) {
      // Ending a loop on the node's own handle also clicks the node, which React Flow turns
      // into selecting it after this handler; select the new projection once that has passed.
      setTimeout(() => store.select({ populations: [], projections: [id] }), 0);
    }
  }, []);

  const beginDrag = useCallback(() => documentStore.getState().beginTransaction('move'), []);
  const endDrag = useCallback(() => documentStore.getState().commitTransaction(), []);

  return (
    <div
      className="editor-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="editor-canvas"
    >
      <ReactFlow<PopulationFlowNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={beginDrag}
        onNodeDragStop={endDrag}
        onSelectionDragStart={beginDrag}
        onSelectionDragStop={endDrag}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Strict}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        colorMode="dark"
        minZoom={0.1}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        aria-label="Network editor"
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} />
        <MiniMap<PopulationFlowNode>
          nodeColor={minimapColor}
          position="bottom-left"
          style={{ width: 150, height: 96 }}
          pannable
          zoomable
          ariaLabel="Overview of the network"
        />
        <CanvasControls />
        <EmptyCanvasHint />
      </ReactFlow>
    </div>
  );
}
