import { readFileSync } from 'node:fs';
import { usageError } from './cli-errors.js';

/** The text of FILE, or of standard input when FILE is `-`. */
export function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** A YAML or JSON document (JSON is YAML), as the value it holds; a parse error names the line. */
export async function readDocument(file: string): Promise<unknown> {
  const text = readInput(file);
  // Loaded only when a command reads a file: every command's start-up would pay for it otherwise.
  const { parse } = await import('yaml');
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    throw usageError(`${file}: not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** A document that must be a mapping (an object), as event payloads and facts files are. */
export async function readObject(file: string): Promise<Record<string, unknown>> {
  const value = await readDocument(file);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw usageError(`${file}: expected a mapping of fields (an object)`);
  return value as Record<string, unknown>;
}
