/**
 * The training panel's bridge between a document and a `TrainNetwork`: the chain found, the
 * weights a run starts from (checked against `compile`'s CSR, a second path to the same
 * numbers), what is refused or warned about, and the write-back into explicit weights.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import {
  documentTrainNetwork,
  trainedWeightEdits,
  type DocumentTrainNetwork,
} from '../../../src/engine/learning/document-network.ts';
import type { NetworkDocument, Projection } from '../../../src/model/document.ts';
import { createDocument, createPopulation } from '../../../src/model/index.ts';

function lif(id: string, size: number) {
  const p = createPopulation('stochastic_lif', id, { x: 0, y: 0 });
  return { ...p, size };
}

function dense(id: string, source: string, target: string, weight: Projection['weight']) {
  return {
    id,
    source,
    target,
    connectivity: { rule: 'all_to_all', allow_self: false },
    weight,
    delay: { kind: 'constant', steps: 0 },
    synapse: { kind: 'delta' },
  } satisfies Projection;
}

/** input(3) -> hidden(4, recurrent) -> out(2), random weights, dt 0.5. */
function chainDocument(): NetworkDocument {
  const doc = createDocument('chain');
  doc.run = { ...doc.run, dt: 0.5, seed: 7 };
  doc.populations = [
    { ...createPopulation('spike_generator', 'in', { x: 0, y: 0 }), size: 3 },
    lif('hidden', 4),
    lif('out', 2),
  ];
  doc.projections = [
    dense('in_hidden', 'in', 'hidden', { kind: 'uniform', low: -1, high: 1 }),
    dense('hidden_hidden', 'hidden', 'hidden', { kind: 'normal', mean: 0.1, std: 0.3 }),
    dense('hidden_out', 'hidden', 'out', { kind: 'constant', value: 0.25 }),
  ];
  return doc;
}

function ok(doc: NetworkDocument): DocumentTrainNetwork {
  const r = documentTrainNetwork(doc);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r;
}

function problems(doc: NetworkDocument): string[] {
  const r = documentTrainNetwork(doc);
  return r.ok ? [] : r.problems;
}

/** Dense [source * targetSize + target] weights of a compiled projection, NaN where none. */
function compiledDense(doc: NetworkDocument, index: number, targetSize: number): Float32Array {
  const csr = compile(doc).projections[index]?.csr;
  if (csr === undefined) throw new Error('no projection');
  const sources = csr.rowPtr.length - 1;
  const out = new Float32Array(sources * targetSize).fill(NaN);
  for (let s = 0; s < sources; s++) {
    for (let e = csr.rowPtr[s] as number; e < (csr.rowPtr[s + 1] as number); e++) {
      const w = csr.weights instanceof Float32Array ? csr.weights[e] : csr.weights.constant;
      out[s * targetSize + (csr.targets[e] as number)] = w as number;
    }
  }
  return out;
}

