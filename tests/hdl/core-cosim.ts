/**
 * Co-simulation of `hdl/spikelab_core.v` against the engine: the engine's reference backend
 * records every spike and the v and i_syn of every fixed-point and Loihi neuron after every step; the
 * simulators write the same (spikes.csv / state.csv); `firstCoreMismatch` names the first step,
 * population, neuron and field where they differ.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSimulation } from '../../src/engine/simulation.ts';
import type { NetworkDocument, Probe } from '../../src/model/document.ts';
import { EXPORT_RTL_FILES } from '../../src/hdl/board-files.ts';
import type { CoreCapacity } from '../../src/hdl/core-capacity.ts';
import { exportVerilog, type VerilogExport } from '../../src/hdl/export-verilog.ts';
import { REPO_ROOT, runTool } from './simulators.ts';
import { buildCoreBench, mutantRtl } from './core-bench.ts';

/** tb_core's default capacities (its parameters): every network it runs is laid out at these. */
export const TB_CAPACITY: CoreCapacity = {
  NMAX: 256,
  POPMAX: 8,
  PRJMAX: 16,
  CHMAX: 8,
  DMAX: 8,
  SYNMAX: 8192,
  ROWMAX: 512,
  GPTRMAX: 512,
  GIDXMAX: 512,
  EXTMAX: 64,
  LOIHI: 1,
};

/** The hand-written RTL as the CLI passes it to the generator. */
export function coreRtl(): Record<string, string> {
  return Object.fromEntries(
    EXPORT_RTL_FILES.map((f) => [f, readFileSync(join(REPO_ROOT, 'hdl', f), 'utf8')]),
  );
}

/** Exports `doc` into `dir` (optionally at fixed capacities) and returns the export. */
export function exportTo(
  doc: NetworkDocument,
  dir: string,
  capacity?: CoreCapacity,
): VerilogExport {
  const result = exportVerilog(doc, {
    rtl: coreRtl(),
    version: 'test',
    ...(capacity ? { capacity } : {}),
  });
  for (const f of result.files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  return result;
}

/** One step's record: spikes as `population,index` and state as `population,index,v,i`. */
export interface StepRecord {
  spikes: string[];
  state: string[];
}

/** The populations whose v and i_syn the core dumps (its integer neurons, SC layers in fixed point included). */
const stateful = (p: NetworkDocument['populations'][number]): boolean =>
  p.model === 'fixed_point_lif' ||
  p.model === 'loihi' ||
  (p.model === 'sc_dense' && p.params.fixed_point !== undefined);

/**
 * The engine's spikes (every population) and fixed-point and Loihi state (every neuron), per
 * step, with populations named by index (as tb_core writes them).
 */
export async function engineRecord(doc: NetworkDocument): Promise<StepRecord[]> {
  const probes: Probe[] = [];
  doc.populations.forEach((p) => {
    probes.push({ id: `cosim_spikes_${p.id}`, kind: 'spikes', population: p.id });
    if (!stateful(p)) return;
    const neurons = Array.from({ length: p.size }, (_, j) => j);
    probes.push({ id: `cosim_v_${p.id}`, kind: 'state', population: p.id, variable: 'v', neurons });
    probes.push({
      id: `cosim_i_${p.id}`,
      kind: 'state',
      population: p.id,
      variable: 'i_syn',
      neurons,
    });
  });
  const sim = await createSimulation({ ...doc, probes }, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    const steps: StepRecord[] = Array.from({ length: sim.totalSteps }, () => ({
      spikes: [],
      state: [],
    }));
    doc.populations.forEach((p, pi) => {
      const block = chunk.spikes[p.id];
      if (block) {
        block.steps.forEach((t, k) => steps[t]?.spikes.push(`${pi},${block.indices[k] ?? -1}`));
      }
    });
    for (let t = 0; t < sim.totalSteps; t++) {
      doc.populations.forEach((p, pi) => {
        if (!stateful(p)) return;
        const v = chunk.traces[`cosim_v_${p.id}`]?.values;
        const i = chunk.traces[`cosim_i_${p.id}`]?.values;
        for (let j = 0; j < p.size; j++) {
          const at = t * p.size + j;
          steps[t]?.state.push(`${pi},${j},${v?.[at] ?? 'none'},${i?.[at] ?? 'none'}`);
        }
      });
    }
    return steps;
  } finally {
    sim.dispose();
  }
}

/**
 * Reads a simulator's spikes and state files into per-step records. `popIndex` maps the file's
 * population field (an index in tb_core's files, an id in tb_top's) to the index.
 */
export function simulatorRecord(
  spikesText: string,
  stateText: string,
  totalSteps: number,
  popIndex: (field: string) => number,
): StepRecord[] {
  const steps: StepRecord[] = Array.from({ length: totalSteps }, () => ({ spikes: [], state: [] }));
  const rows = (text: string): string[][] =>
    text
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('step,'))
      .map((line) => line.split(','));
  for (const [t, pop, j] of rows(spikesText)) {
    const record = steps[Number(t)];
    if (!record) throw new Error(`spike at step ${t}, outside the run's ${totalSteps} steps`);
    record.spikes.push(`${popIndex(pop ?? '')},${j}`);
  }
  for (const [t, pop, j, v, i] of rows(stateText)) {
    const record = steps[Number(t)];
    if (!record) throw new Error(`state at step ${t}, outside the run's ${totalSteps} steps`);
    // The engine's state probes are float32: a sum of several 24-bit currents beyond 2^24
    // is recorded rounded, so the simulator's exact integer is compared after the same rounding.
    record.state.push(`${popIndex(pop ?? '')},${j},${v},${Math.fround(Number(i))}`);
  }
  // The core dumps a step's Loihi neurons in its Loihi pass, before the fixed-point dump: the
  // records are compared in (population, neuron) order, as the engine's probes list them.
  const key = (r: string): [number, number] => {
    const [p = '', j = ''] = r.split(',');
    return [Number(p), Number(j)];
  };
  for (const record of steps) {
    record.state.sort((a, b) => {
      const [pa, ja] = key(a);
      const [pb, jb] = key(b);
      return pa - pb || ja - jb;
    });
  }
  return steps;
}

