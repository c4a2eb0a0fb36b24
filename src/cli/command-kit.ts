import { InvalidArgumentError, type Command } from 'commander';
import { ApiClient } from './api-client.js';
import { resolveConnection, type ConnectionFlags } from './cli-config.js';
import { usageError } from './cli-errors.js';
import { say } from './output.js';

/** The API client for a command, from its own and the program's connection flags. */
export function apiFor(command: Command): ApiClient {
  return new ApiClient(resolveConnection(command.optsWithGlobals<ConnectionFlags>()));
}

/** Adds an "Examples:" section to a command's --help. */
export function withExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}`).join('\n')}\n`);
}

/** An option parser for whole numbers from `min` up; commander reports a bad value as a usage error. */
export const wholeNumber = (min: number) => (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected a whole number from ${min}`);
  return Number(value);
};

/** `--limit` and `--cursor` for a listing the API pages with keyset cursors. */
export function withPaging(command: Command, max: number, defaultLimit: number): Command {
  return command
    .option('--limit <n>', `at most this many (1-${max})`, wholeNumber(1), defaultLimit)
    .option('--cursor <cursor>', 'the page after a previous listing');
}

/** Tells the person at the terminal the command for the next page: this one, filters kept, with its cursor. */
export function sayNextPage(nextCursor: string | null, argv = process.argv.slice(2)): void {
  if (nextCursor === null) return;
  const kept = argv.filter((arg, i) => !arg.startsWith('--cursor=') && arg !== '--cursor' && argv[i - 1] !== '--cursor');
  const quoted = kept.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  say(`more: breachline ${[...quoted, '--cursor', nextCursor].join(' ')}`);
}

/** An option parser for instants: any ISO-8601 time with a zone, as the API stores in UTC. */
export function instant(value: string): string {
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected an ISO-8601 time with a zone, e.g. 2026-11-20T08:00:00+08:00');
  }
  return value;
}

/**
 * `key=value` arguments as an object. A value that parses as JSON is taken as JSON (numbers, true,
 * arrays, objects); anything else is a string. Dotted keys nest: `organization.name=Acme`.
 */
export function fieldsFromPairs(pairs: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)=(.*)$/s.exec(pair);
    if (match === null) throw usageError(`"${pair}": expected key=value (e.g. reason="Encrypted with a safe key")`);
    const keys = match[1]!.split('.');
    let target = result;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === undefined) target[key] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next)) throw usageError(`"${pair}": ${key} is already a value`);
      target = target[key] as Record<string, unknown>;
    }
    target[keys.at(-1)!] = jsonOrString(match[2]!);
  }
  return result;
}

function jsonOrString(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** `--data '<json>'`: an object, or a usage error that says why not. */
export function jsonObject(option: string, raw: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw usageError(`${option}: not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw usageError(`${option}: expected a JSON object`);
  return value as Record<string, unknown>;
}
