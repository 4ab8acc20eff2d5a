/**
 * Step 7 (tutorial §6): the simulated neuron against the analytic firing rate, over a range of
 * currents (the f-I curve), and the error at the chosen current.
 */
import { useMemo } from 'react';
import { Readouts } from '../controls/Readouts.tsx';
import { Slider } from '../controls/Slider.tsx';
import { LessonPlot } from '../plots/LessonPlot.tsx';
import { lessonLayout } from '../plots/lesson-layout.ts';
import { StepLayout } from '../StepLayout.tsx';
import { fixed, hz, percent } from './format.ts';
import { fiTraces, isiTraces } from './lif-figures.ts';
import {
  fiCurve,
  histogramPeak,
  predictedIsiMs,
  predictedRateHz,
  runLif,
  thresholdCurrent,
} from './lif-run.ts';
import { useScLesson } from './lesson-store.ts';

const TAU = 20;
/** The tutorial's run length. */
const STEPS = 5000;
/** Currents simulated for the f-I curve: 0 to 0.3 in steps of 0.01 (a shorter run each, 2 s). */
const CURVE = Array.from({ length: 31 }, (_, k) => k * 0.01);
const CURVE_STEPS = 2000;
/** The formula's line, finer: it rises steeply just above the threshold current. */
const LINE = Array.from({ length: 601 }, (_, k) => k * 0.0005);
const LINE_RATES = LINE.map((i) => predictedRateHz(i, TAU));
const HEIGHT = 330;
const ISI_HEIGHT = 230;

export function CheckStep() {
  const s = useScLesson((st) => st.check);
  const update = useScLesson((st) => st.update);
  // Named apart from the slice: the hooks lint reads `s.current` as a ref.
  const input = s.current;
  const settings = useMemo(() => ({ tauMem: TAU, noiseStd: s.noiseStd }), [s.noiseStd]);
  const curve = useMemo(() => fiCurve(CURVE, settings, CURVE_STEPS), [settings]);
  const recorder = useMemo(
    () => runLif({ ...settings, current: input }, STEPS).recorder,
    [settings, input],
  );
  const measured = recorder.firingRateHz();
  const isiHist = useMemo(() => recorder.isiHistogram(15), [recorder]);
  const predicted = predictedRateHz(s.current, TAU);
  const error = predicted > 0 ? Math.abs(measured - predicted) / predicted : NaN;
  const isi = predictedIsiMs(s.current, TAU);
  const data = useMemo(
    () =>
      fiTraces(
        { currents: LINE, rates: LINE_RATES },
        { currents: CURVE, rates: curve },
        { current: input, measured },
      ),
    [curve, input, measured],
  );
  const isiData = useMemo(() => isiTraces(isiHist, isi), [isiHist, isi]);
  const isiLayout = useMemo(
    () =>
      lessonLayout('Intervals between spikes (15 bins)', ISI_HEIGHT, {
        xTitle: 'interval (ms)',
        yTitle: 'count',
        legend: true,
      }),
    [],
  );
  const layout = useMemo(
    () =>
      lessonLayout('Firing rate against input current (f-I curve)', HEIGHT, {
        xTitle: 'input current I',
        yTitle: 'firing rate (Hz)',
        legend: true,
      }),
    [],
  );

  return (
    <StepLayout
      intro={
        <>
          <p>
            Is the simulation right? For a neuron without noise and a constant current the time
            between spikes has a formula:
          </p>
          <p className="lsn-formula">
            T = −τ · ln(1 − V_th / (R·I·τ)) ms
            <br />
            rate = 1000 / T Hz
          </p>
          <p>
            Below I = {fixed(thresholdCurrent(TAU), 3)} the logarithm has no answer: the neuron
            never fires. The simulation steps in whole milliseconds, so it can only fire on a step;
            the tutorial accepts an error under 2%.
          </p>
        </>
      }
      controls={
        <>
          <Slider
            label="Input current I"
            value={s.current}
            min={0.04}
            max={0.3}
            step={0.002}
            format={(v) => fixed(v, 3)}
            onChange={(current) => update('check', { current })}
          />
          <Slider
            label="Noise σ"
            value={s.noiseStd}
            min={0}
            max={0.1}
            step={0.005}
            format={(v) => fixed(v, 3)}
            onChange={(noiseStd) => update('check', { noiseStd })}
            hint="The formula assumes none."
          />
        </>
      }
      readouts={
        <Readouts
          label="Check results"
          items={[
            {
              label: 'Predicted interval T',
              value: Number.isFinite(isi) ? `${fixed(isi, 2)} ms` : 'never fires',
              testId: 'check-isi',
            },
            {
              label: 'Predicted rate',
              value: hz(predicted),
              testId: 'check-predicted',
              strong: true,
            },
            {
              label: `Measured over ${STEPS / 1000} s`,
              value: hz(measured),
              testId: 'check-measured',
              strong: true,
            },
            {
              label: 'ISI peak (histogram)',
              value: recorder.totalSpikes() > 1 ? `${fixed(histogramPeak(isiHist), 2)} ms` : '—',
              testId: 'check-isi-peak',
            },
            {
              label: 'Error',
              value: Number.isFinite(error) ? percent(error) : '—',
              testId: 'check-error',
              ...(Number.isFinite(error) ? ({ tone: error < 0.02 ? 'good' : 'bad' } as const) : {}),
            },
          ]}
        />
      }
      notice={
        <ul>
          <li>
            At low currents the dots (simulation) sit on the line (formula): the neuron does what
            the equation says. At the tutorial's I = 0.08 the miss is under 2%.
          </li>
          <li>
            At high currents they fall below it in stairs. A spike can only happen on a whole
            millisecond, so an interval of 3.6 ms becomes 4 ms: a miss of almost 10%. The shorter
            the interval compared with the 1 ms step, the larger the error; a smaller dt fixes it.
          </li>
          <li>
            The histogram holds every interval the neuron produced. Without noise they are all
            equal: one bar, at a whole number of milliseconds just above T. With noise the bar
            spreads out around it.
          </li>
          <li>
            Add noise and the dots leave the line near threshold: noise lets the neuron fire where
            the formula says it never would.
          </li>
        </ul>
      }
    >
      <LessonPlot
        data={data}
        layout={layout}
        height={HEIGHT}
        label={`f-I curve: predicted and measured rates; at I = ${fixed(s.current, 3)} measured ${hz(measured)}, predicted ${hz(predicted)}`}
        testId="check-plot"
      />
      <LessonPlot
        data={isiData}
        layout={isiLayout}
        height={ISI_HEIGHT}
        label={`Histogram of the intervals between spikes; predicted interval ${Number.isFinite(isi) ? `${fixed(isi, 2)} ms` : 'none'}`}
        testId="check-isi-plot"
      />
    </StepLayout>
  );
}
