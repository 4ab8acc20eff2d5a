/**
 * Typed readers for option values. Each one rejects what it cannot use with a message that
 * names the option and the value, e.g. `--steps must be a positive integer, got '1.5'`.
 */
import type { ParsedArgs } from './args.ts';
import { CliError } from './cli-error.ts';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function raw(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return value === true ? undefined : value;
}

/** A finite number > 0 (a duration, a budget), or `undefined` when the option is absent. */
export function positiveNumber(args: ParsedArgs, name: string): number | undefined {
  const text = raw(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(value) || value <= 0) {
    throw new CliError(`--${name} must be a number > 0, got '${text}'`);
  }
  return value;
}

/** An integer in [min, max], or `undefined` when the option is absent. */
export function integer(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const text = raw(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new CliError(`--${name} must be an integer ${range}, got '${text}'`);
  }
  return value;
}

/** One of a fixed set of words, or `undefined` when the option is absent. */
export function choice<const T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const text = raw(args, name);
  if (text === undefined) return undefined;
  const found = allowed.find((a) => a === text);
  if (found === undefined) {
    throw new CliError(`--${name} must be one of ${allowed.join(', ')}; got '${text}'`);
  }
  return found;
}

/** A plain string option, or `undefined` when absent. */
export function text(args: ParsedArgs, name: string): string | undefined {
  return raw(args, name);
}

/** Whether a switch was given. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

/** Exactly `count` positionals, named in the message when some are missing or extra. */
export function positionals(args: ParsedArgs, names: readonly string[], command: string): string[] {
  if (args.positionals.length < names.length) {
    const missing = names.slice(args.positionals.length).join(' ');
    throw new CliError(`missing ${missing} (usage: see 'spikelab ${command} --help')`);
  }
  if (args.positionals.length > names.length) {
    const extra = args.positionals
      .slice(names.length)
      .map((p) => `'${p}'`)
      .join(' ');
    throw new CliError(`unexpected argument ${extra} (see 'spikelab ${command} --help')`);
  }
  return args.positionals;
}
