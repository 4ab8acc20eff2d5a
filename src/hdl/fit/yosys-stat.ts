/**
 * Parses Yosys's `stat -json` (after `synth_xilinx`) into the resource counts of a 7-series
 * part (../shared/HARDWARE.md, "Synthesis estimates"): logic LUTs are LUT1..LUT6, flip-flops
 * FDRE/FDSE/FDCE/FDPE, block RAM in RAMB36 with a RAMB18E1 as half of one. Pure.
 */

/** Resource counts of a synthesised design, in the units of the part's capacity. */
export interface ResourceCounts {
  /**
   * Slice LUTs, as the part's 53,200 counts them: logic LUTs (LUT1..LUT6) plus the LUTs that
   * LUT RAM (RAM32M and RAM64M: 4 each) and shift registers (1 each) occupy.
   */
  luts: number;
  flipFlops: number;
  /** RAMB36E1 + RAMB18E1 / 2. */
  bram36: number;
  dsp: number;
}

/** The counts that `stat` reports beside the four capacity resources. */
export interface YosysCounts extends ResourceCounts {
  /** LUT1..LUT6 only. */
  logicLuts: number;
  ramb36: number;
  ramb18: number;
  carry4: number;
  muxf7: number;
  muxf8: number;
  /** LUT-RAM cells (RAM32M, RAM64M, RAM32X1D, ...). */
  lutRam: number;
  /** Shift-register LUTs (SRL16E, SRLC32E). */
  srl: number;
  /** Every cell type of the design with its count. */
  cells: Record<string, number>;
}

const LUT = /^LUT[1-6]$/;
const FF = /^FD(RE|SE|CE|PE)$/;
/** LUTs that each LUT-RAM primitive occupies (UG474: a SLICEM's LUTs as memory). */
const LUT_RAM_LUTS: Record<string, number> = {
  RAM32M: 4,
  RAM64M: 4,
  RAM32X1S: 1,
  RAM64X1S: 1,
  RAM128X1S: 2,
  RAM256X1S: 4,
  RAM32X1D: 2,
  RAM64X1D: 2,
  RAM128X1D: 4,
};
const SRL = /^SRL(C)?(16|32)E?$/;

/**
 * Yosys 0.23 writes its hierarchy listing into the middle of `stat -json` (a line such as
 * `   $paramod$...\fxp_lif_var      1`), which is not JSON. A JSON line of this output starts
 * with a quote, a brace or a bracket; every other non-blank line is that listing and is dropped.
 */
function sanitise(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return t === '' || /^["{}[\]]/.test(t);
    })
    .join('\n');
}

type CellTable = Record<string, number>;
interface StatModule {
  num_cells_by_type?: CellTable;
}

function isTable(x: unknown): x is CellTable {
  return (
    typeof x === 'object' &&
    x !== null &&
    Object.values(x).every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}

/**
 * The design's cell counts: the `design` section (hierarchy summed by Yosys) when present,
 * else the only module. Several modules without a `design` section cannot be summed without
 * knowing the top, so that is an error.
 */
function designCells(json: unknown): CellTable {
  if (typeof json !== 'object' || json === null) {
    throw new Error('yosys stat -json: not a JSON object');
  }
  const root = json as { design?: StatModule; modules?: Record<string, StatModule> };
  const modules = Object.values(root.modules ?? {});
  const section = root.design ?? (modules.length === 1 ? modules[0] : undefined);
  if (section === undefined) {
    throw new Error(
      `yosys stat -json: no "design" section and ${modules.length} modules (run stat with -top)`,
    );
  }
  const cells = section.num_cells_by_type ?? {};
  if (!isTable(cells)) throw new Error('yosys stat -json: num_cells_by_type is not a count table');
  return cells;
}

/** The counts of `stat -json` output `text` (the file `tee -o` wrote, or the log's JSON). */
export function parseYosysStat(text: string): YosysCounts {
  const start = text.indexOf('{');
  if (start < 0) throw new Error('yosys stat -json: no JSON in the output');
  let json: unknown;
  try {
    json = JSON.parse(sanitise(text.slice(start)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`yosys stat -json: cannot parse the output (${reason})`, { cause: error });
  }
  return countsOf(designCells(json));
}

/** Sums a cell table into the counts. */
export function countsOf(cells: CellTable): YosysCounts {
  const sum = (test: (type: string) => boolean): number =>
    Object.entries(cells).reduce((s, [type, n]) => (test(type) ? s + n : s), 0);
  const ramb36 = cells['RAMB36E1'] ?? 0;
  const ramb18 = cells['RAMB18E1'] ?? 0;
  const logicLuts = sum((t) => LUT.test(t));
  const lutRam = sum((t) => t in LUT_RAM_LUTS);
  const lutRamLuts = Object.entries(cells).reduce((s, [t, n]) => s + (LUT_RAM_LUTS[t] ?? 0) * n, 0);
  const srl = sum((t) => SRL.test(t));
  return {
    luts: logicLuts + lutRamLuts + srl,
    logicLuts,
    flipFlops: sum((t) => FF.test(t)),
    bram36: ramb36 + ramb18 / 2,
    dsp: cells['DSP48E1'] ?? 0,
    ramb36,
    ramb18,
    carry4: cells['CARRY4'] ?? 0,
    muxf7: cells['MUXF7'] ?? 0,
    muxf8: cells['MUXF8'] ?? 0,
    lutRam,
    srl,
    cells: { ...cells },
  };
}
