import { describe, expect, it } from 'vitest';
import type { NetworkDocument, Population } from '../../../src/model/index.ts';
import { createPopulation, createProjection, isPopulationProbe } from '../../../src/model/index.ts';
import { issuesOf, validDocument } from './helpers.ts';

/** The fixture after `edit`, validated. */
function issuesAfter(edit: (doc: NetworkDocument) => void): string[] {
  const doc = validDocument();
  edit(doc);
  return issuesOf(doc);
}

function population(doc: NetworkDocument, id: string): Population {
  const found = doc.populations.find((p) => p.id === id);
  if (found === undefined) throw new Error(`fixture has no ${id}`);
  return found;
}

function lifParams(doc: NetworkDocument) {
  const exc = population(doc, 'exc');
  if (exc.model !== 'stochastic_lif') throw new Error('exc is LIF in the fixture');
  return exc.params;
}

function generatorParams(doc: NetworkDocument) {
  const gen = population(doc, 'gen');
  if (gen.model !== 'spike_generator') throw new Error('gen is a generator in the fixture');
  return gen.params;
}

describe('cross-reference checks', () => {
  it('refuses an id used twice, across kinds (one namespace)', () => {
    expect(
      issuesAfter((d) => {
        d.probes[0]!.id = 'exc';
        d.populations[2]!.id = 'input';
      }),
    ).toEqual([
      'populations[2].id: duplicate id "input", already used by populations[0]',
      'probes[0].id: duplicate id "exc", already used by populations[1]',
    ]);
  });

  it('refuses references to populations that do not exist', () => {
    expect(
      issuesAfter((d) => {
        d.projections[0]!.source = 'nowhere';
        d.stimuli[0]!.target = 'ghost';
        const probe = d.probes[2]!;
        if (isPopulationProbe(probe)) probe.population = 'x';
      }),
    ).toEqual([
      'projections[0].source: no population has the id "nowhere"',
      'stimuli[0].target: no population has the id "ghost"',
      'probes[2].population: no population has the id "x"',
    ]);
  });

  it('refuses projections into spike sources and currents into them', () => {
    expect(
      issuesAfter((d) => {
        d.projections.push(createProjection('back', 'exc', 'input'));
        d.stimuli[0]!.target = 'gen';
      }),
    ).toEqual([
      'projections[1].target: "input" is a poisson population; spike sources cannot receive projections',
      'stimuli[0].target: "gen" is a spike_generator population; a current needs a stochastic_lif, sc_dense, izhikevich or adex target',
    ]);
  });

  it('checks state probes: LIF only, neurons below size, no repeats', () => {
    expect(
      issuesAfter((d) => {
        d.probes.push({
          id: 'in_v',
          kind: 'state',
          population: 'input',
          variable: 'v',
          neurons: [0],
        });
        d.probes[1] = {
          id: 'exc_v',
          kind: 'state',
          population: 'exc',
          variable: 'i_syn',
          neurons: [99, 100, 99],
        };
      }),
    ).toEqual([
      'probes[1].neurons[1]: must be < size (100), got 100',
      'probes[1].neurons[2]: duplicate neuron 99',
      'probes[3].population: "input" is a poisson population; only stochastic_lif, sc_dense, izhikevich and adex have state to record',
    ]);
  });

  it('refuses a second spikes probe on one population and a rate bin below dt', () => {
    expect(
      issuesAfter((d) => {
        d.probes.push({ id: 'again', kind: 'spikes', population: 'exc' });
        d.probes[2] = { id: 'exc_rate', kind: 'rate', population: 'exc', bin: 0.05 };
      }),
    ).toEqual([
      'probes[2].bin: must be >= run.dt (0.1 ms), got 0.05',
      'probes[3].population: population "exc" already has a spikes probe (probes[0])',
    ]);
  });

  it('checks spike generator indices and times', () => {
    expect(
      issuesAfter((d) => {
        Object.assign(generatorParams(d), { indices: [0, 10, 3], times: [1, 12], period: 10 });
      }),
    ).toEqual([
      'populations[2].params.times: must have as many entries as indices (3), got 2',
      'populations[2].params.indices[1]: must be < size (10), got 10',
      'populations[2].params.times[1]: must be < period (10 ms), got 12',
    ]);
  });

  it('lets a one-shot pattern (period 0) use any non-negative time', () => {
    expect(
      issuesAfter((d) => Object.assign(generatorParams(d), { times: [500, 9000], period: 0 })),
    ).toEqual([]);
  });

  it('names the Poisson rate limit for this dt', () => {
    expect(
      issuesAfter((d) => {
        const input = population(d, 'input');
        if (input.model === 'poisson') input.params.rate = 20_000;
      }),
    ).toEqual([
      'populations[0].params.rate: must be <= 10000 Hz at run.dt = 0.1 ms (one spike per step), got 20000',
    ]);
    expect(
      issuesAfter((d) => {
        const input = population(d, 'input');
        if (input.model === 'poisson') input.params.rate = 10_000;
      }),
    ).toEqual([]);
  });

  it('checks LIF reset below threshold and ordered ranges', () => {
    expect(
      issuesAfter((d) => {
        Object.assign(lifParams(d), { v_reset: 1, v_init: { kind: 'uniform', low: 1, high: 0 } });
        d.projections[0]!.weight = { kind: 'uniform', low: 0.2, high: 0.1 };
        d.projections[0]!.delay = { kind: 'uniform_int', low: 5, high: 2 };
        Object.assign(d.stimuli[0]!, { stop: 10 });
      }),
    ).toEqual([
      'populations[1].params.v_reset: must be < v_threshold (1), got 1',
      'populations[1].params.v_init.high: must be >= low (1), got 0',
      'projections[0].weight.high: must be >= low (0.2), got 0.1',
      'projections[0].delay.high: must be >= low (5), got 2',
      'stimuli[0].stop: must be > start (10 ms), got 10',
    ]);
  });

  it('requires equal sizes for one_to_one', () => {
    expect(
      issuesAfter((d) => {
        d.projections[0]!.connectivity = { rule: 'one_to_one' };
        population(d, 'input').size = 50;
      }),
    ).toEqual([
      'projections[0].connectivity.rule: one_to_one needs equal sizes, got source "input" (50) and target "exc" (100)',
    ]);
  });

  it('bounds fixed_fan_in k by the source size, minus one without self-connections', () => {
    const recurrent = (k: number, allowSelf: boolean) =>
      issuesAfter((d) => {
        d.projections.push({
          ...createProjection('rec', 'exc', 'exc'),
          connectivity: { rule: 'fixed_fan_in', k, allow_self: allowSelf },
        });
      });
    expect(recurrent(99, false)).toEqual([]);
    expect(recurrent(100, false)).toEqual([
      'projections[1].connectivity.k: must be <= 99 (source size 100 without self-connections), got 100',
    ]);
    expect(recurrent(100, true)).toEqual([]);
    expect(recurrent(101, true)).toEqual([
      'projections[1].connectivity.k: must be <= 100 (source size 100), got 101',
    ]);
  });

  it('bounds the number of steps of a run', () => {
    expect(issuesAfter((d) => Object.assign(d.run, { dt: 0.001, duration: 200_000 }))).toEqual([
      'run.duration: must be <= 100000000 steps of run.dt (0.001 ms), got 200000 ms = 200000000 steps',
    ]);
    expect(issuesAfter((d) => Object.assign(d.run, { dt: 1, duration: 0.5 }))).toEqual([
      'run.duration: must be at least one step (run.dt = 1 ms), got 0.5',
    ]);
  });

  it('runs only once the shape is valid, so a shape error is not buried under consequences', () => {
    expect(
      issuesAfter((d) => {
        d.projections[0]!.source = 'nowhere';
        (d.populations[1] as { size: unknown }).size = -1;
      }),
    ).toEqual(['populations[1].size: must be >= 1, got -1']);
  });

  it('accepts a population of every model from the factory', () => {
    expect(
      issuesAfter((d) => {
        d.populations.push(createPopulation('spike_generator', 'g2', { x: 1, y: 2 }));
      }),
    ).toEqual([]);
  });
});
