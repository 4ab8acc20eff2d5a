/**
 * The engine worker's behaviour, apart from comlink so it runs (and is tested) in Node: one
 * simulation at a time, streamed to the page in chunks, paced to a speed, and never more than
 * `maxChunksAhead` chunks ahead of the page's acknowledgements so memory stays bounded.
 */
import type { SimulationOptions, Simulation, Chunk } from '../src/engine/api.ts';
import type { NetworkDocument } from '../src/model/document.ts';
import { LiveParamError } from '../src/engine/live/resolve.ts';
import { faultFromError } from './faults.ts';
import {
  PROTOCOL_VERSION,
  type CrashMode,
  type EngineWorkerApi,
  type EventSink,
  type OpenRequest,
  type OpenResult,
  type WorkerEvent,
} from './protocol.ts';

export type SimulationFactory = (
  document: NetworkDocument,
  options: SimulationOptions,
) => Promise<Simulation>;

/** How the service hands an event (and the buffers it may move) to the page. */
export type EventPoster = (sink: EventSink, event: WorkerEvent, transfer: ArrayBuffer[]) => void;

interface Run {
  sim: Simulation;
  sink: EventSink;
  request: OpenRequest;
  playing: boolean;
  /** Steps still owed to `step()` requests while not playing. */
  stepBudget: number;
  sentSeq: number;
  ackedSeq: number;
  /** Wall time and step at which the current pace started, for speed limiting. */
  paceWall: number;
  paceStep: number;
  /** A pump loop is stepping this run. */
  pumping: boolean;
  /** Steps per chunk when unpaced ("max" speed), adapted to the engine's measured speed. */
  unpacedSteps: number;
}

/** Buffers of a chunk that can be moved instead of copied (whole, unshared, distinct). */
export function chunkTransferables(chunk: Chunk): ArrayBuffer[] {
  const views: ArrayBufferView[] = [];
  for (const block of Object.values(chunk.spikes)) views.push(block.steps, block.indices);
  for (const block of Object.values(chunk.traces)) views.push(block.steps, block.values);
  for (const block of Object.values(chunk.counts)) views.push(block.counts);
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    const buffer = view.buffer;
    if (
      buffer instanceof ArrayBuffer &&
      view.byteOffset === 0 &&
      view.byteLength === buffer.byteLength
    ) {
      buffers.add(buffer);
    }
  }
  return [...buffers];
}

/** Wall time an unpaced chunk aims to take: long enough to amortise the per-chunk cost of
 * messages and plot updates, short enough that pause and cancel feel instant. */
export const UNPACED_CHUNK_WALL_MS = 30;
/** An unpaced chunk grows at most to this many times the requested chunk size. */
export const UNPACED_MAX_GROWTH = 40;

/**
 * Next chunk size at "max" speed: scale toward `UNPACED_CHUNK_WALL_MS` of engine time per chunk,
 * at most doubling per chunk, never below the requested size nor above `UNPACED_MAX_GROWTH` times
 * it. Measured: a 200-neuron network ran at only 2x real time with fixed 50 ms chunks, because
 * each chunk's fixed cost on the page (~20 ms) dwarfed the engine's (< 1 ms).
 *
 * @example adaptUnpacedSteps(500, 1, 500) // 1000: the engine is fast, grow
 */
