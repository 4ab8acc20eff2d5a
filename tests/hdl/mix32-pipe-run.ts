/**
 * The mix32_pipe bench's inputs and the engine's hashes: edge values, 2,000 random words and the
 * core's own use (a Poisson population's draws, stepKey + j for consecutive j), each checked
 * against `mix32` of src/engine/random.ts.
 */
import { rng } from '../unit/model/random-values.ts';
import { mix32 } from '../../src/engine/random.ts';
import type { Bench, Simulator } from './simulators.ts';
import { buildBench, runBench, unsignedWord } from './simulators.ts';

export const MIX32_PIPE_BENCH: Bench = {
  top: 'tb_mix32_pipe',
  sources: ['hdl/tb/tb_mix32_pipe.v', 'hdl/mix32_pipe.v'],
};

function inputs(seed: number): number[] {
  const random = rng(seed);
  const word = (): number => Math.floor(random() * 2 ** 32);
  const edges = [0, 1, 2, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
  const key = mix32(word() ^ 17);
  const draws = Array.from({ length: 200 }, (_, j) => (key + j) >>> 0);
  return [...edges, ...Array.from({ length: 2000 }, word), ...draws];
}

export const MIX32_PIPE_INPUTS: readonly number[] = inputs(0x3132);
export const MIX32_PIPE_EXPECTED: readonly { y: number }[] = MIX32_PIPE_INPUTS.map((x) => ({
  y: mix32(x),
}));

/** Clock `n`'s input, for a failure message. */
export function describeMix32Clock(n: number): string {
  return `x = 0x${(MIX32_PIPE_INPUTS[n] ?? 0).toString(16)}`;
}

/** Builds `bench` in `simulator` under `dir`, clocks every input and returns each hash. */
export function simulateMix32Pipe(
  simulator: Simulator,
  bench: Bench,
  dir: string,
): { y: number }[] {
  const command = buildBench(simulator, bench, dir);
  const lines = runBench(command, dir, MIX32_PIPE_INPUTS, MIX32_PIPE_INPUTS.length);
  return lines.map((line) => ({ y: unsignedWord(line.trim()) }));
}
