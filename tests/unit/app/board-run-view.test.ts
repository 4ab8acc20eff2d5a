/**
 * A run on the board as the page sees it: the worker's reports folded into the view (engine
 * and board spikes by population, load and steps, a retry starting over), its words (load
 * with seconds left, stage lines, verdict with population names, spikes per second read
 * back), and the document's preparation (refusals named, every population probed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareBoardDocument } from '../../../src/app/hardware/board/board-prepare.ts';
import type { RunDone } from '../../../src/app/hardware/board/board-protocol.ts';
import {
  loadText,
  readBackText,
  runStageText,
  verdictText,
} from '../../../src/app/hardware/board/board-run-text.ts';
import {
  addSpikes,
  applyRunProgress,
  finishRunView,
  startRunView,
  stopRunView,
} from '../../../src/app/hardware/board/board-run-view.ts';
import { compareSpikes } from '../../../src/hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { parseDocumentJson } from '../../../src/model/validate.ts';

function example(file: string): NetworkDocument {
  const url = new URL(`../../../public/examples/${file}`, import.meta.url);
  const result = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.document;
}

const hw = example('fixed-point-hw.json');
// input (40), cue (8), exc (40), inh (10)
const ids = hw.populations.map((p) => p.id);

describe('board run view', () => {
  it('folds the reports: prepared, engine, load, spikes, done', () => {
    let v = startRunView(hw);
    expect(v.stage).toBe('preparing');
    expect(runStageText(v)).toBe('Preparing the network for the core…');
    v = applyRunProgress(v, { kind: 'prepared', dt: 0.5, totalSteps: 300 }, 0);
    expect([v.stage, v.dt, v.totalSteps, v.board.totalSteps]).toEqual(['engine', 0.5, 300, 300]);
    expect(runStageText(v)).toBe('Running the engine for the same 300 steps…');
    v = applyRunProgress(
      v,
      {
        kind: 'engine',
        backend: 'wasm',
        spikes: [
          { step: 3, population: 2, index: 7 },
          { step: 1, population: 0, index: 4 },
        ],
      },
      0,
    );
    expect(v.engine?.backend).toBe('wasm');
    expect(v.engine?.spikes[ids[2]!]).toEqual({ steps: [3], indices: [7] });
    expect(v.engine?.spikes[ids[0]!]).toEqual({ steps: [1], indices: [4] });
    expect(v.engine?.spikes[ids[1]!]).toEqual({ steps: [], indices: [] });

    v = applyRunProgress(v, { kind: 'load', words: 0, totalWords: 0 }, 1000);
    expect(runStageText(v)).toBe('Loading the network onto the core…');
    v = applyRunProgress(v, { kind: 'load', words: 1000, totalWords: 4000 }, 1500);
    // 1,000 words in 0.5 s: 3,000 more take 1.5 s.
    expect(runStageText(v)).toBe('Loading the network: 1,000 of 4,000 words (25%), 1.5 s left');

    v = applyRunProgress(
      v,
      { kind: 'spikes', steps: 16, spikes: [{ step: 1, population: 0, index: 4 }] },
      2000,
    );
    const before = v.board;
    v = applyRunProgress(
      v,
      {
        kind: 'spikes',
        steps: 32,
        spikes: [
          { step: 3, population: 2, index: 7 },
          { step: 20, population: 9, index: 0 }, // no such population: dropped
        ],
      },
      2100,
    );
    expect(v.stage).toBe('running');
    expect(runStageText(v)).toBe('Running on the board: step 32 of 300, 3 spikes read');
    expect(v.board.spikes[ids[0]!]).toEqual({ steps: [1], indices: [4] });
    expect(v.board.spikes[ids[2]!]).toEqual({ steps: [3], indices: [7] });
    // New arrays for the raster; the earlier view is untouched.
    expect(before.spikes[ids[2]!]).toEqual({ steps: [], indices: [] });

    const stopped = stopRunView(v);
    expect(runStageText(stopped)).toBe(
      'Stopped at step 32 of 300: the 3 spikes read so far are kept.',
    );
    expect(stopped.board).toBe(v.board);

    const done: RunDone = { verdict: { kind: 'bit-exact', spikes: 2 }, spikes: 2, seconds: 0.25 };
    v = finishRunView(v, done);
    expect([v.stage, v.steps, runStageText(v)]).toEqual(['done', 300, null]);
    expect(verdictText(v, done)).toBe('bit-exact: all 2 spikes agree');
    expect(readBackText(done, v.totalSteps)).toBe(
      '2 spikes read back in 0.25 s (8 spikes/s), 300 steps',
    );
  });

  it('a retry starts the run over from its prepared report', () => {
    let v = applyRunProgress(startRunView(hw), { kind: 'prepared', dt: 0.5, totalSteps: 300 }, 0);
    v = applyRunProgress(v, { kind: 'load', words: 10, totalWords: 20 }, 0);
    v = applyRunProgress(
      v,
      { kind: 'spikes', steps: 16, spikes: [{ step: 1, population: 0, index: 4 }] },
      0,
    );
    v = stopRunView(v);
    v = applyRunProgress(v, { kind: 'prepared', dt: 0.5, totalSteps: 300 }, 0);
    expect([v.stage, v.steps, v.boardSpikes, v.load, v.loadStarted]).toEqual([
      'engine',
      0,
      0,
      null,
      null,
    ]);
    expect(v.board.spikes[ids[0]!]).toEqual({ steps: [], indices: [] });
  });

  it('names the first difference with the population as on the canvas', () => {
    const v = startRunView(hw);
    const verdict = compareSpikes(
      [
        { step: 2, population: 0, index: 1 },
        { step: 5, population: 3, index: 6 },
      ],
      [{ step: 2, population: 0, index: 1 }],
    );
    const name = hw.populations[3]!.label ?? hw.populations[3]!.id;
    expect(verdictText(v, { verdict, spikes: 1, seconds: 1 })).toBe(
      `differs at step 5: population '${name}' neuron 6 spiked in the engine but not in the hardware (1 spikes agreed before it)`,
    );
  });

  it('addSpikes keeps the base and appends in order', () => {
    const base = startRunView(hw).board;
    const one = addSpikes(hw, base, [{ step: 4, population: 1, index: 2 }]);
    const two = addSpikes(hw, one, [{ step: 9, population: 1, index: 0 }]);
    expect(two.spikes[ids[1]!]).toEqual({ steps: [4, 9], indices: [2, 0] });
    expect(one.spikes[ids[1]!]).toEqual({ steps: [4], indices: [2] });
  });

  it('load text without a rate yet, and at the end', () => {
    expect(loadText({ words: 0, totalWords: 10, elapsedSeconds: 0 })).toBe(
      'Loading the network: 0 of 10 words (0%)',
    );
    expect(loadText({ words: 10, totalWords: 10, elapsedSeconds: 2 })).toBe(
      'Loading the network: 10 of 10 words (100%)',
    );
  });
});

describe('board run preparation', () => {
  it('probes every population of a hardware-exact network and lays it out', () => {
    const prepared = prepareBoardDocument(hw);
    if (!prepared.ok) throw new Error(prepared.message);
    const { document, steps, layout, populations } = prepared.run;
    expect(steps).toBe(300);
    expect(populations).toEqual(ids);
    expect(document.probes.map((p) => p.kind === 'spikes' && p.population)).toEqual(ids);
    expect(document.populations).toEqual(hw.populations);
    expect(layout.needs.neurons).toBe(98);
  });

  it('refuses the default network, naming each population the core cannot run', () => {
    const prepared = prepareBoardDocument(example('default.json'));
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.message).toMatch(/^'Balanced E\/I network' cannot run on the board's core:/);
    expect(prepared.message).toMatch(/populations\[1\]: .*exc/);
    expect(prepared.message).toMatch(/populations\[2\]: .*inh/);
  });

  it('names the fields of an invalid document', () => {
    const broken = { ...hw, run: { ...hw.run, dt: -1 } };
    const prepared = prepareBoardDocument(broken);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.message).toMatch(/is not a valid network:\nrun\.dt/);
  });
});
