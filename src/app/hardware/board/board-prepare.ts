/**
 * What a run on the board starts from: the editor's document validated, with one spikes probe
 * per population (so the engine records what the core gives: every population's spikes), then
 * the host's `prepareBoardRun` (the Verilog export's refusals, each named as the Hardware check
 * names it; compiled and laid out for the core). The board worker calls it before it touches
 * the board.
 */
import { ExportRefusedError } from '../../../hdl/export-verilog.ts';
import type { NetworkDocument } from '../../../model/document.ts';
import { validateDocument } from '../../../model/validate.ts';
import { prepareBoardRun, type BoardRunPlan } from '../../../usb/board/core-run-prepare.ts';
import { withSpikeProbes } from '../comparison-document.ts';

export interface PreparedRun extends BoardRunPlan {
  /** The document as run: the network unchanged, a spikes probe on every population. */
  readonly document: NetworkDocument;
}

export type Preparation = { ok: true; run: PreparedRun } | { ok: false; message: string };

/**
 * Checks and lays out `doc` for the board's core; a refusal names every part that stops it.
 *
 * @example prepareBoardDocument(floatDoc) // { ok: false, message: "'E/I' cannot run on the board's core:\n..." }
 */
export function prepareBoardDocument(doc: NetworkDocument): Preparation {
  const validated = validateDocument(doc);
  if (!validated.ok) {
    const issues = validated.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    return { ok: false, message: `'${doc.name}' is not a valid network:\n${issues}` };
  }
  const document = withSpikeProbes(validated.document);
  try {
    return { ok: true, run: { ...prepareBoardRun(document), document } };
  } catch (error) {
    if (error instanceof ExportRefusedError) return { ok: false, message: error.message };
    throw error;
  }
}
