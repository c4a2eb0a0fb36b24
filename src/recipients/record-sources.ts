import { Transform, pipeline, type Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { FileTooLargeError, MalformedFileError } from './import-errors.js';

/** One data row: its number as the sender counts it (CSV header = row 1; NDJSON line number) and its fields. */
export interface SourceRow {
  row: number;
  fields: Record<string, unknown>;
}

export type SourceItem = SourceRow | { row: number; reason: string };

const MAX_ROW_CHARS = 64 * 1024;

/** Passes bytes through until `limit`, then fails the stream (and with it the import). */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? new FileTooLargeError(limit) : null, chunk);
    },
  });
}

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a field is not escaped (write "" for ")',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_ROW_CHARS} characters`,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote',
};

/** csv-parse's errors, named by row and without quoting the file (which holds personal data). */
function csvProblem(error: unknown): unknown {
  if (error instanceof FileTooLargeError || !(error instanceof Error) || !('code' in error)) return error;
  const csv = error as CsvError;
  const records = typeof csv['records'] === 'number' ? csv['records'] : 0;
  return new MalformedFileError(records + 1, CSV_REASONS[csv.code] ?? `malformed CSV (${csv.code})`);
}

/** CSV with a header row; a row whose field count differs from the header's is rejected alone. */
export async function* csvRows(body: Readable, limit: number): AsyncGenerator<SourceItem> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: MAX_ROW_CHARS });
  pipeline(body, byteLimit(limit), parser, () => {}); // errors surface through the iteration below
  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (header === null) {
        header = record.map((name) => name.trim());
        if (!header.includes('email')) throw new MalformedFileError(1, 'the header row has no email column');
        const repeated = header.find((name, i) => header!.indexOf(name) !== i);
        if (repeated !== undefined) throw new MalformedFileError(1, `the header names column ${repeated.slice(0, 100)} twice`);
        continue;
      }
      if (record.length !== header.length) {
        yield { row, reason: `has ${record.length} fields; the header has ${header.length}` };
        continue;
      }
      // No prototype: a column named "__proto__" is kept as a field like any other.
      const fields: Record<string, unknown> = Object.create(null);
      for (let i = 0; i < header.length; i++) if (header[i] !== '') fields[header[i]!] = record[i];
      yield { row, fields };
    }
  } catch (error) {
    throw csvProblem(error);
  }
  if (header === null) throw new MalformedFileError(1, 'the file is empty; expected a header row naming an email column');
}

/** One JSON object per line; blank lines are skipped but counted, so row numbers match line numbers. */
export async function* ndjsonRows(body: Readable, limit: number): AsyncGenerator<SourceItem> {
  const limited = byteLimit(limit);
  pipeline(body, limited, () => {});
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  let row = 0;
  const lineItem = (line: string): SourceItem | null => {
    row += 1;
    if (line.length > MAX_ROW_CHARS) throw new MalformedFileError(row, `the line is longer than ${MAX_ROW_CHARS} characters`);
    if (line.trim() === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { row, reason: 'is not valid JSON' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { row, reason: 'is not a JSON object' };
    return { row, fields: value as Record<string, unknown> };
  };
  for await (const chunk of limited as AsyncIterable<Buffer>) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      const item = lineItem(pending.slice(start, end));
      if (item !== null) yield item;
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_ROW_CHARS) throw new MalformedFileError(row + 1, `the line is longer than ${MAX_ROW_CHARS} characters`);
  }
  const last = lineItem(pending + decoder.decode());
  if (last !== null) yield last;
}
