/** The current source's channels as pairs of sliders (input x_c, weight w_c), 1 to 8 of them. */
import { Slider } from '../controls/Slider.tsx';
import { fixed } from './format.ts';

const MAX_CHANNELS = 8;

export interface ChannelListProps {
  inputs: readonly number[];
  weights: readonly number[];
  onChange: (inputs: number[], weights: number[]) => void;
}

export function ChannelList({ inputs, weights, onChange }: ChannelListProps) {
  const set = (c: number, which: 'x' | 'w', v: number) => {
    const xs = [...inputs];
    const ws = [...weights];
    (which === 'x' ? xs : ws)[c] = v;
    onChange(xs, ws);
  };
  return (
    <fieldset className="lsn-channels">
      <legend>Channels</legend>
      {inputs.map((x, c) => (
        <div key={c} className="lsn-channel">
          <Slider
            label={`Input x${c + 1}`}
            value={x}
            min={0}
            max={1}
            step={0.05}
            format={(v) => fixed(v, 2)}
            onChange={(v) => set(c, 'x', v)}
          />
          <Slider
            label={`Weight w${c + 1}`}
            value={weights[c] ?? 0}
            min={0}
            max={1}
            step={0.05}
            format={(v) => fixed(v, 2)}
            onChange={(v) => set(c, 'w', v)}
          />
        </div>
      ))}
      <div className="lsn-channel-buttons">
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={inputs.length >= MAX_CHANNELS}
          onClick={() => onChange([...inputs, 0.5], [...weights, 0.5])}
        >
          Add channel
        </button>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={inputs.length <= 1}
          onClick={() => onChange(inputs.slice(0, -1), weights.slice(0, -1))}
        >
          Remove channel
        </button>
      </div>
    </fieldset>
  );
}
