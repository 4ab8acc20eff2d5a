/**
 * Step 2 (tutorial §2): values as bitstreams, multiplication with an AND gate, the estimate
 * settling as more bits are counted, and what goes wrong when the two streams are correlated.
 */
import { useMemo } from 'react';
import { Choice } from '../controls/Choice.tsx';
import { Readouts } from '../controls/Readouts.tsx';
import { Slider } from '../controls/Slider.tsx';
import { Toggle } from '../controls/Toggle.tsx';
import { LessonPlot } from '../plots/LessonPlot.tsx';
import { lessonLayout } from '../plots/lesson-layout.ts';
import { StepLayout } from '../StepLayout.tsx';
import { convergenceTraces } from './and-figures.ts';
import { logSpacedCounts, readAnd, runningEstimate } from './and-gate.ts';
import { firstBits } from './bit-rows.ts';
import { BitRows } from './BitRows.tsx';
import { COLORS } from './colors.ts';
import { fixed, signed } from './format.ts';
import { GENERATORS, GENERATOR_INFO, makeStreams } from './generators.ts';
import {
  MAX_LOG2_LENGTH,
  MIN_LOG2_LENGTH,
  exponentOfLength,
  formatLength,
  lengthFromExponent,
} from './length-scale.ts';
import { useScLesson } from './lesson-store.ts';
import { AndNotice } from './AndNotice.tsx';

/** Bits drawn: two blocks of 64. */
const SHOWN_BITS = 128;
const PER_ROW = 64;
const HEIGHT = 290;

export function AndStep() {
  const s = useScLesson((st) => st.and);
  const update = useScLesson((st) => st.update);
  const streams = useMemo(() => makeStreams(s), [s]);
  const r = useMemo(() => readAnd(streams, s.x, s.w), [streams, s.x, s.w]);
  const rows = useMemo(
    () => [
      { label: 'pre (x)', key: 'pre', bits: firstBits(streams.pre, SHOWN_BITS), color: COLORS.pre },
      {
        label: 'weight (w)',
        key: 'weight',
        bits: firstBits(streams.weight, SHOWN_BITS),
        color: COLORS.weight,
      },
      {
        label: 'AND',
        key: 'product',
        bits: firstBits(streams.product, SHOWN_BITS),
        color: COLORS.product,
      },
    ],
    [streams],
  );
  const data = useMemo(() => {
    const counts = logSpacedCounts(s.length, 240);
    return convergenceTraces(counts, runningEstimate(streams.product, counts), r.exact);
  }, [streams, s.length, r.exact]);
  const layout = useMemo(
    () =>
      lessonLayout('The estimate as more bits are counted', HEIGHT, {
        xTitle: 'bits counted n (log scale)',
        yTitle: 'P(pre AND weight)',
        xLog: true,
        legend: true,
        yRange: [0, 1],
      }),
    [],
  );
  const shown = Math.min(SHOWN_BITS, s.length);
  const ones = rows.map((row) => row.bits.reduce((a, b) => a + b, 0));

  return (
    <StepLayout
      intro={
        <>
          <p>
            In stochastic computing a number between 0 and 1 is a long stream of bits, and the{' '}
            <b>fraction of ones is the number</b>: 0.6 is a stream where about 6 bits in 10 are 1.
          </p>
          <p>
            To multiply two such numbers, send both streams through an <b>AND gate</b>: it outputs 1
            only when both inputs are 1. For independent streams that happens with probability x·w,
            so the output stream encodes the product. One gate per bit instead of a multiplier.
          </p>
          <p>The answer is an estimate: a longer stream (larger L) gives a closer one.</p>
        </>
      }
      controls={
        <>
          <Slider
            label="Value x"
            value={s.x}
            min={0}
            max={1}
            step={0.01}
            format={(v) => fixed(v, 2)}
            onChange={(x) => update('and', { x })}
          />
          <Slider
            label="Weight w"
            value={s.w}
            min={0}
            max={1}
            step={0.01}
            format={(v) => fixed(v, 2)}
            onChange={(w) => update('and', { w })}
          />
          <Slider
            label="Stream length L"
            value={exponentOfLength(s.length)}
            min={MIN_LOG2_LENGTH}
            max={MAX_LOG2_LENGTH}
            step={1}
            format={(k) => `${formatLength(lengthFromExponent(k))} bits`}
            onChange={(k) => update('and', { length: lengthFromExponent(k) })}
            hint="Each notch doubles the length."
          />
          <Slider
            label="Seed"
            value={s.seed}
            min={1}
            max={100}
            step={1}
            onChange={(seed) => update('and', { seed })}
            hint="Picks a different random stream."
          />
          <Choice
            legend="Random number generator"
            value={s.generator}
            options={GENERATORS.map((g) => ({ value: g, label: GENERATOR_INFO[g].name }))}
            onChange={(generator) => update('and', { generator })}
          />
          <p className="lsn-hint lsn-about">
            {GENERATOR_INFO[s.generator].name}: {GENERATOR_INFO[s.generator].about}.
          </p>
          <Toggle
            label="Correlated streams (one random source for both)"
            checked={s.correlated}
            onChange={(correlated) => update('and', { correlated })}
            hint="Both streams compare their values against the same random numbers."
          />
        </>
      }
      readouts={
        <Readouts
          label="AND gate results"
          items={[
            { label: 'P(pre)', value: fixed(r.pPre, 4), testId: 'and-p-pre' },
            { label: 'P(weight)', value: fixed(r.pWeight, 4), testId: 'and-p-weight' },
            {
              label: 'Estimate P(pre AND weight)',
              value: fixed(r.estimate, 4),
              testId: 'and-estimate',
              strong: true,
            },
            { label: 'Exact x·w', value: fixed(r.exact, 4), testId: 'and-exact', strong: true },
            {
              label: 'Error',
              value: signed(r.error, 4),
              testId: 'and-error',
              tone: Math.abs(r.error) < 0.02 ? 'good' : 'bad',
            },
            { label: 'SCC (correlation)', value: signed(r.scc, 2), testId: 'and-scc' },
          ]}
        />
      }
      notice={<AndNotice settings={s} readout={r} />}
    >
      {s.correlated && (
        <p className="lsn-alert" role="status">
          Correlated streams: AND gives min(x, w) = {fixed(Math.min(s.x, s.w), 2)}, not x·w ={' '}
          {fixed(r.exact, 3)}.
        </p>
      )}
      <figure className="lsn-figure">
        <BitRows rows={rows} perRow={PER_ROW} />
        <figcaption>
          The first {shown} of {formatLength(s.length)} bits; filled cells are ones. Ones drawn:{' '}
          <span data-testid="bits-ones-pre">{ones[0]}</span> in pre,{' '}
          <span data-testid="bits-ones-weight">{ones[1]}</span> in weight,{' '}
          <span data-testid="bits-ones-product">{ones[2]}</span> after AND (
          <span data-testid="bits-shown">{shown}</span> bits each).
        </figcaption>
      </figure>
      <LessonPlot
        data={data}
        layout={layout}
        height={HEIGHT}
        label={`Running estimate of the product over ${s.length} bits, ending at ${fixed(r.estimate, 4)}; exact ${fixed(r.exact, 4)}`}
        testId="and-convergence-plot"
      />
    </StepLayout>
  );
}
