/** Per population firing rates of the float run and the quantised run, and their difference. */
import { formatHz, formatPercent, type RateRow } from './rate-table.ts';

export function RateTable({ rows }: { rows: readonly RateRow[] }) {
  return (
    <table className="hw-rates" data-testid="hw-rates">
      <thead>
        <tr>
          <th>population</th>
          <th>float (Hz)</th>
          <th>fixed (Hz)</th>
          <th>difference</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`hw-rate-${r.id}`}>
            <td title={`${r.floatModel} → ${r.fixedModel}`}>
              {r.name}
              {r.floatModel !== r.fixedModel && <span className="hw-converted"> (quantised)</span>}
            </td>
            <td data-testid={`hw-rate-float-${r.id}`}>{formatHz(r.floatHz)}</td>
            <td data-testid={`hw-rate-fixed-${r.id}`}>{formatHz(r.fixedHz)}</td>
            <td>
              {formatHz(r.diffHz, true)} Hz ({formatPercent(r.diffPercent)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
