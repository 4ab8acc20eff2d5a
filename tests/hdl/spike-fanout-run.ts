/**
 * The fan-out bench's cases and the engine's expected currents. Each case is one projection's
 * delivery at one step: a random source population (its spikes of steps 0..t recorded in the
 * delay ring as the core's neuron pass records them, its list of step t - d written as the core
 * writes it), random CSR rows (empty ones, and targets that repeat back to back, within a row
 * and across rows, so the forwarding is needed), random weights that often saturate the
 * target's W bits, constant or per-synapse delays, and random starting currents. The engine's
 * own step 5 gives the expected currents: `deliverFixed` (saturating adds in the engine's
 * order) into a fixed-point bank, `deliverLoihi` (exact sums) into a Loihi I, on a
 * `SpikeHistory` holding the same spikes. The expected event count is `deliverLoihi` of the
 * same projection with every weight 1 into zeros.
 */
import { rng } from '../unit/model/random-values.ts';
import { deliverFixed } from '../../src/engine/backends/reference/fixed-lif.ts';
import { deliverLoihi } from '../../src/engine/backends/reference/loihi-step.ts';
import { SpikeHistory } from '../../src/engine/backends/reference/spike-history.ts';
import { fixedRange } from '../../src/engine/fixed-point/fixed-lif-step.ts';
import type { ProjectionPlan } from '../../src/engine/plan.ts';
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench, signedWord } from './simulators.ts';

/** tb_spike_fanout's capacities. */
const NMAX = 64;
const DMAX = 8;
const SYNMAX = 512;
const ROWMAX = 64;
/** Neurons 0..NOUT-1 are the targets, and what the bench writes back. */
export const FANOUT_TARGETS = 16;

export const FANOUT_BENCH: Bench = {
  top: 'tb_spike_fanout',
  sources: ['hdl/tb/tb_spike_fanout.v', 'hdl/spike_fanout.v', 'hdl/delay_ring.v'],
};

/** One delivery: the projection, its step and its memories. */
export interface FanoutCase {
  what: string;
  t: number;
  srcBase: number;
  sources: number;
  rowBase: number;
  synBase: number;
  projection: ProjectionPlan;
  /** spikes[step] = ascending source indices. */
  spikes: number[][];
  loihi: boolean;
  totalBits: number;
  bank: number[];
  li: number[];
}

/** What the bench writes per case and target neuron (events repeated on each). */
export interface FanoutRecord {
  events: number;
  bank: number;
  li: number;
}

function randomCase(seed: number, what: string, override: Partial<{ rowLength: number }> = {}) {
  const random = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const sources = override.rowLength !== undefined ? 1 : int(1, 24);
  const t = int(0, 20);
  const perSynapse = override.rowLength === undefined && random() < 0.5;
  const loihi = random() < 0.25;
  const totalBits = loihi ? 24 : ([4, 8, 12, 24][int(0, 3)] ?? 8);
  const { min, max } = fixedRange(totalBits);
  const rowPtr = new Uint32Array(sources + 1);
  const targets: number[] = [];
  for (let s = 0; s < sources; s++) {
    const length = override.rowLength ?? (random() < 0.2 ? 0 : int(1, 5));
    for (let e = 0; e < length; e++) {
      const previous = targets[targets.length - 1];
      // Back to back on one target often (the forwarding), otherwise any target.
      targets.push(
        previous !== undefined && random() < 0.35 ? previous : int(0, FANOUT_TARGETS - 1),
      );
    }
    rowPtr[s + 1] = targets.length;
  }
  const n = targets.length;
  const span = Math.min(2 ** totalBits, 2 ** 23);
  const weights = Float32Array.from({ length: n }, () =>
    loihi ? int(-(2 ** 15), 2 ** 15 - 1) * 64 : int(-span, span - 1),
  );
  const constant = int(0, Math.min(t, DMAX - 1));
  const delays = perSynapse ? Uint8Array.from({ length: n }, () => int(0, DMAX - 1)) : { constant };
  const maxDelay = perSynapse ? Math.max(0, ...(delays as Uint8Array)) : constant;
  const projection: ProjectionPlan = {
    id: what,
    source: 0,
    target: 1,
    destination: { kind: 'current', channel: 0 },
    csr: { rowPtr, targets: Uint32Array.from(targets), weights, delays },
    maxDelay,
  };
  // Per source a rate: silent, sparse or dense.
  const rates = Array.from({ length: sources }, () =>
    override.rowLength !== undefined ? 1 : ([0, 0.15, 0.6][int(0, 2)] ?? 0),
  );
  const spikes = Array.from({ length: t + 1 }, () =>
    rates.flatMap((r, s) => (random() < r ? [s] : [])),
  );
  return {
    what,
    t,
    srcBase: int(0, NMAX - sources),
    sources,
    rowBase: int(0, ROWMAX - sources),
    synBase: int(0, SYNMAX - n),
    projection,
    spikes,
    loihi,
    totalBits,
    bank: Array.from({ length: FANOUT_TARGETS }, () => (loihi ? 0 : int(min, max))),
    li: Array.from({ length: FANOUT_TARGETS }, () => (loihi ? int(-(2 ** 22), 2 ** 22) : 0)),
  } satisfies FanoutCase;
}

/** The engine's history of a case's spikes (depth DMAX, with flags for per-synapse delays). */
function historyOf(c: FanoutCase): SpikeHistory {
  const history = new SpikeHistory(c.sources, DMAX, true);
  c.spikes.forEach((list, step) => {
    history.begin(step).set(list);
    history.commit(step, list.length);
  });
  return history;
}

