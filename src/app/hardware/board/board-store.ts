/**
 * The Hardware tab's Board section, kept outside the component so a connection and an upload
 * or a run in flight survive switching tabs: connect (a real PYNQ-Z2 over WebUSB, or the demo
 * board), its status, upload with progress and cancel, Run on board (load, run, the board's
 * spikes beside the engine's, the verdict), the demo's faults, Retry after an unplug.
 * Vanilla zustand with the worker client and the browser's USB chooser injected, so Node
 * tests drive it with the board service in-process.
 */
import { createStore } from 'zustand/vanilla';
import type { NetworkDocument } from '../../../model/document.ts';
import type { BoardStatus } from '../../../usb/board/board-connection.ts';
import { usbAccessHelp, type HostOs } from '../../../usb/board/os-help.ts';
import type { ProgramProgress } from '../../../usb/xilinx7/program.ts';
import { applyRunProgress, finishRunView, startRunView, stopRunView } from './board-run-view.ts';
import type { BoardRunView } from './board-run-view.ts';
import type {
  BoardClient,
  BoardCommand,
  BoardEvent,
  BoardFailure,
  BoardProgress,
  BoardResult,
  DemoFault,
  UploadDone,
} from './board-protocol.ts';
import { TEST_BITSTREAM_NAME } from './board-protocol.ts';
import type { WebUsbAvailability } from './webusb.ts';

export type BoardPhase =
  'idle' | 'connecting' | 'connected' | 'uploading' | 'running' | 'unplugged';

export interface BoardFailureView extends BoardFailure {
  /** The operating system's fix for access denied or busy (udev rule, Zadig), else null. */
  readonly help: string | null;
  /** An unplug: Retry replugs (demo) or finds the board again and uploads again. */
  readonly retry: boolean;
  /** The unplug cut a run short: Retry runs it again after the upload. */
  readonly rerun: boolean;
  /** WebUSB saw the unplugged board come back (its `connect` event). */
  readonly replugged: boolean;
}

export interface UploadRun {
  readonly name: string;
  readonly progress: ProgramProgress;
  readonly elapsedSeconds: number;
}

export interface BoardState {
  source: 'usb' | 'demo' | null;
  phase: BoardPhase;
  status: BoardStatus | null;
  upload: UploadRun | null;
  uploaded: UploadDone | null;
  /** The last run on the board (kept after an unplug or a cancel, with its spikes). */
  run: BoardRunView | null;
  failure: BoardFailureView | null;
  /** Demo faults armed and not yet spent. */
  armed: DemoFault[];
  /** Whether a real board can be reached from this page (else the reason). */
  availability: () => WebUsbAvailability;
  connectUsb: () => Promise<void>;
  connectDemo: () => Promise<void>;
  uploadFile: (name: string, bytes: Uint8Array) => Promise<void>;
  uploadTest: () => Promise<void>;
  /** Loads `document` onto the board's core and runs it beside the engine. */
  runOnBoard: (document: NetworkDocument) => Promise<void>;
  cancel: () => void;
  retry: () => Promise<void>;
  arm: (fault: DemoFault) => Promise<void>;
  disconnect: () => Promise<void>;
}

export interface UsbChooser {
  availability: () => WebUsbAvailability;
  /** `navigator.usb.requestDevice` with the PYNQ-Z2's filter; rejects as WebUSB does. */
  requestDevice: () => Promise<void>;
}

export interface BoardDeps {
  /** Called on first use (the page starts its worker then). */
  client: () => BoardClient;
  usb: UsbChooser;
  os: HostOs;
  now?: () => number;
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : '');

