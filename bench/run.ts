import os from 'node:os';
import { bareHono, breachlineEvents, honoWithInsert, type LoadResult } from './http.bench.js';
import { lifecycleBenchmark } from './lifecycle.bench.js';
import { compare, printComparisons, type Comparison } from './measure.js';

/**
 * `npm run bench`: every benchmark measures its own baseline in the same run, because absolute
 * numbers move between machines and runs; the ratio is what we track in bench/RESULTS.md.
 * `npm run bench -- recipients alerts` runs only the named groups (lifecycle, http, alerts,
 * recipients, notices, assessment, delivery, console, cli); the alerts group then measures its own Hono + insert baseline.
 */
const groups = ['lifecycle', 'http', 'alerts', 'recipients', 'notices', 'assessment', 'delivery', 'console', 'cli'];
const named = process.argv.slice(2);
const unknown = named.filter((name) => !groups.includes(name));
if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${groups.join(', ')}`);
const selected = (group: string) => named.length === 0 || named.includes(group);

const http = (name: string, result: LoadResult) => ({ name: `${name} (p99 ${result.p99Ms} ms)`, unit: 'req/s', value: result.requestsPerSecond });

function failures(name: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
}

console.log(`node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ${os.platform()}`);
const comparisons: Comparison[] = [];
if (selected('lifecycle')) comparisons.push(await lifecycleBenchmark());

let baseline: LoadResult | undefined;
if (selected('http')) {
  const bare = await bareHono();
  baseline = await honoWithInsert();
  const events = await breachlineEvents();
  for (const [name, result] of [['bare Hono', bare], ['Hono + insert', baseline], ['Breachline events', events]] as const) failures(name, result);
  comparisons.push(
    compare('HTTP: bare Hono JSON POST vs Hono + 1 insert', http('Hono + 1 SQLite insert', baseline), http('bare Hono JSON POST', bare)),
    compare('HTTP: incident event endpoint', http('Hono + 1 SQLite insert', baseline), http('POST /api/v1/incidents/{id}/events', events)),
  );
}
if (selected('alerts')) comparisons.push(await (await import('./alerts.bench.js')).alertIntakeComparison(baseline ?? (await honoWithInsert())));
if (selected('recipients')) comparisons.push(await (await import('./recipients.bench.js')).recipientImportBenchmark());
if (selected('notices')) comparisons.push(...(await (await import('./notices.bench.js')).noticeRenderBenchmark()));
if (selected('assessment')) comparisons.push(...(await (await import('./assessment.bench.js')).assessmentBenchmark()));
if (selected('delivery')) comparisons.push(await (await import('./delivery.bench.js')).deliveryBenchmark());
if (selected('console')) comparisons.push(...(await (await import('./console.bench.js')).consoleBenchmark()));
if (selected('cli')) comparisons.push(...(await (await import('./cli.bench.js')).cliBenchmark()));
printComparisons(comparisons);
