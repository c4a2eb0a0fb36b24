import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { startChild, stopChild } from './child-process.js';
import { compare, type Comparison } from './measure.js';

const TOKEN = 'bench-admin-token-0123456789';
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 20);
const ROWS = Number(process.env.BENCH_CLI_ROWS ?? 200_000);
const BIN = join(import.meta.dirname, '../src/cli/breachline.mjs');

/** Runs a process to its end; rejects unless it exits 0. */
function run(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)))),
  );
}

async function seconds(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('email,name,locale,jurisdiction\n');
  for (let i = 0; i < ROWS; i++) {
    if (!out.write(`person${i}@example.com,Person ${i},en,DE\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

// The baselines are bare Node processes doing the same HTTP call with fetch: what any client pays.
const FETCH_LIST = `const r = await fetch(process.env.U + '/api/v1/incidents?limit=25', { headers: { authorization: 'Bearer ' + process.env.T } }); if (!r.ok) process.exit(1); await r.text();`;
const FETCH_UPLOAD = `import { createReadStream } from 'node:fs'; import { Readable } from 'node:stream';
const r = await fetch(process.env.U + '/api/v1/incidents/' + process.env.I + '/recipients', { method: 'POST', duplex: 'half',
  headers: { authorization: 'Bearer ' + process.env.T, 'content-type': 'text/csv' }, body: Readable.toWeb(createReadStream(process.env.F)) });
if (r.status !== 201) { console.error(await r.text()); process.exit(1); }`;

/**
 * The command line against a running server: what one command costs a monitoring script (start-up
 * and one call, beside a bare Node process making the same call), and an upload of a CSV file
 * through `recipients import` beside the same file streamed by fetch.
 */
export async function cliBenchmark(): Promise<Comparison[]> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-cli-'));
  const env = { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, BREACHLINE_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'info', MAIL_OUTBOX_DIR: join(dir, 'outbox') };
  const { child, match } = await startChild(join(import.meta.dirname, '../src/main.ts'), [], env, /"url":"([^"]+)"/);
  const url = match[1]!;
  try {
    const clientEnv = { U: url, T: TOKEN, BREACHLINE_URL: url, BREACHLINE_TOKEN: TOKEN, BREACHLINE_CONFIG: join(dir, 'none.json') };
    const bare = await seconds(async () => {
      for (let i = 0; i < RUNS; i++) await run(['--input-type=module', '-e', FETCH_LIST], clientEnv);
    });
    const cli = await seconds(async () => {
      for (let i = 0; i < RUNS; i++) await run([BIN, 'incidents', 'list', '--json'], clientEnv);
    });

    const file = join(dir, 'recipients.csv');
    await writeCsv(file);
    const incident = async () => {
      const answer = await fetch(`${url}/api/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'bench', severity: 'high' }),
      });
      return ((await answer.json()) as { id: string }).id;
    };
    const upload = async (id: string) => run(['--input-type=module', '-e', FETCH_UPLOAD], { ...clientEnv, I: id, F: file });
    // The baseline runs before and after, so load that changes during the run shifts both sides alike.
    const before = await seconds(async () => upload(await incident()));
    const id = await incident();
    const imported = await seconds(() => run([BIN, 'recipients', 'import', id, file], clientEnv));
    const after = await seconds(async () => upload(await incident()));
    const rows = ROWS.toLocaleString('en-US');
    return [
      compare(
        `CLI: one command, start to answer (${RUNS} runs, sequential)`,
        { name: `node -e "fetch(GET /api/v1/incidents)" (${Math.round((1000 * bare) / RUNS)} ms each)`, unit: 'runs/min', value: (60 * RUNS) / bare },
        { name: `breachline incidents list --json (${Math.round((1000 * cli) / RUNS)} ms each)`, unit: 'runs/min', value: (60 * RUNS) / cli },
      ),
      compare(
        `CLI: upload a ${rows}-row CSV file`,
        { name: `node fetch streaming the file (before ${Math.round(ROWS / before)}, after ${Math.round(ROWS / after)})`, unit: 'rows/s', value: (2 * ROWS) / (before + after) },
        { name: 'breachline recipients import', unit: 'rows/s', value: ROWS / imported },
      ),
    ];
  } finally {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  }
}