export function createBoardStore(deps: BoardDeps) {
  const now = deps.now ?? (() => performance.now());
  let client: BoardClient | null = null;
  let onEvent: (event: BoardEvent) => void = () => undefined;
  const board = (): BoardClient => {
    if (client === null) {
      client = deps.client();
      client.listen((event) => onEvent(event));
    }
    return client;
  };

  return createStore<BoardState>()((set, get) => {
    const view = (failure: BoardFailure, retry = false, rerun = false): BoardFailureView => ({
      ...failure,
      help:
        failure.kind === 'access-denied' || failure.kind === 'busy'
          ? usbAccessHelp(deps.os, failure.kind)
          : null,
      retry,
      rerun,
      replugged: false,
    });
    /** The upload Retry repeats (the worker keeps its bytes). */
    let lastUploadName: string | null = null;
    /** A run was sent and has not finished: the worker runs it again after Retry's upload. */
    let runPending = false;

    /** One command, its outcome in the state; `phase` while it runs. */
    const send = async (
      command: BoardCommand,
      phase: BoardPhase,
      uploadName: string | null = null,
    ): Promise<BoardResult> => {
      const started = now();
      set({
        phase,
        failure: null,
        ...(uploadName !== null
          ? {
              uploaded: null,
              upload: {
                name: uploadName,
                progress: { sentBytes: 0, totalBytes: 0, phase: 'clearing' },
                elapsedSeconds: 0,
              },
            }
          : {}),
      });
      const onProgress = (report: BoardProgress): void => {
        if (report.kind === 'upload') {
          const upload = get().upload;
          if (upload === null) return;
          set({
            upload: {
              ...upload,
              progress: report.progress,
              elapsedSeconds: (now() - started) / 1000,
            },
          });
          return;
        }
        const run = get().run;
        if (run === null) return;
        // A retry's run starts after its upload: the upload line goes, the run's takes over.
        set({ phase: 'running', upload: null, run: applyRunProgress(run, report, now()) });
      };
      const result = await board().call(command, onProgress);
      const running = get().phase === 'running';
      if (uploadName !== null || running) {
        set({
          upload: null,
          armed: get().armed.filter(
            (f) => (uploadName === null || f !== 'unplug-half') && (!running || f !== 'unplug-run'),
          ),
        });
      }
      const run = get().run;
      const unplugged = result.kind === 'failed' && result.failure.kind === 'disconnected';
      if (!unplugged && (running || command.kind === 'retry')) runPending = false;
      if (result.kind === 'status') {
        set({
          phase: 'connected',
          status: result.status,
          ...(result.upload !== null ? { uploaded: result.upload } : {}),
          ...(result.run !== null && run !== null ? { run: finishRunView(run, result.run) } : {}),
        });
      } else if (result.kind === 'closed') {
        set({ phase: 'idle', source: null, status: null, uploaded: null, run: null, armed: [] });
      } else if (command.kind === 'connect') {
        set({ failure: view(result.failure), phase: 'idle', source: null, status: null });
      } else {
        // An unplug keeps the last status on screen; Retry brings the board back.
        if (run !== null && run.stage !== 'done') set({ run: stopRunView(run) });
        set({
          failure: view(result.failure, unplugged, unplugged && runPending),
          phase: unplugged ? 'unplugged' : 'connected',
          ...(result.failure.status !== null ? { status: result.failure.status } : {}),
        });
      }
      return result;
    };

    onEvent = (event) => {
      const { phase, failure } = get();
      if (event.kind === 'unplugged') {
        // Only an idle, open board: a command in flight reports the unplug as its failure.
        if (phase !== 'connected' || get().source !== 'usb') return;
        set({
          phase: 'unplugged',
          failure: view({ kind: 'disconnected', message: event.message, status: null }, true),
        });
      } else if (phase === 'unplugged' && failure !== null) {
        set({ failure: { ...failure, replugged: true } });
      }
    };

    const connect = async (source: 'usb' | 'demo'): Promise<void> => {
      lastUploadName = null;
      runPending = false;
      set({ source, status: null, uploaded: null, run: null, armed: [] });
      await send({ kind: 'connect', source }, 'connecting');
    };

    return {
      source: null,
      phase: 'idle',
      status: null,
      upload: null,
      uploaded: null,
      run: null,
      failure: null,
      armed: [],
      availability: deps.usb.availability,

      connectUsb: async () => {
        const availability = deps.usb.availability();
        if (!availability.ok) {
          set({
            failure: view({ kind: 'unavailable', message: availability.reason, status: null }),
          });
          return;
        }
        try {
          await deps.usb.requestDevice();
        } catch (error) {
          // The person closed the chooser: nothing to say.
          if (errorName(error) === 'NotFoundError') return;
          const denied = errorName(error) === 'SecurityError';
          const message = error instanceof Error ? error.message : String(error);
          set({
            failure: view({
              kind: denied ? 'access-denied' : 'other',
              message: denied
                ? `the browser denied access to USB: ${message}`
                : `choosing the board failed: ${message}`,
              status: null,
            }),
          });
          return;
        }
        await connect('usb');
      },

      connectDemo: () => connect('demo'),

      uploadFile: async (name, bytes) => {
        lastUploadName = name;
        await send({ kind: 'upload', name, bytes }, 'uploading', name);
      },

      uploadTest: async () => {
        lastUploadName = TEST_BITSTREAM_NAME;
        await send(
          { kind: 'upload', name: TEST_BITSTREAM_NAME, bytes: null },
          'uploading',
          TEST_BITSTREAM_NAME,
        );
      },

      runOnBoard: async (document) => {
        // Only from an idle, connected board: the run in flight keeps its view.
        if (get().phase !== 'connected') return;
        runPending = true;
        set({ run: startRunView(document) });
        await send({ kind: 'run', document }, 'running');
      },

      cancel: () => {
        const phase = get().phase;
        if (phase === 'uploading' || phase === 'running') board().cancel();
      },

      retry: async () => {
        // A replug clears the USB faults; DONE never rising belongs to the demo FPGA itself.
        set({ armed: get().armed.filter((f) => f === 'done-never') });
        // The worker uploads again, then runs again the run the unplug cut short.
        if (lastUploadName === null) await send({ kind: 'retry' }, 'connecting');
        else await send({ kind: 'retry' }, 'uploading', lastUploadName);
      },

      arm: async (fault) => {
        const result = await send({ kind: 'arm', fault }, 'connected');
        if (result.kind === 'status' && !get().armed.includes(fault)) {
          set({ armed: [...get().armed, fault] });
        }
      },

      disconnect: async () => {
        if (get().source === null) return;
        await send({ kind: 'disconnect' }, 'connecting');
      },
    };
  });
}
