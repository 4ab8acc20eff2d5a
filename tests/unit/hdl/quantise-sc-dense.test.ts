/**
 * Quantise for hardware on SC dense layers: a float layer with constant inputs gains a
 * `fixed_point` block and then passes the hardware check; a rates-fed layer is kept, saying why;
 * the quantised layer fires like the float one (same streams, its current quantised, no noise).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/index.ts';
import { exportRefusals } from '../../../src/hdl/core-refusals.ts';
import { hardwareRefusals } from '../../../src/hdl/hardware-check.ts';
import { quantiseForHardware } from '../../../src/hdl/quantise-for-hardware.ts';
import { formatQuantiseReport } from '../../../src/hdl/quantise-report.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);

function load(file: string): NetworkDocument {
  const result = parseDocumentJson(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.document;
}

async function spikeCount(doc: NetworkDocument, id: string): Promise<number> {
  const sim = await createSimulation(doc, { backend: 'reference' });
  try {
    const chunk = await sim.step(sim.totalSteps);
    return chunk.spikes[id]?.steps.length ?? 0;
  } finally {
    sim.dispose();
  }
}

describe('quantiseForHardware on SC dense layers', () => {
  it('gives the tutorial layer a fixed_point block, and the result can go to hardware', () => {
    const doc = load('sc-dense.json');
    expect(hardwareRefusals(doc).map((r) => r.path)).toEqual(['populations[0]']);
    const { document, report } = quantiseForHardware(doc);
    const layer = document.populations[0];
    if (layer?.model !== 'sc_dense') throw new Error('layer changed model');
    // Currents up to 0.8 and V up to 1 + 0.8 (1.8 * 2^14 = 29491): F = W - 2 = 14 fits.
    // S = 14: dt/tau_mem = 1/20 rounds within 2^-11 of itself from 14 bits on.
    expect(layer.params.fixed_point).toEqual({ total_bits: 16, fraction_bits: 14, scale_bits: 14 });
    expect(layer.params.noise_std).toBe(0);
    expect(report.converted.map((c) => c.id)).toEqual(['layer']);
    expect(report.converted[0]?.dropped).toEqual([
      'noise_std 0.02 (the hardware has no noise source)',
    ]);
    expect(report.refusals).toEqual([]);
    expect(formatQuantiseReport(report)).toEqual([
      "population 'layer' (SC dense layer): sc_dense fixed_point W=16 F=14 S=14, V step " +
        '0.00006104 mV, V and current range [-2, 2)',
      '  dropped: noise_std 0.02 (the hardware has no noise source)',
      'the result can go to hardware',
    ]);
  });

  // Measured: 366 spikes float, 368 at W = 16 (and 384 at W = 8, F = 6).
  it('fires like the float layer (within 3%: the same streams, a quantised current)', async () => {
    const doc = load('sc-dense.json');
    const float = await spikeCount(doc, 'layer');
    const fixed = await spikeCount(quantiseForHardware(doc).document, 'layer');
    expect(float).toBeGreaterThan(300);
    expect(Math.abs(fixed - float) / float).toBeLessThan(0.03);
  });

  it('keeps a layer that reads rates, saying why, and converts the constant one', () => {
    const { document, report } = quantiseForHardware(load('sc-two-layer.json'));
    expect(report.converted.map((c) => c.id)).toEqual(['layer1']);
    expect(report.kept.map((k) => k.id)).toEqual(['layer2']);
    expect(report.kept[0]?.reason).toMatch(/rates of another population, a float32 trace/);
    expect(formatQuantiseReport(report)).toContain(
      "kept as float SC layer: population 'layer2' (Layer 2): " + (report.kept[0]?.reason ?? ''),
    );
    expect(report.refusals.map((r) => r.path)).toEqual(['populations[1]']);
    expect(document.populations[1]?.model).toBe('sc_dense');
  });

  it('at 8 bits chooses a coarser F and still validates', () => {
    const { report } = quantiseForHardware(load('sc-dense.json'), { totalBits: 8 });
    // 1.8 * 2^6 = 115 <= 127, 1.8 * 2^7 is not.
    expect(report.converted[0]).toMatchObject({ totalBits: 8, fractionBits: 6 });
  });

  it('the core generator accepts the integer layer; the float layer stays refused', () => {
    const doc = load('sc-fixed-point.json');
    expect(hardwareRefusals(doc)).toEqual([]);
    expect(exportRefusals(doc)).toEqual([]);
    const float = structuredClone(doc);
    const layer = float.populations[0];
    if (layer?.model !== 'sc_dense') throw new Error('sc-fixed-point.json: no sc_dense layer');
    delete layer.params.fixed_point;
    expect(exportRefusals(float).map((r) => r.path)).toEqual(['populations[0]']);
  });
});
