/**
 * Messages between the page and the board worker (`board.worker.ts`). The page sends one
 * command at a time with an id; the worker answers with progress messages for that id (an
 * upload's bytes, a run's load, the engine's spikes, the board's spikes as they are read),
 * then exactly one result. `cancel` has no id: it aborts the upload or run in flight.
 */
import type { SpikeEvent, SpikeVerdict } from '../../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../../model/document.ts';
import type { BoardStatus } from '../../../usb/board/board-connection.ts';
import type { UsbErrorKind } from '../../../usb/transport/usb-device.ts';
import type { ProgramProgress } from '../../../usb/xilinx7/program.ts';

/** The name the demo's test bitstream goes by in messages. */
export const TEST_BITSTREAM_NAME = 'the test bitstream (xc7z020, no design)';

/** Faults a teacher can arm on the demo board. */
export type DemoFault = 'unplug-half' | 'unplug-run' | 'stall' | 'done-never';

export type BoardCommand =
  | { kind: 'connect'; source: 'usb' | 'demo' }
  | { kind: 'status' }
  /** `bytes` null: the demo's test bitstream. */
  | { kind: 'upload'; name: string; bytes: Uint8Array | null }
  /** Prepare `document`, load it onto the board's core, run it to its end beside the engine. */
  | { kind: 'run'; document: NetworkDocument }
  /**
   * After an unplug: replug (demo) or find the board again, then the last upload again, and
   * the run the unplug cut short again.
   */
  | { kind: 'retry' }
  | { kind: 'arm'; fault: DemoFault }
  | { kind: 'disconnect' };

export type BoardFailureKind =
  UsbErrorKind | 'refused-file' | 'refused-network' | 'configuration' | 'cancelled' | 'unavailable';

export interface BoardFailure {
  readonly kind: BoardFailureKind;
  readonly message: string;
  /** The board's status after the failure, when it could still be read (cancel, STAT). */
  readonly status: BoardStatus | null;
}

export interface UploadDone {
  readonly name: string;
  /** Bytes of configuration data. */
  readonly bytes: number;
  readonly seconds: number;
}

/** A run's outcome: the board's spikes were read to the last step and compared. */
export interface RunDone {
  readonly verdict: SpikeVerdict;
  /** Spikes the board gave. */
  readonly spikes: number;
  /** Seconds of the run on the board (stepping and reading spikes back), not the load. */
  readonly seconds: number;
}

/** What a run reports while it goes, in this order (a retry repeats them from `prepared`). */
export type RunProgress =
  /** The document checked and laid out for the core; the run has `totalSteps` steps of `dt` ms. */
  | { kind: 'prepared'; dt: number; totalSteps: number }
  /** The engine's run of the same document and steps, every spike. */
  | { kind: 'engine'; backend: string; spikes: SpikeEvent[] }
  /** Words of the network written onto the core so far. */
  | { kind: 'load'; words: number; totalWords: number }
  /** Spikes read back since the last report; `steps` run so far. */
  | { kind: 'spikes'; spikes: SpikeEvent[]; steps: number };

export type BoardProgress = { kind: 'upload'; progress: ProgramProgress } | RunProgress;

export type BoardResult =
  | { kind: 'status'; status: BoardStatus; upload: UploadDone | null; run: RunDone | null }
  | { kind: 'closed' }
  | { kind: 'failed'; failure: BoardFailure };

/**
 * What the worker says unasked: WebUSB's `disconnect` of the open board (the page shows it
 * unplugged at once, not at the next transfer) and `connect` of that board again.
 */
export type BoardEvent = { kind: 'unplugged'; message: string } | { kind: 'replugged' };

export type BoardToWorker = { id: number; command: BoardCommand } | { cancel: true };

export type BoardFromWorker =
  | { id: number; progress: BoardProgress }
  | { id: number; result: BoardResult }
  | { event: BoardEvent };

/** What the board store needs: the worker client in the page, the service itself in tests. */
export interface BoardClient {
  call(command: BoardCommand, onProgress: (progress: BoardProgress) => void): Promise<BoardResult>;
  /** Aborts the upload or run in flight (it then resolves as a `cancelled` failure). */
  cancel(): void;
  /** `listener` hears every `BoardEvent` from now on. */
  listen(listener: (event: BoardEvent) => void): void;
}
