/** Weights, or traces, of the probed synapses of learning Loihi projections. */
import { useCallback } from 'react';
import type { RunRecord } from '../../store/session/record.ts';
import { LinePlot } from './LinePlot.tsx';
import { synapseLines, type SynapseGroup } from './synapse-lines.ts';

const TITLES: Record<SynapseGroup, string> = {
  weights: 'Weights',
  traces: 'Synaptic traces',
};

export function SynapsePlot({ record, group }: { record: RunRecord; group: SynapseGroup }) {
  const linesOf = useCallback(
    (r: RunRecord, widthPx: number) => synapseLines(r, widthPx, group),
    [group],
  );
  return (
    <LinePlot
      record={record}
      title={TITLES[group]}
      linesOf={linesOf}
      kind={group === 'weights' ? 'weights' : 'synapse-traces'}
      liveTestId={`live-${group === 'weights' ? 'weights' : 'synapse-traces'}`}
      filename={group === 'weights' ? 'weights' : 'synapse-traces'}
      label={TITLES[group].toLowerCase()}
    />
  );
}
