/**
 * The timing estimate as text (`spikelab fit --timing`, the bench): per clock domain the
 * longest path, the Fmax it allows against the 100 MHz target, and the deepest paths. Pure.
 */
import type { TimingPath, TimingReport } from './sta.ts';

/** The clock the core aims at on the xc7z020 (issue 8). */
export const TARGET_MHZ = 100;

function ns(ps: number): string {
  return (ps / 1000).toFixed(2);
}

/** `hdl/spikelab_core.v:812.5-815.8|...` -> `spikelab_core.v:812`. */
export function shortSrc(src: string): string {
  const first = src.split('|')[0] ?? '';
  const m = /([^/]+\.v):(\d+)/.exec(first);
  return m ? `${m[1]}:${m[2]}` : '';
}

/** One line of a path: period, depth, start -> end, and the end's source line. */
export function pathLine(p: TimingPath): string {
  const dsp = p.dsp > 0 ? `, ${p.dsp} DSP48E1` : '';
  const depth = `${p.cells} cells (${p.luts} LUT, ${p.carry4} CARRY4${dsp})`;
  const where = shortSrc(p.toSrc);
  return `${ns(p.periodPs)} ns  ${depth}  ${p.from} -> ${p.to} (${p.toType}.${p.toPin})${where ? `  ${where}` : ''}`;
}

/** The report as the command's text block. */
export function timingText(report: TimingReport, paths = 5): string {
  const lines = [
    `Timing estimate of ${report.top} (not Vivado: Artix-7 delays of Project X-Ray, routing estimated;`,
    'hdl/README.md, "Timing estimate")',
  ];
  for (const d of report.domains) {
    if (d.paths.length === 0) {
      lines.push(`  clock ${d.domain}: ${d.registers} registers; no register-to-register path`);
      continue;
    }
    const slack = 1e6 / TARGET_MHZ - d.periodPs;
    const verdict = slack >= 0 ? `met, ${ns(slack)} ns slack` : `missed by ${ns(-slack)} ns`;
    lines.push(
      `  clock ${d.domain}: ${d.registers} registers; longest path ${ns(d.periodPs)} ns, about ${d.fmaxMhz.toFixed(0)} MHz (${TARGET_MHZ} MHz: ${verdict})`,
    );
    for (const p of d.paths.slice(0, paths)) lines.push(`    ${pathLine(p)}`);
  }
  const unknown = Object.entries(report.unmodelled);
  if (unknown.length > 0) {
    lines.push(
      `  cells without a delay model (no path through them): ${unknown.map(([t, n]) => `${t} x${n}`).join(', ')}`,
    );
  }
  if (report.loops > 0) lines.push(`  combinational loops cut: ${report.loops}`);
  return `${lines.join('\n')}\n`;
}
