/**
 * The run session: one run of the current document in the engine worker. Actions live next to
 * their state (zustand vanilla store, no React), so unit tests drive it with a mocked worker.
 * Recorded data lives in `record`, a mutable object outside the reactive state: chunks bump
 * only a few scalars here, and the plots redraw from `record` on their own schedule.
 */
import { createStore } from 'zustand/vanilla';
import type { ResolvedBackend } from '../../engine/api.ts';
import type {
  CrashMode,
  EngineFault,
  LearnedWeightsResult,
  WorkerEvent,
} from '../../../workers/protocol.ts';
import { PROTOCOL_VERSION } from '../../../workers/protocol.ts';
import { liveLogEntry } from './live-log.ts';
import { LiveSender } from './live-sender.ts';
import { RunRecord } from './record.ts';
import { RealTimeMeter } from './real-time-meter.ts';
import type { EngineClient, SessionDeps, SessionStatus } from './types.ts';

export interface SessionState {
  status: SessionStatus;
  /** The backend that actually runs (after `auto` was resolved). */
  backend: ResolvedBackend | null;
  dt: number;
  totalSteps: number;
  /** Steps received and recorded so far. */
  step: number;
  simulatedMs: number;
  /** Simulated time over wall time while running; null until measured. */
  realTimeFactor: number | null;
  /** Speed limit: simulated ms per wall ms, `Infinity` for as fast as possible. */
  speed: number;
  fault: EngineFault | null;
  /** Why the worker died, when status is `crashed`. */
  crash: string | null;
  /** Document revision the current run was compiled from. */
  runRevision: number | null;
  /** The run was cancelled; its data so far is kept. */
  cancelled: boolean;
  /**
   * The worker is stepping on our request; false once it confirmed it stopped (after a pause,
   * a step, the end of the run or an error), so no more chunks are coming.
   */
  busy: boolean;
  record: RunRecord | null;
  /** Why the last live change was refused (cleared by the next one that is made). */
  liveError: string | null;

