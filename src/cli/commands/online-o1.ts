/**
 * `spikelab online-o1`: replays a recorded stream through one OnlineO1 synapse and prints its
 * state after every step, the reference the Verilog testbench compares against.
 */
import { initialOnlineO1State, stepOnlineO1 } from '../../engine/learning/online-o1.ts';
import type { OnlineO1State } from '../../engine/learning/online-o1.ts';
import { CliError, EXIT } from '../cli-error.ts';
import type { Command } from '../command.ts';
import type { CliIo } from '../io.ts';
import { readText } from '../load-document.ts';
import { parseOnlineO1Stream } from '../online-o1-stream.ts';
import type { OnlineO1Stream } from '../online-o1-stream.ts';
import { positionals } from '../option-values.ts';

/** More problems than this are counted, not listed: a broken generator can emit millions. */
const MAX_LISTED = 20;
/** Rows per write, so a long stream is never one huge string. */
const ROWS_PER_WRITE = 4096;

export const onlineO1Command: Command = {
  name: 'online-o1',
  summary: 'replay a stream through the bounded fixed-point OnlineO1 learner',
  usage: 'spikelab online-o1 STREAM.json',
  options: [],
  details: [
    'STREAM.json: {"config": {"weight_bits": 16, "trace_bits": 12, "reward_bits": 8,',
    '  "learning_shift": 4, "trace_decay_shift": 4}, "initial_weight": 100,',
    '  "stream": [[pre, post, reward], ...]}',
    'pre and post are 0, 1, true or false; rewards and the initial weight are integers,',
    'saturated by the rule to the signed reward range and to [0, 2^weight_bits - 1].',
    'Ranges: weight_bits 1..31, trace_bits 2..30, reward_bits 1..30 with',
    'reward_bits + trace_bits <= 32, learning_shift and trace_decay_shift 0..30 (0: no decay).',
    '',
    'Prints a JSON array with one [weight, pre_trace, post_trace, eligibility] row per step,',
    'one row per line, e.g. [[100,4095,0,0],',
    '[2147,3840,4095,2047]]',
    '',
    'Exit status: 0 ok; 2 bad command line or input (missing file, invalid JSON, a missing',
    'or out-of-range field, each problem named by its path, e.g. "stream[3][0]").',
  ].join('\n'),
  run: async (args, io) => {
    const [path = ''] = positionals(args, ['STREAM.json'], 'online-o1');
    const result = parseOnlineO1Stream(await readText(path, io.cwd));
    if (!result.ok) throw invalidStream(path, result.problems);
    replay(result.stream, io);
    return EXIT.ok;
  },
};

function invalidStream(path: string, problems: readonly string[]): CliError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const listed = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) listed.push(`... and ${problems.length - MAX_LISTED} more`);
  return new CliError(
    `'${path}' is not a valid online-o1 stream (${count}):\n${listed.join('\n')}`,
  );
}

function replay({ config, initialWeight, steps }: OnlineO1Stream, io: CliIo): void {
  if (steps.length === 0) {
    io.stdout('[]\n');
    return;
  }
  let state: OnlineO1State = initialOnlineO1State(config, initialWeight);
  let lines: string[] = [];
  steps.forEach(([pre, post, reward], t) => {
    state = stepOnlineO1(config, state, pre, post, reward);
    const row = `[${state.weight},${state.preTrace},${state.postTrace},${state.eligibility}]`;
    lines.push(`${t === 0 ? '[' : ''}${row}${t === steps.length - 1 ? ']' : ','}`);
    if (lines.length === ROWS_PER_WRITE) {
      io.stdout(`${lines.join('\n')}\n`);
      lines = [];
    }
  });
  if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
}
