/** The interchange section of the bench table (`interchange.ts`'s report as text). */
import { formatBytes } from '../../engine/errors.ts';
import { groupDigits } from '../numbers.ts';
import type { InterchangeReport } from './interchange.ts';

const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;

/** Lines of the section. */
export function renderInterchangeSection(r: InterchangeReport): string[] {
  const h5py =
    r.h5pyReads === null
      ? 'no h5py to check'
      : r.h5pyReads
        ? 'h5py opens it'
        : 'h5py FAILS to open it';
  const lines = [
    'Interchange (issue 11): NIR import and simulation beside the Brian2 export',
    `  ${r.network}`,
    `  ${groupDigits(r.neurons)} neurons, ${groupDigits(r.synapses)} synapses; .nir file ${formatBytes(r.fileBytes)} (${h5py}), written in ${ms(r.writeMs)}`,
    '  phase              median      runs                    rss after   heap after',
  ];
  for (const p of r.phases) {
    lines.push(
      `  ${p.name.padEnd(18)} ${ms(p.medianMs).padStart(10)}  ${p.runsMs
        .map((x) => x.toFixed(0))
        .join(', ')
        .padEnd(
          22,
        )}  ${formatBytes(p.after.rss).padStart(10)}  ${formatBytes(p.after.heapUsed).padStart(10)}`,
    );
  }
  lines.push(
    `  memory: rss ${formatBytes(r.memoryBefore.rss)} before, peak ${formatBytes(r.peakRss)} at a phase's end; plan estimate ${formatBytes(r.planEstimatedBytes)}`,
    `  simulation: ${r.durationMs} ms at dt ${r.dtMs} ms, ${groupDigits(r.inputSpikes)} Poisson-like input spikes`,
    '  simulator               loop ms   x realtime   spikes',
  );
  for (const { backend, measurement: m } of r.simulation) {
    const name = `spikelab ${backend}`.padEnd(22);
    if (m.status !== 'ok') lines.push(`  ${name}  ${m.status}: ${m.reason}`);
    else lines.push(`  ${name}  ${row(m.medianMs, r.durationMs, m.spikes)}`);
  }
  if (r.brian2.length === 0) lines.push('  brian2                  not run (--no-baseline)');
  for (const b of r.brian2) {
    const name = `brian2 ${b.device}`.padEnd(22);
    if (b.status !== 'ok') lines.push(`  ${name}  ${b.status}: ${b.reason}`);
    else {
      lines.push(
        `  ${name}  ${row(b.loopMs, r.durationMs, b.spikes)}   (Brian2 ${b.version}; whole script ${(b.scriptMs / 1000).toFixed(1)} s)`,
      );
    }
  }
  return lines;
}

function row(loopMs: number, durationMs: number, spikes: number): string {
  return `${loopMs.toFixed(1).padStart(8)}  ${(durationMs / loopMs).toFixed(2).padStart(11)}  ${groupDigits(spikes).padStart(7)}`;
}
