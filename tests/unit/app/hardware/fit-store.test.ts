/**
 * The Hardware tab's resource fit in Node: the estimate of a document (the CLI's `fitNetwork`
 * with the repository's core), a refused network named, and Yosys runs through a scripted
 * runner standing in for the worker: the request is the export's files and the CLI's script,
 * passes arrive as progress, the counts come from a captured Yosys 0.55 `stat -json`, a cancel
 * terminates the runner and a later run starts a fresh one, a failure is shown as it came.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFitStore } from '../../../../src/app/hardware/fit-store.ts';
import type {
  YosysOutcome,
  YosysRequest,
  YosysRunner,
} from '../../../../src/app/hardware/yosys-protocol.ts';
import { readCoreRtl } from '../../../../src/cli/core-rtl.ts';
import { fitNetwork } from '../../../../src/hdl/fit/fit-network.ts';
import { STAT_FILE, synthScript } from '../../../../src/hdl/fit/synth-script.ts';
import { parseDocumentJson } from '../../../../src/model/index.ts';
import type { NetworkDocument } from '../../../../src/model/index.ts';

function example(file: string): NetworkDocument {
  const url = new URL(`../../../../public/examples/${file}`, import.meta.url);
  const result = parseDocumentJson(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.document;
}

const STAT = readFileSync(
  new URL('../../hdl/fixtures/yosys-0.55-stat-fixed-point-hw.txt', import.meta.url),
  'utf8',
);

interface Scripted {
  runner: YosysRunner;
  request: YosysRequest | null;
  terminated: boolean;
  loaded: (s: number) => void;
  progress: (line: string) => void;
  finish: (outcome: YosysOutcome) => void;
  fail: (error: Error) => void;
}

/** Runners whose runs end when the test says; each one made is kept in `made`. */
function scriptedRunners() {
  const made: Scripted[] = [];
  const factory = (): YosysRunner => {
    const s = { request: null, terminated: false } as unknown as Scripted;
    s.runner = {
      run: (request, on) =>
        new Promise<YosysOutcome>((resolve, reject) => {
          s.request = request;
          s.loaded = on.loaded;
          s.progress = on.progress;
          s.finish = resolve;
          s.fail = reject;
        }),
      terminate: () => {
        s.terminated = true;
        s.fail(new Error('the Yosys worker was stopped'));
      },
    };
    made.push(s);
    return s.runner;
  };
  return { made, factory };
}

const prepare = (doc: NetworkDocument) =>
  Promise.resolve(fitNetwork(doc, { rtl: readCoreRtl(), version: '0.1.0' }));

/** Lets the store's awaits run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('fit store', () => {
  const hw = example('fixed-point-hw.json');

  it('estimates a document once and names what a refused one lacks', async () => {
    const store = createFitStore({ prepare, createRunner: scriptedRunners().factory });
    const first = await store.getState().estimateFor(hw);
    if (!('fit' in first)) throw new Error(first.error.join('\n'));
    expect(first.fit.exported.needs.neurons).toBe(98);
    expect(first.fit.estimate.dsp).toBeGreaterThan(0);
    expect(await store.getState().estimateFor(hw)).toBe(first);

    const float = example('f-i-curve.json');
    const refused = await store.getState().estimateFor(float);
    if (!('error' in refused)) throw new Error('a float LIF network was estimated');
    expect(refused.error[0]).toMatch(/cannot be exported to the Verilog core/);
    expect(refused.error.length).toBeGreaterThan(1);
    expect(store.getState().estimate).toBe(refused);
  });

  it('runs the CLI script on the export, shows passes, then the counts', async () => {
    const { made, factory } = scriptedRunners();
    let clock = 1000;
    const store = createFitStore({ prepare, createRunner: factory, now: () => clock });
    const running = store.getState().synthesise(hw);
    await settle();
    expect(made).toHaveLength(1);
    const r = made[0];
    if (r === undefined || r.request === null) throw new Error('no request');
    const fit = fitNetwork(hw, { rtl: readCoreRtl(), version: '0.1.0' });
    expect(r.request.script).toBe(synthScript(fit.exported.capacity));
    expect(r.request.statFile).toBe(STAT_FILE);
    expect(r.request.files).toEqual(
      Object.fromEntries(fit.exported.files.map((f) => [f.path, f.text])),
    );
    expect(r.request.files['spikelab_core.v']).toContain(readCoreRtl()['spikelab_core.v']);
    expect(store.getState().status).toBe('loading');

    r.loaded(2.5);
    expect(store.getState().status).toBe('running');
    for (let k = 1; k <= 6; k++) r.progress(`yosys 6.${k}: PASS${k}`);
    expect(store.getState().run?.count).toBe(6);
    expect(store.getState().run?.passes).toEqual([
      'yosys 6.3: PASS3',
      'yosys 6.4: PASS4',
      'yosys 6.5: PASS5',
      'yosys 6.6: PASS6',
    ]);
    clock += 40_000;
    r.finish({ stat: STAT, seconds: 40, loadSeconds: 2.5, version: '0.55.944' });
    await running;
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.run).toBeNull();
    expect(s.synthesis?.source).toBe(hw);
    expect(s.synthesis?.counts.flipFlops).toBe(803);
    expect(s.synthesis?.counts.luts).toBe(2652);
    expect(s.synthesis?.seconds).toBe(40);
    // The worker with its WebAssembly loaded is kept for the next run.
    expect(r.terminated).toBe(false);
    void store.getState().synthesise(hw);
    await settle();
    expect(made).toHaveLength(1);
  });

  it('cancel terminates the runner; the next run starts a fresh one and completes', async () => {
    const { made, factory } = scriptedRunners();
    let clock = 0;
    const store = createFitStore({ prepare, createRunner: factory, now: () => clock });
    const cancelled = store.getState().synthesise(hw);
    await settle();
    made[0]?.progress('yosys 6.1: HIERARCHY');
    clock = 3400;
    store.getState().cancel();
    await cancelled;
    expect(made[0]?.terminated).toBe(true);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().run).toBeNull();
    expect(store.getState().message).toBe(
      'Synthesis cancelled after 3.4 s (the Yosys worker was stopped).',
    );
    // A late answer of the stopped run changes nothing.
    made[0]?.finish({ stat: STAT, seconds: 1, loadSeconds: 0, version: 'x' });
    await settle();
    expect(store.getState().synthesis).toBeNull();

    const again = store.getState().synthesise(hw);
    await settle();
    expect(made).toHaveLength(2);
    made[1]?.finish({ stat: STAT, seconds: 30, loadSeconds: 1, version: '0.55.944' });
    await again;
    expect(store.getState().status).toBe('done');
    expect(store.getState().message).toBeNull();
  });

  it('a failed run shows its message and drops the runner', async () => {
    const { made, factory } = scriptedRunners();
    const store = createFitStore({ prepare, createRunner: factory });
    const failing = store.getState().synthesise(hw);
    await settle();
    made[0]?.fail(new Error('yosys failed (exit status 1); its last lines:\nERROR: no top'));
    await failing;
    expect(store.getState().status).toBe('error');
    expect(store.getState().message).toMatch(/^yosys failed \(exit status 1\)/);
    expect(made[0]?.terminated).toBe(true);
  });

  it('refuses to synthesise a network the core cannot run, naming it', async () => {
    const { made, factory } = scriptedRunners();
    const store = createFitStore({ prepare, createRunner: factory });
    await store.getState().synthesise(example('f-i-curve.json'));
    expect(made).toHaveLength(0);
    expect(store.getState().status).toBe('error');
    expect(store.getState().message).toMatch(/cannot be exported to the Verilog core/);
  });
});
