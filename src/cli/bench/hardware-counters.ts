/**
 * The core's own counters as the exported testbench (`tb_top.v`, src/hdl/testbench.ts) prints
 * them at the end of a run, e.g.
 * `spikelab: 300 steps, 65400 clocks (36900 neuron pass, 28200 delivery), 4105 synaptic events`,
 * and the rates the bench reports from them. The phases in the parentheses are read by name,
 * so a phase the core gains (a Loihi pass) is kept without changing this parser.
 */

export interface CoreCounters {
  steps: number;
  /** Every clock from start to done (the state dump excluded). */
  clocks: number;
  /** Clocks per phase, by the testbench's name (`neuron pass`, `delivery`, ...). */
  phases: Record<string, number>;
  /** Synaptic events delivered (one per synapse of every spike that reached its target). */
  events: number;
}

const LINE = /spikelab: (\d+) steps, (\d+) clocks \(([^)]*)\), (\d+) synaptic events/;
const PHASE = /^(\d+) ([a-z][a-z -]*)$/;

/**
 * The counters of the last counter line in `output` (a simulator's whole output); throws
 * naming what was missing when there is none or a phase is unreadable.
 *
 * @example parseCoreCounters('spikelab: 2 steps, 10 clocks (6 neuron pass, 4 delivery), 3 synaptic events')
 */
export function parseCoreCounters(output: string): CoreCounters {
  const lines = output.split('\n').filter((line) => LINE.test(line));
  const last = lines[lines.length - 1];
  const m = last === undefined ? null : LINE.exec(last);
  if (m === null) {
    throw new Error(
      "the testbench printed no counter line ('spikelab: N steps, N clocks (...), N synaptic " +
        `events'); its output ends: ${output.slice(-300).trim() || '(nothing)'}`,
    );
  }
  const phases: Record<string, number> = {};
  for (const part of (m[3] ?? '').split(',')) {
    const p = PHASE.exec(part.trim());
    if (p === null) throw new Error(`unreadable phase '${part.trim()}' in '${m[0]}'`);
    phases[p[2] ?? ''] = Number(p[1]);
  }
  return { steps: Number(m[1]), clocks: Number(m[2]), phases, events: Number(m[4]) };
}

export interface CoreRates {
  clocks_per_step: number;
  /** Events / all clocks of the run. */
  events_per_clock: number;
  /** Events / clocks of the delivery phase; null when the testbench names no such phase. */
  events_per_delivery_clock: number | null;
  /** Clocks per step of each phase. */
  phase_clocks_per_step: Record<string, number>;
}

/** Per-step and per-clock figures of a run's counters (0 where a divisor is 0). */
export function coreRates(c: CoreCounters): CoreRates {
  const per = (x: number, y: number): number => (y === 0 ? 0 : x / y);
  const delivery = c.phases.delivery;
  return {
    clocks_per_step: per(c.clocks, c.steps),
    events_per_clock: per(c.events, c.clocks),
    events_per_delivery_clock: delivery === undefined ? null : per(c.events, delivery),
    phase_clocks_per_step: Object.fromEntries(
      Object.entries(c.phases).map(([name, clocks]) => [name, per(clocks, c.steps)]),
    ),
  };
}

/** Spikes in a testbench's spikes.csv (its lines after the header). */
export function countCsvSpikes(csv: string): number {
  return csv.split('\n').filter((line, k) => k > 0 && line.trim() !== '').length;
}
