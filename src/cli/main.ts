/**
 * The command line's entry point: `bin/spikelab.mjs` calls `main(argv)` and exits with the
 * status it resolves to. Nothing below throws past this function: every error becomes a
 * message on stderr and a non-zero status, never a stack trace.
 */
import { parseArgs } from './args.ts';
import { CliError, EXIT } from './cli-error.ts';
import type { Command } from './command.ts';
import { benchCommand } from './commands/bench.ts';
import { boardCommand } from './commands/board.ts';
import { exportBrian2Command } from './commands/export-brian2.ts';
import { exportNirCommand } from './commands/export-nir.ts';
import { exportVerilogCommand } from './commands/export-verilog.ts';
import { fitCommand } from './commands/fit.ts';
import { importNirCommand } from './commands/import-nir.ts';
import { onlineO1Command } from './commands/online-o1.ts';
import { quantiseCommand } from './commands/quantise.ts';
import { runCommand } from './commands/run.ts';
import { schemaCommand } from './commands/schema.ts';
import { validateCommand } from './commands/validate.ts';
import { commandHelp, mainHelp } from './help.ts';
import { nodeIo } from './io.ts';
import type { CliIo } from './io.ts';
import { reportError } from './report-error.ts';
import { spikelabVersion } from './version.ts';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  validateCommand,
  schemaCommand,
  benchCommand,
  onlineO1Command,
  quantiseCommand,
  exportVerilogCommand,
  exportBrian2Command,
  fitCommand,
  boardCommand,
  importNirCommand,
  exportNirCommand,
];

/**
 * Runs one command line and resolves to its exit status.
 *
 * @example
 * await main(['run', 'net.json', '--steps', '100']); // 0, JSON on stdout
 * await main(['run', 'missing.json']); // 2, "spikelab: cannot read 'missing.json': no such file"
 */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const { message, exitCode } = reportError(error);
    io.stderr(`spikelab: ${message}\n`);
    if (process.env.SPIKELAB_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
      io.stderr(`${error.stack}\n`);
    }
    return exitCode;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // No command at all is a usage error: the overview goes to stderr, stdout stays empty.
    io.stderr(mainHelp(COMMANDS, spikelabVersion()));
    return EXIT.usage;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    io.stdout(mainHelp(COMMANDS, spikelabVersion()));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${spikelabVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const known = COMMANDS.map((c) => c.name).join(', ');
    throw new CliError(`unknown command '${name}' (commands: ${known}; see 'spikelab --help')`);
  }
  const args = parseArgs(rest, command.options, command.name);
  if (args.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  return command.run(args, io);
}
