/**
 * The board worker's body, free of `self` so Node tests run it: the real PYNQ-Z2 (a
 * `UsbDeviceLike` the worker finds with `getDevices`) or the demo board (`VirtualUsbDevice`,
 * the same host code against a software FT2232H), opened with `BoardConnection`; status,
 * upload with progress and cancel, Run on board (`run-on-board.ts`), the demo's faults, and
 * Retry after an unplug (the upload again, then the run the unplug cut short). WebUSB's
 * `disconnect` of the open board is told at once (`listen`) when no command is in flight (one
 * in flight fails on its transfer), and its `connect` when it comes back.
 */
import { BoardConnection } from '../../../usb/board/board-connection.ts';
import { SPIKELAB_USERCODE } from '../../../usb/board/usercode.ts';
import { UsbTransferError, type UsbDeviceLike } from '../../../usb/transport/usb-device.ts';
import { DEMO_BOARD_CAPACITY, spikelabDemoDevice } from '../../../usb/virtual/spikelab-board.ts';
import type { VirtualUsbDevice } from '../../../usb/virtual/virtual-usb-device.ts';
import { BitFileError } from '../../../usb/xilinx7/bit-file.ts';
import { checkBitstream, type CheckedBitstream } from '../../../usb/xilinx7/check-bitstream.ts';
import { ProgramError, type ProgramProgress } from '../../../usb/xilinx7/program.ts';
import { testBitstream } from '../../../usb/xilinx7/test-bitstream.ts';
import type { NetworkDocument } from '../../../model/document.ts';
import { failed, failureOf } from './board-failures.ts';
import type {
  BoardClient,
  BoardCommand,
  BoardEvent,
  BoardProgress,
  BoardResult,
  DemoFault,
} from './board-protocol.ts';
import { runOnConnection } from './board-service-run.ts';

/** The real board's JTAG clock (the CLI's default). */
const TCK_HZ = 15e6;
/**
 * The demo's test bitstream: 128 KiB of frame data, sent in 16 KiB batches so its progress
 * moves in steps a person can see (an upload takes about 2 s in the page's worker, 0.4 s in Node).
 */
export const DEMO_FRAME_WORDS = 32768;
export const DEMO_CHUNK_BYTES = 16384;

/** WebUSB's `connect` / `disconnect` events (`navigator.usb`); each event has a `device`. */
export interface UsbEventSource {
  addEventListener(type: string, listener: (event: Event) => void): void;
}

export interface BoardServiceDeps {
  /** The permitted PYNQ-Z2 (`navigator.usb.getDevices()` in the worker), or null. */
  findUsbDevice: () => Promise<UsbDeviceLike | null>;
  /** Where an unplug of the open board is heard at once (`navigator.usb` in the worker). */
  usbEvents?: UsbEventSource;
  /** Frame words of the demo's test bitstream (default `DEMO_FRAME_WORDS`; tests use fewer). */
  testFrameWords?: number;
  now?: () => number;
}

export interface BoardService extends BoardClient {
  /** The demo board in use (tests look at its byte counter), or null. */
  readonly demo: () => VirtualUsbDevice | null;
}

