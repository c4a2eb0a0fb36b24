import { readdir, readFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import type { FieldIssue } from '../errors.js';
import { calendarSchema, regimeSchema, type HolidayCalendar, type Regime } from './regime-schema.js';

/** A regime or calendar file that cannot be used; start-up stops with every problem it found. */
export class WorkflowFileError extends Error {
  override name = 'WorkflowFileError';
  constructor(
    readonly file: string,
    readonly issues: FieldIssue[],
  ) {
    super(issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`).join('\n'));
  }
}

export interface RegimeSet {
  regimes: Regime[];
  calendars: ReadonlyMap<string, HolidayCalendar>;
}

export const DEFAULT_WORKFLOWS_DIR = fileURLToPath(new URL('../../workflows/', import.meta.url));
const DATA_FILE = /\.(ya?ml|json)$/;

/** Paths in messages read as the user typed them: relative to the working directory when inside it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

async function dataFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && DATA_FILE.test(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

async function readValidated<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both kinds of file.
    data = parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const where = error.linePos?.[0];
    const path = where === undefined ? '(file)' : `line ${where.line}, column ${where.col}`;
    const problem = (error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '');
    throw new WorkflowFileError(shown(file), [{ path, message: problem }]);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new WorkflowFileError(
      shown(file),
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(file)', message: issue.message })),
    );
  }
  return result.data;
}

/** Reads the holiday calendars alone (`dir` is the calendars folder itself). */
export async function loadCalendars(dir: string = join(DEFAULT_WORKFLOWS_DIR, 'calendars')): Promise<Map<string, HolidayCalendar>> {
  const calendars = new Map<string, HolidayCalendar>();
  const files = await dataFiles(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const file of files) {
    const calendar = await readValidated(file, calendarSchema);
    if (calendars.has(calendar.id)) {
      throw new WorkflowFileError(shown(file), [{ path: 'id', message: `calendar id "${calendar.id}" is used by another file` }]);
    }
    calendars.set(calendar.id, calendar);
  }
  return calendars;
}

/**
 * Reads and validates every regime file in `dir` and every holiday calendar in `dir/calendars`,
 * then checks what spans files (unique ids, calendars that exist). Call it once at start-up: a bad
 * file throws a `WorkflowFileError` naming the file, the path inside it and the problem.
 */
export async function loadRegimes(dir: string = DEFAULT_WORKFLOWS_DIR): Promise<RegimeSet> {
  const calendars = await loadCalendars(join(dir, 'calendars'));
  const regimes: Regime[] = [];
  for (const file of await dataFiles(dir)) {
    const regime = await readValidated(file, regimeSchema);
    if (regimes.some((known) => known.id === regime.id)) {
      throw new WorkflowFileError(shown(file), [{ path: 'id', message: `regime id "${regime.id}" is used by another file` }]);
    }
    if (regime.calendar !== null && !calendars.has(regime.calendar)) {
      const known = [...calendars.keys()].join(', ') || 'none';
      throw new WorkflowFileError(shown(file), [{ path: 'calendar', message: `unknown holiday calendar "${regime.calendar}" (known: ${known})` }]);
    }
    regimes.push(regime);
  }
  return { regimes, calendars };
}
