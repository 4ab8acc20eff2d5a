/** The bench report as a plain-text table for a terminal. */
import { formatBytes } from '../../engine/errors.ts';
import { groupDigits } from '../numbers.ts';
import type { BenchReport, BenchRow, NetworkReport } from './report.ts';
import { renderScSection } from './sc-table.ts';
import { renderLearningSection } from './learning-table.ts';
import { renderBoardUploadSection } from './board-upload.ts';
import { renderHardwareSection } from './hardware-table.ts';
import { renderSweepSection } from './sweep.ts';
import { renderInterchangeSection } from './interchange-table.ts';

const HEAD = ['loop ms', 'x realtime', 'syn events/s', 'spikes'];
const WIDTHS = [10, 12, 15, 10];

/** Renders the whole report: header, CUBA table, scaling table. */
export function renderBenchTable(report: BenchReport): string {
  const { meta } = report;
  const lines = [
    `spikelab ${meta.spikelab_version} bench, Node ${meta.node}, ${meta.cpus} x ${meta.cpu_model}`,
    `${meta.timing}; ${meta.repeats} repeats; skip when one run would take > ${meta.max_run_s} s`,
    `load average ${meta.load_average.join(', ')} on ${meta.cpus} CPUs${busy(meta.load_average, meta.cpus)}`,
    '',
    `${report.cuba.name}: ${networkLine(report.cuba)}`,
    ...backendTable(report.cuba.rows, 24, meta.repeats),
  ];
  const verdict = comparison(report.cuba.rows);
  if (verdict !== undefined) lines.push('', verdict);
  const notes = report.cuba.rows.flatMap((r) =>
    r.note === undefined ? [] : [`  ${r.label}: ${r.note}`],
  );
  if (notes.length > 0) lines.push('', ...notes);
  if (report.scaling.length > 0) {
    const first = report.scaling[0];
    lines.push(
      '',
      `Scaling series: CUBA-like, 80% excitatory, 80 synapses per neuron, ${first?.duration_ms ?? 0} ms`,
    );
    for (const network of report.scaling) {
      lines.push(
        `  N = ${groupDigits(network.neurons)}: ${networkLine(network)}`,
        ...backendTable(network.rows, 24, meta.repeats),
      );
    }
  }
  const sc = report.stochastic_computing;
  if (sc) lines.push('', ...renderScSection(sc));
  if (report.learning) lines.push('', ...renderLearningSection(report.learning));
  if (report.hardware) lines.push('', ...renderHardwareSection(report.hardware));
  if (report.board) lines.push('', ...renderBoardUploadSection(report.board));
  if (report.sweep) lines.push('', ...renderSweepSection(report.sweep));
  if (report.interchange) lines.push('', ...renderInterchangeSection(report.interchange));
  return `${lines.join('\n')}\n`;
}

/**
 * Our fastest backend against Brian2's C++ standalone, the issue's target (at or below its
 * loop time), measured in the same run.
 */
function comparison(rows: readonly BenchRow[]): string | undefined {
  const ours = rows
    .filter((r) => r.status === 'ok' && !r.label.startsWith('brian2'))
    .sort((a, b) => (a.wall_ms ?? Infinity) - (b.wall_ms ?? Infinity))[0];
  const brian = rows.find((r) => r.label === 'brian2 cpp_standalone' && r.status === 'ok');
  if (ours?.wall_ms === undefined || brian?.wall_ms === undefined) return undefined;
  const ratio = ours.wall_ms / brian.wall_ms;
  return (
    `  fastest here: ${ours.label} ${ours.wall_ms.toFixed(1)} ms = ${ratio.toFixed(2)} x Brian2 ` +
    `cpp_standalone's ${brian.wall_ms.toFixed(1)} ms (${ratio <= 1 ? 'at or below' : 'above'} Brian2)`
  );
}

/** A warning when other work competed for the CPUs during the bench. */
function busy(load: readonly number[], cpus: number): string {
  return (load[0] ?? 0) > cpus ? ': the machine was busy, figures are inflated' : '';
}

function networkLine(n: NetworkReport): string {
  return (
    `${groupDigits(n.neurons)} neurons, ${groupDigits(n.synapses)} synapses, ${n.duration_ms} ms at dt ${n.dt_ms} ms; ` +
    `connectivity ${n.connectivity_bytes_per_synapse.toFixed(2)} B/synapse (${formatBytes(n.connectivity_bytes)}), ` +
    `state ${formatBytes(n.state_bytes)}`
  );
}

function backendTable(rows: readonly BenchRow[], labelWidth: number, repeats: number): string[] {
  const header = `    ${'backend'.padEnd(labelWidth)}${HEAD.map((h, k) => h.padStart(WIDTHS[k] ?? 10)).join('')}`;
  return [
    header,
    ...rows.map((row) => `    ${row.label.padEnd(labelWidth)}${rowCells(row, repeats)}`),
  ];
}

function rowCells(row: BenchRow, repeats: number): string {
  if (row.status !== 'ok') return `  ${row.status}: ${(row.reason ?? '').replace(/\s+/g, ' ')}`;
  const resolved =
    row.backend !== undefined && row.backend !== row.label && !row.label.startsWith('brian2');
  const cells = [
    (row.wall_ms ?? NaN).toFixed(1),
    (row.realtime_factor ?? NaN).toFixed(2),
    (row.syn_events_per_s ?? NaN).toExponential(2),
    groupDigits(row.spikes ?? 0),
  ];
  const text = cells.map((c, k) => c.padStart(WIDTHS[k] ?? 10)).join('');
  const notes = [
    ...(resolved ? [`ran ${row.backend ?? ''}`] : []),
    ...(row.runs_ms !== undefined && row.runs_ms.length < repeats
      ? [`${row.runs_ms.length} of ${repeats} runs: over time`]
      : []),
  ];
  return notes.length === 0 ? text : `${text}  (${notes.join('; ')})`;
}
