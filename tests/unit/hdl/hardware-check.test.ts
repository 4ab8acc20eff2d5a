import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hardwareRefusals } from '../../../src/hdl/hardware-check.ts';
import { parseDocumentJson } from '../../../src/model/index.ts';
import type { NetworkDocument } from '../../../src/model/index.ts';

const EXAMPLES = new URL('../../../public/examples/', import.meta.url);

function load(file: string): NetworkDocument {
  const result = parseDocumentJson(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  if (!result.ok) throw new Error(`${file}: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.document;
}

/**
 * Every example's refusals as `path -> subject id`. A new example must be added here, so its
 * classification is a decision and not an accident.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'adex.json': {
    'populations[0]': 'tonic',
    'populations[1]': 'adapting',
    'populations[2]': 'initial_burst',
    'populations[3]': 'regular_bursting',
  },
  'classifier.json': { 'populations[1]': 'hidden', 'populations[2]': 'output' },
  'cuba.json': { 'populations[0]': 'exc', 'populations[1]': 'inh' },
  'default.json': { 'populations[1]': 'exc', 'populations[2]': 'inh' },
  'dynapsim.json': { 'populations[0]': 'adapting', 'populations[1]': 'no_ahp' },
  'f-i-curve.json': Object.fromEntries(
    ['i040', 'i045', 'i055', 'i060', 'i070', 'i080', 'i100', 'i120'].map((id, i) => [
      `populations[${i}]`,
      id,
    ]),
  ),
  'fixed-point-hw.json': {},
  'fixed-point-lif.json': { 'populations[2]': 'float' },
  'izhikevich-gallery.json': Object.fromEntries(
    ['rs', 'ib', 'ch', 'fs', 'lts'].map((id, i) => [`populations[${i}]`, id]),
  ),
  'loihi-float-twin.json': { 'populations[1]': 'float' },
  'loihi-learning.json': { 'projections[0].synapse.dw': 'stdp' },
  'loihi.json': {},
  'rstdp.json': { 'populations[2]': 'out', 'projections[0].plasticity': 'inputs_out' },
  'sc-dense.json': { 'populations[0]': 'layer' },
  'sc-fixed-point.json': {},
  'sc-two-layer.json': { 'populations[0]': 'layer1', 'populations[1]': 'layer2' },
  'single-neuron.json': { 'populations[0]': 'neuron' },
  'stdp.json': {
    'populations[2]': 'out',
    'projections[0].plasticity': 'pattern_out',
    'projections[1].plasticity': 'noise_out',
  },
};

describe('hardwareRefusals', () => {
  const files = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();

  it('has an expectation for every example of the gallery', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`classifies ${file}`, () => {
      const doc = load(file);
      const refusals = hardwareRefusals(doc);
      const got = Object.fromEntries(refusals.map((r) => [r.path, r.subject.id]));
      expect(got).toEqual(EXPECTED[file]);
      for (const r of refusals) {
        // Every message names its population or projection by id.
        expect(r.message).toContain(`'${r.subject.id}'`);
      }
    });
  }

  it('says what to convert each model to, naming id and label', () => {
    const cuba = load('cuba.json');
    cuba.populations[0] = { ...cuba.populations[0]!, label: 'Excitatory' };
    const [first] = hardwareRefusals(cuba);
    expect(first?.message).toBe(
      "population 'exc' (Excitatory) is a float LIF, which has no exact hardware form: " +
        'convert it to fixed_point_lif (Quantise for hardware)',
    );
    const izh = hardwareRefusals(load('izhikevich-gallery.json'))[0]?.message;
    expect(izh).toMatch(/^population 'rs'.* izhikevich .*no hardware form.*remove it or replace/);
    const sc = hardwareRefusals(load('sc-dense.json'))[0]?.message;
    expect(sc).toMatch(/'layer'.*cannot go to hardware yet.*float32/);
    const stdp = hardwareRefusals(load('stdp.json'))[1]?.message;
    expect(stdp).toMatch(/^projection 'pattern_out'.* stdp plasticity.*only online_o1/);
  });

  it('accepts online_o1 plasticity and refuses stp and structural plasticity', () => {
    const doc = load('stdp.json');
    const [first, second] = doc.projections;
    const { plasticity: _dropped, ...plain } = second!;
    doc.projections = [
      {
        ...first!,
        plasticity: {
          rule: 'online_o1',
          weight_bits: 8,
          trace_bits: 8,
          reward_bits: 8,
          learning_shift: 4,
          trace_decay_shift: 2,
          weight_scale: 2,
          reward: { population: 'pattern', amount: 1 },
        },
      },
      {
        ...plain,
        stp: { U: 0.5, tau_d: 100, tau_f: 50 },
        structural: { interval: 10, prune_below: 0.1, growth_rate: 0.1, grow_low: 0, grow_high: 1 },
      },
    ];
    const paths = hardwareRefusals(doc).map((r) => r.path);
    expect(paths).toEqual(['populations[2]', 'projections[1].stp', 'projections[1].structural']);
  });

  it('refuses online_o1 with a fractional weight_scale (fractions of an integer unit)', () => {
    const doc = load('stdp.json');
    const [first, second] = doc.projections;
    doc.projections = [
      second!,
      {
        ...first!,
        plasticity: {
          rule: 'online_o1',
          weight_bits: 8,
          trace_bits: 8,
          reward_bits: 8,
          learning_shift: 4,
          trace_decay_shift: 2,
          weight_scale: 0.1,
          reward: { population: 'pattern', amount: 1 },
        },
      },
    ];
    const o1 = hardwareRefusals(doc).filter((r) => r.path.startsWith('projections[1]'));
    expect(o1.map((r) => r.path)).toEqual(['projections[1].plasticity.weight_scale']);
    expect(o1[0]?.message).toMatch(
      /^projection '\w+'.* online_o1 at weight_scale 0\.1.*use a whole-number weight_scale$/,
    );
  });

  it('accepts a Loihi projection once its learning rule and traces are gone', () => {
    const doc = load('loihi-learning.json');
    const projection = doc.projections[0]!;
    if (projection.synapse.kind !== 'loihi') throw new Error('expected a Loihi synapse');
    const { dw: _dw, traces: _traces, ...fixed } = projection.synapse;
    doc.projections[0] = { ...projection, synapse: fixed };
    expect(hardwareRefusals(doc)).toEqual([]);
  });
});