export function createBoardService(deps: BoardServiceDeps): BoardService {
  const now = deps.now ?? (() => performance.now());
  let source: 'usb' | 'demo' | null = null;
  let device: UsbDeviceLike | null = null;
  let demo: VirtualUsbDevice | null = null;
  let connection: BoardConnection | null = null;
  let last: { name: string; bitstream: CheckedBitstream } | null = null;
  let unplugArmed = false;
  let unplugRunArmed = false;
  /** The run in flight or cut short by an unplug: Retry runs it again after the upload. */
  let pendingRun: NetworkDocument | null = null;
  let abort: AbortController | null = null;
  let busy = false;
  const listeners: ((event: BoardEvent) => void)[] = [];
  const emit = (event: BoardEvent): void => listeners.forEach((listener) => listener(event));
  /** The real board that was unplugged while open (its `connect` says it is back). */
  let lost: UsbDeviceLike | null = null;

  const eventDevice = (event: Event): unknown => (event as Event & { device?: unknown }).device;
  deps.usbEvents?.addEventListener('disconnect', (event) => {
    if (source !== 'usb' || device === null || eventDevice(event) !== device) return;
    lost = device;
    // A command in flight fails on its own transfer (WebUSB rejects it) and says so itself.
    if (busy) return;
    void drop();
    emit({
      kind: 'unplugged',
      message: 'the board was unplugged: the network and the last run are kept',
    });
  });
  deps.usbEvents?.addEventListener('connect', (event) => {
    const back = eventDevice(event) as UsbDeviceLike | undefined;
    // A replugged board is a new USBDevice: the same board has the same ids and serial.
    if (source !== 'usb' || lost === null || back === undefined) return;
    if (
      back.vendorId !== lost.vendorId ||
      back.productId !== lost.productId ||
      back.serialNumber !== lost.serialNumber
    ) {
      return;
    }
    lost = null;
    emit({ kind: 'replugged' });
  });

  // Once configured, the demo FPGA holds the board build's core behind the bridge.
  const newDemo = (doneNever: boolean): VirtualUsbDevice =>
    spikelabDemoDevice({ capacity: DEMO_BOARD_CAPACITY, faults: doneNever ? ['done-never'] : [] });

  /** Closes quietly: after an unplug the device cannot be closed and need not be. */
  const drop = async (): Promise<void> => {
    const open = connection;
    connection = null;
    await open?.close().catch(() => undefined);
  };

  const open = async (): Promise<BoardResult> => {
    if (device === null) return failed('other', 'no board is connected');
    connection = await BoardConnection.open(device, { tckHz: TCK_HZ });
    return { kind: 'status', status: await connection.status(), upload: null, run: null };
  };

  const upload = async (
    name: string,
    bitstream: CheckedBitstream,
    onProgress: (p: BoardProgress) => void,
  ): Promise<BoardResult> => {
    if (connection === null) return failed('other', 'connect a board first');
    last = { name, bitstream };
    const data = bitstream.file.data.length;
    if (demo !== null && unplugArmed) {
      unplugArmed = false;
      // The clearing phase's few hundred bytes come first: the cut lands at about half the data.
      demo.faults = { ...demo.faults, unplugAfterBytes: demo.bytesWritten + Math.ceil(data / 2) };
    }
    abort = new AbortController();
    const started = now();
    try {
      await connection.upload(bitstream, {
        onProgress: (progress: ProgramProgress) => onProgress({ kind: 'upload', progress }),
        signal: abort.signal,
        ...(demo !== null ? { chunkBytes: DEMO_CHUNK_BYTES } : {}),
      });
      const seconds = (now() - started) / 1000;
      return {
        kind: 'status',
        status: await connection.status(),
        upload: { name, bytes: data, seconds },
        run: null,
      };
    } catch (error) {
      if (abort.signal.aborted && error instanceof ProgramError) {
        return failed('cancelled', error.message, await connection.status());
      }
      throw error;
    } finally {
      abort = null;
    }
  };

  const runNetwork = async (
    document: NetworkDocument,
    onProgress: (p: BoardProgress) => void,
  ): Promise<BoardResult> => {
    if (connection === null) return failed('other', 'connect a board first');
    pendingRun = document;
    abort = new AbortController();
    const unplugAtHalf = unplugRunArmed ? demo : null;
    unplugRunArmed = false;
    try {
      const result = await runOnConnection(connection, document, {
        signal: abort.signal,
        onProgress,
        unplugAtHalf,
      });
      pendingRun = null;
      return result;
    } catch (error) {
      // An unplug keeps the run for Retry; anything else ends it.
      if (!(error instanceof UsbTransferError && error.kind === 'disconnected')) pendingRun = null;
      throw error;
    } finally {
      abort = null;
    }
  };

  const run = async (
    command: BoardCommand,
    onProgress: (p: BoardProgress) => void,
  ): Promise<BoardResult> => {
    switch (command.kind) {
      case 'connect': {
        await drop();
        lost = null;
        source = command.source;
        demo = command.source === 'demo' ? newDemo(false) : null;
        device = demo ?? (await deps.findUsbDevice());
        if (device === null) {
          return failed(
            'disconnected',
            'no PYNQ-Z2 is permitted to this page: click Connect board and choose it',
          );
        }
        return open();
      }
      case 'status':
        if (connection === null) return failed('other', 'connect a board first');
        return { kind: 'status', status: await connection.status(), upload: null, run: null };
      case 'upload': {
        if (command.bytes === null && demo === null) {
          return failed(
            'other',
            'the test bitstream is for the demo board only (its frames are not a design)',
          );
        }
        let bitstream: CheckedBitstream;
        try {
          bitstream = checkBitstream(
            command.bytes ??
              testBitstream({
                frameWords: deps.testFrameWords ?? DEMO_FRAME_WORDS,
                userId: SPIKELAB_USERCODE,
              }),
          );
        } catch (error) {
          if (error instanceof BitFileError) {
            return failed('refused-file', `${command.name} was refused: ${error.message}`);
          }
          throw error;
        }
        return upload(command.name, bitstream, onProgress);
      }
      case 'run':
        return runNetwork(command.document, onProgress);
      case 'retry': {
        await drop();
        // A replug clears the USB faults, armed or not yet spent (the page shows them cleared).
        unplugArmed = false;
        unplugRunArmed = false;
        if (demo !== null) demo.replug();
        else if (source === 'usb') device = await deps.findUsbDevice();
        if (device === null) {
          return failed('disconnected', 'the board is still unplugged: plug it in and retry');
        }
        lost = null;
        const opened = await open();
        const uploaded =
          last === null ? opened : await upload(last.name, last.bitstream, onProgress);
        if (pendingRun === null || uploaded.kind !== 'status') return uploaded;
        const ran = await runNetwork(pendingRun, onProgress);
        return ran.kind === 'status' ? { ...ran, upload: uploaded.upload } : ran;
      }
      case 'arm':
        return arm(command.fault);
      case 'disconnect':
        await drop();
        source = null;
        device = null;
        lost = null;
        demo = null;
        last = null;
        pendingRun = null;
        unplugArmed = false;
        unplugRunArmed = false;
        return { kind: 'closed' };
    }
  };

  const arm = async (fault: DemoFault): Promise<BoardResult> => {
    if (demo === null || connection === null) {
      return failed('other', 'faults are for the demo board: connect it first');
    }
    if (fault === 'done-never') {
      // DONE never rising is the FPGA's own behaviour: a demo board built with that fault.
      await drop();
      demo = newDemo(true);
      device = demo;
      return open();
    }
    // The status is read before the fault is armed: a stall hits the next transfer.
    const status = await connection.status();
    if (fault === 'unplug-half') unplugArmed = true;
    else if (fault === 'unplug-run') unplugRunArmed = true;
    else demo.faults = { ...demo.faults, stallIn: true };
    return { kind: 'status', status, upload: null, run: null };
  };

  return {
    demo: () => demo,
    call: async (command, onProgress) => {
      if (busy) return failed('other', 'the board is busy with another request');
      busy = true;
      try {
        const result = await run(command, onProgress);
        // Unplugged after the command's last transfer: it succeeded, but the board is gone.
        if (lost !== null && lost === device && result.kind !== 'failed') {
          await drop();
          return failed('disconnected', `the board was unplugged during the ${command.kind}`);
        }
        return result;
      } catch (error) {
        const failure = failureOf(error);
        // An unplugged board is let go; Retry opens it again. (Reads left in flight fail: a
        // replugged device never hands them bytes meant for the next connection.)
        if (failure.kind === 'disconnected') await drop();
        return { kind: 'failed', failure };
      } finally {
        busy = false;
      }
    },
    cancel: () => abort?.abort(),
    listen: (listener) => {
      listeners.push(listener);
    },
  };
}
