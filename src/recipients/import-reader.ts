import { pipeline, Transform, Writable, type Readable } from 'node:stream';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { CheckedBatch } from './checked-batch.js';
import { FileTooLargeError, MalformedFileError, UploadInterruptedError } from './import-errors.js';
import type { FromReader, ToReader } from './reader-messages.js';
import { sharedReaderThread } from './shared-reader-thread.js';
import type { ImportFormat } from './recipient-imports.js';

// Body chunks (up to 64 KB each) sent to the reader thread and not yet parsed. This thread sends
// only between transactions, so the queue must hold more than a batch (1,000 rows, about 60 KB)
// for the reader to keep working during one; a few hundred KB is no memory to speak of.
const CREDITS = 8;

const send = (port: MessagePort, message: ToReader, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

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

/** Writes the body to the reader thread, holding back (and so pausing the socket) while out of credits. */
function bodyToReader(port: MessagePort): { sink: Writable; credit: () => void } {
  let credits = CREDITS;
  let waiting: (() => void) | null = null;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const copy = new Uint8Array(chunk); // its own buffer, which can then be moved rather than cloned
      send(port, copy, [copy.buffer]);
      credits -= 1;
      if (credits > 0) done();
      else waiting = done;
    },
    final(done) {
      send(port, 'end');
      done();
    },
  });
  const credit = () => {
    credits += 1;
    const resume = waiting;
    waiting = null;
    resume?.();
  };
  return { sink, credit };
}

/** The reader's messages, in order, for one consumer; a failure from either side ends them. */
class Inbox {
  private readonly queue: FromReader[] = [];
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  push(message: FromReader): void {
    this.queue.push(message);
    this.resume();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.resume();
  }

  async next(): Promise<FromReader> {
    for (;;) {
      if (this.failure !== null) throw this.failure.error;
      const message = this.queue.shift();
      if (message !== undefined) return message;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private resume(): void {
    this.wake?.();
    this.wake = null;
  }
}

/** Reads import bodies into checked batches on the reader thread, so parsing runs beside the writing. */
export class ImportReader {
  constructor(private readonly locales: readonly string[]) {}

  /**
   * The body's rows in batches, in file order. A batch counts as written when the caller asks for
   * the next one; the reader stays at most a few batches ahead, so the database paces the socket.
   */
  async *batches(body: Readable, format: ImportFormat, maxBytes: number): AsyncGenerator<CheckedBatch> {
    const { port1: port, port2 } = new MessageChannel();
    const inbox = new Inbox();
    const { sink, credit } = bodyToReader(port);
    port.on('message', (message: FromReader) => (message.kind === 'credit' ? credit() : inbox.push(message)));
    const detach = sharedReaderThread().open({ port: port2, format, locales: this.locales }, (error) => inbox.fail(error));
    pipeline(body, byteLimit(maxBytes), sink, (error) => {
      // Past the limit is the sender's file; anything else on the way in is the connection breaking.
      if (error) inbox.fail(error instanceof FileTooLargeError ? error : new UploadInterruptedError(error.message));
    });
    try {
      for (;;) {
        const message = await inbox.next();
        if (message.kind === 'done') return;
        if (message.kind === 'malformed') throw new MalformedFileError(message.row, message.reason);
        if (message.kind === 'failed') throw new Error(`reading the file failed: ${message.message}`);
        if (message.kind === 'batch') {
          yield message.batch;
          send(port, 'written');
        }
      }
    } finally {
      detach();
      port.close();
      // Unfinished (the import failed), this ends the body as the pipeline ends it on its own errors.
      sink.destroy();
    }
  }
}
