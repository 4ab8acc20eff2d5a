/**
 * The audio graph of spike clicks: one short decaying noise burst (a buffer made once per audio
 * context) played through its own gain per click, so a merged click can be louder. The context
 * is created on the user's first gesture (browsers start audio only then) and kept.
 */
import { clickGain, type Click } from './click-schedule.ts';

/** Length of a click, s: short enough that 3 per 10 ms stay distinct. */
const CLICK_S = 0.003;

export class ClickPlayer {
  private context: AudioContext | null = null;
  private burst: AudioBuffer | null = null;
  /** Clicks scheduled since the player was made (read by the controls' test attribute). */
  scheduled = 0;

  /** The audio context, made or resumed; call from a user gesture. Null where there is no WebAudio. */
  start(): AudioContext | null {
    if (this.context === null) {
      if (typeof AudioContext === 'undefined') return null;
      this.context = new AudioContext();
      this.burst = makeBurst(this.context);
    }
    if (this.context.state === 'suspended') void this.context.resume();
    return this.context;
  }

  /** The audio clock (s), or null before `start`. */
  now(): number | null {
    return this.context?.currentTime ?? null;
  }

  /** Schedules `clicks` at `volume` (0..1). */
  play(clicks: readonly Click[], volume: number): void {
    const context = this.context;
    const burst = this.burst;
    if (!context || !burst) return;
    for (const click of clicks) {
      const gain = clickGain(click.spikes, volume);
      if (gain === 0) continue;
      const source = context.createBufferSource();
      source.buffer = burst;
      const amp = context.createGain();
      amp.gain.value = gain;
      source.connect(amp).connect(context.destination);
      source.start(Math.max(click.at, context.currentTime));
      this.scheduled += 1;
    }
  }
}

/** White noise under a fast exponential decay, peak 1. */
function makeBurst(context: AudioContext): AudioBuffer {
  const length = Math.max(1, Math.round(CLICK_S * context.sampleRate));
  const buffer = context.createBuffer(1, length, context.sampleRate);
  const data = buffer.getChannelData(0);
  for (let k = 0; k < length; k++) {
    data[k] = (Math.random() * 2 - 1) * Math.exp((-5 * k) / length);
  }
  return buffer;
}
