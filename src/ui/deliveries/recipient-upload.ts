import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor } from '../../auth/actor.js';
import { NotFoundError } from '../../errors.js';
import { FileTooLargeError, ImportRefusedError, MalformedFileError, UploadInterruptedError } from '../../recipients/import-errors.js';
import { bodyStream, importFormat } from '../../recipients/import-request.js';
import type { ImportFormat, ImportSummary } from '../../recipients/recipient-imports.js';
import type { Recipients } from '../../recipients/recipients-module.js';

/** The upload form's file input. */
export const FILE_FIELD = 'file';

/** The form itself was wrong before any import began: no file chosen, or not a kind we read. */
class UploadRefusedError extends Error {
  override name = 'UploadRefusedError';
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** By the file's name first: browsers label a .csv differently (Excel's type on Windows). */
function formatOf(filename: string, mimeType: string): ImportFormat | undefined {
  const extension = extname(filename).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  return importFormat(mimeType);
}

async function importFile(recipients: Recipients, incidentId: string, format: ImportFormat, file: Readable, actor: Actor): Promise<ImportSummary> {
  // The same two calls as the API's POST /incidents/{id}/recipients, with the file part as the body.
  const importId = await recipients.imports.begin(incidentId, format, actor);
  return recipients.imports.run(incidentId, importId, format, file, recipients.maxBytes, actor);
}

/**
 * Streams the upload form's file into a recipient import: busboy splits the multipart body as it
 * arrives and the file part goes straight to the import, which applies RECIPIENTS_MAX_BYTES. Other
 * fields are not kept (the CSRF token is in the query), so nothing of the body piles up in memory.
 */
export function receiveUpload(c: Context, recipients: Recipients, incidentId: string, actor: Actor): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': c.req.header('Content-Type') }, limits: { files: 1, fields: 0, parts: 4 } });
    } catch {
      reject(new UploadRefusedError(415, 'send the file with the upload form (multipart/form-data)'));
      return;
    }
    let started = false;
    const noFile = () => new UploadRefusedError(400, 'choose a recipients file to upload');
    parser.on('file', (name, file, info) => {
      if (name !== FILE_FIELD || started) {
        file.resume();
        return;
      }
      started = true;
      const filename = info.filename ?? '';
      const format = formatOf(filename, info.mimeType);
      if (filename === '' || format === undefined) {
        file.resume();
        reject(filename === '' ? noFile() : new UploadRefusedError(415, 'the file must be CSV (.csv) or NDJSON (.ndjson)'));
        return;
      }
      importFile(recipients, incidentId, format, file, actor).then(resolve, reject);
    });
    // Once the file part began, its stream carries any break in the body to the import.
    parser.on('close', () => started || reject(noFile()));
    parser.on('error', (error: Error) => started || reject(new UploadInterruptedError(error.message)));
    const body = bodyStream(c);
    // pipe() passes on no errors: a body that breaks off (the client went away) must break the form.
    body.on('error', (error) => parser.destroy(error));
    body.pipe(parser);
  });
}

/** Why an upload was refused, as the API's import route words it; null for errors that are not refusals. */
export function uploadRefusal(error: unknown): { status: ContentfulStatusCode; detail: string } | null {
  if (error instanceof UploadRefusedError) return { status: error.status, detail: error.message };
  if (error instanceof ImportRefusedError) return { status: 409, detail: error.message };
  if (error instanceof FileTooLargeError) return { status: 413, detail: `${error.message}; nothing was imported` };
  if (error instanceof MalformedFileError) return { status: 400, detail: `${error.message}; nothing was imported` };
  if (error instanceof UploadInterruptedError) return { status: 400, detail: error.message };
  if (error instanceof NotFoundError) return { status: 404, detail: error.message };
  return null;
}
