/** Which numbers are live (`liveParamPaths`) and what `resolveLive` makes of them. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/engine/compile/index.ts';
import {
  LiveParamError,
  liveParamPaths,
  resolveLive,
  withLiveValue,
} from '../../../src/engine/live/resolve.ts';
import { liveNetwork } from './fixtures/live-network.ts';

describe('live paths', () => {
  it('lists exactly the numbers that can change live', () => {
    const doc = liveNetwork();
    // A weight rule owns its weights; a uniform weight is not one number.
    const ee = doc.projections[1];
    if (ee) ee.weight = { kind: 'uniform', low: 0.01, high: 0.05 };
    expect(liveParamPaths(doc)).toEqual([
      'populations/in/params/rate',
      'populations/E/params/bias',
      'populations/E/params/noise_std',
      'populations/E/params/v_threshold',
      'populations/Z/params/bias',
      'populations/Z/params/noise_std',
      'stimuli/drive/amplitude',
      'projections/inE/weight/value',
      'projections/EZ/weight/value',
    ]);
    expect(() => resolveLive(doc, 'projections/EE/weight/value', 1, 0.1)).toThrow(
      'its weights are uniform, not constant',
    );
  });

  it('converts as compile does (the edited document compiles to the same values)', () => {
    const doc = liveNetwork();
    const dt = doc.run.dt;
    for (const [path, value] of [
      ['populations/in/params/rate', 333.3],
      ['stimuli/drive/amplitude', 0.1],
      ['populations/E/params/v_threshold', 0.7],
      ['projections/inE/weight/value', 0.3],
    ] as const) {
      const edit = resolveLive(doc, path, value, dt);
      const plan = compile(withLiveValue(doc, path, value));
      switch (edit.kind) {
        case 'rate': {
          const m = plan.populations[edit.population]?.model;
          expect(m?.model === 'poisson' && m.threshold24).toBe(edit.threshold24);
          break;
        }
        case 'stimulus':
          expect(plan.populations[edit.population]?.stimuli[edit.stimulus]?.amplitude).toBe(
            edit.amplitude,
          );
          break;
        case 'threshold': {
          const m = plan.populations[edit.population]?.model;
          expect(m?.model === 'stochastic_lif' && m.vThreshold).toBe(edit.value);
          break;
        }
        case 'weight':
          expect(plan.projections[edit.projection]?.csr.weights).toEqual({ constant: edit.value });
          break;
        case 'bias':
        case 'noise':
          throw new Error(`no ${edit.kind} in this list`);
      }
    }
  });

  it('names what is not live and why', () => {
    const doc = liveNetwork();
    const reason = (path: string): string => {
      try {
        resolveLive(doc, path, 1, 0.1);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(LiveParamError);
        return (error as Error).message;
      }
    };
    expect(reason('populations/Z/params/a')).toBe(
      "'populations/Z/params/a' cannot change during a run: izhikevich's params/a is compiled into the run",
    );
    expect(reason('populations/in/params/bias')).toContain("poisson's params/bias");
    expect(reason('run/duration')).toContain('only stimuli, populations and projections');
    expect(reason('projections/xx/weight/value')).toContain("there is no projection 'xx'");
  });
});
