/**
 * Step 3 (tutorial §2, "error scales as O(1/sqrt(L))"): the measured RMS error against stream
 * length on log-log axes, for each generator, with the 1/sqrt(L) line and the fitted slopes.
 * The sweep runs in slices (useSlicedWork) and restarts when its settings change.
 */
import { useCallback, useMemo, useState } from 'react';
import { Choice } from '../controls/Choice.tsx';
import { Progress } from '../controls/Progress.tsx';
import { Readouts } from '../controls/Readouts.tsx';
import { Toggle } from '../controls/Toggle.tsx';
import { LessonPlot } from '../plots/LessonPlot.tsx';
import { lessonLayout } from '../plots/lesson-layout.ts';
import { StepLayout } from '../StepLayout.tsx';
import { useSlicedWork } from '../useSlicedWork.ts';
import { createErrorSweep, type ErrorSweep, type SweepConfig } from './error-sweep.ts';
import { fixed } from './format.ts';
import { GENERATORS, GENERATOR_INFO } from './generators.ts';
import { MAX_LOG2_LENGTH, MIN_LOG2_LENGTH, formatLength, powersOfTwo } from './length-scale.ts';
import { useScLesson } from './lesson-store.ts';
import { fitPowerLaw } from './power-law.ts';
import { sweepTraces } from './sweep-figure.ts';

const LENGTHS = powersOfTwo(MIN_LOG2_LENGTH, MAX_LOG2_LENGTH);
const LONGEST = 2 ** MAX_LOG2_LENGTH;
const TRIALS = ['50', '100', '200', '400'] as const;
const HEIGHT = 400;