/**
 * The first difference, as "step t, population 'id', neuron j, field: expected X, got Y", or
 * null when every spike and every state value agree.
 */
export function firstCoreMismatch(
  doc: NetworkDocument,
  expected: readonly StepRecord[],
  got: readonly StepRecord[],
): string | null {
  const name = (pi: string): string => `'${doc.populations[Number(pi)]?.id ?? pi}'`;
  for (let t = 0; t < expected.length; t++) {
    const want = expected[t] as StepRecord;
    const have = got[t] ?? { spikes: [], state: [] };
    const n = Math.max(want.spikes.length, have.spikes.length);
    for (let k = 0; k < n; k++) {
      if (want.spikes[k] === have.spikes[k]) continue;
      const [wp = '', wj] = (want.spikes[k] ?? ',').split(',');
      const [hp = '', hj] = (have.spikes[k] ?? ',').split(',');
      return (
        `step ${t}, spike ${k} of the step, field spike: expected ` +
        `${want.spikes[k] === undefined ? 'none' : `population ${name(wp)} neuron ${wj}`}, got ` +
        `${have.spikes[k] === undefined ? 'none' : `population ${name(hp)} neuron ${hj}`}`
      );
    }
    if (have.state.length !== want.state.length) {
      return `step ${t}: expected ${want.state.length} state records, got ${have.state.length}`;
    }
    for (let k = 0; k < want.state.length; k++) {
      const [pi = '', j, wv, wi] = (want.state[k] ?? '').split(',');
      const [hpi, hj, hv, hi] = (have.state[k] ?? '').split(',');
      if (hpi !== pi || hj !== j) {
        return `step ${t}: state record ${k} is population ${hpi} neuron ${hj}, expected ${pi} ${j}`;
      }
      if (wv !== hv)
        return `step ${t}, population ${name(pi)}, neuron ${j}, field v: expected ${wv}, got ${hv}`;
      if (wi !== hi)
        return `step ${t}, population ${name(pi)}, neuron ${j}, field i: expected ${wi}, got ${hi}`;
    }
  }
  return null;
}

/** Runs a shell command line in `cwd` (the literal command a user types); throws with output. */
export function shell(command: string, cwd: string): string {
  try {
    return execFileSync('sh', ['-c', command], { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `'${command}' in ${cwd} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`,
      { cause: error },
    );
  }
}

/**
 * A copy of the core's RTL in `dir` (created) with `from` (which must occur in
 * spikelab_core.v) replaced by `to`, built with hdl/tb/tb_core.v in Icarus; returns the image.
 */
export function buildCoreMutant(dir: string, from: string, to: string): string {
  const [, , image] = buildCoreBench('icarus', dir, {}, mutantRtl(dir, from, to));
  return image ?? '';
}

/** Runs a tb_core `image` on the images exported into `dir` for `steps` steps; its record. */
export function runCoreImage(image: string, dir: string, steps: number): StepRecord[] {
  runTool(
    'vvp',
    [
      '-n',
      image,
      `+images=${dir}/`,
      `+steps=${steps}`,
      `+spikes=${dir}/spikes.csv`,
      `+state=${dir}/state.csv`,
    ],
    'running the mutant',
  );
  return simulatorRecord(
    readFileSync(join(dir, 'spikes.csv'), 'utf8'),
    readFileSync(join(dir, 'state.csv'), 'utf8'),
    steps,
    Number,
  );
}
