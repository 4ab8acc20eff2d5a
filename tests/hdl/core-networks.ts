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

/** brian2-loihi's mantissa range per sign mode (checks/loihi.ts). */
const MANTISSA: Record<string, [number, number]> = {
  mixed: [-256, 254],
  excitatory: [0, 255],
  inhibitory: [-256, 0],
};

/**
 * `randomNetwork(seed, steps)` with 1..3 Loihi populations added (refractory 1..64, decays
 * 0..4096, thresholds near the input they get) and Loihi synapses into them from every kind of
 * source, Loihi ones included (recurrent), with constant and per-synapse delays, every sign
 * mode, 1..8 weight bits, exponents -8..7, constant mantissas or one per synapse; plus
 * projections from Loihi sources onto the fixed-point populations. `shrink` lowers every Loihi
 * weight exponent by that much (a network whose currents pass the engine's 2^24 limit is
 * retried smaller). Within the core's tb_core capacities (256 neurons, delays + 1 below 8).
 */
export function randomLoihiNetwork(seed: number, steps: number, shrink = 0): NetworkDocument {
  const base = randomNetwork(seed, steps) as unknown as {
    name: string;
    populations: Record<string, unknown>[];
    projections: Record<string, unknown>[];
  };
  const r = rng(seed ^ 0x5a5a5a5a);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(0, xs.length - 1)] as T;
  const all = base.populations.map((p) => ({ id: p.id as string, size: p.size as number }));
  const fixed = base.populations
    .filter((p) => p.model === 'fixed_point_lif')
    .map((p) => {
      const params = p.params as { total_bits: number; fraction_bits: number };
      return { id: p.id as string, w: params.total_bits, f: params.fraction_bits };
    });

  const loihi: { id: string; size: number; params: Record<string, number> }[] = [];
  const loihiCount = r.int(1, 3);
  for (let k = 0; k < loihiCount; k++) {
    const params = {
      refractory: pick([1, 1, 2, 3, 7, 20, 64]),
      threshold_v_mant: 0, // set from its input below
      decay_v: pick([0, 1, 64, 400, 1000, 2048, 4095, 4096]),
      decay_I: pick([0, 1, 64, 400, 1000, 2048, 4095, 4096]),
    };
    const p = { id: `loihi${k}`, size: r.int(2, 40), params };
    loihi.push(p);
    all.push({ id: p.id, size: p.size });
    base.populations.push({ id: p.id, model: 'loihi', size: p.size, position: at, params });
  }

  // Per Loihi target: the input one step may bring (a quarter of the sources firing)
  // and whether any of it is negative, to keep |I| and |v| well inside 2^24.
  const input = new Map<string, { perStep: number; negative: boolean }>();
  const loihiProjections = loihi.length + r.int(1, 3);
  const classic = all.filter((p) => !p.id.startsWith('loihi'));
  for (let k = 0; k < loihiProjections; k++) {
    // Each Loihi population first gets excitatory input from a classic source (so that it
    // fires); the rest take any source, the one after those a Loihi one (recurrent).
    const first = k < loihi.length;
    const target = first ? (loihi[k] as (typeof loihi)[number]) : pick(loihi);
    const source = first ? pick(classic) : k === loihi.length ? pick(loihi) : pick(all);
    const signMode = first
      ? 'excitatory'
      : pick(['mixed', 'excitatory', 'inhibitory', 'mixed', 'excitatory']);
    const [lo, hi] = MANTISSA[signMode] as [number, number];
    const perSynapseList = r.float() < 0.4;
    const connectivity = perSynapseList
      ? { rule: 'all_to_all', allow_self: true }
      : r.float() < 0.3
        ? { rule: 'fixed_fan_in', k: Math.min(source.size, r.int(1, 5)), allow_self: true }
        : { rule: 'fixed_probability', p: 0.1 + 0.6 * r.float(), allow_self: r.float() < 0.5 };
    const mantissa = (): number => r.int(lo, hi);
    const mantissas = perSynapseList
      ? Array.from({ length: source.size * target.size }, mantissa)
      : undefined;
    // A mixed constant is mostly positive: one negative mantissa silences the target.
    const constant = signMode === 'mixed' && r.float() < 0.7 ? r.int(1, hi) : mantissa();
    const largest = Math.max(...(mantissas ?? [constant]).map(Math.abs), 1);
    const fanIn = perSynapseList
      ? source.size
      : connectivity.rule === 'fixed_fan_in'
        ? (connectivity.k as number)
        : source.size * (connectivity.p as number);
    const seen = input.get(target.id) ?? { perStep: 0, negative: false };
    const decayI = target.params.decay_I as number;
    const decayV = target.params.decay_v as number;
    // Exponents below -2 round most mantissas to 0 (actual weights are multiples of 64).
    let wExp = (r.float() < 0.2 ? r.int(-8, -3) : r.int(-2, 7)) - shrink;
    const bound = (e: number): number => {
      const perStep = seen.perStep + (fanIn / 4) * largest * 2 ** (6 + e);
      const iMax = perStep * Math.min(steps / 2, 4096 / Math.max(decayI, 1));
      const negative = seen.negative || lo < 0;
      return negative ? iMax * Math.min(steps / 4, 4096 / Math.max(decayV, 1)) : iMax;
    };
    while (wExp > -8 && bound(wExp) > 2 ** 23) wExp--;
    wExp = Math.max(-8, wExp);
    input.set(target.id, {
      perStep: seen.perStep + (fanIn / 4) * largest * 2 ** (6 + wExp),
      negative: seen.negative || lo < 0,
    });
    base.projections.push({
      id: `l${k}`,
      source: source.id,
      target: target.id,
      connectivity,
      weight: { kind: 'constant', value: constant },
      delay:
        r.float() < 0.5
          ? { kind: 'constant', steps: r.int(0, 4) }
          : { kind: 'uniform_int', low: r.int(0, 1), high: r.int(2, 5) },
      synapse: {
        kind: 'loihi',
        w_exp: wExp,
        sign_mode: signMode,
        num_weight_bits: r.int(1, 8),
        ...(mantissas ? { mantissas } : {}),
      },
    });
  }
  // Thresholds near a few steps of input, so that the neurons fire now and then.
  for (const p of loihi) {
    const perStep = input.get(p.id)?.perStep ?? 64;
    p.params.threshold_v_mant = Math.min(
      131071,
      Math.max(0, Math.round((perStep * (0.05 + r.float())) / 64)),
    );
  }
  // Loihi sources onto fixed-point populations (their spikes arrive one step later).
  const onto = fixed.length > 0 ? r.int(0, 2) : 0;
  for (let k = 0; k < onto; k++) {
    const target = pick(fixed);
    const source = pick(loihi);
    const max = 2 ** (target.w - 1 - target.f) * 0.99;
    base.projections.push({
      id: `lf${k}`,
      source: source.id,
      target: target.id,
      connectivity: { rule: 'fixed_probability', p: 0.2 + 0.5 * r.float(), allow_self: false },
      weight: { kind: 'constant', value: (r.float() < 0.7 ? 1 : -1) * max * r.float() },
      delay:
        r.float() < 0.5
          ? { kind: 'constant', steps: r.int(0, 3) }
          : { kind: 'uniform_int', low: 0, high: r.int(1, 5) },
      synapse: r.float() < 0.5 ? { kind: 'delta' } : { kind: 'exponential', tau: pick([1, 3, 8]) },
    });
  }

  const doc = {
    ...base,
    name: `random Loihi core network ${seed}`,
    probes: base.populations.map((p) => ({
      id: `${String(p.id)}_spikes`,
      kind: 'spikes',
      population: p.id,
    })),
  };
  const result = validateDocument(doc);
  if (!result.ok) {
    throw new Error(
      `randomLoihiNetwork(${seed}) is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return result.document;
}

/**
 * `randomNetwork(seed, steps)` with 1..2 projections that learn with online_o1 onto its
 * fixed-point populations (from any source, recurrent ones included): random weight bits
 * (3..16), trace bits (3..14), reward bits (2..12), shifts (0..8, decay 0..5), a whole-number
 * weight scale (1..8), initial weights that make the targets fire, constant or per-synapse
 * delays, and a reward population (any) with an amount per spike that is sometimes 0 (reward
 * off) and sometimes negative.
 */
export function randomO1Network(seed: number, steps: number): NetworkDocument {
  const base = randomNetwork(seed, steps) as unknown as {
    name: string;
    populations: Record<string, unknown>[];
    projections: Record<string, unknown>[];
  };
  const r = rng(seed ^ 0x0e1e0e1e);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(0, xs.length - 1)] as T;
  const all = base.populations.map((p) => ({ id: p.id as string, size: p.size as number }));
  const fixed = base.populations
    .filter((p) => p.model === 'fixed_point_lif')
    .map((p) => {
      const params = p.params as { total_bits: number; fraction_bits: number };
      return { id: p.id as string, w: params.total_bits, f: params.fraction_bits };
    });
  const count = r.int(1, 2);
  for (let k = 0; k < count; k++) {
    const target = pick(fixed);
    const source = pick(all);
    const traceBits = r.int(3, 14);
    const weightBits = r.int(3, 16);
    const scale = r.int(1, 8);
    // About a quarter of the threshold (min(1, top / 2) in units of 2^-F) per event.
    const top = 2 ** (target.w - 1 - target.f);
    const event = (Math.min(1, top / 2) * 2 ** target.f) / 4;
    const high = Math.min(2 ** weightBits - 1, Math.max(1, Math.round((2 * event) / scale)));
    base.projections.push({
      id: `o1_${k}`,
      source: source.id,
      target: target.id,
      connectivity:
        r.float() < 0.3
          ? { rule: 'all_to_all', allow_self: r.float() < 0.5 }
          : { rule: 'fixed_probability', p: 0.3 + 0.5 * r.float(), allow_self: false },
      weight: { kind: 'uniform', low: 0, high: (high * scale) / 2 ** target.f },
      delay:
        r.float() < 0.5
          ? { kind: 'constant', steps: r.int(0, 3) }
          : { kind: 'uniform_int', low: r.int(0, 1), high: r.int(2, 5) },
      synapse:
        r.float() < 0.3 ? { kind: 'delta' } : { kind: 'exponential', tau: pick([1, 2, 5, 9]) },
      plasticity: {
        rule: 'online_o1',
        weight_bits: weightBits,
        trace_bits: traceBits,
        reward_bits: r.int(2, Math.min(12, 32 - traceBits)),
        learning_shift: r.int(0, 8),
        trace_decay_shift: r.int(0, 5),
        weight_scale: scale,
        reward: {
          population: pick(all).id,
          amount: r.float() < 0.25 ? 0 : r.int(-20, 40),
        },
      },
    });
  }
  const doc = { ...base, name: `random learning network ${seed}` };
  const result = validateDocument(doc);
  if (!result.ok) {
    throw new Error(
      `randomO1Network(${seed}) is invalid: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
  return result.document;
}