/** The engine's currents after the case's delivery, and its number of events. */
export function fanoutExpected(c: FanoutCase): FanoutRecord[] {
  const history = historyOf(c);
  const bank = Float32Array.from(c.bank);
  const li = Float64Array.from(c.li);
  if (c.loihi) deliverLoihi(c.projection, history, c.t, li);
  else deliverFixed(c.projection, history, c.t, bank, c.totalBits);
  const ones = { ...c.projection.csr, weights: { constant: 1 } };
  const counted = new Float64Array(FANOUT_TARGETS);
  deliverLoihi({ ...c.projection, csr: ones }, history, c.t, counted);
  const events = counted.reduce((a, b) => a + b, 0);
  return Array.from({ length: FANOUT_TARGETS }, (_, j) => ({
    events,
    bank: bank[j] ?? 0,
    li: li[j] ?? 0,
  }));
}

/** The bench's commands (four words each) for one case. */
function caseCommands(c: FanoutCase): number[][] {
  const { csr } = c.projection;
  const commands: number[][] = [];
  const write = (memory: number, address: number, value: number) =>
    commands.push([1, memory, address, value]);
  // The history: every step 0..t, every source ascending (a read, then the record).
  c.spikes.forEach((list, step) => {
    for (let s = 0; s < c.sources; s++)
      commands.push([2, step, c.srcBase + s, list.includes(s) ? 1 : 0]);
  });
  const perSynapse = csr.delays instanceof Uint8Array;
  const delay = perSynapse ? 0 : (csr.delays as { constant: number }).constant;
  const listStep = c.t - delay;
  const list = c.spikes[listStep] ?? [];
  const listSlot = listStep % DMAX;
  if (!perSynapse) list.forEach((s, k) => write(0, listSlot * NMAX + c.srcBase + k, s));
  for (let s = 0; s < c.sources; s++) {
    write(1, c.rowBase + s, c.synBase + (csr.rowPtr[s] ?? 0));
    write(2, c.rowBase + s, c.synBase + (csr.rowPtr[s + 1] ?? 0));
  }
  csr.targets.forEach((target, e) => {
    const weight = csr.weights instanceof Float32Array ? (csr.weights[e] ?? 0) : 0;
    write(3, c.synBase + e, target);
    write(4, c.synBase + e, weight & 0xffffff);
    write(5, c.synBase + e, perSynapse ? ((csr.delays as Uint8Array)[e] ?? 0) : delay);
  });
  c.bank.forEach((v, j) => write(6, j, v & 0xffffff));
  c.li.forEach((v, j) => write(7, j, v));
  const nSrc = perSynapse ? c.sources : list.length;
  commands.push([
    3,
    c.srcBase |
      (nSrc << 8) |
      (listSlot << 16) |
      ((perSynapse ? 1 : 0) << 24) |
      ((c.loihi ? 1 : 0) << 25),
    c.rowBase,
    c.projection.maxDelay,
  ]);
  const { min, max } = fixedRange(c.totalBits);
  commands.push([4, c.t, min & 0xffffff, max & 0xffffff]);
  commands.push([5, 0, 0, 0]);
  return commands;
}

/** 60 random cases, and a source with one 200-synapse row (one event per clock). */
export const FANOUT_CASES: readonly FanoutCase[] = [
  ...Array.from({ length: 60 }, (_, k) => randomCase(0xfa0 + k, `random case ${k}`)),
  randomCase(0x10e, 'one row of 200 synapses', { rowLength: 200 }),
];

export const FANOUT_EXPECTED: readonly FanoutRecord[] = FANOUT_CASES.flatMap(fanoutExpected);

/** Record `n` (case n / FANOUT_TARGETS, target n % FANOUT_TARGETS), for a failure message. */
export function describeFanoutRecord(n: number): string {
  const c = FANOUT_CASES[Math.floor(n / FANOUT_TARGETS)];
  if (c === undefined) return `record ${n} (none)`;
  const delays = c.projection.csr.delays;
  return (
    `${c.what}: target ${n % FANOUT_TARGETS}, step ${c.t}, ${c.sources} sources, ` +
    `${c.projection.csr.targets.length} synapses, ${c.loihi ? 'Loihi I' : `${c.totalBits}-bit bank`}, ` +
    (delays instanceof Uint8Array ? 'per-synapse delays' : `delay ${delays.constant}`)
  );
}

/** One case's clocks from go to done, as the bench counted them. */
export interface FanoutRun {
  records: FanoutRecord[];
  clocks: number[];
}

/** Builds `bench` in `simulator` under `dir`, runs every case and parses what it wrote. */
export function simulateFanout(simulator: Simulator, bench: Bench, dir: string): FanoutRun {
  const command = buildBench(simulator, bench, dir);
  const commands = FANOUT_CASES.flatMap(caseCommands);
  const lines = runBench(command, dir, commands.flat(), commands.length);
  const per = FANOUT_TARGETS + 1;
  if (lines.length !== FANOUT_CASES.length * per) {
    throw new Error(
      `tb_spike_fanout wrote ${lines.length} lines, expected ${FANOUT_CASES.length * per}`,
    );
  }
  const records: FanoutRecord[] = [];
  const clocks: number[] = [];
  for (let k = 0; k < FANOUT_CASES.length; k++) {
    const [clockCount, events] = (lines[k * per] ?? '').trim().split(/\s+/).map(Number);
    clocks.push(clockCount ?? 0);
    for (let j = 0; j < FANOUT_TARGETS; j++) {
      const [bank, li] = (lines[k * per + 1 + j] ?? '').trim().split(/\s+/);
      records.push({
        events: events ?? -1,
        bank: (parseInt(bank ?? '', 16) << 8) >> 8,
        li: signedWord(li ?? ''),
      });
    }
  }
  return { records, clocks };
}
