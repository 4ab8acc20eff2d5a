/**
 * A small, strict option parser. Every command declares its options; anything else on the
 * command line is an error that names the offending word, because a silently ignored typo
 * (`--setps 10`) would produce a plausible but wrong run.
 */
import { CliError } from './cli-error.ts';

export interface OptionSpec {
  /** Long name without dashes, e.g. `duration`. */
  name: string;
  /** `true` for a switch such as `--json`; otherwise the option takes one value. */
  isSwitch?: boolean;
  /** Placeholder shown in the help, e.g. `MS`. */
  valueName?: string;
  help: string;
}

export interface ParsedArgs {
  /** Option values by name; switches map to `true`. */
  options: ReadonlyMap<string, string | true>;
  positionals: string[];
  /** `-h` or `--help` was given: the command prints its help and does nothing else. */
  help: boolean;
}

/**
 * Parses `--name value`, `--name=value`, switches, `--` and positionals.
 *
 * @example
 * parseArgs(['net.json', '--steps=10'], [{ name: 'steps', help: '' }], 'run')
 * // { options: Map { 'steps' => '10' }, positionals: ['net.json'], help: false }
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  command: string,
): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  let help = false;
  let onlyPositionals = false;
  for (let k = 0; k < argv.length; k++) {
    const word = argv[k] ?? '';
    if (onlyPositionals || !word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    if (word === '-h' || word === '--help') {
      help = true;
      continue;
    }
    if (!word.startsWith('--')) {
      throw new CliError(`unknown option '${word}' (see 'spikelab ${command} --help')`);
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new CliError(`unknown option '--${name}' (see 'spikelab ${command} --help')`);
    }
    if (options.has(name)) throw new CliError(`option '--${name}' is given more than once`);
    if (spec.isSwitch === true) {
      if (eq >= 0) throw new CliError(`option '--${name}' takes no value`);
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = word.slice(eq + 1);
    else {
      value = argv[k + 1];
      k++;
    }
    if (value === undefined || value === '') {
      throw new CliError(`option '--${name}' needs a value (${spec.valueName ?? 'VALUE'})`);
    }
    options.set(name, value);
  }
  return { options, positionals, help };
}

/** The help lines of a command's options (and `--help`), aligned in two columns. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  const rows = specs.map((s) => ({
    head: `  --${s.name}${s.isSwitch === true ? '' : ` ${s.valueName ?? 'VALUE'}`}`,
    help: s.help,
  }));
  rows.push({ head: '  -h, --help', help: 'show this help' });
  const width = Math.max(...rows.map((r) => r.head.length)) + 2;
  return rows.map((r) => `${r.head.padEnd(width)}${r.help}`).join('\n');
}
