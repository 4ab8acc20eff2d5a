/**
 * The SC lane bench's clock-by-clock stimulus and the engine's expected outputs: whole layers
 * (their compiled keys and thresholds, channel after channel, `clear` with channel 0) at many
 * steps, then random channels with edge thresholds, gaps and clears. Expected bits come from
 * `scGateBits`, and each layer step's count from `scActiveCount`, the engine's own functions.
 */
import { rng } from '../unit/model/random-values.ts';
import { compileScFixed } from '../../src/engine/compile/sc-dense-plan.ts';
import { type ScChannel, scActiveCount, scGateBits } from '../../src/engine/sc/sc-count.ts';
import type { ScDenseParams } from '../../src/model/document.ts';

/** One clock of the bench. */
export interface ScLaneClock extends ScChannel {
  valid: boolean;
  clear: boolean;
  index: number;
}

/** What the bench writes per clock: the channel's bits, and the count after the edge. */
export interface ScLaneRecord {
  pre: number;
  weight: number;
  active: number;
  count: number;
}

/** A layer step's last clock and the engine's k for that step. */
export interface ScLaneStepEnd {
  clock: number;
  k: number;
  what: string;
}

const TWO_24 = 2 ** 24;

/** A layer of `m` channels with inputs and weights spread over [0, 1] (ends included). */
function layerParams(m: number, seed: number, length: number): ScDenseParams {
  const random = rng(seed);
  const values = Array.from({ length: m }, (_, c) => (c === 0 ? 0 : c === 1 ? 1 : random()));
  return {
    inputs: { kind: 'constant', values },
    weights: Array.from({ length: m }, (_, c) => (c === 2 ? 1 : random())),
    x_min: 0,
    x_max: 1,
    w_min: 0,
    w_max: 1,
    length,
    y_min: 0,
    y_max: 0.1,
    scaling: 'sum',
    v_rest: 0,
    v_reset: 0,
    v_threshold: 1,
    tau_mem: 20,
    resistance: 1,
    noise_std: 0,
    refractory_period: 0,
    base_seed: seed,
    fixed_point: { total_bits: 16, fraction_bits: 8, scale_bits: 12 },
  };
}

/** Layers as the engine compiles them (m, seed, L), and the steps at which each is counted. */
const LAYERS = [
  { m: 5, seed: 7, length: 64, steps: [0, 1, 2, 3, 63, 64, 65, 1000] },
  { m: 16, seed: 123456789, length: 2048, steps: [0, 17, 2047, 2048, 99_999] },
  { m: 37, seed: 4_000_000_000, length: 16_777_216, steps: [0, 5, 16_777_215, 16_777_217] },
] as const;

/** The whole stimulus, the engine's step ends, built once. */
export function scLaneStimulus(
  seed: number,
  randomClocks: number,
): {
  clocks: ScLaneClock[];
  ends: ScLaneStepEnd[];
} {
  const clocks: ScLaneClock[] = [];
  const ends: ScLaneStepEnd[] = [];
  for (const layer of LAYERS) {
    const sc = compileScFixed(layerParams(layer.m, layer.seed, layer.length), 1, 1, layer.m).sc;
    for (const t of layer.steps) {
      const index = t % sc.length;
      for (let c = 0; c < sc.channelCount; c++) {
        clocks.push({
          valid: true,
          clear: c === 0,
          index,
          inputKey: sc.inputKeys[c] as number,
          weightKey: sc.weightKeys[c] as number,
          inputThreshold: sc.inputs.thresholds[c] as number,
          weightThreshold: sc.weightThresholds[c] as number,
        });
      }
      const k = scActiveCount(sc, index, (c) => sc.inputs.thresholds[c] as number);
      ends.push({
        clock: clocks.length - 1,
        k,
        what: `layer m=${layer.m} seed=${layer.seed} t=${t}`,
      });
    }
  }
  const random = rng(seed);
  const word = (): number => Math.floor(random() * 2 ** 32) >>> 0;
  const threshold = (): number => {
    const r = random();
    if (r < 0.1) return 0;
    if (r < 0.2) return TWO_24;
    if (r < 0.25) return TWO_24 - 1;
    if (r < 0.3) return 1;
    return Math.floor(random() * (TWO_24 + 1));
  };
  for (let n = 0; n < randomClocks; n++) {
    clocks.push({
      valid: random() < 0.8,
      clear: random() < 0.05,
      index: random() < 0.5 ? word() : Math.floor(random() * 4096),
      inputKey: word(),
      weightKey: word(),
      inputThreshold: threshold(),
      weightThreshold: threshold(),
    });
  }
  return { clocks, ends };
}

/** The engine's records: the gate bits of each clock, and the count register after its edge. */
export function scLaneExpected(clocks: readonly ScLaneClock[], countBits: number): ScLaneRecord[] {
  let count = 0;
  return clocks.map((clock) => {
    const bits = scGateBits(clock, clock.index);
    count = ((clock.clear ? 0 : count) + (clock.valid && bits.active ? 1 : 0)) % 2 ** countBits;
    return {
      pre: bits.pre ? 1 : 0,
      weight: bits.weight ? 1 : 0,
      active: bits.active ? 1 : 0,
      count,
    };
  });
}

/** The six vector words of one clock (tb_sc_lane.v's layout). */
export function scLaneWords(clock: ScLaneClock): number[] {
  return [
    (clock.valid ? 1 : 0) | (clock.clear ? 2 : 0),
    clock.index >>> 0,
    clock.inputKey >>> 0,
    clock.weightKey >>> 0,
    clock.inputThreshold,
    clock.weightThreshold,
  ];
}
