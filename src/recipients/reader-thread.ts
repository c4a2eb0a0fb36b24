import { parentPort, type MessagePort } from 'node:worker_threads';
import { BATCH_ROWS, BatchBuilder } from './checked-batch.js';
import { MalformedFileError } from './import-errors.js';
import type { FromReader, ReadRequest, ToReader } from './reader-messages.js';
import { RowValidator } from './recipient-row.js';
import { csvReader, ndjsonReader, type RowReader } from './row-readers.js';

/**
 * The reader thread: parses and checks imports' bytes while the main thread writes the batches
 * it sends, so the two run on two cores. One thread serves every import of the process.
 */

// Batches sent but not yet written: one being written and two ready. Parsing waits beyond that,
// so the main thread's credits run out and it pauses the socket while the database is behind.
const MAX_UNWRITTEN = 3;

/**
 * One import's reading. Chunks queue here and are parsed while fewer than MAX_UNWRITTEN batches
 * wait; each parsed chunk sends a credit back at once. The main thread hands over chunks only
 * between its transactions, so queued chunks are what keeps this thread busy during them.
 */
class ImportReading {
  private readonly queued: Buffer[] = [];
  private readonly batch = new BatchBuilder();
  private readonly reader: RowReader;
  private unwritten = 0;
  private endRequested = false;
  private ended = false;

  constructor(
    private readonly port: MessagePort,
    { format, locales }: Omit<ReadRequest, 'port'>,
  ) {
    this.reader = (format === 'csv' ? csvReader : ndjsonReader)(new RowValidator(locales), (row, result) => {
      this.batch.add(row, result);
      if (this.batch.size >= BATCH_ROWS) this.sendBatch();
    });
    // If the main thread gives up (its port closes), nothing more arrives and the reading is dropped.
    this.reader.done.then(
      () => {
        if (this.batch.size > 0) this.sendBatch();
        this.post({ kind: 'done' });
      },
      (error: unknown) => {
        if (error instanceof MalformedFileError) this.post({ kind: 'malformed', row: error.row, reason: error.reason });
        else this.post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  receive(message: ToReader): void {
    if (message === 'written') this.unwritten -= 1;
    else if (message === 'end') this.endRequested = true;
    else this.queued.push(Buffer.from(message.buffer, message.byteOffset, message.byteLength));
    this.parseQueued();
  }

  private parseQueued(): void {
    while (this.unwritten < MAX_UNWRITTEN && this.queued.length > 0) this.reader.write(this.queued.shift()!, () => this.post({ kind: 'credit' }));
    if (this.endRequested && this.queued.length === 0 && !this.ended) {
      this.ended = true;
      this.reader.end();
    }
  }

  private sendBatch(): void {
    this.post({ kind: 'batch', batch: this.batch.take() });
    this.unwritten += 1;
  }

  private post(message: FromReader): void {
    this.port.postMessage(message);
  }
}

parentPort!.on('message', ({ port, ...request }: ReadRequest) => {
  const reading = new ImportReading(port, request);
  port.on('message', (message: ToReader) => reading.receive(message));
});
