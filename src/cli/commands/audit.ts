import { createWriteStream, rmSync } from 'node:fs';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Command } from 'commander';
import { apiFor, withExamples } from '../command-kit.js';
import { CliError } from '../cli-errors.js';
import { EXIT } from '../exit-codes.js';
import { printFields, printJson, say } from '../output.js';

interface Verification {
  ok: boolean;
  rowsChecked: number;
  chainsChecked: number;
  firstBroken: { id: number; chain: string; seq: number; incidentId: string | null; reason: string } | null;
  heads: Record<string, string>;
}

const brokenAt = (b: NonNullable<Verification['firstBroken']>): string => `chain ${b.chain}, seq ${b.seq} (${b.reason.replace(/_/g, ' ')}; row ${b.id})`;

/** Counts the lines passing through, to say how many rows an export wrote. */
function lineCounter(): Transform & { lines: number } {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (const byte of chunk) if (byte === 0x0a) counter.lines++;
      done(null, chunk);
    },
  }) as Transform & { lines: number };
  counter.lines = 0;
  return counter;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('check the audit hash chains and export an incident’s trail');

  withExamples(
    audit
      .command('verify')
      .description('re-compute the audit hash chains; exit 8 if a link is broken')
      .option('--incident <id>', 'only this incident’s chain')
      .option('--json', 'print the API’s JSON, with each chain’s last hash to keep elsewhere'),
    ['breachline audit verify', 'breachline audit verify --incident "$ID"', 'breachline audit verify --json | jq .heads > audit-heads.json'],
  ).action(async (options, command: Command) => {
    const result = await apiFor(command).get<Verification>('/audit/verify', { incidentId: options.incident });
    if (options.json) printJson(result);
    else {
      printFields([
        ['Audit chain', result.ok ? 'OK' : 'BROKEN'],
        ['Rows checked', result.rowsChecked],
        ['Chains checked', result.chainsChecked],
        ...(result.firstBroken === null ? [] : [['First broken', brokenAt(result.firstBroken)] as [string, string]]),
      ]);
    }
    if (!result.ok) {
      throw new CliError(`the audit chain does not verify${result.firstBroken === null ? '' : `: ${brokenAt(result.firstBroken)}`}`, EXIT.checkFailed);
    }
  });

  withExamples(
    audit
      .command('export')
      .argument('<incident>', 'incident id')
      .description('an incident’s audit trail as JSON lines, with hashes, to verify elsewhere')
      .option('-o, --output <file>', 'write to this file instead of standard output'),
    ['breachline audit export "$ID" -o incident-audit.jsonl', 'breachline audit export "$ID" | jq -c "{seq, action, at}"'],
  ).action(async (incident: string, options, command: Command) => {
    // No time limit: a long trail streams for as long as it takes. A refusal arrives before any file is made.
    const response = await apiFor(command).request('GET', `/incidents/${encodeURIComponent(incident)}/audit`, { timeoutMs: null });
    const file: string | undefined = options.output;
    const counter = lineCounter();
    const target: Writable = file === undefined ? process.stdout : createWriteStream(file);
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), counter, target, { end: file !== undefined });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') throw error; // the reader stopped early (`| head`): not a failure
      if (file !== undefined) rmSync(file, { force: true });
      throw new CliError(`the export stopped early: ${(error as Error).message}`, EXIT.failed);
    }
    if (file !== undefined) say(`wrote ${counter.lines} audit rows of ${incident} to ${file}`);
  });
}
