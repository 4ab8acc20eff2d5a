/**
 * Seeded random networks with integer SC layers (`sc_dense` with `fixed_point`, step 1b
 * integer) for the core's co-simulation: `randomNetwork(seed, steps)` with one or two SC layers
 * of random W, F, S, channel counts, stream lengths L (1 and 2048 among them), inputs and
 * weights at the ends of their ranges (thresholds 0 and 2^24) and between, 'sum' and 'mean'
 * scaling with negative and positive currents, stimuli on the layers, and projections from the
 * layers into the fixed-point populations (an SC layer's spikes are delivered like any
 * source's).
 */
import { mix32 } from '../../src/engine/random.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { validateDocument } from '../../src/model/index.ts';
import { randomNetwork } from './core-networks.ts';

/** A random network with SC layers (validated); `steps` steps of dt = 1 ms. */
export function randomScNetwork(seed: number, steps: number): NetworkDocument {
  const base = randomNetwork(seed, steps);
  let n = 0;
  const float = (): number => mix32((mix32((seed ^ 0x5c5c5c5c) >>> 0) + n++) >>> 0) / 2 ** 32;
  const int = (lo: number, hi: number): number => lo + Math.floor(float() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  // Ends of the unit range (thresholds 0 and 2^24) as often as values between them.
  const unit = (): number => pick([0, 1, float(), float()]);

  const layers: Record<string, unknown>[] = [];
  const count = int(1, 2);
  for (let k = 0; k < count; k++) {
    const w = pick([8, 12, 16, 20, 24]);
    const f = int(Math.max(1, w - 10), w - 2);
    const top = 2 ** (w - 1 - f); // |current| and |v| stay below 2^(W-1-F)
    const channels = int(1, 12);
    const scaling = pick(['sum', 'mean'] as const);
    const span = (top * 0.9) / (scaling === 'sum' ? channels : 1);
    const yMin = float() < 0.3 ? -span * 0.4 : 0;
    const threshold = Math.min(1, top / 2);
    layers.push({
      id: `sc${k}`,
      model: 'sc_dense',
      size: int(1, 3),
      position: { x: 0, y: 0 },
      params: {
        inputs: { kind: 'constant', values: Array.from({ length: channels }, unit) },
        weights: Array.from({ length: channels }, unit),
        x_min: 0,
        x_max: 1,
        w_min: 0,
        w_max: 1,
        length: pick([1, 3, 8, 16, 2048]),
        y_min: yMin,
        y_max: yMin + span,
        scaling,
        v_rest: 0,
        v_reset: float() < 0.5 ? 0 : -0.25 * threshold,
        v_threshold: threshold * (0.2 + 0.6 * float()),
        tau_mem: int(1, 30),
        resistance: pick([0.5, 1, 2]),
        noise_std: 0,
        refractory_period: int(0, 3),
        base_seed: int(0, 2 ** 31),
        fixed_point: { total_bits: w, fraction_bits: f, scale_bits: int(1, 16) },
      },
    });
  }
  const fixed = base.populations.filter((p) => p.model === 'fixed_point_lif');
  const projections = layers.map((layer, k) => ({
    id: `from_sc${k}`,
    source: layer.id as string,
    target: pick(fixed).id,
    connectivity: { rule: 'all_to_all', allow_self: false },
    weight: { kind: 'constant', value: 0.05 },
    delay: { kind: 'constant', steps: int(0, 2) },
    synapse: { kind: 'exponential', tau: 5 },
  }));
  const stimuli = layers.flatMap((layer, k) =>
    float() < 0.5
      ? [
          {
            id: `sc_s${k}`,
            kind: 'current_step',
            target: layer.id as string,
            start: int(0, steps / 2),
            stop: int(steps / 2 + 1, steps + 10),
            amplitude: 0.1 * (float() - 0.3),
          },
        ]
      : [],
  );
  const doc = {
    ...base,
    name: `random SC network ${seed}`,
    populations: [...base.populations, ...layers],
    projections: [...base.projections, ...projections],
    stimuli: [...base.stimuli, ...stimuli],
    probes: [
      ...base.probes,
      ...layers.map((l) => ({ id: `${String(l.id)}_spikes`, kind: 'spikes', population: l.id })),
    ],
  };
  const result = validateDocument(doc);
  if (!result.ok) {
    throw new Error(
      `randomScNetwork(${seed}) is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return result.document;
}
