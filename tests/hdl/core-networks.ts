/**
 * Seeded random networks for the core's co-simulation: fixed-point LIF populations of random
 * W, F and S, Poisson sources, spike generators (played once and periodic), projections with
 * every connectivity rule, constant and per-synapse delays, exponential and delta synapses,
 * recurrent projections, stimuli, and weights large enough to saturate the currents.
 */
import { mix32 } from '../../src/engine/random.ts';
import type { NetworkDocument } from '../../src/model/document.ts';
import { validateDocument } from '../../src/model/index.ts';

/** A small counter-based generator: uniform floats and integers from (seed, counter). */
function rng(seed: number): { float: () => number; int: (lo: number, hi: number) => number } {
  let n = 0;
  const float = (): number => mix32((mix32(seed >>> 0) + n++) >>> 0) / 2 ** 32;
  return { float, int: (lo, hi) => lo + Math.floor(float() * (hi - lo + 1)) };
}

const at = { x: 0, y: 0 };

/** A random hardware-exact network (validated); `steps` steps of dt = 1 ms. */
export function randomNetwork(seed: number, steps: number): NetworkDocument {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(0, xs.length - 1)] as T;
  const populations: Record<string, unknown>[] = [];
  const fixed: { id: string; size: number; w: number; f: number }[] = [];
  const sources: { id: string; size: number }[] = [];

  populations.push({
    id: 'noise',
    model: 'poisson',
    size: r.int(4, 24),
    position: at,
    params: { rate: r.int(40, 300) },
  });
  sources.push({ id: 'noise', size: populations[0]?.size as number });
  if (r.float() < 0.7) {
    const size = r.int(2, 8);
    const count = r.int(3, 20);
    const period = r.float() < 0.5 ? 0 : r.int(5, 40);
    const span = period > 0 ? period : steps + 5;
    populations.push({
      id: 'pattern',
      model: 'spike_generator',
      size,
      position: at,
      params: {
        indices: Array.from({ length: count }, () => r.int(0, size - 1)),
        times: Array.from({ length: count }, () => r.int(0, span - 1)),
        period,
      },
    });
    sources.push({ id: 'pattern', size });
  }
  const fixedCount = r.int(1, 3);
  for (let k = 0; k < fixedCount; k++) {
    const w = pick([8, 10, 12, 16, 20, 24]);
    const f = r.int(Math.max(1, w - 10), w - 2);
    const id = `lif${k}`;
    const size = r.int(2, 20);
    const top = 2 ** (w - 1 - f); // 1.0 needs F <= W - 2; values stay below 2^(W-1-F)
    populations.push({
      id,
      model: 'fixed_point_lif',
      size,
      position: at,
      params: {
        total_bits: w,
        fraction_bits: f,
        scale_bits: r.int(1, 16),
        v_rest: 0,
        v_reset: r.float() < 0.5 ? 0 : -0.25 * Math.min(1, top / 2),
        v_threshold: Math.min(1, top / 2),
        tau_mem: r.int(1, 30),
        resistance: pick([0.5, 1, 2, 3.7]),
        refractory_period: r.int(0, 3),
        bias: r.float() < 0.4 ? 0.05 * r.int(0, 6) * Math.min(1, top / 2) : 0,
        v_init:
          r.float() < 0.5
            ? { kind: 'constant', value: 0 }
            : {
                kind: 'uniform',
                low: -0.4 * Math.min(1, top / 2),
                high: 0.9 * Math.min(1, top / 2),
              },
      },
    });
    fixed.push({ id, size, w, f });
    sources.push({ id, size });
  }

  const projections: Record<string, unknown>[] = [];
  const projectionCount = r.int(2, 6);
  for (let k = 0; k < projectionCount; k++) {
    const target = pick(fixed);
    const source = pick(sources);
    const max = 2 ** (target.w - 1 - target.f) * 0.99; // |weight| that still fits W bits
    // Some projections saturate: weights near the top of the range.
    const big = r.float() < 0.35;
    const scale = big ? max : max * 0.2;
    const weight =
      r.float() < 0.4
        ? { kind: 'constant', value: (r.float() < 0.75 ? 1 : -1) * scale * (0.3 + 0.7 * r.float()) }
        : r.float() < 0.5
          ? { kind: 'uniform', low: -scale * 0.4, high: scale }
          : { kind: 'normal', mean: scale * 0.3, std: scale * 0.1 };
    const connectivity =
      r.float() < 0.2
        ? { rule: 'all_to_all', allow_self: r.float() < 0.5 }
        : r.float() < 0.3
          ? { rule: 'fixed_fan_in', k: Math.min(source.size - 1, r.int(1, 4)), allow_self: false }
          : { rule: 'fixed_probability', p: 0.1 + 0.5 * r.float(), allow_self: r.float() < 0.5 };
    projections.push({
      id: `p${k}`,
      source: source.id,
      target: target.id,
      connectivity,
      weight,
      delay:
        r.float() < 0.5
          ? { kind: 'constant', steps: r.int(0, 3) }
          : { kind: 'uniform_int', low: r.int(0, 1), high: r.int(2, 5) },
      synapse:
        r.float() < 0.3 ? { kind: 'delta' } : { kind: 'exponential', tau: pick([1, 2, 5, 9, 20]) },
    });
  }

  const stimuli = fixed.flatMap((p, k) =>
    r.float() < 0.6
      ? [
          {
            id: `s${k}`,
            kind: 'current_step',
            target: p.id,
            start: r.int(0, steps / 2),
            stop: r.int(steps / 2 + 1, steps + 10),
            amplitude: 2 ** (p.w - 1 - p.f) * 0.3 * (r.float() - 0.2),
          },
        ]
      : [],
  );

  const doc = {
    format: 'spikelab-network',
    version: 1,
    name: `random core network ${seed}`,
    populations,
    projections,
    stimuli,
    probes: populations.map((p) => ({
      id: `${String(p.id)}_spikes`,
      kind: 'spikes',
      population: p.id,
    })),
    run: { dt: 1, duration: steps, seed: seed >>> 0, backend: 'reference' },
  };
  const result = validateDocument(doc);
  if (!result.ok) {
    throw new Error(
      `randomNetwork(${seed}) is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return result.document;
}
