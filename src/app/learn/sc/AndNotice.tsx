/** What to notice in step 2, depending on the generator and on correlated streams. */
import { fixed, signed } from './format.ts';
import type { AndReadout } from './and-gate.ts';
import type { AndSlice } from './lesson-store.ts';

export function AndNotice({ settings, readout }: { settings: AndSlice; readout: AndReadout }) {
  if (settings.correlated) {
    return (
      <ul>
        <li className="lsn-warn">
          The two streams now share their random numbers: SCC = {signed(readout.scc, 2)} (0 means
          independent, +1 means the ones overlap as much as possible).
        </li>
        <li>
          Every 1 of the sparser stream lines up with a 1 of the other, so AND gives min(x, w) ={' '}
          {fixed(Math.min(settings.x, settings.w), 2)} instead of x·w = {fixed(readout.exact, 2)}. A
          longer stream does not help: the multiplication itself is broken.
        </li>
        <li>Stochastic multiplication needs independent random sources. Untick the box.</li>
      </ul>
    );
  }
  return (
    <ul>
      <li>
        Look down a column of the bit rows: the AND row has a 1 only where both rows above have a 1.
      </li>
      <li>
        The green line wanders early on and settles on the dashed exact value as more bits are
        counted. The grey band is where 95% of random streams would be.
      </li>
      {settings.generator === 'bernoulli' ? (
        <li>
          Try short streams (L = 8 to 64) and change the seed: the estimate jumps around. Error
          shrinks like 1/√L — see the next step.
        </li>
      ) : settings.generator === 'sobol' ? (
        <li>
          Sobol dimensions 1 and 2 are built to be used together: their ones interleave so evenly
          that the AND lands on x·w almost exactly once L is a power of two. Compare with Bernoulli
          at the same L.
        </li>
      ) : (
        <li>
          Each LFSR stream alone is nearly exact over a full period (compare P(pre) with x), but the
          AND of two LFSR streams still has an error that depends on how their start states line up:
          change the seed.
        </li>
      )}
    </ul>
  );
}
