import { Worker } from 'node:worker_threads';
import type { ReadRequest } from './reader-messages.js';

/**
 * The worker thread that parses and checks imports (reader-thread.ts), started on first use and
 * shared by every import of the process: starting one costs about half a second, most of it
 * registering tsx in the new thread.
 */
class ReaderThread {
  private readonly worker: Worker;
  private readonly failures = new Set<(error: Error) => void>();
  private crash: Error | null = null;

  constructor(onExit: () => void) {
    this.worker = new Worker(new URL('./reader-thread.mjs', import.meta.url), {
      // Its live data is a few batches; V8's default young generation (48 MB) only delays
      // collections. 8 MB took the import's peak RSS from about 285 to 240 MB at the same rate.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    // Idle, the thread must not keep the process alive; an import's open port does that.
    this.worker.unref();
    this.worker.on('error', (error) => (this.crash = error));
    this.worker.on('exit', (code) => {
      onExit();
      const error = this.crash ?? new Error(`the import reader thread stopped (exit code ${code})`);
      for (const fail of this.failures) fail(error);
    });
  }

  /** Starts reading one import; `fail` hears if the thread dies first. Returns the call that detaches it. */
  open(request: ReadRequest, fail: (error: Error) => void): () => void {
    this.failures.add(fail);
    this.worker.postMessage(request, [request.port]);
    return () => this.failures.delete(fail);
  }
}

let shared: ReaderThread | null = null;

export const sharedReaderThread = (): ReaderThread =>
  (shared ??= new ReaderThread(() => {
    shared = null;
  }));
