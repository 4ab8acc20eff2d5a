/**
 * Step 4 (tutorial §3): several inputs, each through its own synapse (AND gate), summed into
 * one current a bit position per time step: per-step current, its mean over 100 steps, the
 * full-length estimate and the exact value.
 */
import { useMemo } from 'react';
import { Readouts } from '../controls/Readouts.tsx';
import { Slider } from '../controls/Slider.tsx';
import { LessonPlot } from '../plots/LessonPlot.tsx';
import { lessonLayout } from '../plots/lesson-layout.ts';
import { StepLayout } from '../StepLayout.tsx';
import { BitRows } from './BitRows.tsx';
import { ChannelList } from './ChannelList.tsx';
import { COLORS } from './colors.ts';
import { runCurrentSource } from './current-run.ts';
import { fixed, percent } from './format.ts';
import { currentTraces } from './layer-figures.ts';
import {
  MAX_LOG2_LENGTH,
  exponentOfLength,
  formatLength,
  lengthFromExponent,
} from './length-scale.ts';
import { useScLesson } from './lesson-store.ts';

const STEPS = 100;
/** At least 2^7 = 128 bits, so the 100 steps shown never wrap around the streams. */
const MIN_LOG2 = 7;
const HEIGHT = 280;

export function CurrentStep() {
  const s = useScLesson((st) => st.current);
  const update = useScLesson((st) => st.update);
  const run = useMemo(() => runCurrentSource({ ...s, steps: STEPS }), [s]);
  const rows = useMemo(
    () =>
      run.productBits.map((bits, c) => ({
        label: `ch ${c + 1}`,
        key: `ch${c + 1}`,
        bits,
        color: COLORS.product,
      })),
    [run],
  );
  const data = useMemo(
    () =>
      currentTraces(run.currents, {
        mean: run.meanOverSteps,
        full: run.fullEstimate,
        exact: run.exact,
      }),
    [run],
  );
  const layout = useMemo(
    () =>
      lessonLayout(`Current I(t) over the first ${STEPS} steps`, HEIGHT, {
        xTitle: 'time step t',
        yTitle: 'current I',
        legend: true,
      }),
    [],
  );

  return (
    <StepLayout
      intro={
        <>
          <p>
            A neuron has many inputs. Each input x<sub>c</sub> is a bitstream, ANDed with its own
            weight stream w<sub>c</sub>: one SC multiplication per channel.
          </p>
          <p>
            At time step t the source reads <b>bit t of every product stream</b> and counts the
            ones, k(t). The current is I(t) = 0.1 · k(t): each active channel adds one quantum of
            0.1. So one step's current is rough (0, 0.1, 0.2…), but its average is 0.1 · Σ x
            <sub>c</sub>w<sub>c</sub>, the weighted sum a neuron needs.
          </p>
        </>
      }
      controls={
        <>
          <ChannelList
            inputs={s.inputs}
            weights={s.weights}
            onChange={(inputs, weights) => update('current', { inputs, weights })}
          />
          <Slider
            label="Stream length L"
            value={exponentOfLength(s.length)}
            min={MIN_LOG2}
            max={MAX_LOG2_LENGTH}
            step={1}
            format={(k) => `${formatLength(lengthFromExponent(k))} bits`}
            onChange={(k) => update('current', { length: lengthFromExponent(k) })}
          />
          <Slider
            label="Seed"
            value={s.seed}
            min={1}
            max={100}
            step={1}
            onChange={(seed) => update('current', { seed })}
          />
        </>
      }
      readouts={
        <Readouts
          label="Current source results"
          items={[
            {
              label: `Mean over ${STEPS} steps`,
              value: fixed(run.meanOverSteps, 4),
              testId: 'current-mean',
              strong: true,
            },
            {
              label: `Full-length estimate (${formatLength(s.length)} bits)`,
              value: fixed(run.fullEstimate, 4),
              testId: 'current-full',
            },
            { label: 'Exact 0.1 · Σ x·w', value: fixed(run.exact, 4), testId: 'current-exact' },
          ]}
        />
      }
      notice={
        <ul>
          <li>
            Each column of the bit rows is one time step: count its ones, multiply by 0.1, and you
            have that step's current in the plot.
          </li>
          <li>
            The mean over {STEPS} steps uses only {STEPS} bits per channel: here it misses the exact
            value by {percent(Math.abs(run.meanOverSteps / run.exact - 1))}. The full-length
            estimate uses all {formatLength(s.length)} bits and misses by{' '}
            {percent(Math.abs(run.fullEstimate / run.exact - 1))}.
          </li>
          <li>A neuron does the averaging for free: its membrane integrates the rough current.</li>
        </ul>
      }
    >
      <figure className="lsn-figure">
        <BitRows rows={rows} perRow={STEPS / 2} />
        <figcaption>
          Product streams (x<sub>c</sub> AND w<sub>c</sub>) for the first {STEPS} steps; column t is
          what step t reads. Active channels at t = 0: {run.active[0] ?? 0}.
        </figcaption>
      </figure>
      <LessonPlot
        data={data}
        layout={layout}
        height={HEIGHT}
        label={`Per-step current over ${STEPS} steps, mean ${fixed(run.meanOverSteps, 4)}, exact ${fixed(run.exact, 4)}`}
        testId="current-plot"
      />
    </StepLayout>
  );
}
