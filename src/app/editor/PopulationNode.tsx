import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { memo } from 'react';
import { ModelIcon } from '../common/ModelIcon.tsx';
import { MODEL_STYLE } from '../common/model-style.ts';
import type { PopulationFlowNode } from './flow-types.ts';
import { NODE_WIDTH } from './node-size.ts';
import { isSource, populationSummary } from './population-summary.ts';

/** A population on the canvas: name, model, size and its key parameter at a glance. */
function PopulationNodeView({ data, selected }: NodeProps<PopulationFlowNode>) {
  const p = data.population;
  const style = MODEL_STYLE[p.model];
  // Neurons take projections; an SC layer takes the rates of one population; sources nothing.
  const input = p.model === 'sc_dense' ? 'rates' : isSource(p.model) ? null : 'spikes';
  return (
    <div
      className={`pop-node${selected ? ' is-selected' : ''}`}
      style={{ '--accent': style.color, width: NODE_WIDTH } as CSSProperties}
      data-testid={`node-${p.id}`}
    >
      {/* Sources (Poisson, generators) take no input, so they get no target handle. */}
      {input !== null && (
        <Handle
          type="target"
          position={Position.Left}
          className={`pop-handle pop-handle-target${input === 'rates' ? ' pop-handle-rates' : ''}`}
          data-testid={`handle-target-${p.id}`}
          title={
            input === 'rates'
              ? 'Input: drop a connection here to feed a population’s firing rates'
              : undefined
          }
        />
      )}
      <div className="pop-node-head">
        <ModelIcon model={p.model} />
        <span className="pop-node-label" title={p.id}>
          {p.label ?? p.id}
        </span>
      </div>
      <div className="pop-node-meta">
        <span className="pop-node-model">{style.short}</span>
        <span className="pop-node-size" data-testid={`node-size-${p.id}`}>
          {p.size.toLocaleString('en-US')} {p.size === 1 ? 'neuron' : 'neurons'}
        </span>
      </div>
      <div className="pop-node-summary">{populationSummary(p)}</div>
      {(data.probes > 0 || data.stimuli > 0) && (
        <div className="pop-node-badges">
          {data.probes > 0 && (
            <span className="badge" title="Recorded by probes">
              ◉ {data.probes}
            </span>
          )}
          {data.stimuli > 0 && (
            <span className="badge" title="Current steps">
              ⎍ {data.stimuli}
            </span>
          )}
        </div>
      )}
      <Handle
        type="source"
        position={Position.Right}
        className="pop-handle pop-handle-source"
        data-testid={`handle-source-${p.id}`}
      />
    </div>
  );
}

export const PopulationNode = memo(PopulationNodeView);