export function adaptUnpacedSteps(steps: number, wallMs: number, baseSteps: number): number {
  const ratio = UNPACED_CHUNK_WALL_MS / Math.max(wallMs, 0.1);
  const next = Math.round(steps * Math.min(ratio, 2));
  return Math.min(Math.max(next, baseSteps), baseSteps * UNPACED_MAX_GROWTH);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Build the worker's API around a simulation factory.
 *
 * @example
 *   expose(createEngineService(createSimulation, postWithTransfer));
 */
export function createEngineService(
  createSim: SimulationFactory,
  post: EventPoster,
  now: () => number = () => performance.now(),
): EngineWorkerApi {
  let run: Run | null = null;
  /** Bumped by every open/close so a pump started for an old run stops quietly. */
  let generation = 0;

  const send = (r: Run, event: WorkerEvent, transfer: ArrayBuffer[] = []) =>
    post(r.sink, event, transfer);

  const wantsMore = (r: Run) =>
    (r.playing || r.stepBudget > 0) && r.sim.currentStep < r.sim.totalSteps;

  async function pump(): Promise<void> {
    const r = run;
    if (!r || r.pumping) return;
    r.pumping = true;
    const gen = generation;
    try {
      while (gen === generation && wantsMore(r)) {
        if (r.sentSeq - r.ackedSeq >= r.request.maxChunksAhead) return; // `ack` resumes us
        const remaining = r.sim.totalSteps - r.sim.currentStep;
        const paced = Number.isFinite(r.request.speed) && r.request.speed > 0;
        const unpaced = r.playing && !paced;
        let n = Math.min(unpaced ? r.unpacedSteps : r.request.chunkSteps, remaining);
        if (!r.playing) n = Math.min(n, r.stepBudget);
        const chunk = await r.sim.step(n);
        if (gen !== generation) return;
        if (unpaced) r.unpacedSteps = adaptUnpacedSteps(n, chunk.wallMs, r.request.chunkSteps);
        if (!r.playing) r.stepBudget = Math.max(0, r.stepBudget - n);
        if (r.playing && Number.isFinite(r.request.speed) && r.request.speed > 0) {
          // Hold the chunk until real time catches up with the simulated time it covers.
          // Short naps, re-reading the clock: timers drift, and a pause or a speed change
          // should not wait out a long pace (0.1x holds a 20 ms chunk for 200 ms).
          for (;;) {
            const due =
              r.paceWall + ((r.sim.currentStep - r.paceStep) * r.sim.dt) / r.request.speed;
            const wait = due - now();
            if (wait <= 1 || !r.playing || gen !== generation) break;
            await sleep(Math.min(wait, 50));
          }
          if (gen !== generation) return;
        }
        r.sentSeq += 1;
        send(r, { type: 'chunk', seq: r.sentSeq, chunk }, chunkTransferables(chunk));
        // Let pause / ack / close messages in between chunks.
        await sleep(0);
      }
      if (gen === generation) {
        if (r.sim.currentStep >= r.sim.totalSteps) {
          r.playing = false;
          r.stepBudget = 0;
          send(r, { type: 'finished', step: r.sim.currentStep });
        } else if (!r.playing && r.stepBudget === 0) {
          send(r, { type: 'paused', step: r.sim.currentStep });
        }
      }
    } catch (error) {
      if (gen === generation) {
        r.playing = false;
        r.stepBudget = 0;
        send(r, { type: 'fault', fault: faultFromError(error) });
      }
    } finally {
      // Requests that arrive mid-step only change `run`; the loop condition above sees them,
      // and nothing can slip in between its last check and here (no await in between).
      r.pumping = false;
    }
  }

  function dispose(): void {
    generation += 1;
    run?.sim.dispose();
    run = null;
  }

  function restartPace(r: Run): void {
    r.paceWall = now();
    r.paceStep = r.sim.currentStep;
  }

  return {
    protocolVersion: () => PROTOCOL_VERSION,

    async open(request, sink): Promise<OpenResult> {
      dispose();
      if (request.protocolVersion !== PROTOCOL_VERSION) {
        const fault = {
          kind: 'protocol-mismatch' as const,
          message: `page speaks protocol ${request.protocolVersion}, worker ${PROTOCOL_VERSION}; reload the page`,
          expected: PROTOCOL_VERSION,
          got: request.protocolVersion,
        };
        return { ok: false, fault };
      }
      const gen = generation;
      try {
        const sim = await createSim(request.document, { backend: request.backend });
        if (gen !== generation) {
          sim.dispose();
          return { ok: false, fault: { kind: 'internal', message: 'superseded by a newer run' } };
        }
        run = {
          sim,
          sink,
          request,
          playing: false,
          stepBudget: 0,
          sentSeq: 0,
          ackedSeq: 0,
          paceWall: now(),
          paceStep: 0,
          pumping: false,
          unpacedSteps: request.chunkSteps,
        };
        return { ok: true, backend: sim.backend, dt: sim.dt, totalSteps: sim.totalSteps };
      } catch (error) {
        return { ok: false, fault: faultFromError(error) };
      }
    },

    play() {
      if (!run) return;
      run.playing = true;
      restartPace(run);
      void pump();
    },

    pause() {
      if (!run) return;
      const wasBusy = wantsMore(run);
      run.playing = false;
      run.stepBudget = 0;
      // A pump in flight reports `paused` itself; an idle one would never answer.
      if (!run.pumping || !wasBusy) send(run, { type: 'paused', step: run.sim.currentStep });
    },

    step(steps) {
      if (!run || run.playing) return;
      run.stepBudget += Math.max(1, Math.floor(steps));
      void pump();
    },

    ack(seq) {
      if (!run) return;
      run.ackedSeq = Math.max(run.ackedSeq, seq);
      void pump();
    },

    setSpeed(speed) {
      if (!run) return;
      run.request = { ...run.request, speed };
      restartPace(run);
    },

    async learnedWeights() {
      const r = run;
      if (!r) {
        const message = 'no run is open: run the network, then keep its learned weights';
        return { ok: false, fault: { kind: 'internal', message } };
      }
      try {
        // The simulation serializes this after any step in flight, so the weights and the
        // step they belong to agree.
        const weights = await r.sim.learnedWeights();
        return { ok: true, step: r.sim.currentStep, weights };
      } catch (error) {
        return { ok: false, fault: faultFromError(error) };
      }
    },

    async setParameters(changes) {
      const r = run;
      if (!r) {
        const message = 'no run is open: a live change applies to a running or paused run';
        return { ok: false, fault: { kind: 'internal', message } };
      }
      try {
        // Serialized by the simulation after any step in flight: it resolves with the step the
        // change takes effect at.
        const step = await r.sim.setParameters(changes);
        return { ok: true, step };
      } catch (error) {
        // The refusal's own sentence names the path and the reason; it needs no class name.
        if (error instanceof LiveParamError) {
          return { ok: false, fault: { kind: 'internal', message: error.message } };
        }
        return { ok: false, fault: faultFromError(error) };
      }
    },

    ping: () => now(),

    close() {
      dispose();
    },

    debugCrash(mode: CrashMode) {
      switch (mode) {
        case 'throw-async':
          // Thrown outside any promise chain, so it surfaces as the Worker's `error` event.
          setTimeout(() => {
            throw new Error('debug crash requested by a test');
          }, 0);
          return;
        case 'close':
          self.close();
          return;
      }
    },
  };
}
