/** Shapes shared by the session store, its worker client and its tests. */
import type {
  CrashMode,
  EngineFault,
  EventSink,
  LearnedWeightsResult,
  LiveResult,
  OpenRequest,
  OpenResult,
} from '../../../workers/protocol.ts';
import type { LiveChange } from '../../engine/api.ts';
import type { NetworkDocument } from '../../model/document.ts';

/** Where a run stands; drives which buttons are enabled. */
export type SessionStatus =
  'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'error' | 'crashed';

/** The engine worker as the store sees it: the protocol's calls, all asynchronous. */
export interface EngineClient {
  open(request: OpenRequest, sink: EventSink): Promise<OpenResult>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(steps: number): Promise<void>;
  ack(seq: number): Promise<void>;
  setSpeed(speed: number): Promise<void>;
  learnedWeights(): Promise<LearnedWeightsResult>;
  setParameters(changes: LiveChange[]): Promise<LiveResult>;
  ping(): Promise<number>;
  close(): Promise<void>;
  debugCrash(mode: CrashMode): Promise<void>;
  /** Kill the worker now, whatever it is doing. */
  terminate(): void;
}

/** Makes a fresh worker; `onCrash` is called if it dies on its own. */
export type EngineClientFactory = (onCrash: (reason: string) => void) => EngineClient;

export interface SessionDeps {
  createClient: EngineClientFactory;
  /** The editor's current document and its revision counter. */
  readDocument: () => { document: NetworkDocument; revision: number };
  /** Runs `callback` (a chunk's acknowledgement) once the page has taken the chunk in. */
  deferAck?: (callback: () => void) => void;
  now?: () => number;
  /** Simulated ms per chunk at real time or slower. */
  chunkMs?: number;
  /** Simulated ms per chunk faster than real time (fewer, larger chunks per frame). */
  fastChunkMs?: number;
  /** Sliding window of the plots, ms. */
  windowMs?: number;
  maxChunksAhead?: number;
  /** Least time between two updates of the progress scalars (step, simulated time), ms. */
  progressMs?: number;
  /** A worker that answers no ping for this long while running is declared dead. */
  watchdogMs?: number;
}

export type { EngineFault, LearnedWeightsResult, LiveResult };
