/**
 * The interchange section of `spikelab bench` (issue 11, "Speed"): a NIR convolutional network
 * of about a million synapses (`interchange-network.ts`) written with our writeNirFile, then
 * timed through readNirFile, importNir and validate + compile (median of the repeats), with the
 * process's memory around them and the plan's estimate; then its simulation on our backends
 * beside the same document exported with export-brian2 and run under Brian2 (numpy, and
 * cpp_standalone when a C++ compiler is there), Brian2's loop time taken by Brian2 itself
 * (`device._last_run_time`, after code generation and compilation). A benchmark, not a test:
 * a missing Brian2 or compiler makes a row that says why.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../engine/compile/index.ts';
import type { NetworkDocument } from '../../model/document.ts';
import type { BenchBackend } from './backends.ts';
import { validateDocument } from '../../model/index.ts';
import { exportBrian2 } from '../../model/interchange/brian2/index.ts';
import { readNirFile, writeNirFile } from '../../model/interchange/nir/graph.ts';
import { importNir } from '../../model/interchange/nir/import.ts';
import { brian2Availability, brian2Python } from './brian2.ts';
import {
  INTERCHANGE_DT_S,
  INTERCHANGE_NETWORK,
  QUICK_INTERCHANGE_NETWORK,
  interchangeGraph,
  withBenchRun,
  type InterchangeNetworkSpec,
} from './interchange-network.ts';
import { measureBackend, median, type Measurement } from './measure.ts';
import { planStats } from './plan-stats.ts';

export interface InterchangeBenchOptions {
  spec: InterchangeNetworkSpec;
  /** Simulated time, ms. */
  durationMs: number;
  /** Timed repeats of each import phase and each simulation. */
  repeats: number;
  backends: readonly BenchBackend[];
  maxRunMs: number;
  /** Brian2 devices to time (empty: none). */
  brian2: ('numpy' | 'cpp_standalone')[];
  /** Limit on one Brian2 script run (build included), ms. */
  brian2TimeoutMs: number;
}

export const DEFAULT_INTERCHANGE_BENCH: Omit<InterchangeBenchOptions, 'backends' | 'maxRunMs'> = {
  spec: INTERCHANGE_NETWORK,
  durationMs: 200,
  repeats: 3,
  brian2: ['numpy', 'cpp_standalone'],
  brian2TimeoutMs: 600_000,
};

/** `--quick`: the scaled-down network, one repeat, 50 ms, Brian2's numpy target only. */
export const QUICK_INTERCHANGE_BENCH: Omit<InterchangeBenchOptions, 'backends' | 'maxRunMs'> = {
  spec: QUICK_INTERCHANGE_NETWORK,
  durationMs: 50,
  repeats: 1,
  brian2: ['numpy'],
  brian2TimeoutMs: 120_000,
};

