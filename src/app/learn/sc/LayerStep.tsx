/**
 * Step 5 (tutorial §4): an SC dense layer, 8 inputs shared by 4 LIF neurons that differ only in
 * their membrane noise: the raster, the rates, and how the noise spreads them.
 */
import { useMemo } from 'react';
import { Readouts } from '../controls/Readouts.tsx';
import { Slider } from '../controls/Slider.tsx';
import { StepLayout } from '../StepLayout.tsx';
import { COLORS } from './colors.ts';
import { fixed, hz, percent } from './format.ts';
import { LAYER_FIXED, SECTION4, runLayer } from './layer-runs.ts';
import { useScLesson } from './lesson-store.ts';
import { RasterFigure } from './RasterFigure.tsx';
import { RateBars } from './RateBars.tsx';

const STEPS = 500;

export function LayerStep() {
  const s = useScLesson((st) => st.layer);
  const update = useScLesson((st) => st.update);
  const run = useMemo(
    () =>
      runLayer({
        neurons: s.neurons,
        inputs: SECTION4.inputs,
        weights: SECTION4.weights,
        xMax: 1,
        noiseStd: s.noiseStd,
        steps: STEPS,
        seed: SECTION4.seed,
      }),
    [s],
  );

  return (
    <StepLayout
      intro={
        <>
          <p>
            A <b>dense layer</b> puts the pieces together: eight inputs and eight weights feed one
            SC current source (the previous step), and that one current drives every neuron of the
            layer.
          </p>
          <p>
            The neurons are identical except for their <b>membrane noise</b>: each gets its own
            random kicks. Without noise they would all fire in lockstep.
          </p>
          <p className="lsn-small">
            Inputs {SECTION4.inputs.join(', ')}; weights {SECTION4.weights.join(', ')}; L ={' '}
            {LAYER_FIXED.length}, τ = {LAYER_FIXED.tauMem} ms.
          </p>
        </>
      }
      controls={
        <>
          <Slider
            label="Membrane noise σ"
            value={s.noiseStd}
            min={0}
            max={0.3}
            step={0.01}
            format={(v) => fixed(v, 2)}
            onChange={(noiseStd) => update('layer', { noiseStd })}
          />
          <Slider
            label="Neurons"
            value={s.neurons}
            min={1}
            max={16}
            step={1}
            onChange={(neurons) => update('layer', { neurons })}
          />
        </>
      }
      readouts={
        <Readouts
          label="Layer results"
          items={[
            { label: 'Mean rate', value: hz(run.spread.mean), testId: 'layer-mean', strong: true },
            {
              label: 'Rate spread (sd / mean)',
              value: percent(run.spread.cv),
              testId: 'layer-spread',
              strong: true,
            },
            {
              label: 'Exact mean current',
              value: fixed(run.exactCurrent, 3),
              testId: 'layer-current',
            },
          ]}
        />
      }
      notice={
        <ul>
          <li>
            With σ = 0 every row of the raster is the same: same current, same neuron, same spikes.
            The spread is 0%.
          </li>
          <li>
            At the tutorial's σ = 0.02 the rates differ by only a few percent: the shared SC current
            jumps by 0.1 per active channel, much more than the noise, so it sets the spike times.
          </li>
          <li>Raise σ to 0.2 or 0.3 and the rows drift apart.</li>
        </ul>
      }
    >
      <RasterFigure
        trains={run.trains}
        title={`Spike raster, ${s.neurons} neurons, ${STEPS} ms`}
        color={COLORS.spike}
        testId="layer-raster"
      />
      <RateBars
        rates={run.rates}
        color={COLORS.spike}
        maxHz={250}
        caption="Firing rate of each neuron"
        testId="layer-rates"
      />
    </StepLayout>
  );
}
