/** `spikelab run` on the Loihi example: v and I come out as the integers brian2-loihi records. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunOutput } from '../../../src/cli/run/json-output.ts';
import { runCli, tempDir, writeInput } from './helpers.ts';

const EXAMPLE = JSON.parse(
  readFileSync(new URL('../../../public/examples/loihi.json', import.meta.url), 'utf8'),
) as unknown;

describe('spikelab run (Loihi)', () => {
  it.each(['reference', 'wasm'])(
    'prints v and I of the worked example as integers (%s)',
    async (backend) => {
      const dir = tempDir();
      const file = writeInput(dir, 'loihi.json', EXAMPLE);
      const result = await runCli(['run', file, '--steps', '12', '--backend', backend], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      // The integers are written without a fraction or exponent.
      expect(result.stdout).toContain(
        '[0,3200,2418,14627,11055,11556,11934,9020,6817,5152,3894,2943]',
      );
      const out = JSON.parse(result.stdout) as RunOutput;
      expect(out.meta.backend).toBe(backend);
      expect(out.traces.loihi_v?.values[2]).toEqual([
        0, -3840, -6367, -2178, 731, -1144, -6234, -9556, -11593, -12705, -13160, -13155,
      ]);
      expect(out.traces.loihi_I?.values[1]).toEqual([
        0, 7680, 5805, 6307, 4767, 11283, 16208, 12250, 9259, 6998, 5289, 3997,
      ]);
      expect(out.spikes.loihi).toEqual({
        t: [1, 2, 3, 4, 5, 6, 7, 8, 9, 11],
        i: [1, 0, 1, 0, 1, 0, 1, 0, 1, 0],
      });
    },
  );
});
