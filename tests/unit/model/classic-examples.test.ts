/**
 * The Izhikevich and AdEx gallery examples carry the presets' numbers: every population's
 * parameters and its current step are the preset's, so the gallery shows the published patterns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/index.ts';
import { isPopulationProbe, parseDocumentJson } from '../../../src/model/index.ts';
import { ADEX_PRESETS, IZHIKEVICH_PRESETS, type ModelPreset } from '../../../src/model/presets.ts';
import { runToEnd } from '../../../src/engine/run-to-end.ts';
import { createSimulation } from '../../../src/engine/simulation.ts';

function load(file: string): NetworkDocument {
  const text = readFileSync(new URL(`../../../public/examples/${file}`, import.meta.url), 'utf8');
  const result = parseDocumentJson(text);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

function checkGallery(file: string, presets: readonly ModelPreset<object>[]): void {
  const doc = load(file);
  expect(doc.populations.map((p) => p.id)).toEqual(presets.map((p) => p.id));
  for (const preset of presets) {
    const population = doc.populations.find((p) => p.id === preset.id);
    expect(population?.params).toEqual(preset.params);
    const steps = doc.stimuli.filter((s) => s.target === preset.id);
    expect(steps.map((s) => (s.kind === 'current_step' ? s.amplitude : NaN))).toEqual([
      preset.current,
    ]);
    const probes = doc.probes
      .filter(isPopulationProbe)
      .filter((p) => p.population === preset.id)
      .map((p) => p.kind);
    expect(probes.sort()).toEqual(['spikes', 'state']);
  }
}

describe('classroom model examples', () => {
  it('izhikevich-gallery.json has one neuron per Izhikevich preset, as published', () => {
    checkGallery('izhikevich-gallery.json', IZHIKEVICH_PRESETS);
  });

  it('adex.json has one neuron per AdEx preset, as published', () => {
    checkGallery('adex.json', ADEX_PRESETS);
  });

  it.each(['izhikevich-gallery.json', 'adex.json'])(
    '%s runs on the automatic backend (wasm in Node) and every neuron fires',
    async (file) => {
      const doc = load(file);
      const sim = await createSimulation(doc, { backend: 'auto' });
      try {
        expect(sim.backend).toBe('wasm');
        const chunk = await runToEnd(sim, 2000);
        for (const p of doc.populations) {
          expect(chunk.spikes[p.id]?.steps.length ?? 0, p.id).toBeGreaterThan(3);
        }
      } finally {
        sim.dispose();
      }
    },
  );
});
