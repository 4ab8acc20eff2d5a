import { describe, expect, it } from 'vitest';
import { createDocument, createPopulation } from '../../../src/model/index.ts';
import type { NetworkDocument, Projection } from '../../../src/model/document.ts';
import {
  evaluateCheck,
  sameNetwork,
  type CheckContext,
  type LessonCheck,
  type RunSummary,
} from '../../../src/model/lesson/index.ts';
import { writeParam } from '../../../src/model/param-path.ts';

function network(): NetworkDocument {
  const doc = createDocument();
  return {
    ...doc,
    populations: [
      { ...createPopulation('stochastic_lif', 'exc', { x: 0, y: 0 }), size: 10 },
      { ...createPopulation('stochastic_lif', 'inh', { x: 200, y: 0 }), size: 5 },
    ],
  };
}

function projection(weight: number): Projection {
  return {
    id: 'inh_exc',
    source: 'inh',
    target: 'exc',
    connectivity: { rule: 'all_to_all', allow_self: false },
    weight: { kind: 'constant', value: weight },
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'exponential', tau: 10 },
  };
}

/** A run of `doc` lasting 500 ms in which exc fired `excSpikes` spikes. */
function ran(doc: NetworkDocument, excSpikes: number): RunSummary {
  return { document: doc, durationMs: 500, spikes: { exc: { count: excSpikes, size: 10 } } };
}

const at = (document: NetworkDocument, run: RunSummary | null = null): CheckContext => ({
  document,
  run,
  board: null,
});

