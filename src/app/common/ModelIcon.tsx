import type { PopulationModel } from '../../model/index.ts';
import { MODEL_STYLE } from './model-style.ts';

/** Bits of the SC glyph: two bitstreams (input, weight) and their AND, one column per step. */
const SC_BITS = [
  [1, 0, 1, 1, 0],
  [1, 1, 0, 1, 1],
  [1, 0, 0, 1, 0],
] as const;

/** Loihi's integer voltage: a staircase rising to the threshold, a spike, reset to 0. */
const LOIHI_STAIRS = 'M1 17 H4 V14 H7 V11 H10 V8 H12 V2 M12 17 H15 V14 H19';
/** Izhikevich's chattering cell: bursts of sharp spikes. */
const IZHIKEVICH_BURSTS =
  'M1 15 L3 15 L4 3 L5 13 L6 3 L7 13 L8 3 L9 15 L11 15 L12 3 L13 13 L14 3 L15 15 L19 15';
/** AdEx: spikes whose intervals lengthen (adaptation). */
const ADEX_ADAPTING = 'M1 15 L2 3 L3 15 L5 15 L6 3 L7 15 L10 15 L11 3 L12 15 L17 15 L18 3 L19 15';

/**
 * A small glyph per model: a membrane trace with a spike, random ticks, a timed pattern, for
 * the SC layer two bitstreams over their AND (filled cells are ones), Loihi's integer staircase,
 * Izhikevich bursts, AdEx adapting spikes, and DynapSim's transistor (a current source) with a
 * spike.
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
      {(model === 'loihi' || model === 'izhikevich' || model === 'adex') && (
        <path
          d={
            model === 'loihi'
              ? LOIHI_STAIRS
              : model === 'izhikevich'
                ? IZHIKEVICH_BURSTS
                : ADEX_ADAPTING
          }
          fill="none"
          stroke={color}
          strokeWidth={model === 'loihi' ? 1.7 : 1.4}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      )}
      {model === 'dynapsim' && (
        <g fill="none" stroke={color} strokeWidth="1.5" strokeLinecap="round">
          {/* A MOSFET: gate bar, channel, drain and source legs, then a spike out. */}
          <path d="M2 10 H5 M5 5 V15 M7 4 V16 M7 6 H11 V2 M7 14 H11 V18" />
          <path d="M11 10 H13 L14.5 3 L16 16 L17 10 H19" strokeLinejoin="round" />
        </g>
      )}
    </svg>
  );
}
