import { finished } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { MalformedFileError } from './import-errors.js';
import type { CsvRowCheck, RowResult, RowValidator } from './recipient-row.js';

/** Receives each data row, checked, with its number as the sender counts it (CSV header = row 1; NDJSON line number). */
export type RowSink = (row: number, result: RowResult) => void;

/**
 * Turns one import's bytes, written in order, into checked rows for a sink. Push-based rather
 * than async iterators: a promise or two per row cost about a tenth of the reader thread's time.
 */
export interface RowReader {
  /** Parses `chunk`; `taken` runs once it is parsed and the reader is ready for another. */
  write(chunk: Buffer, taken: () => void): void;
  /** There are no more chunks. */
  end(): void;
  /** Settles when every row has reached the sink, or at the file's first problem (a `MalformedFileError`). */
  readonly done: Promise<void>;
}

const MAX_ROW_CHARS = 64 * 1024;

const shapeProblem = (reason: string): RowResult => ({ ok: false, reason, email: '' });

const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside a field is not escaped (write "" for ")',
  CSV_MAX_RECORD_SIZE: `the row is longer than ${MAX_ROW_CHARS} characters`,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text follows a closing quote',
};

/** csv-parse's errors, named by row and without quoting the file (which holds personal data). */
function csvProblem(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const records = typeof error['records'] === 'number' ? error['records'] : 0;
  return new MalformedFileError(records + 1, CSV_REASONS[error.code] ?? `malformed CSV (${error.code})`);
}

/** The header row's check: names trimmed, an email column, no name twice. */
function csvHeader(record: readonly string[]): string[] {
  const header = record.map((name) => name.trim());
  if (!header.includes('email')) throw new MalformedFileError(1, 'the header row has no email column');
  const repeated = header.find((name, i) => header.indexOf(name) !== i);
  if (repeated !== undefined) throw new MalformedFileError(1, `the header names column ${repeated.slice(0, 100)} twice`);
  return header;
}

/** CSV with a header row; a row whose field count differs from the header's is rejected alone. */
export function csvReader(validator: RowValidator, sink: RowSink): RowReader {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, max_record_size: MAX_ROW_CHARS });
  let fields = 0;
  let check: CsvRowCheck | null = null;
  let row = 0;
  parser.on('data', (record: string[]) => {
    if (parser.destroyed) return; // the header was refused; records parsed before that are dropped
    row += 1;
    if (check !== null) {
      sink(row, record.length === fields ? check(record) : shapeProblem(`has ${record.length} fields; the header has ${fields}`));
      return;
    }
    try {
      const header = csvHeader(record);
      fields = header.length;
      check = validator.csvColumns(header);
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  const done = finished(parser).then(
    () => {
      if (check === null) throw new MalformedFileError(1, 'the file is empty; expected a header row naming an email column');
    },
    (error: unknown) => {
      throw csvProblem(error);
    },
  );
  return { write: (chunk, taken) => parser.write(chunk, () => taken()), end: () => parser.end(), done };
}

/** One JSON object per line; blank lines are skipped but counted, so row numbers match line numbers. */
export function ndjsonReader(validator: RowValidator, sink: RowSink): RowReader {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  let row = 0;
  let failed = false;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const line = (text: string) => {
    row += 1;
    if (text.length > MAX_ROW_CHARS) throw new MalformedFileError(row, `the line is longer than ${MAX_ROW_CHARS} characters`);
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      sink(row, shapeProblem('is not valid JSON'));
      return;
    }
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    sink(row, isObject ? validator.check(value as Record<string, unknown>) : shapeProblem('is not a JSON object'));
  };
  // A problem ends the file: later chunks are ignored, and `done` carries the problem.
  const guarded = (work: () => void) => {
    if (failed) return;
    try {
      work();
    } catch (error) {
      failed = true;
      settle.reject(error);
    }
  };
  return {
    write(chunk, taken) {
      guarded(() => {
        pending += decoder.decode(chunk, { stream: true });
        let start = 0;
        for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
          line(pending.slice(start, end));
          start = end + 1;
        }
        pending = pending.slice(start);
        if (pending.length > MAX_ROW_CHARS) throw new MalformedFileError(row + 1, `the line is longer than ${MAX_ROW_CHARS} characters`);
      });
      taken();
    },
    end() {
      guarded(() => {
        line(pending + decoder.decode());
        settle.resolve();
      });
    },
    done,
  };
}
