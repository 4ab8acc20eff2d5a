/** The words of a run on the board: where it is, the verdict, the spikes read back per second. */
import { describeVerdict } from '../../../hdl/spike-equivalence.ts';
import type { RunDone } from './board-protocol.ts';
import type { BoardRunView, LoadView } from './board-run-view.ts';

const count = (n: number): string => n.toLocaleString('en-US');

/** "1,024 of 4,096 words (25%), 0.3 s left" (no seconds before the first batch is done). */
export function loadText(load: LoadView): string {
  const { words, totalWords, elapsedSeconds } = load;
  // The first report only starts the clock: the size comes with the first batch.
  if (totalWords === 0) return 'Loading the network onto the core…';
  const percent = totalWords > 0 ? Math.floor((100 * words) / totalWords) : 0;
  const head = `Loading the network: ${count(words)} of ${count(totalWords)} words (${percent}%)`;
  if (words === 0 || words >= totalWords) return head;
  const left = (elapsedSeconds * (totalWords - words)) / words;
  return `${head}, ${left.toFixed(1)} s left`;
}

/** One line for the run's stage (null once it is done: the verdict says the rest). */
export function runStageText(view: BoardRunView): string | null {
  const steps = `step ${count(view.steps)} of ${count(view.totalSteps)}`;
  const read = `${count(view.boardSpikes)} spikes read`;
  switch (view.stage) {
    case 'preparing':
      return 'Preparing the network for the core…';
    case 'engine':
      return `Running the engine for the same ${count(view.totalSteps)} steps…`;
    case 'loading':
      return view.load === null ? 'Loading the network…' : loadText(view.load);
    case 'running':
      return `Running on the board: ${steps}, ${read}`;
    case 'stopped':
      return view.totalSteps === 0 ? null : `Stopped at ${steps}: the ${read} so far are kept.`;
    case 'done':
      return null;
  }
}

/** The verdict in one sentence, populations named as on the canvas. */
export function verdictText(view: BoardRunView, done: RunDone): string {
  const populations = view.document.populations;
  return describeVerdict(done.verdict, (k) => {
    const p = populations[k];
    return p === undefined ? `#${k}` : (p.label ?? p.id);
  });
}

/** "4,321 spikes read back in 0.52 s (8,310 spikes/s), 300 steps" */
export function readBackText(done: RunDone, steps: number): string {
  const rate = done.seconds > 0 ? Math.round(done.spikes / done.seconds) : 0;
  return `${count(done.spikes)} spikes read back in ${done.seconds.toFixed(2)} s (${count(rate)} spikes/s), ${count(steps)} steps`;
}
