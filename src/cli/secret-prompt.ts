import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { readInput } from './input-file.js';

/**
 * A secret from the terminal without echoing it, or the first line of piped standard input, so
 * tokens stay out of shell history and the process list.
 */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return readInput('-').split(/\r?\n/)[0]!.trim();
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    const line = await new Promise<string>((resolve) => reader.once('line', resolve));
    return line.trim();
  } finally {
    reader.close();
    process.stderr.write('\n');
  }
}
