import type { PopulationModel } from '../../model/index.ts';
import { MODEL_STYLE } from './model-style.ts';

/** A small glyph per model: a membrane trace with a spike, random ticks, a timed pattern. */
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
    </svg>
  );
}
