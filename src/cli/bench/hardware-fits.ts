/**
 * The core's resources: for every gallery example that passes the hardware check, and for the
 * bench's generated networks, the estimate model's counts and the largest same-shape network
 * that fits a PYNQ-Z2 (`spikelab fit`'s code); for the examples also Debian's Yosys beside the
 * estimate. A network the generator refuses makes a row quoting its message; a missing Yosys
 * makes Yosys cells that say so.
 */
import { readdir, readFile } from 'node:fs/promises';
import { CapacityError, ExportRefusedError } from '../../hdl/export-verilog.ts';
import { difference } from '../../hdl/fit/fit-report.ts';
import { fitNetwork, type NetworkFit } from '../../hdl/fit/fit-network.ts';
import { YosysError, runYosys } from '../../hdl/fit/run-yosys-node.ts';
import type { ResourceCounts } from '../../hdl/fit/yosys-stat.ts';
import { hardwareRefusals } from '../../hdl/hardware-check.ts';
import { analyseTiming } from '../../hdl/timing/sta.ts';
import type { YosysNetlist } from '../../hdl/timing/netlist.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { parseDocumentJson } from '../../model/index.ts';
import { readCoreRtl } from '../core-rtl.ts';
import { spikelabVersion } from '../version.ts';
import type { FitRow } from './hardware-report.ts';
import type { ToolCheck } from './hardware-tools.ts';

/** The gallery's documents, by file name (files that are no network document are left out). */
export async function galleryDocuments(): Promise<{ file: string; doc: NetworkDocument }[]> {
  const folder = new URL('../../../public/examples/', import.meta.url);
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
  const docs: { file: string; doc: NetworkDocument }[] = [];
  for (const file of files) {
    const result = parseDocumentJson(await readFile(new URL(file, folder), 'utf8'));
    if (result.ok) docs.push({ file, doc: result.document });
  }
  return docs;
}

/** The examples the hardware check refuses (listed by name in the section's header). */
export function notForHardware(docs: readonly { file: string; doc: NetworkDocument }[]): string[] {
  return docs.filter(({ doc }) => hardwareRefusals(doc).length > 0).map(({ file }) => file);
}

function copy(c: ResourceCounts): ResourceCounts {
  return { luts: c.luts, flipFlops: c.flipFlops, bram36: c.bram36, dsp: c.dsp };
}

/** The instant half of a row: the export refused, or the estimate and the largest fit. */
export function estimateRow(name: string, doc: NetworkDocument): { row: FitRow; fit?: NetworkFit } {
  let fit: NetworkFit;
  try {
    fit = fitNetwork(doc, { rtl: readCoreRtl(), version: spikelabVersion() });
  } catch (error) {
    if (error instanceof ExportRefusedError || error instanceof CapacityError) {
      return { row: { name, status: 'refused', reason: error.message.replace(/\s*\n\s*/g, '; ') } };
    }
    throw error;
  }
  const l = fit.largest?.largest;
  return {
    fit,
    row: {
      name,
      status: 'ok',
      neurons: fit.exported.needs.neurons,
      synapses: fit.synapses,
      estimate: copy(fit.estimate),
      largest:
        l === undefined
          ? null
          : { neurons: l.needs.neurons, synapses: l.needs.synapses, estimate: copy(l.estimate) },
    },
  };
}

/** The worst clock domain's longest path of a core's netlist. */
export function timingRow(netlist: YosysNetlist): FitRow['timing'] {
  const d = analyseTiming(netlist, { paths: 1 }).domains[0];
  const p = d?.paths[0];
  if (d === undefined || p === undefined) return undefined;
  return {
    period_ns: d.periodPs / 1000,
    fmax_mhz: d.fmaxMhz,
    worst_path: `${p.from} -> ${p.to} (${p.luts} LUT, ${p.carry4} CARRY4, ${p.dsp} DSP48E1)`,
  };
}

export interface FitBenchOptions {
  /** The bench's generated networks (estimate only: Yosys on them would take many minutes). */
  generated: readonly NetworkDocument[];
  yosys: ToolCheck;
  /** Run Yosys on the examples (false: --quick). */
  synthesise: boolean;
  note: (line: string) => void;
}

/** Rows for the hardware examples, then the generated networks; never throws for Yosys. */
export async function benchFits(
  examples: readonly { file: string; doc: NetworkDocument }[],
  options: FitBenchOptions,
): Promise<FitRow[]> {
  const rows: FitRow[] = [];
  for (const { file, doc } of examples) {
    if (hardwareRefusals(doc).length > 0) continue;
    const { row, fit } = estimateRow(file, doc);
    if (fit === undefined) {
      rows.push(row);
      continue;
    }
    if (!options.yosys.ok) {
      rows.push({ ...row, yosys_status: 'unavailable', yosys_reason: options.yosys.reason });
    } else if (!options.synthesise) {
      rows.push({ ...row, yosys_status: 'skipped', yosys_reason: '--quick' });
    } else {
      options.note(`hardware: yosys synth_xilinx of ${file} (about a minute)`);
      try {
        // Flattened (for the timing estimate). Flattening lets Yosys optimise across modules, so
        // its counts are lower than `spikelab fit`'s unflattened run that the model follows
        // (hdl/README.md, the estimate against Yosys: 2,700 -> 2,214 LUTs for the example).
        const run = await runYosys({
          files: fit.exported.files,
          capacity: fit.exported.capacity,
          timing: true,
        });
        const timing = run.netlist === undefined ? undefined : timingRow(run.netlist);
        rows.push({
          ...row,
          yosys_status: 'ok',
          yosys: copy(run.counts),
          yosys_seconds: run.seconds,
          difference_percent: difference(fit.estimate, run.counts),
          ...(timing === undefined ? {} : { timing }),
        });
      } catch (error) {
        if (!(error instanceof YosysError)) throw error;
        rows.push({ ...row, yosys_status: 'failed', yosys_reason: error.message });
      }
    }
  }
  for (const doc of options.generated) {
    const { row } = estimateRow(doc.name, doc);
    rows.push(
      row.status === 'ok'
        ? { ...row, yosys_status: 'skipped', yosys_reason: 'estimate only for generated networks' }
        : row,
    );
  }
  return rows;
}
