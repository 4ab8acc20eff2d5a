import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { documentStore } from '../../store/document/index.ts';
import type { ProjectionFlowEdge } from './flow-types.ts';
import {
  connectivityLabel,
  synapseLabel,
  weightLabel,
  projectionSign,
} from './projection-summary.ts';
import { selfLoopPath } from './self-loop-path.ts';
import { projectionPath } from './edge-path.ts';

/**
 * A projection: coloured by the sign of its weight (excitatory warm, inhibitory blue), with a
 * label giving connectivity, synapse and weight. Self-projections are drawn as loops.
 */
function ProjectionEdgeView(props: EdgeProps<ProjectionFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, selected, markerEnd } = props;
  const projection = props.data?.projection;
  const isLoop = source === target;
  const { path, labelX, labelY } = isLoop
    ? selfLoopPath(sourceX, sourceY, targetX, targetY)
    : projectionPath(
        sourceX,
        sourceY,
        targetX,
        targetY,
        props.data?.reciprocal === true ? (source < target ? 1 : -1) : 0,
      );
  const sign = projection === undefined ? 'mixed' : projectionSign(projection);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd === undefined ? {} : { markerEnd })}
        className={`proj-edge proj-${sign}${selected === true ? ' is-selected' : ''}`}
        interactionWidth={18}
      />
      {projection !== undefined && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`edge-label proj-${sign}${selected === true ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
            // The name ends with the visible text, word for word (axe: label-content-name-mismatch);
            // the spaces between the spans are not drawn in the flex box but keep the words apart.
            aria-label={`Projection ${projection.source} to ${projection.target}: ${connectivityLabel(projection.connectivity)} ${synapseLabel(projection)}`}
            title={`${projection.id}: ${weightLabel(projection.weight)}`}
            onClick={() => documentStore.getState().select({ populations: [], projections: [id] })}
          >
            <span className="edge-conn">{connectivityLabel(projection.connectivity)}</span>{' '}
            <span className="edge-syn">{synapseLabel(projection)}</span>{' '}
            <span className="edge-sign">
              {sign === 'excitatory' ? '+' : sign === 'inhibitory' ? '−' : '±'}
            </span>
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ProjectionEdge = memo(ProjectionEdgeView);
