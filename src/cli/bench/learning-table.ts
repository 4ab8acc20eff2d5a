/** The learning section of the bench table. */
import { groupDigits } from '../numbers.ts';
import type { LearningBenchReport, StdpBenchReport } from './learning-report.ts';

const LABEL = 24;

/**
 * Lines of the learning section: OnlineO1 forms, STDP and OnlineO1 in a projection per backend,
 * BPTT per device.
 */
export function renderLearningSection(l: LearningBenchReport): string[] {
  const o1 = l.online_o1;
  const c = o1.config;
  const lines = [
    `Learning: OnlineO1 (weight ${c.weight_bits}, trace ${c.trace_bits}, reward ${c.reward_bits} bits; ` +
      `${o1.state_bits_per_synapse} state bits a synapse), ${groupDigits(o1.synapses)} synapses, ` +
      `spike probability ${o1.spike_probability} (every state checked against stepMany's)`,
    `    ${'form'.padEnd(LABEL)}${'updates/s'.padStart(12)}${'B/synapse'.padStart(11)}`,
    ...o1.rows.map(
      (r) =>
        `    ${r.label.padEnd(LABEL)}` +
        (r.status !== 'ok'
          ? `  ${r.status}: ${oneLine(r.reason)}`
          : (r.updates_per_s ?? NaN).toExponential(2).padStart(12) +
            (r.bytes_per_synapse ?? NaN).toFixed(2).padStart(11)),
    ),
    '',
    ...ruleLines('STDP', l.stdp),
    '',
    ...ruleLines('OnlineO1 in a projection', l.online_o1_projection),
    '',
    `  BPTT training (forward, backward, Adam)${
      l.bptt.network === ''
        ? ''
        : `: ${l.bptt.network} LIF network, ${l.bptt.steps} steps a sample, batch ${l.bptt.batch_size}`
    }`,
    `    ${'device'.padEnd(LABEL)}${'samples/s'.padStart(12)}`,
    ...l.bptt.rows.map(
      (r) =>
        `    ${r.label.padEnd(LABEL)}` +
        (r.status !== 'ok'
          ? `  ${r.status}: ${oneLine(r.reason)}`
          : (r.samples_per_s ?? NaN).toFixed(1).padStart(12)),
    ),
  ];
  return lines;
}

/** A weight rule per engine backend: loop time, updates per second, spikes. */
function ruleLines(title: string, r: StdpBenchReport): string[] {
  return [
    `  ${title}: ${r.name}, ${groupDigits(r.neurons)} neurons, ` +
      `${groupDigits(r.plastic_synapses)} plastic synapses, ${groupDigits(r.steps)} steps ` +
      '(updates = plastic synapses x steps)',
    `    ${'backend'.padEnd(LABEL)}${'loop ms'.padStart(10)}${'updates/s'.padStart(12)}${'spikes'.padStart(10)}`,
    ...r.rows.map(
      (row) =>
        `    ${row.label.padEnd(LABEL)}` +
        (row.status !== 'ok'
          ? `  ${row.status}: ${oneLine(row.reason)}`
          : (row.wall_ms ?? NaN).toFixed(1).padStart(10) +
            (row.updates_per_s ?? NaN).toExponential(2).padStart(12) +
            groupDigits(row.spikes ?? 0).padStart(10) +
            (row.backend !== undefined && row.backend !== row.label
              ? `  (ran ${row.backend})`
              : '')),
    ),
  ];
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ');
}
