/** What every subcommand provides to `main`: its name, help and behaviour. */
import type { OptionSpec, ParsedArgs } from './args.ts';
import type { CliIo } from './io.ts';

export interface Command {
  name: string;
  /** One line for the command list of `spikelab --help`. */
  summary: string;
  /** The usage line(s), e.g. `spikelab run NETWORK.json [options]`. */
  usage: string;
  /** Paragraphs after the option list: what the output holds, exit statuses. */
  details: string;
  options: readonly OptionSpec[];
  /** Resolves to the exit status; throws `CliError` (or engine errors) for failures. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
