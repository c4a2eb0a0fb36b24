import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Option, type Command } from 'commander';
import { apiFor, sayNextPage, withExamples, withPaging } from '../command-kit.js';
import { usageError } from '../cli-errors.js';
import { printFields, printJson, printTable, say, utcTime } from '../output.js';
import { byteSize, terminalBar } from '../progress-bar.js';

type UploadFormat = 'csv' | 'ndjson';

interface ImportSummary {
  importId: string;
  status: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  total: number;
}

interface ImportJson extends Omit<ImportSummary, 'importId'> {
  id: string;
  format: UploadFormat;
  failure: string | null;
  createdBy: string;
  createdAt: string;
}

interface RecipientPage {
  items: Array<{ email: string; name: string | null; locale: string | null; jurisdiction: string | null; custom: Record<string, string> }>;
  nextCursor: string | null;
}

const CONTENT_TYPES: Record<UploadFormat, string> = { csv: 'text/csv', ndjson: 'application/x-ndjson' };

export function registerRecipients(program: Command): void {
  const recipients = program.command('recipients').description('import the people a notice goes to, and check what was imported');

  withExamples(
    recipients
      .command('import')
      .argument('<incident>', 'incident id')
      .argument('<file>', 'a CSV file with a header row (.csv) or one JSON object per line (.ndjson, .jsonl); - for stdin')
      .description('upload a recipients file, streamed (columns email, name, locale, jurisdiction; others kept as custom fields)')
      .addOption(new Option('--format <format>', 'the file’s format, when its name does not tell').choices(['csv', 'ndjson']))
      .option('--json', 'print the API’s JSON summary'),
    [
      'breachline recipients import "$ID" customers.csv',
      'breachline recipients import "$ID" export.jsonl',
      'gunzip -c customers.csv.gz | breachline recipients import "$ID" - --format csv',
    ],
  ).action(async (incident: string, file: string, options, command: Command) => {
    const format: UploadFormat = options.format ?? formatByName(file);
    const api = apiFor(command);
    const { source, size } = await openSource(file);
    // From stdin the size is unknown, so there is nothing to measure a bar against.
    const bar = size === undefined ? undefined : await terminalBar('uploading {bar} {percentage}% | {sent} of {size}');
    bar?.start(size ?? 0, 0, { sent: byteSize(0), size: byteSize(size ?? 0) });
    let summary: ImportSummary;
    try {
      const response = await api.request('POST', `/incidents/${encodeURIComponent(incident)}/recipients`, {
        body: countedStream(source, (sent) => bar?.update(sent, { sent: byteSize(sent) })),
        contentType: CONTENT_TYPES[format],
        timeoutMs: null,
      });
      summary = (await response.json()) as ImportSummary;
    } finally {
      bar?.stop();
      source.destroy();
    }
    if (options.json) return printJson(summary);
    printFields([
      ['import', summary.importId],
      ['status', summary.status],
      ['rows', summary.total],
      ['accepted', summary.accepted],
      ['duplicates', summary.duplicates],
      ['rejected', summary.rejected],
    ]);
    if (summary.rejected + summary.duplicates > 0) {
      say(`rows not imported, with the reason: breachline recipients rejections ${incident} ${summary.importId} -o rejections.csv`);
    }
  });

  withExamples(
    withPaging(recipients.command('list'), 500, 100)
      .argument('<incident>', 'incident id')
      .description('the incident’s recipients, in import order (personal data: not for viewers)')
      .option('--json', 'print the API’s JSON'),
    ['breachline recipients list "$ID" --limit 20', 'breachline recipients list "$ID" --json | jq -r ".items[].email"'],
  ).action(async (incident: string, options, command: Command) => {
    const page = await apiFor(command).get<RecipientPage>(`/incidents/${encodeURIComponent(incident)}/recipients`, { limit: options.limit, cursor: options.cursor });
    if (options.json) return printJson(page);
    printTable(
      ['EMAIL', 'NAME', 'LOCALE', 'JURISDICTION', 'FIELDS'],
      page.items.map((r) => [r.email, r.name, r.locale, r.jurisdiction, Object.entries(r.custom).map(([key, value]) => `${key}=${value}`).join(' ') || null]),
    );
    sayNextPage(page.nextCursor);
  });

  withExamples(
    recipients.command('imports').argument('<incident>', 'incident id').description('the incident’s imports with their counts, oldest first').option('--json', 'print the API’s JSON'),
    ['breachline recipients imports "$ID"'],
  ).action(async (incident: string, options, command: Command) => {
    const answer = await apiFor(command).get<{ items: ImportJson[] }>(`/incidents/${encodeURIComponent(incident)}/recipient-imports`);
    if (options.json) return printJson(answer);
    printTable(
      ['ID', 'FORMAT', 'STATUS', 'ROWS', 'ACCEPTED', 'DUPLICATES', 'REJECTED', 'CREATED (UTC)', 'BY', 'FAILURE'],
      answer.items.map((i) => [i.id, i.format, i.status, i.total, i.accepted, i.duplicates, i.rejected, utcTime(i.createdAt), i.createdBy, i.failure]),
    );
  });

  withExamples(
    recipients
      .command('rejections')
      .argument('<incident>', 'incident id')
      .argument('<import>', 'import id (from `recipients import` or `recipients imports`)')
      .description('the rejected and duplicate rows of an import as CSV: row, reason, email as given')
      .option('-o, --output <file>', 'write the CSV to this file instead of stdout'),
    ['breachline recipients rejections "$ID" "$IMPORT" -o rejections.csv', 'breachline recipients rejections "$ID" "$IMPORT" | grep invalid'],
  ).action(async (incident: string, importId: string, options, command: Command) => {
    const path = `/incidents/${encodeURIComponent(incident)}/recipient-imports/${encodeURIComponent(importId)}/rejections`;
    const response = await apiFor(command).request('GET', path, { headers: { Accept: 'text/csv' }, timeoutMs: null });
    const csv = Readable.fromWeb((response.body ?? new ReadableStream()) as NodeReadableStream<Uint8Array>);
    if (options.output === undefined) return pipeline(csv, process.stdout, { end: false });
    // Opened only once the server has answered, so a refusal leaves no empty file behind.
    const out = createWriteStream(options.output);
    try {
      await once(out, 'open');
    } catch (error) {
      throw usageError(`${options.output}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    await pipeline(csv, out);
    say(`saved to ${options.output}`);
  });
}

function formatByName(file: string): UploadFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  throw usageError(`${file}: cannot tell the format from the name; pass --format csv or --format ndjson`);
}

/** The file (or stdin) to upload, opened before anything is sent so a bad path is a usage error. */
async function openSource(file: string): Promise<{ source: Readable; size: number | undefined }> {
  if (file === '-') return { source: process.stdin, size: undefined };
  try {
    const handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      throw usageError(`${file}: not a file`);
    }
    return { source: handle.createReadStream(), size: stat.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw usageError(`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/**
 * The upload body, read only as fetch asks for more, so the bytes counted are the bytes on their way
 * to the server and a file of any size stays out of memory.
 */
function countedStream(source: Readable, onProgress: (sent: number) => void): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = (await chunks.next()) as IteratorResult<Buffer>;
        if (next.done === true) return controller.close();
        sent += next.value.length;
        onProgress(sent);
        controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
