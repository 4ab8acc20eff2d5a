/**
 * Step 6 (tutorial §5): two layers wired by rates. Layer 1's firing rates, in spikes per ms,
 * become layer 2's input values; layer 2 encodes them over [0, x_max] as stream densities.
 */
import { useMemo } from 'react';
import { Readouts } from '../controls/Readouts.tsx';
import { Slider } from '../controls/Slider.tsx';
import { StepLayout } from '../StepLayout.tsx';
import { COLORS } from './colors.ts';
import { fixed, hz } from './format.ts';
import { SECTION5, runTwoLayers } from './layer-runs.ts';
import { useScLesson } from './lesson-store.ts';
import { RasterFigure } from './RasterFigure.tsx';

const STEPS = 500;

export function TwoLayerStep() {
  const s = useScLesson((st) => st.twoLayer);
  const update = useScLesson((st) => st.update);
  const run = useMemo(() => runTwoLayers(s.noiseStd, s.xMax2, STEPS), [s]);
  const clamped = run.probabilities2.filter((p) => p >= 1).length;

  return (
    <StepLayout
      intro={
        <>
          <p>
            To stack layers, turn spikes back into numbers: a neuron firing at 200 Hz fires 0.2
            times per millisecond, and <b>0.2 becomes the next layer's input</b>.
          </p>
          <p>
            Layer 2 encodes each input x over a range [0, x<sub>max</sub>]: its stream density is x
            / x<sub>max</sub>, cut off at 1 because a stream cannot hold more than all ones.
          </p>
          <p className="lsn-small">
            Layer 1: 4 neurons, inputs {SECTION5.inputs.join(', ')}. Layer 2: 2 neurons, weights{' '}
            {SECTION5.weights2.join(', ')}.
          </p>
        </>
      }
      controls={
        <>
          <Slider
            label="Layer 2 input range x_max"
            value={s.xMax2}
            min={0.1}
            max={0.5}
            step={0.01}
            format={(v) => fixed(v, 2)}
            onChange={(xMax2) => update('twoLayer', { xMax2 })}
            hint="The tutorial uses 0.1."
          />
          <Slider
            label="Membrane noise σ (both layers)"
            value={s.noiseStd}
            min={0}
            max={0.3}
            step={0.01}
            format={(v) => fixed(v, 2)}
            onChange={(noiseStd) => update('twoLayer', { noiseStd })}
          />
        </>
      }
      readouts={
        <Readouts
          label="Two-layer results"
          items={[
            { label: 'Layer 1 mean rate', value: hz(run.layer1.spread.mean), testId: 'l1-mean' },
            {
              label: 'Layer 2 mean rate',
              value: hz(run.layer2.spread.mean),
              testId: 'l2-mean',
              strong: true,
            },
            {
              label: 'Layer 2 inputs cut off at 1',
              value: `${clamped} of ${run.probabilities2.length}`,
              testId: 'l2-clamped',
              tone: clamped > 0 ? 'bad' : 'good',
            },
          ]}
        />
      }
      notice={
        <ul>
          <li>
            Layer 1 fires near 200 Hz, so its outputs are about 0.2 per ms. With the tutorial's x
            <sub>max</sub> = 0.1 they are all cut off at density 1: layer 2 sees “fully on” and
            cannot tell its inputs apart.
          </li>
          <li>
            Raise x<sub>max</sub> above 0.2 and the densities drop below 1: layer 2 now responds to
            how fast layer 1 fires, and its rate falls as the densities fall.
          </li>
          <li>Choosing ranges so that values fit is part of designing an SC network.</li>
        </ul>
      }
    >
      <RasterFigure
        trains={run.layer1.trains}
        title="Layer 1 spikes"
        color={COLORS.spike}
        testId="l1-raster"
      />
      <table className="lsn-flow" data-testid="l2-inputs">
        <caption>Layer 1 rates become layer 2 inputs</caption>
        <thead>
          <tr>
            <th scope="col">layer 1 neuron</th>
            <th scope="col">rate</th>
            <th scope="col">input x (per ms)</th>
            <th scope="col">density x / x_max</th>
          </tr>
        </thead>
        <tbody>
          {run.layer1.rates.map((r, j) => {
            const p = run.probabilities2[j] ?? 0;
            return (
              <tr key={j}>
                <th scope="row">n{j}</th>
                <td className="num">{hz(r)}</td>
                <td className="num">{fixed(run.inputs2[j] ?? 0, 3)}</td>
                <td className={p >= 1 ? 'num bad' : 'num'}>
                  {fixed(p, 2)}
                  {p >= 1 ? ' (cut off)' : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <RasterFigure
        trains={run.layer2.trains}
        title="Layer 2 spikes"
        color={COLORS.product}
        testId="l2-raster"
      />
    </StepLayout>
  );
}
