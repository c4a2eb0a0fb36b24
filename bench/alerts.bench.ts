import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startBreachline } from '../src/breachline.js';
import { loadConfig } from '../src/config.js';
import { load, type LoadResult } from './http.bench.js';
import { compare, type Comparison } from './measure.js';

const ALERTNAMES = ['CustomerDbPublicAccess', 'BulkExportSpike', 'AdminLoginFromNewCountry', 'WafSqlInjectionPassed', 'BackupBucketPolicyChanged'];
const PAYLOADS = 80;

export interface AlertLoadResult extends LoadResult {
  alertsPerSecond: number;
  alertsPerRequest: number;
}

/**
 * Alertmanager webhooks as a busy Prometheus sends them: groups of 1-3 alerts over a pool of
 * fingerprints, so the same alert comes again in later notifications (Alertmanager re-sends every
 * group on its repeat interval), some deliveries resolve an alert and later ones fire it again,
 * and a few critical alerts open or join incidents. The load cycles through the list, so after
 * the first pass every delivery is a repeat: the steady state of real traffic.
 */
function webhooks(): Array<{ body: string; alerts: number }> {
  const out: Array<{ body: string; alerts: number }> = [];
  for (let i = 0; i < PAYLOADS; i++) {
    const alertname = ALERTNAMES[i % ALERTNAMES.length]!;
    const severity = i % 10 === 0 ? 'critical' : i % 3 === 0 ? 'warning' : 'info';
    const alerts = Array.from({ length: 1 + (i % 3) }, (_, j) => {
      const host = (i * 7 + j * 13) % 150;
      const status = (i + j) % 17 === 0 ? 'resolved' : 'firing';
      return {
        status,
        labels: { alertname, severity, instance: `db-${host}:9187`, env: 'prod' },
        annotations: { summary: `${alertname} on db-${host}` },
        startsAt: '2026-11-20T07:42:13.512Z',
        endsAt: status === 'resolved' ? '2026-11-20T08:42:13.512Z' : '0001-01-01T00:00:00Z',
        fingerprint: `${alertname}-${host}`,
      };
    });
    const body = { version: '4', status: 'firing', receiver: 'breachline', groupKey: `{}:{alertname="${alertname}"}`, groupLabels: { alertname }, commonLabels: { alertname }, externalURL: 'http://am:9093', alerts };
    out.push({ body: JSON.stringify(body), alerts: alerts.length });
  }
  return out;
}

/** Sustained Alertmanager intake over HTTP with an ingest token, driven from a second process. */
export async function alertIntake(): Promise<AlertLoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  const admin = 'bench-admin-token-0123456789';
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, PORT: '0', BREACHLINE_ADMIN_TOKEN: admin, LOG_LEVEL: 'silent' });
  const breachline = await startBreachline(config, pino({ level: 'silent' }));
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${breachline.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { token: string };
  };
  try {
    const { token } = await call('/api/v1/tokens', { name: 'bench ingest', role: 'ingest' });
    await call('/api/v1/alert-sources', { name: 'prom', kind: 'alertmanager', rules: { autoOpen: [{ minSeverity: 'critical' }], groupBy: ['alertname'] } });
    const payloads = webhooks();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const result = await load(breachline.url, payloads.map(({ body }) => ({ method: 'POST', path: '/api/v1/alerts/alertmanager?source=prom', headers, body })));
    const alertsPerRequest = payloads.reduce((sum, p) => sum + p.alerts, 0) / payloads.length;
    return { ...result, alertsPerRequest, alertsPerSecond: result.requestsPerSecond * alertsPerRequest };
  } finally {
    await breachline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Alerts/s beside the same run's Hono + 1 insert baseline (rows/s: one alert is one row there and
 * here). Requests/s and p99 are in the name, since each webhook carries about two alerts.
 */
export async function alertIntakeComparison(baseline: LoadResult): Promise<Comparison> {
  const ours = await alertIntake();
  if (ours.non2xx > 0 || ours.errors > 0) throw new Error(`alert intake: ${ours.non2xx} non-2xx answers and ${ours.errors} errors under load`);
  return compare(
    'HTTP: Alertmanager alert intake',
    { name: `Hono + 1 SQLite insert (p99 ${baseline.p99Ms} ms)`, unit: 'rows/s', value: baseline.requestsPerSecond },
    {
      name: `POST /api/v1/alerts/alertmanager, ${Math.round(ours.requestsPerSecond)} req/s x ${ours.alertsPerRequest.toFixed(2)} alerts (p99 ${ours.p99Ms} ms)`,
      unit: 'alerts/s',
      value: ours.alertsPerSecond,
    },
  );
}
