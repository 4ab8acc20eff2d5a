/**
 * The text of a quantise-for-hardware report, one line per fact: what the CLI prints and the
 * Hardware panel lists. Numbers keep 4 significant digits (a V step of 0.00006104 mV).
 */
import type { PopulationQuantisation, QuantiseReport } from './quantise-for-hardware.ts';

/** A number with 4 significant digits, without trailing zeros. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/**
 * One population's line.
 *
 * @example "population 'neuron': fixed_point_lif W=16 F=14 S=14, V step 0.00006104 mV, V and current range [-2, 2)"
 */
export function populationLine(c: PopulationQuantisation): string {
  return (
    `population ${c.name}: ${c.model === 'sc_dense' ? 'sc_dense fixed_point' : 'fixed_point_lif'} ` +
    `W=${c.totalBits} F=${c.fractionBits} ` +
    `S=${c.scaleBits}, V step ${formatNumber(c.vStep)} mV, V and current range ` +
    `[${formatNumber(c.range.min)}, ${formatNumber(c.range.max + c.vStep)})`
  );
}

/** The whole report as lines (no trailing newline). */
export function formatQuantiseReport(report: QuantiseReport): string[] {
  const lines: string[] = [];
  if (report.converted.length === 0) {
    lines.push(`no float LIF population converted (W = ${report.totalBits} bits)`);
  }
  for (const c of report.converted) {
    lines.push(populationLine(c));
    for (const d of c.dropped) lines.push(`  dropped: ${d}`);
    for (const r of c.rescaled) lines.push(`  rescaled: ${r}`);
  }
  for (const k of report.kept) {
    const what = k.model === 'sc_dense' ? 'SC layer' : 'LIF';
    lines.push(`kept as float ${what}: population ${k.name}: ${k.reason}`);
  }
  if (report.refusals.length === 0) {
    lines.push('the result can go to hardware');
  } else {
    for (const r of report.refusals) lines.push(`still refused: ${r.path}: ${r.message}`);
  }
  return lines;
}
