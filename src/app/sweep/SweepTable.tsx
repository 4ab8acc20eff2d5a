/** The sweep's points as a table: value, spikes, rate and CV of each variant. */
import type { SweepPoint } from '../../engine/sweep/run-sweep.ts';
import { formatValue } from './SweepRasters.tsx';

export function SweepTable({ points, label }: { points: readonly SweepPoint[]; label: string }) {
  return (
    <table className="sweep-table" data-testid="sweep-table">
      <caption>Sweep points</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">spikes</th>
          <th scope="col">rate (Hz)</th>
          <th scope="col">ISI CV</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => (
          <tr
            key={i}
            data-testid={`sweep-point-${i}`}
            data-spikes={p.spikeCount}
            data-value={p.value}
          >
            <td>{formatValue(p.value)}</td>
            <td>{p.spikeCount}</td>
            <td>{p.rate.toFixed(2)}</td>
            <td>{p.cv === null ? '–' : p.cv.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
