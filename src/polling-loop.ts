import type { Logger } from 'pino';

/**
 * Runs `pass` now and then every `intervalMs` after the previous pass ends, never two at once.
 * Workers built on it keep no state between passes: all they act on is read from the database.
 */
export class PollingLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly pass: () => Promise<unknown>,
    private readonly logger?: Logger,
  ) {}

  get stopRequested(): boolean {
    return this.stopping;
  }

  start(): void {
    this.stopping = false;
    this.schedule(0);
  }

  /** Resolves once the pass in progress, if any, has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .then(() => undefined)
        .catch((error: unknown) => this.logger?.error({ err: error, worker: this.name }, 'pass failed; retrying next interval'))
        .finally(() => this.schedule(this.intervalMs));
    }, delayMs);
  }
}
