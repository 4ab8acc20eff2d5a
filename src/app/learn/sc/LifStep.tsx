/** Step 1 (tutorial §1): one LIF neuron, a constant current, its membrane and its spikes. */
import { useMemo } from 'react';
import { Readouts } from '../controls/Readouts.tsx';
import { Slider } from '../controls/Slider.tsx';
import { LessonPlot } from '../plots/LessonPlot.tsx';
import { lessonLayout } from '../plots/lesson-layout.ts';
import { StepLayout } from '../StepLayout.tsx';
import { fixed, hz } from './format.ts';
import { membraneTraces } from './lif-figures.ts';
import { predictedRateHz, runLif, thresholdCurrent } from './lif-run.ts';
import { useScLesson } from './lesson-store.ts';

const STEPS = 200;
const HEIGHT = 300;

export function LifStep() {
  const s = useScLesson((st) => st.lif);
  const update = useScLesson((st) => st.update);
  const run = useMemo(() => runLif(s, STEPS), [s]);
  const data = useMemo(() => membraneTraces(run), [run]);
  const layout = useMemo(
    () =>
      lessonLayout(`Membrane potential over ${STEPS} ms`, HEIGHT, {
        xTitle: 'time (ms)',
        yTitle: 'membrane potential V',
        legend: true,
        yRange: [-0.05, 1.25],
      }),
    [],
  );
  const iMin = thresholdCurrent(s.tauMem);
  const spikes = run.recorder.totalSpikes();

  return (
    <StepLayout
      intro={
        <>
          <p>
            A spiking neuron is a leaky bucket. Every millisecond its <b>membrane potential V</b>{' '}
            loses a fraction 1/τ of itself (the leak) and gains R·I from the input current I.
          </p>
          <p className="lsn-formula">V ← V − V/τ + R·I (+ noise)</p>
          <p>
            When V reaches the <b>threshold 1</b>, the neuron fires a spike and V drops back to 0.
            The stronger the current, the sooner it gets there again.
          </p>
        </>
      }
      controls={
        <>
          <Slider
            label="Input current I"
            value={s.current}
            min={0}
            max={0.2}
            step={0.002}
            format={(v) => fixed(v, 3)}
            onChange={(current) => update('lif', { current })}
          />
          <Slider
            label="Time constant τ (ms)"
            value={s.tauMem}
            min={5}
            max={50}
            step={1}
            format={(v) => `${v} ms`}
            onChange={(tauMem) => update('lif', { tauMem })}
            hint="How slowly the bucket leaks."
          />
          <Slider
            label="Noise σ"
            value={s.noiseStd}
            min={0}
            max={0.1}
            step={0.005}
            format={(v) => fixed(v, 3)}
            onChange={(noiseStd) => update('lif', { noiseStd })}
            hint="A random kick added to V every step."
          />
        </>
      }
      readouts={
        <Readouts
          label="Neuron results"
          items={[
            { label: `Spikes in ${STEPS} ms`, value: String(spikes), testId: 'lif-spikes' },
            {
              label: 'Firing rate',
              value: hz(run.recorder.firingRateHz()),
              testId: 'lif-rate',
              strong: true,
            },
            {
              label: 'Predicted (no noise)',
              value: hz(predictedRateHz(s.current, s.tauMem)),
              testId: 'lif-predicted',
            },
            {
              label: 'Smallest current that fires',
              value: fixed(iMin, 3),
              testId: 'lif-threshold',
            },
          ]}
        />
      }
      notice={
        <ul>
          <li>
            Without noise, V levels off at R·I·τ. Below I = {fixed(iMin, 3)} that is under the
            threshold and the neuron never fires, however long you wait.
          </li>
          <li>
            The tutorial's I = 0.08 is below threshold for a single step, but V builds up over about
            20 steps: roughly 50 spikes per second.
          </li>
          <li>With noise, spikes come at irregular times, and even a weak current can fire.</li>
        </ul>
      }
    >
      <LessonPlot
        data={data}
        layout={layout}
        height={HEIGHT}
        label={`Membrane potential of the neuron over ${STEPS} ms: ${spikes} spikes`}
        testId="lif-plot"
      />
    </StepLayout>
  );
}
