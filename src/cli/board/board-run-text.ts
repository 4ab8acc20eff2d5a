/** What `spikelab board run` prints: progress lines on a terminal and the summary, for people. */
import type { CoreCapacity } from '../../hdl/core-capacity.ts';
import type { SpikeVerdict } from '../../hdl/spike-equivalence.ts';
import type { BoardStatus } from '../../usb/board/board-connection.ts';
import type { CoreRun, LoadProgress, RunProgress } from '../../usb/board/core-run.ts';
import { describeIdentity } from '../../usb/board/usercode.ts';
import type { CliIo } from '../io.ts';
import { groupDigits } from '../numbers.ts';

/** One rewritten stderr line per whole percent (a terminal only, as `board upload` does). */
export function loadProgressLine(io: CliIo): (p: LoadProgress) => void {
  let last = -1;
  return (p) => {
    const percent = Math.floor((100 * p.words) / Math.max(1, p.totalWords));
    if (!io.stderrIsTTY || percent === last) return;
    last = percent;
    io.stderr(
      `\rload: ${percent}% (${groupDigits(p.words)} of ${groupDigits(p.totalWords)} words), ${p.secondsLeft.toFixed(1)} s left `,
    );
  };
}

export function runProgressLine(io: CliIo): (p: RunProgress) => void {
  return (p) => {
    if (!io.stderrIsTTY) return;
    io.stderr(
      `\rrun: step ${groupDigits(p.steps)} of ${groupDigits(p.totalSteps)}, ${groupDigits(p.spikes)} spikes, ${p.secondsLeft.toFixed(1)} s left `,
    );
  };
}

export function capacityText(c: CoreCapacity): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
}

export interface BoardRunSummary {
  network: string;
  status: BoardStatus;
  capacity: CoreCapacity;
  loadWords: number;
  loadSeconds: number;
  run: CoreRun;
  engineSpikes: number;
  verdict: string;
}

export function boardRunText(s: BoardRunSummary): string {
  const r = s.run;
  return [
    `board: ${s.status.product}, TCK ${s.status.tckHz / 1e6} MHz; ${describeIdentity(s.status.identity)}`,
    `core capacity: ${capacityText(s.capacity)}`,
    `loaded '${s.network}': ${groupDigits(s.loadWords)} words in ${s.loadSeconds.toFixed(2)} s`,
    `ran ${groupDigits(r.steps)} steps on the board in ${r.seconds.toFixed(2)} s: ${groupDigits(r.spikes.length)} spikes read back, ${groupDigits(r.spikesPerSecond)} spikes/s through the bridge (${groupDigits(r.frames)} frames)`,
    `engine (reference backend): ${groupDigits(s.engineSpikes)} spikes`,
    `verdict: ${s.verdict}`,
    '',
  ].join('\n');
}

/** The verdict's kind as JSON wants it. */
export function verdictJson(v: SpikeVerdict, sentence: string): Record<string, unknown> {
  return { ...v, sentence };
}