  run: () => Promise<void>;
  pause: () => void;
  /** Simulates `steps` more steps (one chunk by default), starting a run if none is open. */
  stepOnce: (steps?: number) => Promise<void>;
  /** Forgets the run; the next Run compiles the document as it is now. */
  reset: () => void;
  /** Stops at once; the recorded data stays for viewing and export. */
  cancel: () => void;
  /** A fresh worker after a crash. */
  restart: () => void;
  setSpeed: (speed: number) => void;
  /**
   * Changes a live parameter of the open (running or paused) run from its next chunk on; the
   * change is logged in the record with its step. Dragging sends at most one request at a time,
   * the last value winning. False when no run is open (the caller edits the document instead).
   */
  setLive: (path: string, value: number) => boolean;
  /**
   * The learned weights of the paused or finished run (the worker keeps a finished run until
   * the next run or a reset); a fault saying why not otherwise.
   */
  learnedWeights: () => Promise<LearnedWeightsResult>;
  /** Test hook: kill the worker to exercise the crash path. */
  crashWorkerForTest: (mode: CrashMode) => void;
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/**
 * Steps per chunk: `chunkMs` of simulated time below real time, `fastChunkMs` at real time and
 * faster, so the page handles at most about 20 chunks per second: each chunk costs the main
 * thread a message, an append and a state update whatever its size.
 */
export function chunkStepsFor(
  speed: number,
  chunkMs: number,
  fastChunkMs: number,
  dt: number,
): number {
  return Math.max(1, Math.round((speed >= 1 ? fastChunkMs : chunkMs) / dt));
}

/** Creates a session store over a worker factory and the document's source. */
export function createSessionStore(deps: SessionDeps) {
  const deferAck = deps.deferAck ?? ((cb: () => void) => queueMicrotask(cb));
  const now = deps.now ?? (() => performance.now());
  const chunkMs = deps.chunkMs ?? 20;
  const fastChunkMs = deps.fastChunkMs ?? 50;
  const windowMs = deps.windowMs ?? 1000;
  const maxChunksAhead = deps.maxChunksAhead ?? 3;
  const watchdogMs = deps.watchdogMs ?? 20_000;
  /** Progress scalars reach React at most this often; the plots read the record directly. */
  const progressMs = deps.progressMs ?? 100;
  let lastProgress = -Infinity;

  let client: EngineClient | null = null;
  /** Identifies the open run; events of older runs are dropped. */
  let token = 0;
  /** What the user last asked the worker for, so a late `paused` cannot undo a resume. */
  let intent: 'play' | 'pause' = 'pause';
  let runOpen = false;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  /** Live changes of the open run (replaced with each run). */
  let live: LiveSender | null = null;
  const meter = new RealTimeMeter(now);

  return createStore<SessionState>()((set, get) => {
    const stopWatchdog = () => {
      if (watchdog !== null) clearInterval(watchdog);
      watchdog = null;
    };

    const crashed = (reason: string) => {
      token += 1;
      runOpen = false;
      stopWatchdog();
      client?.terminate();
      client = null;
      set({ status: 'crashed', crash: reason, realTimeFactor: null, busy: false });
    };

    const ensureClient = (): EngineClient => {
      if (client) return client;
      const fresh = deps.createClient((reason) => {
        if (client === fresh) crashed(reason);
      });
      client = fresh;
      return fresh;
    };

    const startWatchdog = (c: EngineClient) => {
      stopWatchdog();
      let waitingSince: number | null = null;
      watchdog = setInterval(() => {
        if (client !== c) return stopWatchdog();
        if (waitingSince !== null) {
          if (now() - waitingSince > watchdogMs) crashed('the engine worker stopped responding');
          return;
        }
        waitingSince = now();
        void c.ping().then(() => {
          waitingSince = null;
        });
      }, 1000);
    };

    /** Steps received but not yet published to the state (null: none pending). */
    let pendingStep: number | null = null;
    const flushProgress = () => {
      lastProgress = now();
      if (pendingStep === null) return;
      const step = pendingStep;
      pendingStep = null;
      set({ step, simulatedMs: step * get().dt, realTimeFactor: meter.factor() });
    };

    const onEvent = (runToken: number, c: EngineClient, event: WorkerEvent) => {
      if (runToken !== token) return;
      const record = get().record;
      switch (event.type) {
        case 'chunk': {
          record?.append(event.chunk);
          const step = event.chunk.startStep + event.chunk.steps;
          meter.sample(step * get().dt);
          pendingStep = step;
          if (now() - lastProgress >= progressMs) flushProgress();
          // The acknowledgement lets the worker run on; it waits for `deferAck` so the worker
          // stays at most maxChunksAhead chunks ahead of what the page has taken in.
          deferAck(() => {
            if (runToken === token) void c.ack(event.seq);
          });
          return;
        }
        case 'paused':
          flushProgress();
          // A `paused` that answers an old pause must not end a resume sent after it.
          if (intent === 'pause') set({ status: 'paused', busy: false });
          return;
        case 'finished':
          flushProgress();
          runOpen = false;
          stopWatchdog();
          set({ status: 'finished', realTimeFactor: meter.factor(), busy: false });
          return;
        case 'fault':
          flushProgress();
          runOpen = false;
          stopWatchdog();
          set({ status: 'error', fault: event.fault, busy: false });
          return;
      }
    };

    const startLive = (c: EngineClient, runToken: number, record: RunRecord): LiveSender =>
      new LiveSender({
        send: (changes) => c.setParameters(changes),
        applied: (changes, step) => {
          if (runToken !== token) return;
          for (const { path, value } of changes) {
            record.addLiveChange(liveLogEntry(record.document, path, value, step));
          }
          set({ liveError: null });
        },
        refused: (_changes, message) => {
          if (runToken === token) set({ liveError: message });
        },
      });

    /** Compiles the current document in the worker; true when the run is open. */
    const open = async (): Promise<boolean> => {
      const { document, revision } = deps.readDocument();
      const c = ensureClient();
      token += 1;
      const runToken = token;
      live?.close();
      live = null;
      runOpen = false;
      intent = 'pause';
      pendingStep = null;
      set({
        status: 'starting',
        fault: null,
        crash: null,
        cancelled: false,
        backend: null,
        step: 0,
        simulatedMs: 0,
        realTimeFactor: null,
        runRevision: revision,
        dt: document.run.dt,
        // A run shorter than the window is shown whole, not in the corner of a wider axis.
        record: new RunRecord(document, document.run.dt, Math.min(windowMs, document.run.duration)),
        liveError: null,
      });
      const result = await c
        .open(
          {
            protocolVersion: PROTOCOL_VERSION,
            document,
            backend: document.run.backend,
            chunkSteps: chunkStepsFor(get().speed, chunkMs, fastChunkMs, document.run.dt),
            speed: get().speed,
            maxChunksAhead,
          },
          (event) => onEvent(runToken, c, event),
        )
        .catch((error: unknown) => ({
          ok: false as const,
          fault: { kind: 'internal' as const, message: String(error) },
        }));
      if (runToken !== token) return false;
      if (!result.ok) {
        set({ status: 'error', fault: result.fault });
        return false;
      }
      runOpen = true;
      const record = get().record;
      if (record) live = startLive(c, runToken, record);
      startWatchdog(c);
      set({
        status: 'paused',
        backend: result.backend,
        dt: result.dt,
        totalSteps: result.totalSteps,
      });
      return true;
    };

    return {
      status: 'idle',
      backend: null,
      dt: 0,
      totalSteps: 0,
      step: 0,
      simulatedMs: 0,
      realTimeFactor: null,
      speed: Infinity,
      fault: null,
      crash: null,
      runRevision: null,
      cancelled: false,
      busy: false,
      record: null,
      liveError: null,

      async run() {
        const { status } = get();
        if (status === 'running' || status === 'starting') return;
        if (status !== 'paused' || !runOpen) {
          if (!(await open())) return;
        }
        if (!client) return;
        intent = 'play';
        meter.restart(get().simulatedMs);
        set({ status: 'running', busy: true });
        void client.play();
      },

      pause() {
        if (get().status !== 'running' || !client) return;
        intent = 'pause';
        set({ status: 'paused', realTimeFactor: null });
        void client.pause();
      },

      async stepOnce(steps) {
        const { status } = get();
        if (status === 'running' || status === 'starting') return;
        if (status !== 'paused' || !runOpen) {
          if (!(await open())) return;
        }
        const n = steps ?? Math.max(1, Math.round(chunkMs / get().dt));
        intent = 'pause';
        set({ busy: true });
        void client?.step(n);
      },

      reset() {
        const { status } = get();
        token += 1;
        runOpen = false;
        stopWatchdog();
        // A busy worker may be deep in a long chunk: replace it rather than wait for it.
        if (status === 'running' || status === 'starting') {
          client?.terminate();
          client = null;
        } else {
          void client?.close();
        }
        set({
          status: 'idle',
          busy: false,
          fault: null,
          cancelled: false,
          backend: null,
          step: 0,
          simulatedMs: 0,
          realTimeFactor: null,
          runRevision: null,
          record: null,
        });
      },

      cancel() {
        const { status } = get();
        if (status !== 'running' && status !== 'starting' && status !== 'paused') return;
        flushProgress();
        token += 1;
        runOpen = false;
        stopWatchdog();
        // Terminating is instant whatever the worker is doing; the next run starts a new one.
        client?.terminate();
        client = null;
        set({ status: 'idle', cancelled: true, realTimeFactor: null, busy: false });
      },

      restart() {
        token += 1;
        runOpen = false;
        stopWatchdog();
        client?.terminate();
        client = null;
        ensureClient();
        set({ status: 'idle', crash: null, fault: null, realTimeFactor: null, busy: false });
      },

      setSpeed(speed) {
        set({ speed });
        meter.restart(get().simulatedMs);
        if (runOpen) void client?.setSpeed(speed);
      },

      setLive(path, value) {
        if (!runOpen || !live) return false;
        live.set(path, value);
        return true;
      },

      learnedWeights() {
        const { status, record } = get();
        if ((status !== 'paused' && status !== 'finished') || record === null || !client) {
          const message =
            status === 'running'
              ? 'pause the run first: the weights change while it runs'
              : 'no run to take weights from: run the network (the run stays until Reset)';
          return Promise.resolve({ ok: false, fault: { kind: 'internal', message } });
        }
        return client.learnedWeights().catch((error: unknown) => ({
          ok: false as const,
          fault: { kind: 'internal' as const, message: String(error) },
        }));
      },

      crashWorkerForTest(mode) {
        void ensureClient().debugCrash(mode);
      },
    };
  });
}
