/**
 * The import on hand-built NIR graphs: what each construct becomes, checked against numbers
 * worked out here independently (a pooled-then-convolved one-hot computed as tensors, delays
 * by hand), and that unsupported nodes are reported while the rest is imported and valid.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument, Projection } from '../../../src/model/document.ts';
import { validateDocument } from '../../../src/model/index.ts';
import { nirArray, nirGraph, type NirNode } from '../../../src/model/interchange/nir/graph.ts';
import { importNir, NirImportError } from '../../../src/model/interchange/nir/import.ts';

const f32 = (shape: number[], values: number[]) => nirArray(shape, values, 'float32');
const ints = (values: number[]) => nirArray([values.length], values, 'int64');
const OPTIONS = { dt: 1e-3, timeUnit: 's', discretisation: 'exact' } as const;

function lif(n: number, tau = 0.01): NirNode {
  const all = (v: number) => f32([n], new Array<number>(n).fill(v));
  return {
    type: 'LIF',
    params: { tau: all(tau), r: all(1), v_leak: all(0), v_threshold: all(1), v_reset: all(0) },
  };
}

function valid(doc: NetworkDocument): NetworkDocument {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

function projection(doc: NetworkDocument, id: string): Projection {
  const p = doc.projections.find((x) => x.id === id);
  if (p === undefined)
    throw new Error(`no projection ${id} in ${doc.projections.map((x) => x.id).join(', ')}`);
  return p;
}

describe('importNir on hand-built graphs', () => {
  it('reports an unsupported node with its type and imports the rest', () => {
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([2]) } },
        linear: { type: 'Linear', params: { weight: f32([2, 2], [1, 0, 0, 1]) } },
        a: lif(2),
        mystery: { type: 'SpikingTransformer', params: { heads: 4 } },
        b: lif(2),
        output: { type: 'Output', params: { shape: ints([2]) } },
      },
      [
        ['input', 'linear'],
        ['linear', 'a'],
        ['a', 'mystery'],
        ['mystery', 'b'],
        ['a', 'output'],
      ],
    );
    const { document, report } = importNir(graph, OPTIONS);
    expect(report.notImported).toContainEqual({
      node: 'mystery',
      type: 'SpikingTransformer',
      reason: "Spikelab has no mapping for NIR's SpikingTransformer",
    });
    expect(document.populations.map((p) => p.id)).toEqual(['input', 'a', 'b']);
    expect(document.projections.map((p) => `${p.source}->${p.target}`)).toEqual(['input->a']);
    valid(document);
  });

  it('composes SumPool2d -> Conv2d into one explicit projection equal to the tensor computation', () => {
    // Input [1, 4, 4] -> SumPool2d 2x2 stride 2 -> [1, 2, 2] -> Conv2d 2x1x2x2 padding 1 -> [2, 3, 3]
    const kernel = [1, -2, 3, 0.5, -1, 0.25, 2, 4];
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([1, 4, 4]) } },
        pool: {
          type: 'SumPool2d',
          params: { kernel_size: ints([2, 2]), stride: ints([2, 2]), padding: ints([0, 0]) },
        },
        conv: {
          type: 'Conv2d',
          params: {
            weight: f32([2, 1, 2, 2], kernel),
            bias: f32([2], [0.5, -0.5]),
            stride: ints([1, 1]),
            padding: ints([1, 1]),
            dilation: ints([1, 1]),
            groups: 1,
          },
        },
        out: lif(18),
      },
      [
        ['input', 'pool'],
        ['pool', 'conv'],
        ['conv', 'out'],
      ],
    );
    const { document, report } = importNir(graph, OPTIONS);
    expect(report.notImported).toEqual([]);
    const doc = valid(document);
    const p = projection(doc, 'pool_conv');
    if (p.connectivity.rule !== 'explicit' || p.weight.kind !== 'explicit')
      throw new Error('not explicit');
    // Independent: the response to a one-hot input, as tensors (gather form).
    const expected = new Map<string, number>();
    for (let i = 0; i < 16; i += 1) {
      const x = (iy: number, ix: number) => (iy * 4 + ix === i ? 1 : 0);
      const pooled = [0, 1].map((py) =>
        [0, 1].map(
          (px) =>
            x(2 * py, 2 * px) +
            x(2 * py, 2 * px + 1) +
            x(2 * py + 1, 2 * px) +
            x(2 * py + 1, 2 * px + 1),
        ),
      );
      for (let o = 0; o < 2; o += 1) {
        for (let y = 0; y < 3; y += 1) {
          for (let xx = 0; xx < 3; xx += 1) {
            let sum = 0;
            for (let ky = 0; ky < 2; ky += 1) {
              for (let kx = 0; kx < 2; kx += 1) {
                const iy = y - 1 + ky;
                const ix = xx - 1 + kx;
                if (iy >= 0 && iy < 2 && ix >= 0 && ix < 2)
                  sum += (kernel[o * 4 + ky * 2 + kx] ?? 0) * (pooled[iy]?.[ix] ?? 0);
              }
            }
            if (sum !== 0) expected.set(`${i}->${o * 9 + y * 3 + xx}`, sum);
          }
        }
      }
    }
    const got = new Map(
      p.connectivity.pairs.sources.map((s, k) => [
        `${s}->${p.connectivity.rule === 'explicit' ? p.connectivity.pairs.targets[k] : 0}`,
        p.weight.kind === 'explicit' ? p.weight.values[k] : 0,
      ]),
    );
    expect(got).toEqual(expected);
    const out = doc.populations.find((q) => q.id === 'out');
    if (out?.model !== 'nir_neuron') throw new Error('out is not nir_neuron');
    expect(out.shape).toEqual([2, 3, 3]);
    expect(out.params.bias).toEqual([
      ...new Array<number>(9).fill(0.5),
      ...new Array<number>(9).fill(-0.5),
    ]);
  });

  it('turns a Delay into rounded steps and says how much it rounded', () => {
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([2]) } },
        delay: { type: 'Delay', params: { delay: nirArray([2], [0.0024, 0.0024], 'float64') } },
        linear: { type: 'Linear', params: { weight: f32([1, 2], [1, 1]) } },
        out: lif(1),
      },
      [
        ['input', 'delay'],
        ['delay', 'linear'],
        ['linear', 'out'],
      ],
    );
    const { document, report } = importNir(graph, OPTIONS);
    expect(projection(document, 'linear').delay).toEqual({ kind: 'constant', steps: 2 });
    const row = report.rows
      .find((r) => r.node === 'delay')
      ?.mapping.find((m) => m.param === 'delay');
    expect(row?.formula).toContain('steps = round(delay/dt) = round(2.4)');
    expect(row?.formula).toContain('rounded by up to 0.4 step');
  });

  it('joins a neuron fed straight by a neuron one_to_one with weight 1', () => {
    const graph = nirGraph(
      { input: { type: 'Input', params: { shape: ints([3]) } }, a: lif(3), b: lif(3) },
      [
        ['input', 'a'],
        ['a', 'b'],
      ],
    );
    const { document } = importNir(graph, OPTIONS);
    const p = valid(document).projections.find((x) => x.source === 'a' && x.target === 'b');
    expect(p?.connectivity).toEqual({ rule: 'one_to_one' });
    expect(p?.weight).toEqual({ kind: 'constant', value: 1 });
  });

  it('records v of a non-spiking output and reports an Affine that feeds only an Output', () => {
    const li: NirNode = {
      type: 'LI',
      params: { tau: f32([2], [0.01, 0.02]), r: f32([2], [1, 1]), v_leak: f32([2], [0, 0]) },
    };
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([2]) } },
        li,
        readout: { type: 'Affine', params: { weight: f32([1, 2], [1, 1]), bias: f32([1], [0]) } },
        out_v: { type: 'Output', params: { shape: ints([2]) } },
        out_r: { type: 'Output', params: { shape: ints([1]) } },
      },
      [
        ['input', 'li'],
        ['li', 'out_v'],
        ['li', 'readout'],
        ['readout', 'out_r'],
      ],
    );
    const { document, report } = importNir(graph, OPTIONS);
    expect(valid(document).probes).toEqual([
      { id: 'li_v', kind: 'state', population: 'li', variable: 'v', neurons: [0, 1] },
    ]);
    expect(report.notImported.map((n) => `${n.node} ${n.type}`)).toEqual(['readout Affine']);
    expect(report.notImported[0]?.reason).toContain('feeds only an Output');
  });

  it("expresses 'same' padding with an even kernel (asymmetric) as explicit pairs", () => {
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([1, 5]) } },
        conv: {
          type: 'Conv1d',
          params: {
            weight: f32([1, 1, 2], [1, 2]),
            bias: f32([1], [0]),
            stride: 1,
            padding: 'same',
            dilation: 1,
            groups: 1,
          },
        },
        out: lif(5),
      },
      [
        ['input', 'conv'],
        ['conv', 'out'],
      ],
    );
    const p = projection(valid(importNir(graph, OPTIONS).document), 'conv');
    // PyTorch's 'same' pads 0 before and 1 after: out[x] = 1*in[x] + 2*in[x+1].
    expect(p.connectivity).toEqual({
      rule: 'explicit',
      pairs: { sources: [0, 1, 1, 2, 2, 3, 3, 4, 4], targets: [0, 0, 1, 1, 2, 2, 3, 3, 4] },
    });
    expect(p.weight).toEqual({ kind: 'explicit', values: [1, 2, 1, 2, 1, 2, 1, 2, 1] });
  });

  it('names nested nodes outer.inner and converts IF r from per second to per ms', () => {
    const inner = nirGraph(
      {
        in: { type: 'Input', params: { shape: ints([2]) } },
        if: { type: 'IF', params: { r: f32([2], [1000, 500]), v_threshold: f32([2], [1, 1]) } },
        out: { type: 'Output', params: { shape: ints([2]) } },
      },
      [
        ['in', 'if'],
        ['if', 'out'],
      ],
    );
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([2]) } },
        block: inner,
        output: { type: 'Output', params: { shape: ints([2]) } },
      },
      [
        ['input', 'block'],
        ['block', 'output'],
      ],
    );
    const doc = valid(importNir(graph, OPTIONS).document);
    const pop = doc.populations.find((p) => p.id === 'block.if');
    if (pop?.model !== 'nir_neuron' || pop.params.type !== 'IF')
      throw new Error('block.if missing');
    expect(pop.params.r).toEqual([1, 0.5]);
    expect(pop.params.v_reset).toBe(0);
    expect(doc.probes).toEqual([{ id: 'block.if_spikes', kind: 'spikes', population: 'block.if' }]);
  });

  it('reads times and IF r as they are when the file is in ms', () => {
    const graph = nirGraph(
      {
        input: { type: 'Input', params: { shape: ints([1]) } },
        lif: {
          type: 'LIF',
          params: {
            tau: f32([1], [20]),
            r: f32([1], [2]),
            v_leak: f32([1], [0]),
            v_threshold: f32([1], [1]),
          },
        },
        if: { type: 'IF', params: { r: f32([1], [0.5]), v_threshold: f32([1], [1]) } },
      },
      [
        ['input', 'lif'],
        ['lif', 'if'],
      ],
    );
    const doc = valid(
      importNir(graph, { dt: 0.25, timeUnit: 'ms', discretisation: 'euler' }).document,
    );
    expect(doc.run.dt).toBe(0.25);
    const params = Object.fromEntries(doc.populations.map((p) => [p.id, p.params]));
    expect(params.lif).toMatchObject({
      type: 'LIF',
      discretisation: 'euler',
      tau_mem: 20,
      r: 2,
      v_reset: 0,
    });
    expect(params.if).toMatchObject({ type: 'IF', r: 0.5 });
  });

  it('refuses a step that is not a positive number', () => {
    const graph = nirGraph({}, []);
    expect(() => importNir(graph, { ...OPTIONS, dt: 0 })).toThrow(NirImportError);
    expect(() => importNir(graph, { ...OPTIONS, dt: 0 })).toThrow(
      'dt: must be a number > 0, got 0',
    );
  });
});
