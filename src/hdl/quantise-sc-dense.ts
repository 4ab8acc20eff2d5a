/**
 * "Quantise for hardware" for an SC dense layer (`sc_dense`, float32): the same layer with a
 * `fixed_point` block (`src/engine/CONTEXT.md` step 1b integer), at the width W the user chose,
 * F the largest at which every value the layer holds fits W bits, S as for a LIF. Its streams
 * and count do not change; its current table is quantised to 2^-F and its noise is dropped.
 * A layer fed by another population's rates is kept: its trace is float32, with no integer form.
 */
import { fixedRange } from '../engine/fixed-point/fixed-lif-step.ts';
import { scCurrentTable } from '../engine/sc/current-table.ts';
import type { NetworkDocument, Population } from '../model/document.ts';
import { stimulusPeak } from '../model/stimulus-values.ts';
import { nameOf } from './hardware-check.ts';
import { chooseFractionBits, chooseScaleBits } from './quantise-choice.ts';
import type { PopulationQuantisation } from './quantise-for-hardware.ts';

type ScLayer = Extract<Population, { model: 'sc_dense' }>;

/**
 * The converted layer and its summary, or why it stays float. The values that must fit: the
 * potentials, every entry of the current table, the stimulus amplitudes, the largest current of
 * one step (the table's largest magnitude plus every stimulus at once) and V's reachable range
 * widened by that current's jump in one step (as `heldValues` for a LIF).
 *
 * @example planScLayer(doc, layer, 16) // { population: { ..., params: { fixed_point: ... } }, summary }
 */
export function planScLayer(
  doc: NetworkDocument,
  layer: ScLayer,
  totalBits: number,
): { population: Population; summary: PopulationQuantisation } | { reason: string } {
  const p = layer.params;
  const dt = doc.run.dt;
  const gain = p.resistance * dt;
  if (p.inputs.kind !== 'constant') {
    return {
      reason:
        'its inputs are the rates of another population, a float32 trace with no integer form ' +
        'yet: give it constant inputs to convert it',
    };
  }
  if (!(p.tau_mem >= dt)) {
    return { reason: `tau_mem ${p.tau_mem} ms is below dt ${dt} ms (the leak would exceed 1)` };
  }
  if (!(gain >= 0 && gain <= 256)) {
    return { reason: `resistance * dt = ${gain} is outside 0..256 (the gain register)` };
  }
  const table = Array.from(scCurrentTable(p, p.inputs.values.length));
  const amplitudes = doc.stimuli.filter((s) => s.target === layer.id).map(stimulusPeak);
  const current =
    Math.max(...table.map(Math.abs)) + amplitudes.reduce((sum, a) => sum + Math.abs(a), 0);
  const jump = current * gain;
  const values = [
    p.v_rest,
    p.v_reset,
    p.v_threshold,
    ...table,
    ...amplitudes,
    current,
    -current,
    Math.min(p.v_reset, p.v_rest) - jump,
    p.v_threshold + jump,
  ];
  const fractionBits = chooseFractionBits(values, totalBits);
  if (fractionBits === null) {
    return { reason: `its values do not fit ${totalBits} bits even with no fraction bits` };
  }
  const scaleBits = chooseScaleBits([dt / p.tau_mem, gain]);
  const step = 2 ** -fractionBits;
  const { min, max } = fixedRange(totalBits);
  return {
    population: {
      ...layer,
      params: {
        ...p,
        noise_std: 0,
        fixed_point: { total_bits: totalBits, fraction_bits: fractionBits, scale_bits: scaleBits },
      },
    },
    summary: {
      id: layer.id,
      name: nameOf(layer),
      totalBits,
      fractionBits,
      scaleBits,
      vStep: step,
      range: { min: min * step, max: max * step },
      dropped:
        p.noise_std === 0 ? [] : [`noise_std ${p.noise_std} (the hardware has no noise source)`],
      rescaled: [],
      model: 'sc_dense',
    },
  };
}