describe('documentTrainNetwork', () => {
  it('finds input -> hidden (recurrent) -> out with the neuron in float32', () => {
    const r = ok(chainDocument());
    expect(r.chain).toEqual({
      input: 'in',
      layers: [
        { population: 'hidden', projection: 'in_hidden', recurrent: 'hidden_hidden' },
        { population: 'out', projection: 'hidden_out' },
      ],
    });
    expect(r.sizes).toEqual([3, 4, 2]);
    expect(r.network.inputSize).toBe(3);
    expect(r.network.neuron).toEqual({
      vRest: 0,
      vReset: 0,
      vThreshold: 1,
      leak: Math.fround(0.5 / 20),
    });
    expect(r.warnings).toEqual([]);
  });

  it('starts from the weights a run of the document uses', () => {
    const doc = chainDocument();
    const r = ok(doc);
    const [hidden, out] = r.network.layers;
    expect(hidden?.weights).toEqual(compiledDense(doc, 0, 4));
    expect(out?.weights).toEqual(new Float32Array(8).fill(0.25));
    const rec = compiledDense(doc, 1, 4);
    for (let i = 0; i < 4; i++) rec[i * 4 + i] = 0; // no self synapse: the trainers keep 0
    expect(hidden?.recurrent).toEqual(rec);
    expect(new Set(hidden?.weights).size).toBe(12); // really drawn, not a constant
  });

  it('writes trained weights back so a run and a second read see them', () => {
    const doc = chainDocument();
    const r = ok(doc);
    const trained = structuredClone(r.network);
    trained.layers.forEach((l, k) => {
      l.weights = l.weights.map((_, e) => Math.fround(k + e / 16));
      if (l.recurrent) l.recurrent = l.recurrent.map((_, e) => (e % 5 === 0 ? 0 : -e / 32));
    });
    const edits = trainedWeightEdits(r.chain, trained);
    expect(edits.map((e) => e.projection)).toEqual(['in_hidden', 'hidden_hidden', 'hidden_out']);
    // Recurrent: 4 x 3 off-diagonal values, row by row (CSR order of all_to_all without self).
    expect(edits[1]?.weight.values).toEqual(
      [1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14].map((e) => -e / 32),
    );
    const written = structuredClone(doc);
    for (const e of edits) {
      const pr = written.projections.find((p) => p.id === e.projection);
      if (pr) pr.weight = e.weight;
    }
    const again = ok(written);
    expect(again.network.layers).toEqual(trained.layers);
    expect(compiledDense(written, 2, 2)).toEqual(trained.layers[1]?.weights);
  });

  it('takes a Poisson input and a single layer without recurrence', () => {
    const doc = chainDocument();
    doc.populations[0] = { ...createPopulation('poisson', 'in', { x: 0, y: 0 }), size: 3 };
    doc.projections = [doc.projections[0] as Projection];
    doc.populations = doc.populations.slice(0, 2);
    const r = ok(doc);
    expect(r.chain.layers).toEqual([{ population: 'hidden', projection: 'in_hidden' }]);
    expect(r.sizes).toEqual([3, 4]);
  });

  it('refuses what changes the chain arithmetic, naming the projection', () => {
    const withProjection = (patch: Partial<Projection>, index = 0) => {
      const doc = chainDocument();
      doc.projections[index] = { ...(doc.projections[index] as Projection), ...patch };
      return problems(doc);
    };
    expect(withProjection({ synapse: { kind: 'exponential', tau: 5 } })).toEqual([
      "projection 'in_hidden' has a exponential synapse; training needs delta",
    ]);
    expect(withProjection({ delay: { kind: 'constant', steps: 2 } })[0]).toMatch(
      /'in_hidden' has a delay/,
    );
    expect(
      withProjection({ connectivity: { rule: 'fixed_probability', p: 0.5, allow_self: false } }),
    ).toEqual(["projection 'in_hidden' connects fixed_probability; training needs all_to_all"]);
    expect(withProjection({ connectivity: { rule: 'all_to_all', allow_self: true } }, 1)).toEqual([
      "projection 'hidden_hidden' (recurrent) allows self-connections; training needs allow_self off",
    ]);
  });

  it('refuses layers with different neurons, branches, two inputs and no input', () => {
    const differ = chainDocument();
    const out = differ.populations[2];
    if (out?.model === 'stochastic_lif') out.params.v_threshold = 2;
    expect(problems(differ)[0]).toMatch(/'hidden' and 'out' differ in v_threshold \(1 vs 2\)/);

    const branch = chainDocument();
    branch.populations.push(lif('side', 2));
    branch.projections.push(dense('hidden_side', 'hidden', 'side', { kind: 'constant', value: 1 }));
    expect(problems(branch)).toEqual([
      "'hidden' feeds 'out' and 'side': the chain must not branch (one layer after another)",
    ]);

    const two = chainDocument();
    two.populations.push({ ...createPopulation('poisson', 'noise', { x: 0, y: 0 }), size: 2 });
    two.projections.push(dense('noise_out', 'noise', 'out', { kind: 'constant', value: 1 }));
    expect(problems(two)[0]).toMatch(/several input populations .*'in', 'noise'/);

    const loop = chainDocument();
    loop.projections.push(dense('out_hidden', 'out', 'hidden', { kind: 'constant', value: -1 }));
    expect(problems(loop)).toEqual([
      "projection 'out_hidden' leads back to 'hidden': the chain must not loop",
    ]);

    const none = createDocument();
    none.populations = [lif('a', 2)];
    expect(problems(none)[0]).toMatch(/no input population/);
  });

  it('warns about what training ignores', () => {
    const doc = chainDocument();
    const hidden = doc.populations[1];
    if (hidden?.model === 'stochastic_lif') {
      hidden.params = { ...hidden.params, noise_std: 0.1, bias: 0.2, refractory_period: 2 };
    }
    doc.stimuli.push({
      id: 'kick',
      kind: 'current_step',
      target: 'out',
      start: 0,
      stop: 5,
      amplitude: 1,
    });
    doc.populations.push(lif('extra', 2));
    doc.projections.push(dense('extra_hidden', 'extra', 'hidden', { kind: 'constant', value: -1 }));
    expect(ok(doc).warnings).toEqual([
      "projection 'extra_hidden' into 'hidden' is not part of the chain: training ignores it",
      "stimulus 'kick' on 'out' is ignored by training",
      "layer 'hidden': noise_std 0.1 is ignored by training",
      "layer 'hidden': refractory_period 2 ms is ignored by training",
      "layer 'hidden': bias 0.2 is ignored by training",
    ]);
  });
});

describe('trainedWeightEdits', () => {
  it('refuses a non-finite weight or a network of another shape, writing nothing', () => {
    const r = ok(chainDocument());
    const bad = structuredClone(r.network);
    (bad.layers[1] as { weights: Float32Array }).weights[3] = NaN;
    expect(() => trainedWeightEdits(r.chain, bad)).toThrow(
      "layer 'out': weight 3 is NaN; nothing was written",
    );
    const short = { ...r.network, layers: r.network.layers.slice(0, 1) };
    expect(() => trainedWeightEdits(r.chain, short)).toThrow(/1 layers, the chain 2/);
  });
});
