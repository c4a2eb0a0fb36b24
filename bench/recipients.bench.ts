import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import { peakRssMb, startChild, stopChild } from './child-process.js';
import { compare, type Comparison } from './measure.js';

const ROWS = Number(process.env.BENCH_RECIPIENT_ROWS ?? 1_000_000);
const BATCH = 1000;
const TOKEN = 'bench-admin-token-0123456789';

/** The same rows for both sides: generated as they are consumed, never all held at once. */
function* rows(): Generator<[string, string, string, string, string]> {
  for (let i = 0; i < ROWS; i++) yield [`person${i}@example.com`, `Person ${i}`, i % 7 === 0 ? 'zh-CN' : 'en', i % 3 === 0 ? 'US-CA' : 'DE', `c-${i}`];
}

function* csvChunks(): Generator<string> {
  yield 'email,name,locale,jurisdiction,customer_id\n';
  let lines: string[] = [];
  for (const row of rows()) {
    lines.push(`${row.join(',')}\n`);
    if (lines.length === BATCH) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('');
}

/** The baseline: better-sqlite3, one prepared insert, 1,000 rows per transaction, same unique key. Returns seconds. */
function rawInsert(file: string): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table recipients (id integer primary key autoincrement, incident_id text not null, email_key text not null,
    email text not null, name text, locale text, jurisdiction text, custom text not null, unique (incident_id, email_key))`);
  const insert = db.prepare('insert into recipients (incident_id, email_key, email, name, locale, jurisdiction, custom) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing');
  const batch = db.transaction((items: Array<[string, string, string, string, string]>) => {
    for (const [email, name, locale, jurisdiction, customer] of items) insert.run('incident', email.toLowerCase(), email, name, locale, jurisdiction, JSON.stringify({ customer_id: customer }));
  });
  const started = performance.now();
  let pending: Array<[string, string, string, string, string]> = [];
  for (const row of rows()) {
    pending.push(row);
    if (pending.length === BATCH) {
      batch(pending);
      pending = [];
    }
  }
  batch(pending);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

/** Streams the CSV from this process to the server's import route; resolves with the answer. */
function postCsv(url: string, incidentId: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/incidents/${incidentId}/recipients`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    pipeline(Readable.from(csvChunks()), req).catch(reject);
  });
}

/**
 * The import's rate beside the raw insert's; the server's peak RSS (goal: under 300 MB) is in the
 * name. The baseline runs before and after the import and counts both, so a machine whose load
 * changes during the run (other work on a shared 2-core VM) shifts both sides alike.
 */
export async function recipientImportBenchmark(): Promise<Comparison> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  try {
    const before = rawInsert(join(dir, 'baseline-before.db'));
    let seconds: number;
    let peak: number;
    // Breachline as `npm start` runs it, in its own process so its peak RSS is its own.
    const env = { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, BREACHLINE_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'info', MAIL_OUTBOX_DIR: join(dir, 'outbox') };
    const { child, match } = await startChild(join(import.meta.dirname, '../src/main.ts'), [], env, /"url":"([^"]+)"/);
    const url = match[1]!;
    try {
      const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const incident = (await (await fetch(`${url}/api/v1/incidents`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'bench', severity: 'high' }) })).json()) as { id: string };
      const started = performance.now();
      const answer = await postCsv(url, incident.id);
      seconds = (performance.now() - started) / 1000;
      const summary = JSON.parse(answer.body) as { accepted?: number };
      if (answer.status !== 201 || summary.accepted !== ROWS) throw new Error(`recipient import answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      peak = peakRssMb(child.pid!);
    } finally {
      await stopChild(child);
    }
    const after = rawInsert(join(dir, 'baseline-after.db'));
    const rate = (s: number) => Math.round(ROWS / s).toLocaleString('en-US');
    return compare(
      `Recipients: import ${ROWS.toLocaleString('en-US')} CSV rows over HTTP (server peak RSS ${Math.round(peak)} MB)`,
      { name: `better-sqlite3, 1,000-row transactions (before ${rate(before)}, after ${rate(after)})`, unit: 'rows/s', value: (2 * ROWS) / (before + after) },
      { name: 'POST /api/v1/incidents/{id}/recipients', unit: 'rows/s', value: ROWS / seconds },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
