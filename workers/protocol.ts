/**
 * The one protocol between the page and the engine worker. Both sides import only these
 * types; nothing else crosses the boundary. Bump PROTOCOL_VERSION whenever a shape changes so
 * a stale cached worker is refused instead of misread.
 */
import type { BackendChoice, NetworkDocument } from '../src/model/document.ts';
import type { ValidationIssue } from '../src/model/validation-issue.ts';
import type { Chunk, LiveChange, ResolvedBackend } from '../src/engine/api.ts';

export const PROTOCOL_VERSION = 3;

/** Start a run: compile `document` (a structured clone of the editor's) on `backend`. */
export interface OpenRequest {
  protocolVersion: number;
  document: NetworkDocument;
  backend: BackendChoice;
  /** Steps per streamed chunk. */
  chunkSteps: number;
  /** Simulated ms per wall-clock ms; `Infinity` runs as fast as the engine can. */
  speed: number;
  /** Chunks the worker may send before it waits for the page's acknowledgement. */
  maxChunksAhead: number;
}

/** Why a run could not start or stopped: the engine's errors as plain data. */
export type EngineFault =
  | { kind: 'document-invalid'; message: string; issues: ValidationIssue[] }
  | { kind: 'memory-budget'; message: string; estimateBytes: number; budgetBytes: number }
  | {
      kind: 'numerical';
      message: string;
      population: string;
      step: number;
      neuron: number;
      variable: string;
      value: number;
    }
  | { kind: 'backend-unavailable'; message: string; backend: string; reason: string }
  | { kind: 'protocol-mismatch'; message: string; expected: number; got: number }
  | { kind: 'internal'; message: string };

export type OpenResult =
  | { ok: true; backend: ResolvedBackend; dt: number; totalSteps: number }
  | { ok: false; fault: EngineFault };

/**
 * The current weights of every projection whose weights change while it runs (a weight rule
 * or structural plasticity), by projection id, one float32 per synapse in connection order,
 * at simulated step `step`: what "Keep learned weights" writes into the document.
 */
export type LearnedWeightsResult =
  | { ok: true; step: number; weights: Record<string, Float32Array> }
  | { ok: false; fault: EngineFault };

/** Live changes were made: they take effect at simulated step `step` (the next chunk's first). */
export type LiveResult = { ok: true; step: number } | { ok: false; fault: EngineFault };

/** What the worker tells the page while a run streams; delivered in order. */
export type WorkerEvent =
  /** Recorded data of steps [chunk.startStep, +chunk.steps); acknowledge `seq` when drawn. */
  | { type: 'chunk'; seq: number; chunk: Chunk }
  /** The worker stopped stepping because the page asked it to (pause, or a step finished). */
  | { type: 'paused'; step: number }
  /** The run reached its duration. */
  | { type: 'finished'; step: number }
  /** The engine raised an error; the run is over. */
  | { type: 'fault'; fault: EngineFault };

export type EventSink = (event: WorkerEvent) => void;

/** Ways the test hook can kill the worker, to prove the page survives it. */
export type CrashMode = 'throw-async' | 'close';

/** The worker's API as exposed with comlink; every call is answered in order. */
export interface EngineWorkerApi {
  protocolVersion(): number;
  /** Compile a run (replacing any previous one); nothing streams until `play` or `step`. */
  open(request: OpenRequest, sink: EventSink): Promise<OpenResult>;
  /** Stream chunks until the duration ends or `pause` arrives. */
  play(): void;
  pause(): void;
  /** Simulate exactly `steps` more steps (as chunks), then report `paused`. */
  step(steps: number): void;
  /** The page has consumed every chunk up to and including `seq`. */
  ack(seq: number): void;
  setSpeed(speed: number): void;
  /** The open run's learned weights now (after its last step); the run is not changed. */
  learnedWeights(): Promise<LearnedWeightsResult>;
  /**
   * Change live parameters of the open run (engine `Simulation.setParameters`) before its next
   * step, without a reset; a refusal changes nothing and leaves the run as it was.
   */
  setParameters(changes: LiveChange[]): Promise<LiveResult>;
  /** Answered as soon as the worker's event loop is free; the page's liveness probe. */
  ping(): number;
  /** Free the run. */
  close(): void;
  /** Test hook: make the worker die the way `mode` says. */
  debugCrash(mode: CrashMode): void;
}