/** Memory of the process at one point, bytes. */
export interface MemoryPoint {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface InterchangePhase {
  name: 'readNirFile' | 'importNir' | 'validate+compile';
  runsMs: number[];
  medianMs: number;
  /** Memory right after the phase's last run. */
  after: MemoryPoint;
}

export type Brian2Row =
  | {
      status: 'ok';
      device: 'numpy' | 'cpp_standalone';
      version: string;
      /** Brian2's own loop time (device._last_run_time), ms. */
      loopMs: number;
      /** Wall time of the whole script (build, connect, compile, run, output), ms. */
      scriptMs: number;
      spikes: number;
    }
  | { status: 'unavailable' | 'failed'; device: 'numpy' | 'cpp_standalone'; reason: string };

export interface InterchangeReport {
  network: string;
  neurons: number;
  synapses: number;
  /** Bytes of the .nir file writeNirFile wrote, and whether h5py opens it (null: no h5py). */
  fileBytes: number;
  h5pyReads: boolean | null;
  writeMs: number;
  phases: InterchangePhase[];
  memoryBefore: MemoryPoint;
  /** The largest rss seen at the end of any phase. */
  peakRss: number;
  /** The compiled plan's estimate of every byte a backend allocates. */
  planEstimatedBytes: number;
  durationMs: number;
  dtMs: number;
  inputSpikes: number;
  /** Per backend (its bench label): loop time, spikes; the gpu backends refuse nir_neuron. */
  simulation: { backend: string; measurement: Measurement }[];
  brian2: Brian2Row[];
}

/** Runs the section; never throws for a missing tool. */
export async function benchInterchange(
  options: InterchangeBenchOptions,
  progress: (line: string) => void = () => undefined,
): Promise<InterchangeReport> {
  const memoryBefore = memory();
  let peakRss = memoryBefore.rss;
  progress('interchange: writing the NIR file');
  let started = performance.now();
  const bytes = await writeNirFile(interchangeGraph(options.spec));
  const writeMs = performance.now() - started;
  const dir = mkdtempSync(join(tmpdir(), 'spikelab-bench-nir-'));
  try {
    const file = join(dir, 'conv.nir');
    writeFileSync(file, bytes);
    const h5pyReads = await h5pyOpens(file);
    const phases: InterchangePhase[] = [];
    const timed = async <T>(name: InterchangePhase['name'], run: () => T | Promise<T>) => {
      progress(`interchange: ${name}`);
      const runsMs: number[] = [];
      let result: T | undefined;
      for (let r = 0; r < options.repeats; r++) {
        started = performance.now();
        result = await run();
        runsMs.push(performance.now() - started);
      }
      const after = memory();
      peakRss = Math.max(peakRss, after.rss);
      phases.push({ name, runsMs, medianMs: median(runsMs), after });
      return result as T;
    };
    const { graph } = await timed('readNirFile', () =>
      readNirFile(new Uint8Array(readFileSync(file))),
    );
    const imported = await timed('importNir', () =>
      importNir(graph, {
        dt: INTERCHANGE_DT_S,
        timeUnit: 's',
        discretisation: 'exact',
        duration: options.durationMs,
      }),
    );
    const runnable = withBenchRun(imported.document, options.spec, options.durationMs);
    const { doc, plan } = await timed('validate+compile', () => {
      const valid = validateDocument(runnable);
      if (!valid.ok) {
        throw new Error(
          `interchange bench: the imported network is invalid: ${valid.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        );
      }
      return { doc: valid.document, plan: compile(valid.document) };
    });
    const stats = planStats(doc);
    const simulation: InterchangeReport['simulation'] = [];
    for (const { label, choice } of options.backends) {
      progress(`interchange: simulating on ${label}`);
      simulation.push({
        backend: label,
        measurement: await measureBackend(doc, stats, {
          backend: choice,
          repeats: options.repeats,
          maxRunMs: options.maxRunMs,
          chunkSteps: 5000,
        }),
      });
      peakRss = Math.max(peakRss, memory().rss);
    }
    const brian2: Brian2Row[] = [];
    if (options.brian2.length > 0) {
      const script = join(dir, 'conv.py');
      writeFileSync(script, exportBrian2(doc, plan, { version: 'bench' }));
      for (const device of options.brian2) {
        progress(`interchange: Brian2 ${device}`);
        brian2.push(await runBrian2Script(script, device, join(dir, `${device}.json`), options));
      }
    }
    return {
      network: describeNetwork(doc),
      neurons: stats.neurons,
      synapses: stats.synapses,
      fileBytes: bytes.byteLength,
      h5pyReads,
      writeMs,
      phases,
      memoryBefore,
      peakRss,
      planEstimatedBytes: plan.estimatedBytes,
      durationMs: options.durationMs,
      dtMs: doc.run.dt,
      inputSpikes: doc.populations.reduce(
        (n, p) => n + (p.model === 'spike_generator' ? p.params.indices.length : 0),
        0,
      ),
      simulation,
      brian2,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function memory(): MemoryPoint {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
}

function describeNetwork(doc: NetworkDocument): string {
  const layers = doc.populations.map((p) => `${p.id} ${p.size}`).join(' -> ');
  return `NIR conv net (${layers})`;
}

/** Whether h5py opens the file and finds its nodes; null when Python has no h5py. */
async function h5pyOpens(file: string): Promise<boolean | null> {
  const code = `import sys, h5py\nwith h5py.File(sys.argv[1], 'r') as f: print(len(f['node/nodes']))`;
  const hasH5py = await exec(brian2Python(), ['-c', 'import h5py'], 60_000);
  if (!hasH5py.ok) return null;
  const result = await exec(brian2Python(), ['-c', code, file], 60_000);
  return result.ok && Number(result.stdout.trim()) > 0;
}

async function runBrian2Script(
  script: string,
  device: 'numpy' | 'cpp_standalone',
  out: string,
  options: InterchangeBenchOptions,
): Promise<Brian2Row> {
  const python = brian2Python();
  const available = await brian2Availability(python);
  if (!available.ok) return { status: 'unavailable', device, reason: available.reason };
  if (device === 'cpp_standalone' && !existsSync('/usr/bin/g++') && !existsSync('/usr/bin/c++')) {
    return {
      status: 'unavailable',
      device,
      reason: 'no C++ compiler (/usr/bin/g++, /usr/bin/c++)',
    };
  }
  const flag = device === 'numpy' ? '--numpy' : '--standalone';
  const started = performance.now();
  const result = await exec(python, [script, flag, out], options.brian2TimeoutMs);
  const scriptMs = performance.now() - started;
  if (!result.ok) return { status: 'failed', device, reason: result.reason };
  try {
    const meta = (JSON.parse(readFileSync(out, 'utf8')) as { meta: Record<string, unknown> }).meta;
    const loopMs = meta.wall_ms;
    const spikes = meta.total_spikes;
    if (typeof loopMs !== 'number' || typeof spikes !== 'number') {
      return { status: 'failed', device, reason: `${out}: meta.wall_ms or total_spikes missing` };
    }
    const backend = typeof meta.backend === 'string' ? meta.backend : '';
    return {
      status: 'ok',
      device,
      version: /brian2 ([^ ]+)/.exec(backend)?.[1] ?? 'unknown',
      loopMs,
      scriptMs,
      spikes,
    };
  } catch (error) {
    return { status: 'failed', device, reason: `${out}: ${String(error)}` };
  }
}

type ExecResult = { ok: true; stdout: string } | { ok: false; reason: string };

function exec(command: string, args: string[], timeoutMs: number): Promise<ExecResult> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error === null) done({ ok: true, stdout });
        else {
          const lastLine = stderr.trim().split('\n').pop() ?? '';
          done({
            ok: false,
            reason: error.killed
              ? `timed out after ${timeoutMs / 1000} s`
              : lastLine || error.message,
          });
        }
      },
    );
  });
}
