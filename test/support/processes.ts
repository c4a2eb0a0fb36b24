import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Real processes for the multi-instance tests: Breachline (`src/main.ts`) and the SMTP sink
 * fixture, each started under tsx with its own environment. Every process started here is
 * remembered, so `killAll()` in afterEach leaves nothing running when a test fails halfway.
 */
export const ADMIN = 'multi-instance-admin-token-0123456789';

export interface Started {
  child: ChildProcess;
  /** What `ready` matched on stdout. */
  match: RegExpExecArray;
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout so far. */
  stdout(): string;
}

const children: ChildProcess[] = [];

export function killAll(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Runs a script as its own process and resolves once `ready` matches its stdout. An exit before
 * that fails at once with what the process said, rather than after the whole wait.
 */
export async function startProcess(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = Date.now() + timeoutMs;
  while (!ready.test(stdout) && child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  const match = ready.exec(stdout);
  if (match === null) throw new Error(`${args[0]} did not start (exit ${child.exitCode}): ${stdout} ${stderr}`);
  return { child, match, exited, stdout: () => stdout };
}

export interface Instance extends Started {
  base: string;
}

/** One Breachline process on `databaseUrl`, listening on a free port; `env` adds or overrides settings. */
export async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const started = await startProcess(
    ['src/main.ts'],
    { DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info', BREACHLINE_ADMIN_TOKEN: ADMIN, ...env },
    /"url":"(http:[^"]+)"/,
  );
  return { ...started, base: started.match[1]! };
}

/** SIGTERM, and the exit code of the clean stop it should cause. */
export async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  return started.exited;
}

/** The pino log lines a process wrote, parsed (anything else on stdout is skipped). */
export function logLines(started: Started): Array<Record<string, unknown>> {
  return started
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface SinkProcess extends Started {
  url: string;
  /** What the server accepted so far, in order: [Message-ID, recipient]. */
  accepted(): Array<[string, string]>;
}

/** test/delivery's SMTP sink as its own process, logging each message it accepts to `log`. */
export async function startSinkProcess(log: string): Promise<SinkProcess> {
  const started = await startProcess(['test/delivery/fixtures/smtp-sink-process.ts', log], {}, /\{"port":(\d+)\}/);
  const accepted = (): Array<[string, string]> =>
    existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string]) : [];
  return { ...started, url: `smtp://127.0.0.1:${started.match[1]}`, accepted };
}
