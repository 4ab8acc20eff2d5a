/**
 * `exportVerilog(doc, rtl)`: the files of a self-contained Verilog export of a network for the
 * fixed core in `hdl/` (issue 8). Pure: the caller passes the hand-written RTL texts (the CLI
 * reads them from `hdl/`, the page bundles them) and writes the files. The network-specific part
 * comes from the compiled `Plan`, so the core steps exactly the integers the engine steps.
 */
import { compile } from '../engine/compile/index.ts';
import type { NetworkDocument } from '../model/document.ts';
import { BOARD_CAPACITY } from './board-capacity.ts';
import {
  BOARD_RTL_FILES,
  CORE_RTL_FILES,
  boardBuildCapacity,
  boardConstraints,
  boardVerilog,
  buildTcl,
} from './board-files.ts';
import { documentHash } from './canonical-json.ts';
import {
  PYNQ_Z2_BRAM_BITS,
  capacityFor,
  imageWidths,
  memoryBits,
  shortfalls,
  totalMemoryBits,
  type CoreCapacity,
} from './core-capacity.ts';
import { layoutCore, type CoreImages, type CoreNeeds } from './core-images.ts';
import { exportRefusals, type ExportRefusal } from './core-refusals.ts';
import { exportReadme } from './export-readme.ts';
import { boardOverflows } from './fit/board-fit.ts';
import { hexImage } from './hex-image.ts';
import { testbenchVerilog } from './testbench.ts';

// Bumped whenever the generated files or the core's image formats change meaning (defined
// beside the USERCODE that carries it).
import { GENERATOR_FORMAT } from './core-usercode.ts';
export { GENERATOR_FORMAT };

/** Why a document cannot be exported: one line per population/projection at fault. */
export class ExportRefusedError extends Error {
  override readonly name = 'ExportRefusedError';
  constructor(
    readonly refusals: readonly ExportRefusal[],
    summary: string,
  ) {
    super(`${summary}:\n${refusals.map((r) => `${r.path}: ${r.message}`).join('\n')}`);
  }
}

/** A network that fits no PYNQ-Z2 (or the capacity the caller fixed). */
export class CapacityError extends Error {
  override readonly name = 'CapacityError';
}

export interface ExportOptions {
  /** The hand-written sources by file name (at least `EXPORT_RTL_FILES`). */
  rtl: Readonly<Record<string, string>>;
  /** The `spikelab` version for the headers. */
  version: string;
  /** Fixed capacities instead of the network's own (tests share one build); must hold it. */
  capacity?: CoreCapacity;
}

export interface ExportedFile {
  /** Path inside the export directory ('/' separated). */
  path: string;
  text: string;
}

export interface VerilogExport {
  files: ExportedFile[];
  hash: string;
  capacity: CoreCapacity;
  needs: CoreNeeds;
  /** Memory bits of the core at `capacity`, against the PYNQ-Z2's block RAM. */
  memoryBits: number;
  totalSteps: number;
}

/** Image file name -> its field in `CoreImages`, in the order the core reads them. */
const IMAGE_FILES: readonly [string, keyof CoreImages][] = [
  ['net.hex', 'net'],
  ['pop.hex', 'pop'],
  ['prj.hex', 'prj'],
  ['ext.hex', 'ext'],
  ['vinit.hex', 'vinit'],
  ['row_start.hex', 'rowStart'],
  ['row_end.hex', 'rowEnd'],
  ['syn_target.hex', 'synTarget'],
  ['syn_weight.hex', 'synWeight'],
  ['syn_delay.hex', 'synDelay'],
  ['gen_ptr.hex', 'genPtr'],
  ['gen_idx.hex', 'genIdx'],
  // Only in a core built with ONLINE_O1 = 1 (the capacity says so).
  ['syn_o1w.hex', 'o1Weight'],
  // Only in a core built with SC layers (SCCHMAX).
  ['sc_in_key.hex', 'scInputKey'],
  ['sc_w_key.hex', 'scWeightKey'],
  ['sc_in_thr.hex', 'scInputThreshold'],
  ['sc_w_thr.hex', 'scWeightThreshold'],
  ['sc_current.hex', 'scCurrent'],
];

/** Depth of each image's memory at capacity `c` (the core's declarations). */
function imageDepth(c: CoreCapacity, key: keyof CoreImages): number {
  switch (key) {
    case 'net':
      return 4;
    case 'pop':
      return c.POPMAX * 32;
    case 'prj':
      return c.PRJMAX * 16;
    case 'ext':
      return c.EXTMAX * 4;
    case 'vinit':
      return c.NMAX;
    case 'rowStart':
    case 'rowEnd':
      return c.ROWMAX;
    case 'synTarget':
    case 'synWeight':
    case 'synDelay':
    case 'o1Weight':
      return c.SYNMAX;
    case 'genPtr':
      return c.GPTRMAX;
    case 'genIdx':
      return c.GIDXMAX;
    case 'scInputKey':
    case 'scWeightKey':
    case 'scInputThreshold':
    case 'scWeightThreshold':
      return c.SCCHMAX ?? 0;
    case 'scCurrent':
      return c.SCKMAX ?? 0;
  }
}

