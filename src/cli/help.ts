/** The help texts: `spikelab --help` and `spikelab COMMAND --help`. */
import { describeOptions } from './args.ts';
import type { Command } from './command.ts';

/** The overview listing every command. */
export function mainHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `spikelab ${version}: run and benchmark spiking network documents from the command line`,
    '',
    'Usage: spikelab COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "Run 'spikelab COMMAND --help' for a command's options.",
    '',
  ].join('\n');
}

/** The help of one command: usage, options, details. */
export function commandHelp(command: Command): string {
  const summary = `${command.summary[0]?.toUpperCase() ?? ''}${command.summary.slice(1)}.`;
  return [
    `Usage: ${command.usage}`,
    '',
    summary,
    '',
    'Options:',
    describeOptions(command.options),
    '',
    command.details,
    '',
  ].join('\n');
}
