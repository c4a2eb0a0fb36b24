import { EXIT, exitCodeForStatus, type ExitCode } from './exit-codes.js';

/** An error the CLI explains in one line and ends with a documented exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

export const usageError = (message: string): CliError => new CliError(message, EXIT.usage);

/** RFC 9457 problem details, as the API answers every error. */
interface Problem {
  title?: string;
  status?: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

/** The server refused a request: its status and problem detail, told in one readable line. */
export class ApiError extends CliError {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    fallback: string,
  ) {
    super(describeProblem(status, problem, fallback), exitCodeForStatus(status));
  }
}

function describeProblem(status: number, problem: Problem | null, fallback: string): string {
  const title = problem?.title ?? fallback;
  const parts = [`${status} ${title}`];
  if (problem?.detail !== undefined && problem.detail !== '' && problem.detail !== title) parts.push(problem.detail);
  let line = parts.join(': ');
  if (problem?.errors !== undefined && problem.errors.length > 0) {
    line += ` (${problem.errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; ')})`;
  }
  return line.replace(/\s*\n\s*/g, ' ');
}
