import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** BREACHLINE_URL; omit for a command that does not reach a server. */
  url?: string;
  /** BREACHLINE_TOKEN. */
  token?: string;
  /** Written to standard input, then closed. */
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
}

/** A home of its own for each test file, so no CLI run reads or writes a real login. */
export function cliHome(): { config: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-cli-'));
  return { dir, config: join(dir, 'config.json'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const BIN = join(import.meta.dirname, '../../src/cli/breachline.mjs');

/**
 * Runs `breachline ARGS` as its own process, as a user or a script would: the package's bin, its
 * output and its exit code. Standard input is closed (or fed `input`), never a terminal.
 */
export function runCli(args: string[], options: CliOptions & { config: string }): Promise<CliResult> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), BREACHLINE_CONFIG: options.config, ...options.env };
  delete env.BREACHLINE_URL;
  delete env.BREACHLINE_TOKEN;
  if (options.url !== undefined) env.BREACHLINE_URL = options.url;
  if (options.token !== undefined) env.BREACHLINE_TOKEN = options.token;
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A runner bound to one server and config file: `cli(['incidents', 'list'], { token })`. */
export function cliFor(url: string, config: string) {
  return (args: string[], options: CliOptions = {}) => runCli(args, { url, config, ...options });
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function downUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export type Cli = ReturnType<typeof cliFor>;

export interface CliTestContext {
  server: TestServer;
  home: ReturnType<typeof cliHome>;
  /** `breachline ARGS` against `server`, with its own login file. */
  cli: Cli;
}

/** One real server and a CLI home for a test file: started before its tests, stopped after them. */
export function cliTestContext(env: Record<string, string> = {}): CliTestContext {
  const context = {} as CliTestContext;
  beforeAll(async () => {
    context.home = cliHome();
    context.server = await startTestServer(env);
    context.cli = cliFor(context.server.url, context.home.config);
  });
  afterAll(async () => {
    await context.server?.stop();
    context.home?.remove();
  });
  return context;
}
