/**
 * The text of `spikelab fit`: the estimate, Yosys's counts, their difference per resource, the
 * PYNQ-Z2's use and the largest same-shape network that fits. Pure.
 */
import type { CoreCapacity } from '../core-capacity.ts';
import {
  PYNQ_Z2_CAPACITY,
  RESOURCES,
  difference,
  utilisation,
  type ScaledFit,
} from './fit-report.ts';
import type { NetworkFit } from './fit-network.ts';
import type { ResourceCounts } from './yosys-stat.ts';

/** Each resource's name in the tables (the CLI's and the Hardware tab's). */
export const LABEL: Record<keyof ResourceCounts, string> = {
  luts: 'LUTs (logic + LUT RAM)',
  flipFlops: 'flip-flops',
  bram36: 'block RAM (RAMB36)',
  dsp: 'DSP48E1',
};

/** A count as the tables print it (thousands separated, at most one decimal). */
export const num = (x: number): string =>
  Number.isInteger(x)
    ? x.toLocaleString('en-US')
    : x.toLocaleString('en-US', { maximumFractionDigits: 1 });
/** A signed difference in percent, `n/a` where Yosys counts none. */
export const pct = (x: number): string =>
  Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(1)}%` : 'n/a';

function row(cells: readonly string[]): string {
  const widths = [24, 12, 12, 12, 16];
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 12) : c.padStart(widths[i] ?? 12)))
    .join('')
    .trimEnd();
}

export function capacityText(c: CoreCapacity): string {
  return (Object.keys(c) as (keyof CoreCapacity)[]).map((k) => `${k} ${c[k]}`).join(', ');
}

/** The largest same-shape network that fits, and what one neuron more exceeds. */
export function largestText(fit: NetworkFit): string {
  if (fit.largest === undefined)
    return 'no network of this shape fits a PYNQ-Z2 (by the estimate)\n';
  const l: ScaledFit = fit.largest.largest;
  const next = fit.largest.next;
  const limits = RESOURCES.filter((k) => next.estimate[k] > PYNQ_Z2_CAPACITY[k]).map(
    (k) => LABEL[k],
  );
  return (
    `largest network of this shape that fits a PYNQ-Z2 (estimate): ${num(l.needs.neurons)} neurons, ` +
    `${num(l.needs.synapses)} synapses (every population x${l.factor.toFixed(3)}); capacity ` +
    `${capacityText(l.capacity)}\n  one neuron more needs ${capacityText(next.capacity)} and ` +
    `exceeds: ${limits.join(', ') || 'nothing (rounding)'}\n`
  );
}

/** The estimate table (printed before Yosys starts). */
export function estimateText(name: string, fit: NetworkFit): string {
  const n = fit.exported.needs;
  const use = utilisation(fit.estimate);
  const lines = [
    `spikelab fit: '${name}': ${num(n.neurons)} neurons, ${num(fit.synapses)} synapses`,
    `  core capacity: ${capacityText(fit.exported.capacity)}`,
    row(['', 'estimate', 'PYNQ-Z2', 'use']),
    ...RESOURCES.map((k) =>
      row([
        LABEL[k],
        num(fit.estimate[k]),
        num(PYNQ_Z2_CAPACITY[k]),
        `${use[k].percent.toFixed(1)}%`,
      ]),
    ),
  ];
  return `${lines.join('\n')}\n${largestText(fit)}`;
}

/** Yosys's counts beside the estimate. */
export function measuredText(fit: NetworkFit, measured: ResourceCounts, seconds: number): string {
  const diff = difference(fit.estimate, measured);
  const use = utilisation(measured);
  const lines = [
    `yosys synth_xilinx -family xc7 (${seconds.toFixed(1)} s):`,
    row(['', 'estimate', 'yosys', 'difference', 'PYNQ-Z2 use']),
    ...RESOURCES.map((k) =>
      row([
        LABEL[k],
        num(fit.estimate[k]),
        num(measured[k]),
        pct(diff[k]),
        `${use[k].percent.toFixed(1)}% of ${num(PYNQ_Z2_CAPACITY[k])}`,
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
