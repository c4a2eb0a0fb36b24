import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import type { ImportFormat } from './recipient-imports.js';

const IMPORT_PATH = /^\/(?:api\/v1|console)\/incidents\/[^/]+\/recipients$/;

/**
 * The routes whose body is a file streamed to the database, exempt from the global body limit: the
 * API's import and the console's upload form (multipart) post to the same path under their prefix.
 */
export const isRecipientImport = (method: string, path: string): boolean => method === 'POST' && IMPORT_PATH.test(path);

// A Map: the caller's Content-Type must not find a prototype member ("__proto__", "constructor").
const FORMATS = new Map<string, ImportFormat>([
  ['text/csv', 'csv'],
  ['application/x-ndjson', 'ndjson'],
]);

export const importFormat = (contentType: string | undefined): ImportFormat | undefined =>
  FORMATS.get((contentType ?? '').split(';')[0]!.trim().toLowerCase());

/**
 * The request body as a Node stream. On the Node adapter that is the socket's request itself, which
 * avoids building a WHATWG Request; elsewhere the web body stream is adapted.
 */
export function bodyStream(c: Context): Readable {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming !== undefined) return incoming;
  const body = c.req.raw.body;
  return body === null ? Readable.from([]) : Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
}
