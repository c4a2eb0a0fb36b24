import { CommanderError } from 'commander';
import { CliError } from './cli-errors.js';
import { EXIT } from './exit-codes.js';
import { buildProgram } from './program.js';

/** `breachline ...`: every failure ends as one line on stderr and a documented exit code. */
export async function runCli(argv: string[]): Promise<void> {
  // A reader that stops early (`| head`) closes stdout: that is its choice, not our failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  // Commander has already printed its own message (or the help or version asked for).
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof CliError) {
    process.stderr.write(`breachline: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`breachline: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT.failed;
}
