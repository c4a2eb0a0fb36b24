import type { RecipientQueries } from './recipient-queries.js';

const PAGE = 1000;

/** A cell quoted for CSV; a leading = + - @ is defused so spreadsheets show it instead of running it. */
function cell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * An import's rejected rows as CSV (row, reason, email), read page by page as the client reads,
 * so a file with a million bad rows is never held in memory or holds the database for long.
 */
export function rejectionsCsv(queries: RecipientQueries, importId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode('row,reason,email\r\n'));
        return;
      }
      const page = await queries.rejections(importId, after, PAGE);
      if (page.length === 0) {
        controller.close();
        return;
      }
      after = page[page.length - 1]!.id;
      controller.enqueue(encoder.encode(page.map((r) => `${r.row},${cell(r.reason)},${cell(r.email)}\r\n`).join('')));
    },
  });
}
