/**
 * The integer SC layer (`sc_dense` with `fixed_point`, CONTEXT.md step 1b integer): its current
 * is the float layer's current quantised step by step, its V follows `fixedLifStep` from that
 * current, wasm steps it bit for bit as the reference in random cases, gpu refuses it by name,
 * and validation refuses what has no integer form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGpuBackend } from '../../../src/engine/backends/gpu/index.ts';
import { createReferenceBackend } from '../../../src/engine/backends/reference/index.ts';
import { createWasmBackend } from '../../../src/engine/backends/wasm/index.ts';
import { compile } from '../../../src/engine/compile/index.ts';
import { estimateMemory } from '../../../src/engine/compile/memory-estimate.ts';
import { BackendUnavailableError } from '../../../src/engine/errors.ts';
import { fixedLifStep, quantise } from '../../../src/engine/fixed-point/fixed-lif-step.ts';
import type { FixedLifPlan } from '../../../src/engine/plan.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';
import type { NetworkDocument, ScDenseParams } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { expectIdentical, runChunks } from './wasm-compare.ts';
import { probesOf, scDocument, scLayer, scParams } from './wasm-sc-documents.ts';

const WIDTHS = { total_bits: 16, fraction_bits: 8, scale_bits: 12 };

function fixedParams(channels: number, over: Partial<ScDenseParams> = {}): ScDenseParams {
  return scParams(channels, { noise_std: 0, fixed_point: WIDTHS, ...over });
}

function layerDocument(size: number, params: ScDenseParams, duration = 300): NetworkDocument {
  return scDocument(
    { populations: [scLayer('sc', size, params)], probes: probesOf([{ id: 'sc', size }]) },
    { duration },
  );
}

function valid(doc: NetworkDocument): NetworkDocument {
  const v = validateDocument(doc);
  if (!v.ok) throw new Error(v.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return v.document;
}

function issuesOf(doc: NetworkDocument): string[] {
  const v = validateDocument(doc);
  return v.ok ? [] : v.issues.map((i) => `${i.path}: ${i.message}`);
}

/** A small deterministic generator for the random cases (not the engine's). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('sc_dense with fixed_point (step 1b integer)', () => {
  it('draws the float layer k: its current is q(float current) at every step', async () => {
    const float = valid(layerDocument(3, scParams(11, { noise_std: 0 })));
    const fixed = valid(layerDocument(3, fixedParams(11)));
    const a = await runChunks(createReferenceBackend, compile(float), 300);
    const b = await runChunks(createReferenceBackend, compile(fixed), 300);
    const floatI = Array.from(a.traces['i-sc']?.values ?? []);
    const fixedI = Array.from(b.traces['i-sc']?.values ?? []);
    expect(fixedI).toHaveLength(300);
    expect(fixedI).toEqual(floatI.map((x) => quantise(x, 8)));
    // The streams really vary: several distinct counts over the run.
    expect(new Set(fixedI).size).toBeGreaterThan(3);
  });

  it('integrates that current exactly as fixedLifStep, refractory hold included', async () => {
    const doc = valid(layerDocument(2, fixedParams(9, { refractory_period: 2, y_max: 0.08 })));
    const plan = compile(doc);
    const model = plan.populations[0]?.model as FixedLifPlan;
    expect(model.model).toBe('fixed_point_lif');
    const chunk = await runChunks(createReferenceBackend, plan, 300);
    const current = chunk.traces['i-sc']?.values ?? new Float32Array();
    const v = chunk.traces['v-sc']?.values ?? new Float32Array();
    let state = { v: model.vRest, refr: 0 };
    const spikes: number[] = [];
    for (let t = 0; t < 300; t++) {
      const next = fixedLifStep(model, state, current[t] as number);
      state = next.state;
      if (next.spiked) spikes.push(t);
      expect(v[2 * t], `V at step ${t}`).toBe(state.v);
      expect(v[2 * t + 1], `V of neuron 1 at step ${t}`).toBe(state.v);
    }
    expect(spikes.length).toBeGreaterThan(10);
    // Both neurons see the same current from the same V: they spike together.
    const steps = Array.from(chunk.spikes['sc']?.steps ?? []);
    expect(steps).toEqual(spikes.flatMap((t) => [t, t]));
  });

  it('wasm steps it bit for bit as the reference (random layers, chunks, reset)', async () => {
    const next = lcg(8);
    let spiking = 0;
    for (let n = 0; n < 6; n++) {
      const channels = 1 + Math.floor(next() * 40);
      const size = 1 + Math.floor(next() * 9);
      const bits = 8 + Math.floor(next() * 17);
      const fraction = Math.min(bits - 2, 4 + Math.floor(next() * 8));
      const scale = 1 + Math.floor(next() * 16);
      // Currents up to about half the register, a quarter of the gates active on average.
      const limit = (2 ** (bits - 1) - 1) / 2 ** fraction;
      const yMin = -0.05 * limit * next();
      const span = (0.2 + 0.5 * limit * next()) / channels;
      const scaling = next() < 0.5 ? 'sum' : 'mean';
      const params = fixedParams(channels, {
        fixed_point: { total_bits: bits, fraction_bits: fraction, scale_bits: scale },
        base_seed: Math.floor(next() * 1e9),
        length: 1 + Math.floor(next() * 300),
        scaling,
        y_min: yMin,
        y_max: yMin + (scaling === 'sum' ? span : span * channels),
        v_threshold: 0.05 + next() * 0.5,
        v_reset: -0.01,
        resistance: 1 + next() * 3,
        tau_mem: 1 + next() * 30,
        refractory_period: Math.floor(next() * 3),
      });
      const doc = layerDocument(size, params, 250);
      doc.stimuli = [
        { id: 'kick', kind: 'current_step', target: 'sc', start: 40, stop: 90, amplitude: 0.02 },
      ];
      const plan = compile(valid(doc));
      const expected = await runChunks(createReferenceBackend, plan, 250);
      if ((expected.spikes['sc']?.steps.length ?? 0) > 0) spiking++;
      expectIdentical(await runChunks(createWasmBackend, plan, 250), expected);
      expectIdentical(await runChunks(createWasmBackend, plan, 37), expected);
      const runner = await createWasmBackend(plan);
      try {
        await runner.run(100);
        await runner.reset();
        expectIdentical(await runner.run(250), expected);
      } finally {
        runner.dispose();
      }
    }
    // Not a comparison of silent layers: most random layers fire.
    expect(spiking).toBeGreaterThanOrEqual(4);
  });

  it('saturates V at a narrow 8-bit register on both backends', async () => {
    const params = fixedParams(20, {
      fixed_point: { total_bits: 8, fraction_bits: 4, scale_bits: 4 },
      // I(k) = -7 + 0.1 k, so at most -5: V falls to R I = -20, below the register's -8.
      y_min: -7,
      y_max: -6.9,
      resistance: 4,
      v_threshold: 7.9,
      v_reset: -8,
      v_rest: 0,
    });
    const plan = compile(valid(layerDocument(1, params, 200)));
    const expected = await runChunks(createReferenceBackend, plan, 200);
    expect(Math.min(...(expected.traces['v-sc']?.values ?? []))).toBe(-128);
    expectIdentical(await runChunks(createWasmBackend, plan, 200), expected);
  });

  it("counts the layer's tables in the memory estimate, as the document estimate does", () => {
    const doc = valid(layerDocument(3, fixedParams(11)));
    // 16 B per neuron, 16 B per channel, 4 B per count 0..11; no projections or channels.
    expect(compile(doc).estimatedBytes).toBe(16 * 3 + 16 * 11 + 4 * 12);
    expect(estimateMemory(doc).totalBytes).toBe(compile(doc).estimatedBytes);
  });

  it('gpu refuses it by name, so auto runs it on wasm', async () => {
    const doc = valid(layerDocument(2, fixedParams(8), 20));
    const plan = compile(doc);
    await expect(createGpuBackend(plan, 'cpu')).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(createGpuBackend(plan, 'cpu')).rejects.toThrow(
      "population 'sc' uses the sc_dense (fixed_point_lif) model, which this backend does not",
    );
    const sim = await createSimulation(doc, { backend: 'auto' });
    expect(sim.backend).toBe('wasm');
    sim.dispose();
  });

  it('validation refuses rates inputs, noise, and a current table outside W bits', () => {
    const source = {
      id: 'src',
      size: 4,
      position: { x: 0, y: 0 },
      model: 'poisson' as const,
      params: { rate: 50 },
    };
    const rates = scDocument({
      populations: [
        source,
        scLayer('sc', 2, fixedParams(4, { inputs: { kind: 'rates', source: 'src', tau: 10 } })),
      ],
    });
    expect(issuesOf(rates)).toEqual([
      expect.stringMatching(/^populations\[1\]\.params\.inputs: must be constant with fixed_point/),
    ]);
    expect(issuesOf(layerDocument(1, fixedParams(4, { noise_std: 0.1 })))).toEqual([
      'populations[0].params.noise_std: must be 0 with fixed_point (the integer neuron has no noise), got 0.1',
    ]);
    // 20 per gate: 7 gates give 140, 35840 at F = 8, the first count beyond 16 bits.
    expect(issuesOf(layerDocument(1, fixedParams(8, { y_max: 20 })))).toEqual([
      'populations[0].params.y_max: Isc(7 active gates) = 140 quantises to 35840 ' +
        '(× 2^-8), outside the 16-bit range [-32768, 32767]',
    ]);
    expect(issuesOf(layerDocument(1, fixedParams(4, { resistance: -1 })))).toEqual([
      'populations[0].params.resistance: must be >= 0 with fixed_point, got -1',
    ]);
    const wide = fixedParams(4, { fixed_point: { ...WIDTHS, fraction_bits: 15 } });
    expect(issuesOf(layerDocument(1, wide))).toEqual([
      'populations[0].params.fixed_point.fraction_bits: must be <= total_bits - 2 (14), got 15',
    ]);
  });
});

describe('the gallery example sc-fixed-point.json', () => {
  it('is the tutorial layer in fixed point: integer V and current, firing at 184 Hz', async () => {
    const text = readFileSync(
      new URL('../../../public/examples/sc-fixed-point.json', import.meta.url),
      'utf8',
    );
    const doc = valid(JSON.parse(text) as NetworkDocument);
    const chunk = await runChunks(createWasmBackend, compile(doc), 500);
    expect(chunk.spikes['layer']?.steps.length).toBe(92);
    const current = Array.from(chunk.traces['layer_current']?.values ?? []);
    // 0.1 per active gate at F = 14: the multiples q(0.1 k), k = 0..8.
    const table = Array.from({ length: 9 }, (_, k) => quantise(Math.fround(0.1 * k), 14));
    expect(current.every((i) => table.includes(i))).toBe(true);
    expect(new Set(current).size).toBeGreaterThan(4);
  });
});
