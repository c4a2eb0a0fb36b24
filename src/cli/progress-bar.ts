import type { SingleBar } from 'cli-progress';

/**
 * A live bar on stderr for a person at a terminal, or undefined when stderr is a pipe or a file:
 * redrawn lines there are only noise in a log, so callers print plain lines (or nothing) instead.
 * `format` takes cli-progress tokens ({bar}, {percentage}, {value}, {total}) and the caller's payload.
 */
export async function terminalBar(format: string): Promise<SingleBar | undefined> {
  if (!process.stderr.isTTY) return undefined;
  // Loaded only for a terminal: scripts and pipes never draw a bar, so they need not pay for it.
  const { default: cliProgress } = await import('cli-progress');
  return new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, barsize: 30, fps: 5, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
}

/** `812 B`, `3.4 MB`, `1.2 GB`: file sizes as people read them (powers of 1000, as ls -h --si does). */
export function byteSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface Progress {
  value: number;
  total: number;
  /** running, paused...: a new state is always shown at once. */
  state: string;
  /** The values for the bar's own tokens. */
  payload: Record<string, string | number>;
  /** The same progress as one line, for a log. */
  line: string;
}

/** Plain progress lines: a new state at once, changing counts at most this often. */
const PLAIN_EVERY_MS = 5_000;

/**
 * Progress of something polled, on stderr: a live bar on a terminal; otherwise one plain line per
 * change, rate-limited so a log of a long run stays readable.
 */
export async function progressReport(format: string): Promise<{ show(progress: Progress): void; stop(): void }> {
  const bar = await terminalBar(format);
  if (bar !== undefined) {
    let started = false;
    return {
      show({ value, total, payload }) {
        if (started) return bar.update(value, payload);
        bar.start(total, value, payload);
        started = true;
      },
      stop: () => bar.stop(),
    };
  }
  let last = { line: '', state: '', at: 0 };
  return {
    show({ state, line }) {
      const now = Date.now();
      if (line === last.line || (state === last.state && now - last.at < PLAIN_EVERY_MS)) return;
      last = { line, state, at: now };
      process.stderr.write(`${line}\n`);
    },
    stop: () => undefined,
  };
}