function sameConfig(a: SweepConfig, b: SweepConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function ErrorStep() {
  const s = useScLesson((st) => st.sweep);
  const update = useScLesson((st) => st.update);
  const config = useMemo<SweepConfig>(
    () => ({
      generators: GENERATORS.filter((g) => s.generators.includes(g)),
      lengths: LENGTHS,
      trials: s.trials,
      measure: s.measure,
    }),
    [s.generators, s.trials, s.measure],
  );
  const finished = s.result !== null && sameConfig(s.result.config, config);
  // The sweep being run or last stopped; a new config replaces it unless the result is stored.
  const [sweep, setSweep] = useState<ErrorSweep | null>(null);
  const [stopped, setStopped] = useState(false);
  const current = sweep !== null && sameConfig(sweep.config, config) ? sweep : null;
  if (!finished && !stopped && current === null) setSweep(createErrorSweep(config));
  const running = !finished && !stopped && current !== null ? current : null;

  const onDone = useCallback(
    (done: ErrorSweep) => update('sweep', { result: { config: done.config, curves: done.curves } }),
    [update],
  );
  const progress = useSlicedWork(running, onDone);
  const curves = finished ? (s.result?.curves ?? []) : (current?.curves ?? []);

  // Not memoised: a running sweep fills its curves in place, and each slice re-renders.
  const data = sweepTraces(LENGTHS, curves, config.measure);
  const layout = useMemo(
    () =>
      lessonLayout('RMS error against stream length (log-log)', HEIGHT, {
        xTitle: 'stream length L (bits)',
        yTitle: 'RMS error',
        xLog: true,
        yLog: true,
        legend: true,
        xTicks: LENGTHS.filter((_, i) => i % 2 === 0),
      }),
    [],
  );
  const slopes = curves.map((c) => ({
    generator: c.generator,
    complete: c.rms.every(Number.isFinite),
    slope: fitPowerLaw(LENGTHS, c.rms).slope,
  }));

  // How many times smaller Sobol's error is than Bernoulli's at the longest length, once measured.
  const last = LENGTHS.length - 1;
  const rmsAtLongest = (g: string) => curves.find((c) => c.generator === g)?.rms[last] ?? NaN;
  const ratio = rmsAtLongest('bernoulli') / rmsAtLongest('sobol');
  const gain = Number.isFinite(ratio) ? ratio : null;

  const toggleGenerator = (g: (typeof GENERATORS)[number], on: boolean) => {
    const next = on ? [...s.generators, g] : s.generators.filter((x) => x !== g);
    if (next.length > 0) update('sweep', { generators: next });
  };

  return (
    <StepLayout
      intro={
        <>
          <p>
            How close does the AND gate get? Count the ones in L random bits and you get a binomial
            number: its typical error is √(p(1−p)/L). <b>Four times the length, half the error.</b>
          </p>
          <p>
            On log-log axes a law like error ∝ L<sup>−½</sup> is a straight line with slope −½. Here
            the page measures it: for each length from 8 to 65,536 bits it runs many trials (each
            with its own random x, w and seed) and takes the root-mean-square error.
          </p>
          <p>
            Streams from a <b>low-discrepancy</b> generator place their ones evenly instead of at
            random, and their error falls much faster.
          </p>
        </>
      }
      controls={
        <>
          <fieldset className="lsn-choice">
            <legend>Generators</legend>
            {GENERATORS.map((g) => (
              <Toggle
                key={g}
                label={GENERATOR_INFO[g].name}
                checked={s.generators.includes(g)}
                onChange={(on) => toggleGenerator(g, on)}
              />
            ))}
          </fieldset>
          <Choice
            legend="What is estimated"
            value={s.measure}
            options={[
              { value: 'product', label: 'x·w through AND' },
              { value: 'value', label: 'x alone' },
            ]}
            onChange={(measure) => update('sweep', { measure })}
          />
          <Choice
            legend="Trials per length"
            value={String(s.trials) as (typeof TRIALS)[number]}
            options={TRIALS.map((t) => ({ value: t, label: t }))}
            onChange={(t) => update('sweep', { trials: Number(t) })}
          />
          <div className="lsn-run">
            {running !== null ? (
              <>
                <Progress label="Error sweep progress" fraction={progress} />
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => setStopped(true)}
                >
                  Stop
                </button>
              </>
            ) : (
              !finished && (
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => setStopped(false)}
                >
                  Run the sweep
                </button>
              )
            )}
            {finished && <span className="lsn-hint">Sweep complete.</span>}
          </div>
        </>
      }
      readouts={
        <Readouts
          label="Fitted slopes"
          items={[
            { label: 'Slope of 1/√L', value: '−0.50', testId: 'slope-theory' },
            ...slopes.map((x) => ({
              label: `Fitted slope, ${GENERATOR_INFO[x.generator].name}`,
              value: x.complete ? fixed(x.slope, 2) : 'measuring…',
              testId: `slope-${x.generator}`,
              strong: true,
            })),
          ]}
        />
      }
      notice={
        <ul>
          <li>
            <b>Bernoulli</b> follows the dashed 1/√L line: slope about −0.5. To halve its error you
            need four times the bits, which is why SC streams are long.
          </li>
          <li>
            <b>Sobol</b> falls close to 1/L (slope near −1), so the longer the stream, the more it
            wins
            {gain === null
              ? '.'
              : `: at ${formatLength(LONGEST)} bits its error is ${Math.round(gain)} times smaller than Bernoulli's.`}
          </li>
          <li>
            <b>LFSR</b> streams are nearly exact alone (choose “x alone”: slope −1), but two of them
            ANDed together keep part of the random error: their product line is in between and
            bumpy.
          </li>
        </ul>
      }
    >
      <LessonPlot
        data={data}
        layout={layout}
        height={HEIGHT}
        label={`RMS error against stream length on log-log axes: ${slopes
          .filter((x) => x.complete)
          .map((x) => `${GENERATOR_INFO[x.generator].name} slope ${fixed(x.slope, 2)}`)
          .join(', ')}`}
        testId="error-plot"
      />
    </StepLayout>
  );
}
