import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { documentStore } from '../../store/document/index.ts';
import { projectionPath } from './edge-path.ts';
import type { RatesFlowEdge } from './flow-types.ts';
import { formatNumber } from './projection-summary.ts';

/**
 * An SC dense layer reading another population's firing rates: dashed, in the layer's colour,
 * labelled "rates" with the estimate's time constant, so it never reads as a projection (no
 * synapses: each source neuron's rate is one input channel of the layer).
 */
function RatesEdgeView(props: EdgeProps<RatesFlowEdge>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, selected, markerEnd, data } =
    props;
  const { path, labelX, labelY } = projectionPath(
    sourceX,
    sourceY,
    targetX,
    targetY,
    data?.reciprocal === true ? (source < target ? 1 : -1) : 0,
  );
  const state = selected === true ? ' is-selected' : '';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd === undefined ? {} : { markerEnd })}
        className={`rates-edge${state}`}
        interactionWidth={18}
      />
      {data !== undefined && (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`edge-label rates-label${state}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
            aria-label={`Rates of ${data.source} into ${data.layer}`}
            title={
              `${data.layer} reads the firing rates of ${data.source}: ` +
              `${data.channels} channels, estimated over τ ${formatNumber(data.tau)} ms`
            }
            onClick={() =>
              documentStore
                .getState()
                .select({ populations: [], projections: [], rateInputs: [data.layer] })
            }
          >
            <span className="edge-conn">rates</span>
            <span className="edge-syn">τ{formatNumber(data.tau)}</span>
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const RatesEdge = memo(RatesEdgeView);
