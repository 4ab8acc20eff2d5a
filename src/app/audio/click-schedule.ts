/**
 * When to click for the spikes of one chunk (pure; the audio graph is in spike-audio.ts).
 *
 * A chunk reaches the page as a block of simulated time; its spikes are played spread over the
 * wall time the chunk stands for on screen (`span`), so a real-time run clicks at the spikes'
 * own times and a faster run clicks compressed, in step with the raster. A population firing at
 * 1,000 Hz would ask for a click every millisecond or more: more than a listener can tell apart
 * and more audio nodes than the page can schedule, so clicks are capped per short bin of audio
 * time and the spikes beyond the cap are merged into fewer, louder clicks.
 */

/** One click to play: when (audio clock, s) and how many spikes it stands for. */
export interface Click {
  at: number;
  spikes: number;
}

export interface ClickOptions {
  /** First step of the chunk (inclusive). */
  fromStep: number;
  /** Step after the chunk's last (exclusive). */
  toStep: number;
  /** Audio time (s) of `fromStep`. */
  startAt: number;
  /** Audio seconds the chunk is spread over. */
  span: number;
  /** Width of a capping bin, s (10 ms: clicks closer than that blur into a buzz anyway). */
  binS?: number;
  /** Most clicks per bin. */
  maxPerBin?: number;
}

export const DEFAULT_BIN_S = 0.01;
export const DEFAULT_MAX_PER_BIN = 3;

/**
 * Clicks for the spike steps of a chunk, in time order. Spikes of the same step are one click
 * (their count is its `spikes`); a bin holding more than `maxPerBin` clicks keeps `maxPerBin`,
 * each at the first time of a run of consecutive clicks and carrying all their spikes, so no
 * spike is lost from the loudness.
 *
 * @example
 * scheduleClicks([0, 0, 5], { fromStep: 0, toStep: 10, startAt: 1, span: 0.01 })
 * // [{ at: 1, spikes: 2 }, { at: 1.005, spikes: 1 }]
 */
export function scheduleClicks(steps: ArrayLike<number>, options: ClickOptions): Click[] {
  const { fromStep, toStep, startAt, span } = options;
  const binS = options.binS ?? DEFAULT_BIN_S;
  const maxPerBin = Math.max(1, Math.floor(options.maxPerBin ?? DEFAULT_MAX_PER_BIN));
  const width = Math.max(1, toStep - fromStep);
  const merged: Click[] = [];
  let lastStep = NaN;
  for (let k = 0; k < steps.length; k++) {
    const step = steps[k] ?? 0;
    if (step < fromStep || step >= toStep) continue;
    const last = merged[merged.length - 1];
    if (step === lastStep && last) {
      last.spikes += 1;
      continue;
    }
    lastStep = step;
    merged.push({ at: startAt + ((step - fromStep) / width) * span, spikes: 1 });
  }
  const out: Click[] = [];
  let k = 0;
  while (k < merged.length) {
    const first = merged[k];
    if (!first) break;
    const bin = Math.floor((first.at - startAt) / binS);
    let end = k + 1;
    while (end < merged.length && Math.floor(((merged[end]?.at ?? 0) - startAt) / binS) === bin) {
      end++;
    }
    const count = end - k;
    if (count <= maxPerBin) {
      for (let j = k; j < end; j++) out.push({ ...(merged[j] as Click) });
    } else {
      // Split the bin's clicks into maxPerBin consecutive runs of near-equal length.
      for (let g = 0; g < maxPerBin; g++) {
        const a = k + Math.floor((g * count) / maxPerBin);
        const b = k + Math.floor(((g + 1) * count) / maxPerBin);
        let spikes = 0;
        for (let j = a; j < b; j++) spikes += merged[j]?.spikes ?? 0;
        out.push({ at: merged[a]?.at ?? first.at, spikes });
      }
    }
    k = end;
  }
  return out;
}

/**
 * Peak gain of a click of `spikes` spikes at `volume` (0..1): one spike is a third of full
 * scale, and each doubling of merged spikes adds a third, up to full scale, so a merged click
 * is louder without a burst of thousands clipping.
 *
 * @example
 * clickGain(1, 1) // 1/3
 * clickGain(4, 0.5) // 0.5
 */
export function clickGain(spikes: number, volume: number): number {
  const v = Math.min(1, Math.max(0, volume));
  if (spikes <= 0 || v === 0) return 0;
  return v * Math.min(1, (1 + Math.log2(spikes)) / 3);
}
