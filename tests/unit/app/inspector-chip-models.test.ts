import { describe, expect, it } from 'vitest';
import { createPopulation, type LoihiSynapse, type Population } from '../../../src/model/index.ts';
import {
  displayUnit,
  formatSeconds,
  fromDisplay,
  paramNote,
  toDisplay,
} from '../../../src/app/inspector/chip-units.ts';
import {
  mantissaNote,
  parseMantissas,
  scaleNote,
  stepNote,
} from '../../../src/app/inspector/loihi-weights.ts';
import {
  matchingPreset,
  presetChoices,
  presetParams,
} from '../../../src/app/inspector/model-presets.ts';
import {
  stateOptions,
  stimulusDefaults,
  takesStimuli,
} from '../../../src/app/inspector/model-capabilities.ts';
import { freshSynapse, synapseKinds } from '../../../src/app/inspector/synapse-kinds.ts';
import { projectionSign } from '../../../src/app/editor/projection-summary.ts';

const at = { x: 0, y: 0 };
const mixed8: LoihiSynapse = { kind: 'loihi', w_exp: 0, sign_mode: 'mixed', num_weight_bits: 8 };

function withParams(pop: Population, params: Record<string, unknown>): Population {
  return { ...pop, params: { ...pop.params, ...params } } as Population;
}

describe('DynapSim units on screen', () => {
  it('shows small currents in pA, large ones in nA, capacitances in pF', () => {
    expect(displayUnit('A', 5e-13)).toEqual({ unit: 'pA', factor: 1e12 });
    expect(displayUnit('A', 1e-7)).toEqual({ unit: 'nA', factor: 1e9 });
    expect(displayUnit('F', 3e-12)).toEqual({ unit: 'pF', factor: 1e12 });
    expect(displayUnit('mV', -65)).toEqual({ unit: 'mV', factor: 1 });
  });

  it('converts both ways without float noise', () => {
    expect(toDisplay(5e-13, 1e12)).toBe(0.5);
    expect(toDisplay(1e-7, 1e9)).toBe(100);
    expect(fromDisplay(0.5, 1e12)).toBe(5e-13);
    expect(fromDisplay(2.5, 1e9)).toBe(2.5e-9);
    // 0.1 pA * 3 is 0.30000000000000004 in float; rounded to 12 digits it is 0.3.
    expect(toDisplay(0.1e-12 * 3, 1e12)).toBe(0.3);
    expect(fromDisplay(7, 1)).toBe(7);
  });

  it('formats durations in µs, ms or s', () => {
    expect(formatSeconds(10e-6)).toBe('10 µs');
    expect(formatSeconds(0.02)).toBe('20 ms');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(Infinity)).toBe('∞');
  });

  it("notes Rockpool's default time constants beside the tau and pulse currents", () => {
    // Rockpool's default_time_constants: tau_mem 20 ms, tau_syn 10 ms, tau_ahp 50 ms,
    // t_pulse 10 µs, t_pulse_ahp 1 µs, t_ref 1 ms; the defaults are built from them.
    const pop = createPopulation('dynapsim', 'd', at);
    expect(paramNote(pop, 'Itau_mem')).toBe('τ_mem = 20 ms');
    expect(paramNote(pop, 'Itau_syn')).toBe('τ_syn = 10 ms');
    expect(paramNote(pop, 'Itau_ahp')).toBe('τ_ahp = 50 ms');
    expect(paramNote(pop, 'Ipulse')).toBe('t_pulse = 10 µs');
    expect(paramNote(pop, 'Ipulse_ahp')).toBe('t_pulse = 1 µs');
    expect(paramNote(pop, 'Iref')).toBe('t_ref = 1 ms');
    expect(paramNote(pop, 'Idc')).toBeNull();
    // Halving the leak doubles the time constant (tau = Ut/kappa * C / Itau).
    if (pop.model !== 'dynapsim') throw new Error('not dynapsim');
    const slower = withParams(pop, { Itau_mem: pop.params.Itau_mem / 2 });
    expect(paramNote(slower, 'Itau_mem')).toBe('τ_mem = 40 ms');
  });
});

describe('Loihi effective values', () => {
  it('shows the threshold behind the mantissa and tau behind the decays', () => {
    const pop = withParams(createPopulation('loihi', 'l', at), {
      threshold_v_mant: 70,
      decay_v: 400,
      decay_I: 1000,
    });
    expect(paramNote(pop, 'threshold_v_mant')).toBe('θ = 4480');
    expect(paramNote(pop, 'decay_v')).toBe('τ = 10.24 steps');
    expect(paramNote(pop, 'decay_I')).toBe('τ = 4.096 steps');
    expect(paramNote(withParams(pop, { decay_v: 0 }), 'decay_v')).toBe('τ = ∞ (no decay)');
    expect(paramNote(withParams(pop, { decay_I: 4096 }), 'decay_I')).toBe('τ = 1 step');
    expect(paramNote(pop, 'refractory')).toBeNull();
  });

  it("gives a mantissa's actual weight as brian2-loihi computes it", () => {
    // Issue 5's worked example: mantissa 50 at w_exp 0 puts I = 3200 one step after the spike.
    expect(mantissaNote(50, mixed8)).toBe('actual weight 3200');
    expect(mantissaNote(-60, mixed8)).toBe('actual weight -3840');
    // w_exp 2 scales by 2^8; 4 bits in mixed mode leave a mantissa step of 2^(8-3) = 32.
    expect(mantissaNote(100, { ...mixed8, w_exp: 2 })).toBe('actual weight 25600');
    const coarse = { ...mixed8, num_weight_bits: 4 };
    expect(mantissaNote(100, coarse)).toBe('actual weight 6144 (mantissa used: 96)');
    expect(scaleNote({ ...mixed8, w_exp: -2 })).toBe('× 2^4 = 16');
    expect(stepNote(coarse)).toBe('mantissa step 32');
    expect(stepNote({ ...mixed8, sign_mode: 'excitatory' })).toBe('mantissa step 1');
  });

  it('parses a mantissa list and names a bad item', () => {
    expect(parseMantissas('50, 120 -60')).toEqual([50, 120, -60]);
    expect(parseMantissas('50, 1.5')).toBe('Item 2: "1.5" is not a whole number');
    expect(parseMantissas('  ')).toBe('List at least one mantissa');
  });
});