describe('lesson checks', () => {
  const rate: LessonCheck = { kind: 'rate', population: 'exc', min_hz: 40, max_hz: 60 };

  it('rate: fails without a run, below and above the range, passes inside it', () => {
    const doc = network();
    expect(evaluateCheck(rate, at(doc))).toEqual({
      pass: false,
      message: 'Run the network to the end first.',
    });
    // 60 spikes / 10 neurons / 0.5 s = 12 Hz.
    expect(evaluateCheck(rate, at(doc, ran(doc, 60)))).toEqual({
      pass: false,
      message: 'exc fires at 12 Hz; aim for 40-60 Hz.',
    });
    expect(evaluateCheck(rate, at(doc, ran(doc, 301))).pass).toBe(false);
    expect(evaluateCheck(rate, at(doc, ran(doc, 250)))).toEqual({
      pass: true,
      message: 'exc fires at 50 Hz (40-60 Hz).',
    });
  });

  it('rate: a run of an earlier network does not count; moving a node does not matter', () => {
    const doc = network();
    const run = ran(doc, 250);
    const changed = writeParam(doc, 'populations/exc/params/bias', 0.5);
    expect(evaluateCheck(rate, at(changed, run))).toEqual({
      pass: false,
      message: 'The network changed since the last run: run it again.',
    });
    const moved = {
      ...doc,
      populations: doc.populations.map((p) => ({ ...p, position: { x: 9, y: 9 } })),
    };
    expect(sameNetwork(doc, moved)).toBe(true);
    expect(evaluateCheck(rate, at(moved, run)).pass).toBe(true);
  });

  it('rate: names a population without a spikes probe or missing from the network', () => {
    const doc = network();
    const noProbe: LessonCheck = { kind: 'rate', population: 'inh', min_hz: 0, max_hz: 1 };
    expect(evaluateCheck(noProbe, at(doc, ran(doc, 0))).message).toBe(
      'inh records no spikes: add a spikes probe and run again.',
    );
    const gone: LessonCheck = { kind: 'rate', population: 'out', min_hz: 0, max_hz: 1 };
    expect(evaluateCheck(gone, at(doc, ran(doc, 0))).message).toBe(
      'There is no population out in the network.',
    );
  });

  it('projection: missing, wrong sign, right sign', () => {
    const check: LessonCheck = { kind: 'projection', from: 'inh', to: 'exc', sign: 'inhibitory' };
    const doc = network();
    expect(evaluateCheck(check, at(doc))).toEqual({
      pass: false,
      message: 'Connect inh to exc: there is no projection yet.',
    });
    const excitatory = { ...doc, projections: [projection(0.2)] };
    expect(evaluateCheck(check, at(excitatory))).toEqual({
      pass: false,
      message: 'inh → exc is excitatory; make it inhibitory (a negative weight).',
    });
    expect(evaluateCheck(check, at({ ...doc, projections: [projection(0)] })).pass).toBe(false);
    expect(evaluateCheck(check, at({ ...doc, projections: [projection(-0.5)] })).pass).toBe(true);
    const unsigned: LessonCheck = { kind: 'projection', from: 'inh', to: 'exc' };
    expect(evaluateCheck(unsigned, at(excitatory)).pass).toBe(true);
    const uniform = {
      ...projection(0),
      weight: { kind: 'uniform' as const, low: -0.5, high: 0.1 },
    };
    expect(evaluateCheck(check, at({ ...doc, projections: [uniform] })).pass).toBe(false);
  });

  it('param: outside, inside, and a path the network lacks', () => {
    const check: LessonCheck = {
      kind: 'param',
      path: 'populations/exc/params/bias',
      min: 0.04,
      max: 0.05,
    };
    const doc = network();
    const before = evaluateCheck(check, at(doc));
    expect(before.pass).toBe(false);
    expect(before.message).toMatch(/^exc · .* is 0; set it to 0\.04-0\.05\.$/);
    expect(
      evaluateCheck(check, at(writeParam(doc, 'populations/exc/params/bias', 0.045))).pass,
    ).toBe(true);
    const missing: LessonCheck = { ...check, path: 'populations/nobody/params/bias' };
    expect(evaluateCheck(missing, at(doc)).message).toMatch(/is not in this network\.$/);
  });

  it('model: every neuron population, or the one named', () => {
    const check: LessonCheck = { kind: 'model', model: 'fixed_point_lif' };
    const doc = network();
    expect(evaluateCheck(check, at(doc)).message).toBe(
      'exc is stochastic_lif; it must be fixed_point_lif.',
    );
    const fixed = {
      ...doc,
      populations: [
        createPopulation('fixed_point_lif', 'exc', { x: 0, y: 0 }),
        createPopulation('poisson', 'input', { x: 0, y: 0 }),
      ],
    };
    expect(evaluateCheck(check, at(fixed)).pass).toBe(true);
    expect(evaluateCheck({ ...check, population: 'inh' }, at(doc)).pass).toBe(false);
  });

  it('ran and board: need a finished run of this network', () => {
    const doc = network();
    expect(evaluateCheck({ kind: 'ran' }, at(doc)).pass).toBe(false);
    expect(evaluateCheck({ kind: 'ran' }, at(doc, ran(doc, 0)))).toEqual({
      pass: true,
      message: 'Ran 500 ms.',
    });
    const board = (
      outcome: NonNullable<CheckContext['board']>['outcome'],
      document = doc,
    ): CheckContext => ({
      document: doc,
      run: null,
      board: { document, outcome },
    });
    expect(evaluateCheck({ kind: 'board' }, at(doc)).message).toBe(
      'Run the network on the board first.',
    );
    expect(evaluateCheck({ kind: 'board' }, board({ kind: 'unfinished' })).pass).toBe(false);
    expect(
      evaluateCheck({ kind: 'board' }, board({ kind: 'differs', step: 7, population: 'exc' }))
        .message,
    ).toBe("The board's spikes differ from the engine's (exc, step 7).");
    const other = writeParam(doc, 'run/duration', 20);
    expect(
      evaluateCheck({ kind: 'board' }, board({ kind: 'bit-exact', spikes: 3 }, other)).pass,
    ).toBe(false);
    expect(evaluateCheck({ kind: 'board' }, board({ kind: 'bit-exact', spikes: 3 }))).toEqual({
      pass: true,
      message: "Bit-exact: the board's 3 spikes equal the engine's.",
    });
  });

  it('all: passes only when every check passes, and says the first that fails', () => {
    const doc = writeParam(network(), 'populations/exc/params/bias', 0.045);
    const check: LessonCheck = {
      kind: 'all',
      checks: [{ kind: 'param', path: 'populations/exc/params/bias', min: 0.04, max: 0.05 }, rate],
    };
    expect(evaluateCheck(check, at(doc, ran(doc, 0)))).toEqual({
      pass: false,
      message: 'exc fires at 0 Hz; aim for 40-60 Hz.',
    });
    expect(evaluateCheck(check, at(doc, ran(doc, 250))).pass).toBe(true);
  });
});
