import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeForStatus } from '../../src/cli/exit-codes.js';

describe('exit codes', () => {
  it('are the ones the README documents, each once', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('**Errors and exit codes.**'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| code |')));
    const documented = [...table.matchAll(/^\| (\d+) \| /gm)].map((m) => Number(m[1]));
    expect(documented).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });

  it('follow the server’s status', () => {
    expect([401, 403, 404, 409, 412, 400, 413, 415, 422, 500, 503].map(exitCodeForStatus)).toEqual([4, 4, 5, 6, 6, 7, 7, 7, 7, 1, 1]);
  });
});