/**
 * The export of `doc` (validated). Throws `ExportRefusedError` naming every population and
 * projection the core cannot run, and `CapacityError` when the network does not fit.
 */
export function exportVerilog(doc: NetworkDocument, options: ExportOptions): VerilogExport {
  const refusals = exportRefusals(doc);
  if (refusals.length > 0) {
    throw new ExportRefusedError(refusals, `'${doc.name}' cannot be exported to the Verilog core`);
  }
  const plan = compile(doc);
  const layout = layoutCore(plan);
  if (layout.problems.length > 0) {
    throw new ExportRefusedError(layout.problems, `'${doc.name}' does not fit the Verilog core`);
  }
  const capacity = options.capacity ?? capacityFor(layout.needs);
  const short = shortfalls(capacity, layout.needs);
  if (short.length > 0) {
    throw new CapacityError(
      `the fixed capacity is too small for '${doc.name}': ${short.join(', ')}`,
    );
  }
  const bits = totalMemoryBits(capacity);
  if (bits > PYNQ_Z2_BRAM_BITS) {
    const parts = memoryBits(capacity)
      .filter((m) => m.bits > 0)
      .map((m) => `${m.name} ${m.bits}`)
      .join(', ');
    throw new CapacityError(
      `'${doc.name}' needs ${bits} bits of memory in the core (${parts}); a PYNQ-Z2 holds ` +
        `${PYNQ_Z2_BRAM_BITS} (140 RAMB36)`,
    );
  }
  const board = boardBuildCapacity(capacity);
  const over = boardOverflows(board);
  if (over.length > 0) {
    const grown = (Object.keys(board) as (keyof CoreCapacity)[])
      .filter((k) => board[k] !== BOARD_CAPACITY[k])
      .map((k) => `${k} ${board[k]}`)
      .join(', ');
    throw new CapacityError(
      `the board build of '${doc.name}' (vivado/spikelab_board.v: BOARD_CAPACITY grown to ` +
        `${grown}) does not fit the xc7z020 by the fit model: ${over.join(', ')}`,
    );
  }

  const hash = documentHash(doc);
  const stamp = `spikelab ${options.version} export-verilog (format ${GENERATOR_FORMAT}) from document sha256 ${hash}`;
  const vHeader = `// Generated by ${stamp}.\n// Do not edit: export the document again.\n`;
  const hashHeader = `# Generated by ${stamp}.\n`;
  const files: ExportedFile[] = [];

  // The core's sources beside tb_top.v; the bridge's with the Vivado files (they need BSCANE2).
  const copied = [...CORE_RTL_FILES, ...BOARD_RTL_FILES.map((f) => `vivado/${f}`)];
  for (const path of copied) {
    const name = path.replace(/^vivado\//, '');
    const text = options.rtl[name];
    if (text === undefined) throw new Error(`exportVerilog: the RTL source '${name}' is missing`);
    files.push({ path, text: `// Copied from hdl/${name} by ${stamp}.\n${text}` });
  }
  files.push({
    path: 'tb_top.v',
    text: testbenchVerilog({
      header: vHeader,
      capacity,
      totalSteps: plan.totalSteps,
      populationIds: plan.populations.map((p) => p.id),
      recorded: plan.populations.map((_, i) =>
        plan.probes.some((probe) => probe.kind === 'spikes' && probe.population === i),
      ),
    }),
  });
  const widths = imageWidths(capacity);
  for (const [name, key] of IMAGE_FILES) {
    const unused =
      (key === 'o1Weight' && capacity.ONLINE_O1 !== 1) ||
      (key.startsWith('sc') && capacity.SCCHMAX === undefined);
    if (unused) {
      // The network's own core has no such memory, but the board build (every feature, one
      // bitstream) reads the image: one zero word, so Vivado finds the file and starts it at 0.
      const inBoard = key === 'o1Weight' ? board.ONLINE_O1 === 1 : (board.SCCHMAX ?? 0) > 0;
      if (inBoard) {
        files.push({ path: name, text: hexImage([0], imageWidths(board)[key] ?? 32, vHeader) });
      }
      continue;
    }
    const values = layout.images[key];
    const padded = values.concat(
      new Array<number>(imageDepth(capacity, key) - values.length).fill(0),
    );
    files.push({ path: name, text: hexImage(padded, widths[key] ?? 32, vHeader) });
  }
  files.push({
    path: 'README.md',
    text: exportReadme({
      stamp,
      doc,
      capacity,
      needs: layout.needs,
      memoryBits: bits,
      totalSteps: plan.totalSteps,
    }),
  });
  files.push({
    path: 'vivado/spikelab_board.v',
    text: boardVerilog(vHeader, board, plan.totalSteps),
  });
  files.push({ path: 'vivado/pynq_z2.xdc', text: boardConstraints(hashHeader) });
  files.push({ path: 'vivado/build.tcl', text: buildTcl(hashHeader) });
  return {
    files,
    hash,
    capacity,
    needs: layout.needs,
    memoryBits: bits,
    totalSteps: plan.totalSteps,
  };
}
