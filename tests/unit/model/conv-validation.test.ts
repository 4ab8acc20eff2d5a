/**
 * Shapes and the structured rules in validation: a valid conv, pool, conv1d and explicit
 * document passes; each broken field is named with its reason.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkDocument } from '../../../src/model/document.ts';
import { knownSynapseCount } from '../../../src/model/checks/per-synapse-list.ts';
import { sortPairs } from '../../../src/model/explicit-pairs.ts';
import { issuesOf } from './helpers.ts';
import { conv2d, convDocument } from './conv-fixtures.ts';

/** The conv of the tests: [2, 5, 6] -> [4, 3, 4] by a 3x3 kernel. */
const valid = (): NetworkDocument => convDocument([2, 5, 6], [4, 3, 4], conv2d([4, 2, 3, 3]));

function edited(edit: (doc: NetworkDocument) => void): string[] {
  const doc = valid();
  edit(doc);
  return issuesOf(doc);
}

const projection = (doc: NetworkDocument) => {
  const p = doc.projections[0];
  if (p === undefined) throw new Error('no projection');
  return p;
};

describe('shaped populations and conv rules: validation', () => {
  it('accepts conv2d, conv1d, both pools and explicit pairs with their shapes', () => {
    expect(issuesOf(valid())).toEqual([]);
    const conv1d = convDocument([3, 10], [4, 4], {
      rule: 'conv1d',
      kernel: { shape: [4, 1, 3], values: Array.from({ length: 12 }, () => 1) },
      stride: 2,
      padding: 1,
      dilation: 2,
      groups: 1,
    });
    // (10 + 2 - 2*2 - 1)/2 + 1 = 4 with 3 input channels in 1 group needs kernel[1] = 3.
    expect(issuesOf(conv1d)).toEqual([
      'projections[0].connectivity.kernel.shape: [1] must be source channels / groups = 3 / 1 = 3, got 1',
    ]);
    const c = conv1d.projections[0]?.connectivity;
    if (c?.rule === 'conv1d')
      c.kernel = { shape: [4, 3, 3], values: Array.from({ length: 36 }, () => 1) };
    expect(issuesOf(conv1d)).toEqual([]);
    const pool = { kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] } as const;
    for (const rule of ['sum_pool2d', 'avg_pool2d'] as const) {
      const doc = convDocument([3, 4, 5], [3, 2, 2], {
        rule,
        kernel_size: [...pool.kernel_size],
        stride: [...pool.stride],
        padding: [...pool.padding],
      });
      expect(issuesOf(doc)).toEqual([]);
    }
    const explicit = convDocument([6], [4], {
      rule: 'explicit',
      pairs: { sources: [0, 0, 3, 5], targets: [1, 2, 0, 3] },
    });
    projection(explicit).weight = { kind: 'explicit', values: [1, 2, 3, 4] };
    projection(explicit).delay = { kind: 'explicit', steps: [0, 1, 2, 255] };
    expect(issuesOf(explicit)).toEqual([]);
  });

  it('names a shape whose product is not the size, and a malformed shape', () => {
    expect(
      edited((doc) => {
        const p = doc.populations[1];
        if (p) p.shape = [4, 3, 5];
      }),
    ).toContain('populations[1].shape: [4, 3, 5] holds 4 x 3 x 5 = 60 neurons, but size is 48');
    expect(
      edited((doc) => {
        const p = doc.populations[0] as unknown as { shape: unknown };
        p.shape = [2, 0, 30];
      }),
    ).toContain('populations[0].shape[1]: must be >= 1, got 0');
  });

  it('names a missing or mismatched source and target shape', () => {
    expect(
      edited((doc) => {
        delete doc.populations[0]?.shape;
      }),
    ).toEqual([
      'projections[0].source: conv2d needs a source shape [C, H, W]; population "in" has no shape',
    ]);
    expect(
      edited((doc) => {
        const p = doc.populations[1];
        if (p) p.shape = [4, 4, 3];
      }),
    ).toEqual([
      'projections[0].target: conv2d of source shape [2, 5, 6] gives target shape [4, 3, 4] (48 neurons); population "out" has shape [4, 4, 3]',
    ]);
  });

  it('names kernel values, kernel rank, groups and an empty output', () => {
    expect(
      edited((doc) => {
        const c = projection(doc).connectivity;
        if (c.rule === 'conv2d') c.kernel.values.pop();
      }),
    ).toEqual([
      'projections[0].connectivity.kernel.values: must have 4 x 2 x 3 x 3 = 72 values (kernel shape [4, 2, 3, 3]), got 71',
    ]);
    expect(
      edited((doc) => {
        const c = projection(doc).connectivity;
        if (c.rule === 'conv2d') c.kernel.shape = [4, 18];
      }),
    ).toEqual([
      'projections[0].connectivity.kernel.shape: must be [Cout, Cin/groups, kH, kW], got [4, 18]',
    ]);
    expect(
      edited((doc) => {
        const c = projection(doc).connectivity;
        if (c.rule === 'conv2d') c.groups = 3;
      }),
    ).toEqual([
      "projections[0].connectivity.groups: must divide the source channels (2) and the kernel's output channels (4), got 3",
    ]);
    expect(
      edited((doc) => {
        const c = projection(doc).connectivity;
        if (c.rule === 'conv2d') c.dilation = [3, 1];
      }),
    ).toEqual([
      "projections[0].connectivity: the kernel spans 7 along the height (size 3, dilation 3), more than the source's 5 plus padding 2 x 0: the output would be empty",
    ]);
  });

  it('asks for a constant weight and a delta or exponential synapse', () => {
    expect(
      edited((doc) => {
        projection(doc).weight = { kind: 'uniform', low: 0, high: 1 };
      }),
    ).toEqual([
      "projections[0].weight.kind: must be constant with conv2d (each synapse's weight is its kernel value times it), got uniform",
    ]);
  });

  it('checks explicit pairs: equal lengths, in range, in connection order', () => {
    const explicit = (sources: number[], targets: number[]): string[] =>
      issuesOf(convDocument([6], [4], { rule: 'explicit', pairs: { sources, targets } }));
    expect(explicit([0, 1], [0])).toEqual([
      'projections[0].connectivity.pairs.targets: must have one entry per source entry (2), got 1',
    ]);
    expect(explicit([0, 6], [0, 1])).toEqual([
      'projections[0].connectivity.pairs.sources[1]: must be < the size of "in" (6), got 6',
    ]);
    expect(explicit([0, 1], [4, 0])).toEqual([
      'projections[0].connectivity.pairs.targets[0]: must be < the size of "out" (4), got 4',
    ]);
    expect(explicit([1, 0], [0, 0])).toEqual([
      'projections[0].connectivity.pairs.sources[1]: pairs must be in connection order (sources ascending, then targets, no repeats): pair 1 (0 -> 0) comes after 1 -> 0',
    ]);
    expect(explicit([1, 1], [2, 2])[0]).toContain('pair 1 (1 -> 2) repeats pair 0');
    const sorted = sortPairs([3, 0, 3, 0], [1, 2, 0, 1], [[10, 20, 30, 40]]);
    expect(sorted).toEqual({
      sources: [0, 0, 3, 3],
      targets: [1, 2, 0, 1],
      lists: [[40, 20, 30, 10]],
    });
    expect(explicit(sorted.sources, sorted.targets)).toEqual([]);
  });

  it('wants one explicit delay and weight per synapse, and a rule that fixes the count', () => {
    expect(
      edited((doc) => {
        projection(doc).delay = { kind: 'explicit', steps: [1, 2] };
      }),
    ).toEqual(['projections[0].delay.steps: must have one entry per synapse (864), got 2']);
    expect(
      edited((doc) => {
        projection(doc).delay = { kind: 'explicit', steps: [256] };
      }),
    ).toContain('projections[0].delay.steps[0]: must be <= 255, got 256');
    expect(
      edited((doc) => {
        projection(doc).connectivity = { rule: 'fixed_probability', p: 0.5, allow_self: false };
        projection(doc).delay = { kind: 'explicit', steps: [1] };
      }),
    ).toEqual([
      'projections[0].delay.steps: needs a rule with a known synapse count (all_to_all, one_to_one, explicit, conv or pool), got fixed_probability',
    ]);
  });

  it('counts conv synapses exactly, leaving out the padding', () => {
    const doc = valid();
    const [source, target] = doc.populations;
    if (!source || !target) throw new Error('populations missing');
    // No padding: every output pixel reads 2 x 3 x 3 inputs: 48 x 18.
    expect(knownSynapseCount(projection(doc), source, target)).toBe(48 * 18);
    const padded = convDocument([1, 3, 3], [1, 3, 3], conv2d([1, 1, 3, 3], { padding: [1, 1] }));
    const [s, t] = padded.populations;
    if (!s || !t) throw new Error('populations missing');
    // Along each axis the 3 outputs see 2, 3, 2 taps: 7 x 7.
    expect(knownSynapseCount(projection(padded), s, t)).toBe(49);
  });
});
