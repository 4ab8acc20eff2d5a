/**
 * Test doubles for the session store: a fake simulation with a hand-computable output, and an
 * in-process "worker" that is the real engine service (flow control, pacing, faults) over it.
 */
import type { Chunk, Simulation } from '../../../src/engine/api.ts';
import { NumericalError } from '../../../src/engine/errors.ts';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { createEngineService } from '../../../workers/engine-service.ts';
import type { EngineClient, EngineClientFactory } from '../../../src/store/session/types.ts';

/** A two-population document: `a` (3 neurons, spikes + state + rate probes) and `b` (2). */
export function fakeDocument(duration = 10): NetworkDocument {
  const lif = {
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    noise_std: 0,
    refractory_period: 0,
    bias: 0,
    v_init: { kind: 'constant' as const, value: 0 },
  };
  return {
    format: 'spikelab-network',
    version: 1,
    name: 'fake',
    populations: [
      { id: 'a', size: 3, position: { x: 0, y: 0 }, model: 'stochastic_lif', params: lif },
      { id: 'b', size: 2, position: { x: 0, y: 0 }, model: 'stochastic_lif', params: lif },
    ],
    projections: [],
    stimuli: [],
    probes: [
      { id: 'sa', kind: 'spikes', population: 'a' },
      { id: 'sb', kind: 'spikes', population: 'b' },
      { id: 'va', kind: 'state', population: 'a', variable: 'v', neurons: [0, 2] },
      { id: 'ra', kind: 'rate', population: 'a', bin: 1 },
    ],
    run: { dt: 0.5, duration, seed: 7, backend: 'auto' },
  };
}

/**
 * Every step s, neuron `s % 3` of `a` spikes and neuron `s % 2` of `b` does; trace value of
 * neuron n after step s is `s + n / 10`. `failAt` raises a NumericalError at that step.
 */
export function fakeSimulation(
  doc: NetworkDocument,
  failAt = Infinity,
  learned: Readonly<Record<string, readonly number[]>> = {},
  /** Receives every live change with the step it was made at. */
  live: { step: number; path: string; value: number }[] = [],
): Simulation {
  const dt = doc.run.dt;
  const totalSteps = Math.round(doc.run.duration / dt);
  let current = 0;
  return {
    backend: 'reference',
    dt,
    totalSteps,
    get currentStep() {
      return current;
    },
    step(n: number): Promise<Chunk> {
      const start = current;
      if (start + n > failAt) {
        return Promise.reject(new NumericalError('a', failAt, 1, 'v', NaN));
      }
      const steps = Int32Array.from({ length: n }, (_, k) => start + k);
      current += n;
      return Promise.resolve({
        startStep: start,
        steps: n,
        spikes: {
          a: { steps: steps.slice(), indices: Uint32Array.from(steps, (s) => s % 3) },
          b: { steps: steps.slice(), indices: Uint32Array.from(steps, (s) => s % 2) },
        },
        traces: {
          va: {
            steps: steps.slice(),
            values: Float32Array.from({ length: 2 * n }, (_, k) => start + (k >> 1) + (k & 1) / 10),
          },
        },
        counts: { ra: { counts: new Uint32Array(n).fill(1) } },
        wallMs: 1,
      });
    },
    learnedWeights(): Promise<Record<string, Float32Array>> {
      // `learned` plus the current step, so a test sees weights of the step it asked at.
      const out: Record<string, Float32Array> = {};
      for (const [id, values] of Object.entries(learned))
        out[id] = Float32Array.from(values, (v) => v + current);
      return Promise.resolve(out);
    },
    setParameters(changes) {
      for (const c of changes) live.push({ step: current, path: c.path, value: c.value });
      return Promise.resolve(current);
    },
    reset() {
      current = 0;
      return Promise.resolve();
    },
    dispose() {},
  };
}

export interface FakeWorker {
  factory: EngineClientFactory;
  /** Calls made to the client, in order. */
  calls: string[];
  /** Kill the current worker as an uncaught error would. */
  crash(reason: string): void;
  /** Number of clients created. */
  created(): number;
  terminated(): number;
  /** Make the next worker's pings never answer (a hung worker). */
  hangPings(): void;
}

/** A worker factory whose workers run the engine service in-process over `fakeSimulation`. */
export function fakeWorker(
  options: {
    failAt?: number;
    invalid?: boolean;
    learned?: Readonly<Record<string, readonly number[]>>;
    /** Receives the live changes the simulations get, with their steps. */
    live?: { step: number; path: string; value: number }[];
  } = {},
): FakeWorker {
  const calls: string[] = [];
  let created = 0;
  let terminated = 0;
  let hang = false;
  let crash: ((reason: string) => void) | null = null;
  const factory: EngineClientFactory = (onCrash) => {
    created += 1;
    crash = onCrash;
    let alive = true;
    const hangs = hang;
    const service = createEngineService(
      (doc) => {
        if (options.invalid) {
          return Promise.reject(new Error('bad document'));
        }
        return Promise.resolve(fakeSimulation(doc, options.failAt, options.learned, options.live));
      },
      (sink, event) => {
        if (alive) sink(event);
      },
    );
    const call = <T>(name: string, f: () => T): Promise<T> => {
      calls.push(name);
      return alive ? Promise.resolve(f()) : new Promise<T>(() => {});
    };
    const client: EngineClient = {
      open: (req, sink) => {
        calls.push('open');
        return service.open(req, sink);
      },
      play: () => call('play', () => service.play()),
      pause: () => call('pause', () => service.pause()),
      step: (n) => call(`step(${n})`, () => service.step(n)),
      ack: (seq) => call(`ack(${seq})`, () => service.ack(seq)),
      setSpeed: (s) => call(`setSpeed(${s})`, () => service.setSpeed(s)),
      learnedWeights: () => {
        calls.push('learnedWeights');
        return alive ? service.learnedWeights() : new Promise(() => {});
      },
      setParameters: (changes) => {
        calls.push(`setParameters(${changes.map((c) => `${c.path}=${c.value}`).join(',')})`);
        return alive ? service.setParameters(changes) : new Promise(() => {});
      },
      ping: () => (hangs ? new Promise<number>(() => {}) : Promise.resolve(0)),
      close: () => call('close', () => service.close()),
      debugCrash: () => call('debugCrash', () => undefined),
      terminate: () => {
        terminated += 1;
        alive = false;
        service.close();
      },
    };
    return client;
  };
  return {
    factory,
    calls,
    crash: (reason) => crash?.(reason),
    created: () => created,
    terminated: () => terminated,
    hangPings: () => {
      hang = true;
    },
  };
}

/** Resolves once `predicate` holds, polling through timers and microtasks. */
export async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
