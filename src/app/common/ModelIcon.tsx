import type { PopulationModel } from '../../model/index.ts';
import { MODEL_STYLE } from './model-style.ts';

/** Bits of the SC glyph: two bitstreams (input, weight) and their AND, one column per step. */
const SC_BITS = [
  [1, 0, 1, 1, 0],
  [1, 1, 0, 1, 1],
  [1, 0, 0, 1, 0],
] as const;

/**
 * A small glyph per model: a membrane trace with a spike, random ticks, a timed pattern, and
 * for the SC layer two bitstreams over their AND (filled cells are ones).
 */
export function ModelIcon({ model, size = 18 }: { model: PopulationModel; size?: number }) {
  const color = MODEL_STYLE[model].color;
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" className="model-icon">
      {model === 'stochastic_lif' && (
        <path
          d="M1 15 C4 15 6 10 9 9 L10 2 L11 15 C13 15 15 12 19 11"
          fill="none"
          stroke={color}
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {model === 'poisson' &&
        [2, 5, 6.5, 11, 14, 17.5].map((x, i) => (
          <line
            key={i}
            x1={x}
            x2={x}
            y1={4 + (i % 3) * 2}
            y2={17}
            stroke={color}
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        ))}
      {model === 'spike_generator' &&
        [3, 7, 11, 15].map((x, i) => (
          <rect
            key={i}
            x={x - 1}
            y={i % 2 === 0 ? 4 : 9}
            width="2.2"
            height={i % 2 === 0 ? 13 : 8}
            rx="1"
            fill={color}
          />
        ))}
      {model === 'sc_dense' &&
        SC_BITS.flatMap((row, r) =>
          row.map((bit, c) => (
            <rect
              key={`${r}-${c}`}
              x={1.5 + c * 3.6}
              y={2.5 + r * 5.4 + (r === 2 ? 1.4 : 0)}
              width="2.6"
              height="3.6"
              rx="0.6"
              fill={bit === 1 ? color : 'none'}
              stroke={color}
              strokeWidth="0.9"
              opacity={r === 2 ? 1 : 0.75}
            />
          )),
        )}
    </svg>
  );
}
