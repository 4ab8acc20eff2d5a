/**
 * The Yosys run of `spikelab fit`, shared by the CLI (Debian's `yosys`, `run-yosys-node.ts`)
 * and the page (`@yowasp/yosys` in a worker, `src/app/hardware/yosys.worker.ts`): the script,
 * the file it leaves the counts in, and how a log line becomes a progress line. Pure.
 */
import { CORE_RTL_FILES } from '../board-files.ts';
import type { CoreCapacity } from '../core-capacity.ts';

/** The file the script writes `stat -json` into, beside the export's files. */
export const STAT_FILE = 'stat.json';

/** The file the `timing` script writes the flat netlist into (`write_json`), for src/hdl/timing. */
export const NETLIST_FILE = 'netlist.json';

/**
 * The Yosys script that synthesises the core at `capacity` for the xc7 family. With `timing`,
 * the design is flattened (one netlist, hierarchical names kept in its nets) and written as
 * JSON for the timing estimate, without the cell library's blackboxes.
 */
export function synthScript(capacity: CoreCapacity, options: { timing?: boolean } = {}): string {
  const params = (Object.keys(capacity) as (keyof CoreCapacity)[])
    .map((k) => `-set ${k} ${capacity[k]}`)
    .join(' ');
  return [
    `read_verilog ${CORE_RTL_FILES.join(' ')}`,
    `chparam ${params} spikelab_core`,
    `synth_xilinx -family xc7 -top spikelab_core -noiopad -noclkbuf${options.timing ? ' -flatten' : ''}`,
    `tee -q -o ${STAT_FILE} stat -json`,
    ...(options.timing ? ['delete =A:blackbox', `write_json ${NETLIST_FILE}`] : []),
  ].join('; ');
}

/** A top-level pass header of Yosys's log, e.g. `6.28. Executing MEMORY_LIBMAP pass ...`. */
const PASS = /^(\d+(?:\.\d+)?)\. Executing (\S+) pass/;

/**
 * The progress line of one line of Yosys's log (`yosys 6.28: MEMORY_LIBMAP`), or undefined
 * for a line that does not start a top-level pass (or one of its direct sub-passes).
 */
export function passProgress(line: string): string | undefined {
  const m = PASS.exec(line);
  return m ? `yosys ${m[1]}: ${m[2]}` : undefined;
}
