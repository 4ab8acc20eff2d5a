/** Membrane (or synaptic current) traces of the probed neurons, one line per neuron. */
import type { RunRecord } from '../../store/session/record.ts';
import { traceLines } from './figure-lines.ts';
import { LinePlot } from './LinePlot.tsx';

export function TracePlot({ record }: { record: RunRecord }) {
  return (
    <LinePlot
      record={record}
      title="Membrane traces"
      linesOf={traceLines}
      kind="trace"
      liveTestId="live-traces"
      filename="traces"
      label="membrane traces"
    />
  );
}
