import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSource, fixture } from '../../alerts/support.js';
import { readJson } from '../../support/server.js';
import { cliTestContext, downUrl, runCli } from '../cli-runner.js';

const t = cliTestContext();

const ALERTMANAGER = join(import.meta.dirname, '../../alerts/fixtures/alertmanager-firing.json');
const alertsOf = async (source: string) => (await readJson(await t.server.request(`/api/v1/alerts?source=${source}`))).items as any[];

/** A fixture with its placeholders filled, written where the CLI can read it. */
function fixtureFile(name: string, fill: Record<string, string>, as = name): string {
  const path = join(t.home.dir, as);
  writeFileSync(path, JSON.stringify(fixture(name, fill)));
  return path;
}

describe('breachline alerts', () => {
  it('sends an Alertmanager webhook with the ingest token, folds a re-send into the same alerts, and lists and shows them', async () => {
    await createSource(t.server, { name: 'prom', kind: 'alertmanager', rules: { autoOpen: [{ minSeverity: 'high' }], groupBy: ['alertname'] } });
    const ingest = t.server.tokens.ingest;
    const first = await t.cli(['alerts', 'send', ALERTMANAGER, '--kind', 'alertmanager', '--source', 'prom'], { token: ingest });
    expect(first.code, first.stderr).toBe(0);
    const stored = await alertsOf('prom');
    expect(stored).toHaveLength(2);
    const incidentId = stored[0].incidentId as string;
    expect(incidentId).toEqual(expect.any(String));
    expect(first.stdout.split('\n')[0]).toMatch(/^ALERT +OUTCOME +STATUS +INCIDENT +DEDUP KEY$/);
    expect(first.stdout).toMatch(new RegExp(`\\n${stored[0].id} +created +firing +${incidentId} +\\w+`));
    expect(first.stderr).toBe(`accepted 2 alerts: 2 created; incident ${incidentId}\n`);

    const again = await t.cli(['alerts', 'send', ALERTMANAGER, '--kind', 'alertmanager', '--source', 'prom', '--json'], { token: ingest });
    expect(JSON.parse(again.stdout).alerts.map((r: { outcome: string }) => r.outcome)).toEqual(['deduplicated', 'deduplicated']);
    expect((await alertsOf('prom')).map((a) => a.count)).toEqual([2, 2]);

    const viewer = t.server.tokens.viewer;
    const [list, listJson, show, showJson, missing] = await Promise.all([
      t.cli(['alerts', 'list', '--source', 'prom', '--status', 'firing'], { token: viewer }),
      t.cli(['alerts', 'list', '--incident', incidentId, '--limit', '1', '--json'], { token: viewer }),
      t.cli(['alerts', 'show', stored[0].id], { token: viewer }),
      t.cli(['alerts', 'show', stored[0].id, '--json'], { token: viewer }),
      t.cli(['alerts', 'show', 'no-such-alert'], { token: viewer }),
    ]);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID +SEVERITY +STATUS +COUNT +LAST SEEN \(UTC\) +SOURCE +INCIDENT +TITLE$/);
    expect(list.stdout).toMatch(new RegExp(`${stored[1].id} +critical +firing +2 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +prom +${incidentId} +Customer database`));
    const page = JSON.parse(listJson.stdout);
    expect(page.items).toHaveLength(1);
    expect(listJson.stderr).toBe('');
    expect(show.stdout).toMatch(new RegExp(`^Alert: +${stored[0].id}\\nTitle: +Customer database accepts connections from the internet\\n`));
    expect(show.stdout).toMatch(/\nDeliveries: +2\n/);
    expect(show.stdout).toContain('alertname=CustomerDbPublicAccess');
    expect(JSON.parse(showJson.stdout).payloads.first.receiver).toBe('breachline');
    expect(missing.code).toBe(5);
    expect(missing.stderr).toBe('breachline: 404 Not Found: alert no-such-alert not found\n');
  });

  it('signs a generic alert with an hmac source’s secret and sends no token; a wrong secret is refused', async () => {
    const { secret } = await createSource(t.server, { name: 'posture', kind: 'generic', auth: 'hmac' });
    const json = fixtureFile('generic.json', { SOURCE: 'posture' });
    // YAML, from stdin, naming no source: --source fills it in (and the signature covers the result).
    const yaml = 'dedupKey: iam/root-login\ntitle: Root account signed in\nseverity: critical\nlabels: { account: prod-eu }\n';
    const [signed, fromEnv, wrong] = await Promise.all([
      t.cli(['alerts', 'send', json, '--secret', secret]),
      t.cli(['alerts', 'send', '-', '--source', 'posture'], { input: yaml, env: { BREACHLINE_SOURCE_SECRET: secret } }),
      t.cli(['alerts', 'send', json], { env: { BREACHLINE_SOURCE_SECRET: 'whsec_wrong' } }),
    ]);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).toBe('accepted 1 alert: 1 created; on no incident\n');
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    const stored = await alertsOf('posture');
    expect(stored.map((a) => a.dedupKey).sort()).toEqual(['iam/root-login', 's3-public-bucket/customer-invoices']);
    expect(stored.find((a) => a.dedupKey === 'iam/root-login')).toMatchObject({ severity: 'critical', labels: { account: 'prod-eu' } });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/^breachline: 401 Unauthorized: X-Breachline-Signature must be sha256=<hex/);
  });

  it('sends a PagerDuty event by its routing key and prints the dedup key', async () => {
    const { routingKey } = await createSource(t.server, { name: 'waf', kind: 'pagerduty' });
    const sent = await t.cli(['alerts', 'send', fixtureFile('pagerduty-trigger.json', { ROUTING_KEY: routingKey }), '--kind', 'pagerduty']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toBe('waf-sqli-checkout-2026-11-22\n');
    expect(sent.stderr).toBe('accepted: Event processed (dedup key waf-sqli-checkout-2026-11-22)\n');
    expect((await alertsOf('waf'))[0]).toMatchObject({ dedupKey: 'waf-sqli-checkout-2026-11-22', severity: 'critical' });
  });

  it('refuses bad arguments before sending, other roles, and a server that is down', async () => {
    await createSource(t.server, { name: 'app', kind: 'generic' });
    const generic = fixtureFile('generic.json', { SOURCE: 'app' }, 'app.json');
    const ingest = t.server.tokens.ingest;
    const down = await downUrl();
    const [noSource, noFile, pagerdutySecret, asViewer, downToken, downSigned] = await Promise.all([
      t.cli(['alerts', 'send', ALERTMANAGER, '--kind', 'alertmanager'], { token: ingest }),
      t.cli(['alerts', 'send', join(t.home.dir, 'nope.json')], { token: ingest }),
      t.cli(['alerts', 'send', generic, '--kind', 'pagerduty', '--secret', 'x']),
      t.cli(['alerts', 'send', generic], { token: t.server.tokens.viewer }),
      runCli(['alerts', 'send', generic], { url: down, token: ingest, config: t.home.config }),
      runCli(['alerts', 'send', generic, '--secret', 'x'], { url: down, config: t.home.config }),
    ]);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toBe('breachline: --kind alertmanager: --source <name> is required (the webhook names its source in the URL)\n');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe(`breachline: ${join(t.home.dir, 'nope.json')}: no such file\n`);
    expect(pagerdutySecret.code).toBe(2);
    expect(pagerdutySecret.stderr).toMatch(/^breachline: --kind pagerduty: the routing_key in the file names and authenticates the source/);
    expect(asViewer.code).toBe(4);
    expect(asViewer.stderr).toBe("breachline: 403 Forbidden: only ingest tokens may post alerts (this token's role: viewer)\n");
    expect(await alertsOf('app')).toEqual([]);
    for (const result of [downToken, downSigned]) {
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/^breachline: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\); is the server running\?/);
    }
  });
});
