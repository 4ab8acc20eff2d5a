/** Per-neuron firing rates as a small table with a bar for each, so differences are visible. */
import { hz } from './format.ts';

export interface RateBarsProps {
  rates: readonly number[];
  color: string;
  /** The rate a full bar stands for. */
  maxHz: number;
  caption: string;
  testId: string;
}

export function RateBars({ rates, color, maxHz, caption, testId }: RateBarsProps) {
  return (
    <table className="lsn-rates" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">neuron</th>
          <th scope="col">rate</th>
          <th scope="col" aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {rates.map((r, j) => (
          <tr key={j}>
            <th scope="row">n{j}</th>
            <td className="num">{hz(r)}</td>
            <td className="bar-cell" aria-hidden="true">
              <span
                className="bar"
                style={{ width: `${Math.min(100, (r / maxHz) * 100)}%`, background: color }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
