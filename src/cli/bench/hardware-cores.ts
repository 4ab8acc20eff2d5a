/**
 * The core's speed on the bench's networks: each size exported (at one capacity, the
 * largest size's, so one Verilator build of `tb_top` runs every size: only the images differ),
 * run in Verilator, its counters read (clocks per step, events per clock) and its wall time
 * taken; the engine's backends run the same network for the same steps beside it. A network the
 * generator refuses makes rows that quote its message; a missing Verilator makes rows that say so.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import {
  CapacityError,
  ExportRefusedError,
  exportVerilog,
  type VerilogExport,
} from '../../hdl/export-verilog.ts';
import type { NetworkDocument } from '../../model/document.ts';
import { readCoreRtl } from '../core-rtl.ts';
import { spikelabVersion } from '../version.ts';
import type { BenchBackend } from './backends.ts';
import { coreRates, countCsvSpikes, parseCoreCounters } from './hardware-counters.ts';
import { hardwareNetwork, type HardwareNetworkKind } from './hardware-networks.ts';
import type { CoreRow, EngineSpeedRow } from './hardware-report.ts';
import { buildTestbench, processFailure, runProcess, ToolError } from './hardware-tools.ts';
import type { ToolCheck } from './hardware-tools.ts';
import { measureBackend, median } from './measure.ts';
import { planStats } from './plan-stats.ts';

export interface CoreBenchOptions {
  kind: HardwareNetworkKind;
  sizes: readonly number[];
  steps: number;
  /** Engine backends timed beside the core. */
  backends: readonly BenchBackend[];
  /** Timed Verilator runs per size (median reported). */
  repeats: number;
  maxRunMs: number;
  chunkSteps: number;
  verilator: ToolCheck;
  note: (line: string) => void;
}

type Exported = { ok: true; exported: VerilogExport } | { ok: false; reason: string };

function tryExport(doc: NetworkDocument, capacity?: CoreCapacity): Exported {
  try {
    const exported = exportVerilog(doc, {
      rtl: readCoreRtl(),
      version: spikelabVersion(),
      ...(capacity ? { capacity } : {}),
    });
    return { ok: true, exported };
  } catch (error) {
    if (error instanceof ExportRefusedError || error instanceof CapacityError) {
      return { ok: false, reason: error.message.replace(/\s*\n\s*/g, '; ') };
    }
    throw error;
  }
}

async function writeExport(dir: string, exported: VerilogExport): Promise<string[]> {
  for (const file of exported.files) {
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  return exported.files.map((f) => f.path).filter((p) => !p.includes('/') && p.endsWith('.v'));
}

/** Rows of one kind of network at every size; never throws for a tool's failure. */
export async function benchCores(options: CoreBenchOptions): Promise<CoreRow[]> {
  const docs = options.sizes.map((neurons) =>
    hardwareNetwork({ kind: options.kind, neurons, steps: options.steps }),
  );
  const largest = docs[docs.length - 1];
  const shared = largest === undefined ? undefined : tryExport(largest);
  const work = await mkdtemp(join(tmpdir(), 'spikelab-bench-hw-'));
  // One build per distinct tb_top.v (the sizes of one kind share it at one capacity); the
  // core's RTL files are the same in every export.
  const builds = new Map<string, Promise<string>>();
  try {
    const rows: CoreRow[] = [];
    for (const [k, doc] of docs.entries()) {
      const row = blankRow(options, doc);
      options.note(`hardware: ${doc.name}: engine`);
      row.engine = await engineRows(doc, options);
      const exported =
        shared?.ok === true ? tryExport(doc, shared.exported.capacity) : tryExport(doc);
      if (!exported.ok) {
        rows.push({ ...row, status: 'refused', reason: exported.reason });
        continue;
      }
      if (!options.verilator.ok) {
        rows.push({ ...row, status: 'unavailable', reason: options.verilator.reason });
        continue;
      }
      const dir = join(work, `size-${k}`);
      const files = await writeExport(dir, exported.exported);
      // The header names the document's hash: comments aside, the testbench is shared.
      const tb = (exported.exported.files.find((f) => f.path === 'tb_top.v')?.text ?? '')
        .split('\n')
        .filter((l) => !l.startsWith('//'))
        .join('\n');
      let build = builds.get(tb);
      if (build === undefined) {
        options.note(`hardware: ${doc.name}: verilator --binary (a minute or more)`);
        build = buildTestbench(dir, files);
        builds.set(tb, build);
      }
      try {
        rows.push(await runCore(row, await build, dir, options, exported.exported.capacity));
      } catch (error) {
        if (!(error instanceof ToolError)) throw error;
        rows.push({ ...row, status: 'failed', reason: error.message });
      }
    }
    return rows;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function blankRow(options: CoreBenchOptions, doc: NetworkDocument): CoreRow {
  const stats = planStats(doc);
  return {
    kind: options.kind,
    name: doc.name,
    size: doc.populations.find((p) => p.id === 'core')?.size ?? 0,
    neurons: stats.neurons,
    synapses: stats.synapses,
    steps: options.steps,
    status: 'ok',
    engine: [],
  };
}

async function runCore(
  row: CoreRow,
  binary: string,
  dir: string,
  options: CoreBenchOptions,
  capacity: CoreCapacity,
): Promise<CoreRow> {
  options.note(`hardware: ${row.name}: Verilator`);
  const runsMs: number[] = [];
  let output = '';
  for (let r = 0; r < options.repeats; r++) {
    const result = await runProcess(binary, [], dir, 600_000);
    const failure = processFailure('the Verilator testbench', result);
    if (failure !== null) return { ...row, status: 'failed', reason: failure };
    runsMs.push(result.wallMs);
    output = result.output;
  }
  let counters;
  try {
    counters = parseCoreCounters(output);
  } catch (error) {
    return { ...row, status: 'failed', reason: (error as Error).message };
  }
  const spikes = countCsvSpikes(await readFile(join(dir, 'spikes.csv'), 'utf8'));
  const reference = row.engine.find((e) => e.label === 'reference' && e.status === 'ok');
  const wall = median(runsMs);
  return {
    ...row,
    counters,
    rates: coreRates(counters),
    verilator_wall_ms: wall,
    verilator_runs_ms: runsMs,
    verilator_steps_per_s: counters.steps / (wall / 1000),
    spikes,
    spikes_match_engine: reference?.spikes === undefined ? null : reference.spikes === spikes,
    note: `core built once per kind at NMAX ${capacity.NMAX}, SYNMAX ${capacity.SYNMAX}`,
  };
}

async function engineRows(
  doc: NetworkDocument,
  options: CoreBenchOptions,
): Promise<EngineSpeedRow[]> {
  const stats = planStats(doc);
  const rows: EngineSpeedRow[] = [];
  for (const backend of options.backends) {
    const m = await measureBackend(doc, stats, {
      backend: backend.choice,
      repeats: options.repeats,
      maxRunMs: options.maxRunMs,
      chunkSteps: options.chunkSteps,
    });
    rows.push(
      m.status === 'ok'
        ? {
            label: backend.label,
            status: 'ok',
            backend: m.backend,
            wall_ms: m.medianMs,
            steps_per_s: options.steps / (m.medianMs / 1000),
            spikes: m.spikes,
          }
        : { label: backend.label, status: m.status, reason: m.reason },
    );
  }
  return rows;
}