describe('presets of the classroom models', () => {
  it('recognises a new population as its first preset and a changed one as custom', () => {
    const iz = createPopulation('izhikevich', 'iz', at);
    expect(matchingPreset(iz)).toBe('rs');
    expect(matchingPreset(withParams(iz, { d: 7 }))).toBeNull();
    expect(matchingPreset(createPopulation('adex', 'a', at))).toBe('tonic');
    expect(presetChoices(createPopulation('loihi', 'l', at))).toEqual([]);
  });

  it("writes a preset's published cell with its current as the bias, keeping the noise", () => {
    const iz = withParams(createPopulation('izhikevich', 'iz', at), { noise_std: 0.5 });
    const ch = presetParams(iz, 'ch');
    // Izhikevich (2003) chattering: a 0.02, b 0.2, c -50, d 2, under I = 10.
    expect(ch).toMatchObject({ a: 0.02, b: 0.2, c: -50, d: 2, bias: 10, noise_std: 0.5 });
    expect(matchingPreset(withParams(iz, ch ?? {}))).toBe('ch');
    const adex = presetParams(createPopulation('adex', 'a', at), 'regular_bursting');
    // Naud et al. (2008) regular bursting: tau_w 120 ms, b 100 pA, V_r -46 mV, I = 210 pA.
    expect(adex).toMatchObject({ tau_w: 120, b: 100, v_reset: -46, bias: 210 });
    expect(presetParams(iz, 'nope')).toBeNull();
  });
});

describe('what the inspector offers per model', () => {
  it('offers u for Izhikevich, w for AdEx, and no stimuli into the chips', () => {
    expect(stateOptions('izhikevich').map((o) => o.value)).toEqual(['v', 'i_syn', 'u']);
    expect(stateOptions('adex').map((o) => o.value)).toEqual(['v', 'i_syn', 'w']);
    expect(stateOptions('loihi').map((o) => o.value)).toEqual(['v', 'i_syn']);
    expect(stateOptions('poisson')).toEqual([]);
    expect(takesStimuli('adex')).toBe(true);
    expect(takesStimuli('loihi')).toBe(false);
    expect(takesStimuli('dynapsim')).toBe(false);
    expect(stimulusDefaults('adex')).toEqual({ amplitude: 500, unit: 'pA' });
  });

  it("offers only the synapse kinds the target's model accepts", () => {
    const kinds = (model: Parameters<typeof synapseKinds>[0], current: 'delta' | 'loihi' | 'dpi') =>
      synapseKinds(model, current).map((k) => k.value);
    expect(kinds('loihi', 'loihi')).toEqual(['loihi']);
    expect(kinds('dynapsim', 'dpi')).toEqual(['dpi']);
    expect(kinds('adex', 'delta')).toEqual(['exponential', 'delta']);
    // A loaded file's wrong kind is still listed, so the select shows what the file holds.
    expect(kinds('stochastic_lif', 'loihi')).toEqual(['exponential', 'delta', 'loihi']);
    expect(freshSynapse('loihi')).toEqual(mixed8);
  });
});

describe('the sign of a chip projection', () => {
  it('follows a Loihi mantissa list or a DPI weight list over the (replaced) distribution', () => {
    const base = {
      id: 'p',
      source: 'a',
      target: 'b',
      connectivity: { rule: 'one_to_one' as const },
      weight: { kind: 'constant' as const, value: 0 },
      delay: { kind: 'constant' as const, steps: 0 },
    };
    const loihi = (mantissas?: number[]) => ({
      ...base,
      synapse: { ...mixed8, ...(mantissas === undefined ? {} : { mantissas }) },
    });
    expect(projectionSign(loihi([50, 120, -60]))).toBe('mixed');
    expect(projectionSign(loihi([-5, -1]))).toBe('inhibitory');
    expect(projectionSign(loihi())).toBe('excitatory');
    expect(projectionSign({ ...base, synapse: { kind: 'dpi', weights: [-1, -2] } })).toBe(
      'inhibitory',
    );
    expect(
      projectionSign({
        ...base,
        weight: { kind: 'constant', value: -1 },
        synapse: { kind: 'delta' },
      }),
    ).toBe('inhibitory');
  });
});
