import type { MessagePort } from 'node:worker_threads';
import type { CheckedBatch } from './checked-batch.js';
import type { ImportFormat } from './recipient-imports.js';

/** Opens one import's reading in the reader thread; everything else goes over `port`. */
export interface ReadRequest {
  port: MessagePort;
  format: ImportFormat;
  locales: readonly string[];
}

/** Main thread -> reader: the body's bytes in order, their end, and "a batch is written". */
export type ToReader = Uint8Array | 'end' | 'written';

/** Reader -> main thread. `credit`: a chunk was taken, so another may be sent. */
export type FromReader =
  | { kind: 'credit' }
  | { kind: 'batch'; batch: CheckedBatch }
  | { kind: 'done' }
  | { kind: 'malformed'; row: number; reason: string }
  | { kind: 'failed'; message: string };
