/**
 * `spikelab board run NET.json`: the network on the board's core beside the engine. Load the
 * document (with `--steps`, N steps of dt), refuse it by name if the core cannot run it, open
 * the board (with `--virtual` the demo board, configured first with a test bitstream; a real
 * board must already hold a Spikelab core of this version), read the core's capacity, load,
 * run in chunks, read the state, run the engine on the same document, and give the verdict.
 */
import { resolve } from 'node:path';
import { ExportRefusedError } from '../../hdl/export-verilog.ts';
import { compareSpikes, describeVerdict } from '../../hdl/spike-equivalence.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { validateDocument } from '../../model/index.ts';
import {
  loadNetwork,
  NetworkTooLargeError,
  prepareBoardRun,
  readCapacity,
  readCoreState,
  readLearningSynapses,
  runOnCore,
  type BoardRunPlan,
} from '../../usb/board/core-run.ts';
import { JtagBridge } from '../../usb/board/jtag-bridge.ts';
import { requireCompatibleCore } from '../../usb/board/usercode.ts';
import type { UsbDeviceLike } from '../../usb/transport/usb-device.ts';
import { checkBitstream } from '../../usb/xilinx7/check-bitstream.ts';
import { testBitstream } from '../../usb/xilinx7/test-bitstream.ts';
import type { ParsedArgs } from '../args.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { CliIo } from '../io.ts';
import { invalidDocument, loadDocument } from '../load-document.ts';
import { groupDigits } from '../numbers.ts';
import { flag, integer, positiveNumber, text } from '../option-values.ts';
import { spikelabVersion } from '../version.ts';
import { engineRun } from './board-engine.ts';
import { boardRunOutput } from './board-run-output.ts';
import { boardRunText, loadProgressLine, runProgressLine, verdictJson } from './board-run-text.ts';
import { withBoard } from './board-session.ts';
import { compareWeights, describeWeights } from './board-weights.ts';
import { findBoard, virtualDevice } from './node-usb.ts';

/** The document run for exactly `steps` steps of dt (as `spikelab run --steps`). */
function withSteps(doc: NetworkDocument, steps: number, path: string): NetworkDocument {
  const result = validateDocument({ ...doc, run: { ...doc.run, duration: steps * doc.run.dt } });
  if (!result.ok) throw invalidDocument(`'${path}' with --steps ${steps}`, result.issues);
  return result.document;
}

function prepare(doc: NetworkDocument, path: string): BoardRunPlan {
  try {
    return prepareBoardRun(doc);
  } catch (error) {
    if (error instanceof ExportRefusedError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

export async function boardRun(args: ParsedArgs, io: CliIo, path: string): Promise<number> {
  const steps = integer(args, 'steps', 1);
  const out = text(args, 'out');
  const virtual = flag(args, 'virtual');
  const tckHz = (positiveNumber(args, 'tck') ?? 15) * 1e6;
  const loaded = await loadDocument(path, io.cwd);
  const doc = steps === undefined ? loaded : withSteps(loaded, steps, path);
  const prepared = prepare(doc, path);
  const device: UsbDeviceLike = virtual ? virtualDevice() : await findBoard();

  const board = await withBoard(device, tckHz, async (connection) => {
    // The demo board powers up unconfigured, as a real one does: give it its "bitstream".
    if (virtual) await connection.upload(checkBitstream(testBitstream({ frameWords: 64 })));
    const status = await connection.status();
    try {
      requireCompatibleCore(status.identity);
    } catch (error) {
      throw new CliError(
        `${error instanceof Error ? error.message : String(error)}; upload the Spikelab board ` +
          "bitstream first ('spikelab board upload DESIGN.bit', DESIGN.bit built from an " +
          "export's vivado/ files)",
        EXIT.runFailed,
      );
    }
    const bridge = new JtagBridge(connection.session);
    const capacity = await readCapacity(bridge);
    let load;
    try {
      load = await loadNetwork(bridge, prepared.layout, capacity, {
        onProgress: loadProgressLine(io),
      });
    } catch (error) {
      if (error instanceof NetworkTooLargeError) {
        throw new CliError(`${path}: ${error.message}`);
      }
      throw error;
    }
    if (io.stderrIsTTY) io.stderr('\n');
    const run = await runOnCore(bridge, prepared.layout, capacity, {
      steps: prepared.steps,
      names: prepared.populations,
      onProgress: runProgressLine(io),
    });
    if (io.stderrIsTTY) io.stderr('\n');
    const state = await readCoreState(bridge, prepared.layout, capacity);
    const synapses = await readLearningSynapses(bridge, prepared, capacity);
    return { status, capacity, load, run, state, synapses };
  });

  const engine = await engineRun(doc).catch((error: unknown) => {
    throw new CliError(
      `the board ran, but the engine's run of the same document failed: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.runFailed,
    );
  });
  const verdict = compareSpikes(engine.spikes, board.run.spikes);
  const sentence = describeVerdict(verdict, (p) => prepared.populations[p] ?? `population ${p}`);
  // A learning network's verdict also needs its final weights (none: no learning projection).
  const weights =
    board.synapses.length > 0 ? compareWeights(doc, engine.learned, board.synapses) : null;
  const weightSentence = weights === null ? null : describeWeights(weights);

  if (out !== undefined) {
    const output = boardRunOutput(doc, board.run, {
      backend: virtual ? 'board:virtual' : 'board',
      spikelab_version: spikelabVersion(),
      load_words: board.load.words,
      load_s: board.load.seconds,
      state: board.state,
      synapses: board.synapses,
    });
    await io.writeFile(resolve(io.cwd, out), `${JSON.stringify(output)}\n`).catch((e: unknown) => {
      throw new CliError(
        `cannot write '${out}': ${e instanceof Error ? e.message : String(e)}`,
        EXIT.runFailed,
      );
    });
    io.stderr(
      `spikelab: wrote the board's ${groupDigits(board.run.spikes.length)} spikes of ${board.run.steps} steps to ${out}\n`,
    );
  }
  if (flag(args, 'json')) {
    io.stdout(
      `${JSON.stringify({
        network: doc.name,
        steps: board.run.steps,
        capacity: board.capacity,
        load: { words: board.load.words, seconds: board.load.seconds, frames: board.load.frames },
        run: {
          spikes: board.run.spikes.length,
          seconds: board.run.seconds,
          frames: board.run.frames,
          spikes_per_s: board.run.spikesPerSecond,
        },
        engine: { backend: 'reference', spikes: engine.spikes.length },
        verdict: verdictJson(verdict, sentence),
        ...(weights === null ? {} : { weights: { ...weights, sentence: weightSentence } }),
      })}\n`,
    );
  } else {
    io.stdout(
      boardRunText({
        network: doc.name,
        status: board.status,
        capacity: board.capacity,
        loadWords: board.load.words,
        loadSeconds: board.load.seconds,
        run: board.run,
        engineSpikes: engine.spikes.length,
        verdict: weightSentence === null ? sentence : `${sentence}; ${weightSentence}`,
      }),
    );
  }
  const weightsAgree = weights === null || weights.kind === 'equal';
  return verdict.kind === 'bit-exact' && weightsAgree ? EXIT.ok : EXIT.runFailed;
}
