/** The stochastic-computing section of the bench table. */
import { groupDigits } from '../numbers.ts';
import type { ScBenchReport, ScDenseRow, ScKernelRow } from './report.ts';

const LABEL = 24;

/** Lines of the SC section: kernel throughput per backend, then the dense layer's rows. */
export function renderScSection(sc: ScBenchReport): string[] {
  return [
    `Stochastic computing: AND + popcount over ${groupDigits(sc.stream_words * 32)}-bit streams ` +
      "held by each backend (every count checked against JavaScript's)",
    `    ${'backend'.padEnd(LABEL)}${'Gbit/s'.padStart(10)}`,
    ...sc.and_popcount.map((row) => `    ${row.label.padEnd(LABEL)}${kernelCells(row)}`),
    '',
    `  SC dense layer (tutorial section 4: 4 neurons, 8 inputs), ${groupDigits(sc.dense_layer_steps)} steps: ` +
      `library (JavaScript) ${groupDigits(Math.round(sc.dense_layer_steps_per_s))} steps/s, ` +
      `${groupDigits(sc.library_spikes)} spikes`,
    `    ${'sc_dense on'.padEnd(LABEL)}${'steps/s'.padStart(12)}${'spikes'.padStart(10)}`,
    ...sc.sc_dense.map((row) => `    ${row.label.padEnd(LABEL)}${denseCells(row)}`),
  ];
}

function kernelCells(row: ScKernelRow): string {
  if (row.status !== 'ok') return `  ${row.status}: ${oneLine(row.reason)}`;
  return (row.gbit_per_s ?? NaN).toFixed(2).padStart(10);
}

function denseCells(row: ScDenseRow): string {
  if (row.status !== 'ok') return `  ${row.status}: ${oneLine(row.reason)}`;
  const cells =
    groupDigits(Math.round(row.steps_per_s ?? NaN)).padStart(12) +
    groupDigits(row.spikes ?? 0).padStart(10);
  const notes = [
    ...(row.backend !== undefined && row.backend !== row.label ? [`ran ${row.backend}`] : []),
    ...(row.matches_library === false ? ["spike count differs from the library's"] : []),
  ];
  return notes.length === 0 ? cells : `${cells}  (${notes.join('; ')})`;
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ');
}
